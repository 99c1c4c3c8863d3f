// An answer's evidence in the real window, offscreen: a saved conversation about the sample report
// whose answer restates two facts of page 1 ("1,871 thousand TEU", "6.1 %") and a number printed
// nowhere; once the report is indexed the answer's found spans are links, following one shows
// page 1 with the passage boxed where `pdftotext -bbox` (poppler-utils) has those words, the strip
// tags the page, and the number printed nowhere gets no link. Exports (HTML, Markdown, PDF read back
// by pdftotext) list the passages under the answer and box them on the page picture where pdftotext
// has the words; Copy Answer carries them too.
#include "tests/index/pdftotext_words.h"
#include "ui/chat/chat_panel.h"
#include "ui/conversation/session_store.h"
#include "ui/evidence/evidence_view.h"
#include "ui/evidence/turn_evidence.h"
#include "ui/export/export_actions.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/search/document_index.h"
#include "ui/window/main_window.h"

#include <QClipboard>
#include <QMimeData>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kAnswer = QStringLiteral(
    "Volume reached 1,871 thousand TEU, up 6.1 % on the quarter. Rail capacity was 7,913 thousand tonnes.");

// Every link in the transcript: (href, text).
QList<QPair<QString, QString>> links(QTextBrowser *b)
{
    QList<QPair<QString, QString>> out;
    for (QTextBlock block = b->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor() && f.anchorHref().startsWith(QStringLiteral("leopard-evidence:")))
                out << qMakePair(f.anchorHref(), it.fragment().text());
        }
    return out;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// pdftotext's box of the word starting with `prefix` on 1-based `page`, normalised.
QRectF referenceBox(int page, const QString &prefix)
{
    const RefPage ref = pdftotextWords(kReport, page);
    for (const RefWord &w : ref.words)
        if (w.text.startsWith(prefix))
            return QRectF(w.box.x() / ref.width, w.box.y() / ref.height, w.box.width() / ref.width, w.box.height() / ref.height);
    return {};
}

// The share of `image`'s pixels inside `box` (normalised) tinted evidence green.
double greenShare(const QImage &image, const QRectF &box)
{
    const QRect r = QRectF(box.x() * image.width(), box.y() * image.height(), box.width() * image.width(),
                           box.height() * image.height()).toAlignedRect().intersected(image.rect());
    int green = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            green += c.green() > c.red() + 20;
        }
    return r.isEmpty() ? 0 : double(green) / (r.width() * r.height());
}

bool within(const QRectF &box, const QRectF &ref, double tolerance)
{
    return box.left() <= ref.left() + tolerance && box.right() >= ref.right() - tolerance
        && std::abs(box.top() - ref.top()) <= 3 * tolerance && std::abs(box.bottom() - ref.bottom()) <= 3 * tolerance;
}
} // namespace

