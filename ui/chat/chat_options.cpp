// The Ask dock's options (max new tokens, temperature, top-p; pages per question and whether Leopard
// picks pages: remembered in QSettings)
// and the AskSettings a question is asked with (those options, the loaded model, the analysis dpi).
#include "ui/chat/chat_panel.h"

#include "ui/settings/app_settings.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QWidgetAction>

namespace leopard::ui {

void ChatPanel::buildOptionsMenu()
{
    auto *menu = new QMenu(m_optionsButton);
    auto *box = new QWidget(menu);
    auto *form = new QFormLayout(box);
    m_maxTokens = new QSpinBox(box);
    m_maxTokens->setObjectName(QStringLiteral("maxNewTokens"));
    m_maxTokens->setRange(1, 8192);
    m_maxTokens->setValue(128); // the reference's default
    m_maxTokens->setAccessibleName(tr("Maximum new tokens"));
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("0 (greedy)"));
    m_temperature->setValue(0.0); // greedy, as the reference
    m_temperature->setAccessibleName(tr("Temperature"));
    m_topP = new QDoubleSpinBox(box);
    m_topP->setObjectName(QStringLiteral("topP"));
    m_topP->setRange(0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1.0);
    m_topP->setAccessibleName(tr("Top-p"));
    form->addRow(tr("Max new tokens:"), m_maxTokens);
    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Top-p:"), m_topP);
    m_pagesPerQuestion = new QSpinBox(box);
    m_pagesPerQuestion->setObjectName(QStringLiteral("pagesPerQuestion"));
    m_pagesPerQuestion->setRange(1, 20);
    m_pagesPerQuestion->setAccessibleName(tr("Pages per question"));
    m_alwaysPick = new QCheckBox(tr("Let Leopard pick pages"), box);
    m_alwaysPick->setObjectName(QStringLiteral("alwaysPickPages"));
    m_alwaysPick->setToolTip(tr("Pick the pages that best match each new question even when pages are checked "
                                "(with none checked Leopard always picks)"));
    form->addRow(tr("Pages per question:"), m_pagesPerQuestion);
    form->addRow(m_alwaysPick);
    // Remembered between sessions.
    QSettings settings;
    m_maxTokens->setValue(settings.value(QStringLiteral("chat/maxNewTokens"), 128).toInt());
    m_temperature->setValue(settings.value(QStringLiteral("chat/temperature"), 0.0).toDouble());
    m_topP->setValue(settings.value(QStringLiteral("chat/topP"), 1.0).toDouble());
    m_pagesPerQuestion->setValue(settings.value(QStringLiteral("chat/pagesPerQuestion"), 3).toInt());
    m_alwaysPick->setChecked(settings.value(QStringLiteral("chat/alwaysPickPages"), false).toBool());
    connect(m_pagesPerQuestion, &QSpinBox::valueChanged, this, [this](int v) {
        QSettings().setValue(QStringLiteral("chat/pagesPerQuestion"), v);
        updateControls();
    });
    connect(m_alwaysPick, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("chat/alwaysPickPages"), on);
        updateControls();
    });
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [](int v) { QSettings().setValue(QStringLiteral("chat/maxNewTokens"), v); });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [](double v) { QSettings().setValue(QStringLiteral("chat/temperature"), v); });
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, [](double v) { QSettings().setValue(QStringLiteral("chat/topP"), v); });
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(box);
    menu->addAction(action);
    m_optionsButton->setMenu(menu);
    m_optionsButton->setToolTip(tr("Options: max new tokens, temperature (0 = greedy), top-p, pages picked per question"));
}

int ChatPanel::maxNewTokens() const { return m_maxTokens->value(); }
int ChatPanel::pagesPerQuestion() const { return m_pagesPerQuestion->value(); }
void ChatPanel::setPagesPerQuestion(int n) { m_pagesPerQuestion->setValue(n); }
bool ChatPanel::alwaysPicksPages() const { return m_alwaysPick->isChecked(); }
void ChatPanel::setAlwaysPicksPages(bool on) { m_alwaysPick->setChecked(on); }
void ChatPanel::setMaxNewTokens(int n) { m_maxTokens->setValue(n); }

AskSettings ChatPanel::askSettings() const
{
    AskSettings s;
    s.generation.modelDir = m_host->info().directory;
    s.generation.dtype = m_host->info().dtype;
    s.generation.device = m_host->info().device;
    s.generation.maxNewTokens = m_maxTokens->value();
    s.generation.temperature = m_temperature->value();
    s.generation.topP = m_topP->value();
    s.generation.seed = 0;
    s.attentionMaps = true; // the heat map of where the model looked (decoding costs < 1 % more)
    s.generation.analysisDpi = m_plan.analysisDpi > 0 ? m_plan.analysisDpi : AppSettings::analysisDpi();
    if (m_host->info().cropSide > 0)
        s.plan.cropSide = m_host->info().cropSide;
    if (m_host->info().tokensPerImage > 0)
        s.plan.tokensPerImage = m_host->info().tokensPerImage;
    return s;
}

} // namespace leopard::ui
