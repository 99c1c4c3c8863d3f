#include "ui/conversation/answer_recorder.h"

namespace leopard::ui {

AnswerRecorder::AnswerRecorder(Save save, SavedConversation *conversation, int intervalMs)
    : m_save(std::move(save)), m_conversation(conversation), m_intervalMs(intervalMs)
{
}

bool AnswerRecorder::saveNow(TurnState state)
{
    SessionTurn &turn = m_conversation->turns.last();
    turn.state = state;
    turn.answered = QDateTime::currentDateTimeUtc();
    m_sinceSave.restart();
    m_dirty = false;
    ++m_saves;
    return m_save(*m_conversation, &m_error);
}

bool AnswerRecorder::begin(const SessionTurn &turn)
{
    m_conversation->turns.append(turn);
    if (!m_conversation->turns.last().asked.isValid())
        m_conversation->turns.last().asked = QDateTime::currentDateTimeUtc();
    m_sinceSave.start();
    // The question is on disk before the first token: a crash during prefill still leaves it.
    return saveNow(TurnState::Interrupted);
}

bool AnswerRecorder::append(const QString &piece)
{
    if (m_conversation->turns.isEmpty())
        return false;
    m_conversation->turns.last().answer += piece;
    m_dirty = true;
    if (m_sinceSave.isValid() && m_sinceSave.elapsed() < m_intervalMs)
        return true;
    return saveNow(TurnState::Interrupted);
}

bool AnswerRecorder::flush()
{
    return !m_dirty || saveNow(TurnState::Interrupted);
}

bool AnswerRecorder::finish()
{
    return !m_conversation->turns.isEmpty() && saveNow(TurnState::Complete);
}

bool AnswerRecorder::interrupt()
{
    return !m_conversation->turns.isEmpty() && saveNow(TurnState::Interrupted);
}

} // namespace leopard::ui