class TestAnswerEvidence : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        // The saved conversation the app shows when the report is opened (its last one).
        SessionStore store;
        QDir(store.directory()).removeRecursively();
        SessionDocument doc{kReport, SessionStore::hashDocument(kReport), {}};
        SavedConversation c = store.create({doc});
        SessionTurn t;
        t.question = QStringLiteral("How much volume went through the corridors?");
        t.answer = kAnswer;
        t.pages = {SessionPageRef{kReport, 1}, SessionPageRef{kReport, 2}};
        t.state = TurnState::Complete;
        t.asked = t.answered = QDateTime::currentDateTimeUtc();
        c.turns << t;
        QString error;
        QVERIFY2(store.save(c, &error), qPrintable(error));

        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFiles({kReport});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(1), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->chatPanel()->turnCount(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentIndex()->isReady(), 60000);
    }

    void foundSpansBecomeLinks()
    {
        ChatPanel *chat = m_window->chatPanel();
        QTRY_VERIFY_WITH_TIMEOUT(chat->turnEvidence()->isKnown(0), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!links(chat->transcript()).isEmpty(), 10000);
        QStringList texts;
        for (const auto &l : links(chat->transcript()))
            texts << l.second;
        QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("1,871")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("6.1")), qPrintable(texts.join(QLatin1Char('|'))));
        for (const QString &t : texts) // printed nowhere: no link
            QVERIFY2(!t.contains(QStringLiteral("7,913")), qPrintable(t));
        QVERIFY(chat->transcriptText().contains(QStringLiteral("Show all evidence")));
    }

    void followingALinkBoxesThePassage()
    {
        ChatPanel *chat = m_window->chatPanel();
        QString href;
        for (const auto &l : links(chat->transcript()))
            if (l.second.contains(QStringLiteral("1,871")))
                href = l.first;
        QVERIFY(!href.isEmpty());
        chat->openPageLink(QUrl(href));
        PageView *view = m_window->pageView();
        QTRY_COMPARE(view->page().page, 0);
        QTRY_VERIFY(!view->marks().currentEvidence.isEmpty());
        // pdftotext's boxes of "1,871" on page 1: the evidence box holds it (1 pt).
        const QRectF number = referenceBox(1, QStringLiteral("1,871"));
        QVERIFY(!number.isEmpty());
        bool held = false;
        for (const QRectF &b : view->marks().currentEvidence)
            held = held || within(b, number, 1.0 / 612);
        QVERIFY2(held, "no evidence box holds pdftotext's box of 1,871");
        // The strip tags page 1, not page 2 (nothing of the answer is there).
        const viewer::Document *doc = m_window->pageStripModel()->documents().first().get();
        PageStripDelegate *delegate = m_window->pageStripView()->stripDelegate();
        QVERIFY(delegate->hasEvidenceMark(doc, 0));
        QVERIFY(!delegate->hasEvidenceMark(doc, 1));
        // Another page shown: its evidence only (none); back on page 1 the boxes return.
        m_window->showPage({m_window->pageStripModel()->documents().first(), 1});
        QVERIFY(view->marks().evidence.isEmpty() && view->marks().currentEvidence.isEmpty());
        m_window->showPage({m_window->pageStripModel()->documents().first(), 0});
        QVERIFY(!view->marks().currentEvidence.isEmpty());
    }

    void showAllEvidence()
    {
        ChatPanel *chat = m_window->chatPanel();
        m_window->showPage({m_window->pageStripModel()->documents().first(), 1});
        chat->openPageLink(QUrl(QStringLiteral("leopard-evidence:all/0")));
        PageView *view = m_window->pageView();
        QTRY_COMPARE(view->page().page, 0);
        // All of the turn's evidence on the page, none singled out.
        QVERIFY(view->marks().currentEvidence.isEmpty());
        QVERIFY(view->marks().evidence.size() >= 2);
    }

    void exportsListAndBoxTheEvidence()
    {
        auto *actions = m_window->findChild<ExportActions *>(QStringLiteral("exportActions"));
        QVERIFY(actions);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString html = dir.filePath(QStringLiteral("answer.html"));
        QVERIFY2(actions->exportTo(0, html, &error), qPrintable(error));
        // The passages, under the answer: the two facts of page 1, nothing for the number printed nowhere.
        const QString page = readAll(html);
        const int from = page.indexOf(QStringLiteral("<h4>Evidence</h4>"));
        QVERIFY2(from > 0, qPrintable(page));
        const QString section = page.mid(from, page.indexOf(QStringLiteral("class=\"settings\""), from) - from);
        QVERIFY2(section.contains(QStringLiteral("1,871")) && section.contains(QStringLiteral("6.1")), qPrintable(section));
        QVERIFY2(section.contains(QStringLiteral("sample-report.pdf p. 1")), qPrintable(section));
        QVERIFY2(!section.contains(QStringLiteral("7,913")) && !section.contains(QStringLiteral("p. 2")), qPrintable(section));
        // Page 1's picture has the box where pdftotext has "1,871"; the words' surroundings do not.
        const QImage picture(AnswerExporter::imageFolderFor(html) + QStringLiteral("/turn1-page1.png"));
        QVERIFY(!picture.isNull());
        const QRectF number = referenceBox(1, QStringLiteral("1,871"));
        QVERIFY2(greenShare(picture, number) > 0.6, qPrintable(QString::number(greenShare(picture, number))));
        QVERIFY2(greenShare(picture, number.translated(0, 6 * number.height())) < 0.1, "green away from the passage");
        QVERIFY(page.contains(QStringLiteral("evidence boxed in green")));
        QCOMPARE(page.count(QStringLiteral("evidence boxed in green")), 1); // page 2 has none

        const QString md = dir.filePath(QStringLiteral("answer.md"));
        QVERIFY2(actions->exportTo(0, md, &error), qPrintable(error));
        const QString markdown = readAll(md);
        const int mdFrom = markdown.indexOf(QStringLiteral("#### Evidence"));
        QVERIFY2(mdFrom > 0 && markdown.indexOf(QStringLiteral("1,871"), mdFrom) > 0, qPrintable(markdown));

        // The PDF holds the passages as text (read back by pdftotext).
        const QString pdf = dir.filePath(QStringLiteral("answer.pdf"));
        QVERIFY2(actions->exportTo(0, pdf, &error), qPrintable(error));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString printed = QString::fromUtf8(text.readAllStandardOutput());
        const int pdfFrom = printed.indexOf(QStringLiteral("Evidence"));
        QVERIFY2(pdfFrom > 0 && printed.indexOf(QStringLiteral("sample-report.pdf p. 1"), pdfFrom) > 0, qPrintable(printed));
    }

    void copyAnswerCarriesThePassages()
    {
        auto *actions = m_window->findChild<ExportActions *>(QStringLiteral("exportActions"));
        QVERIFY(actions->copyAnswer(0));
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        const QString text = mime->text();
        const int from = text.indexOf(QStringLiteral("Evidence"));
        QVERIFY2(from > 0, qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("sample-report.pdf p. 1: “"), from) > 0, qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("1,871"), from) > 0, qPrintable(text));
        QVERIFY(mime->html().contains(QStringLiteral("class=\"evidence\"")));
    }
};

QTEST_MAIN(TestAnswerEvidence)
#include "tst_answer_evidence.moc"
