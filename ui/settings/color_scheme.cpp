#include "ui/settings/color_scheme.h"

#include <QApplication>
#include <QEvent>
#include <QIconEngine>
#include <QPainter>
#include <QLabel>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

namespace leopard::ui {

namespace {
struct StartupLook {
    QPalette palette;
    QString style;
};

// The palette and style the platform gave us, remembered before we change either.
StartupLook &startupLook()
{
    static StartupLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

// Calls `apply` again whenever the application palette changes. It watches the application object,
// which always gets ApplicationPaletteChange: a widget whose colours come from a style sheet (or that
// is hidden) does not reliably get a palette event of its own. A child of the widget, so it goes
// (and stops filtering) with it.
class PaletteFollower : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply) : QObject(widget), m_apply(std::move(apply)) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
            m_apply();
        return false;
    }

private:
    std::function<void()> m_apply;
};
// Recolours the icon's pixels to the current palette's ButtonText, keeping their alpha.
class SymbolicIconEngine : public QIconEngine
{
public:
    explicit SymbolicIconEngine(const QIcon &icon) : m_icon(icon) {}
    QIconEngine *clone() const override { return new SymbolicIconEngine(m_icon); }
    QString key() const override { return QStringLiteral("leopard-symbolic"); }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return m_icon.actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_icon.availableSizes(mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm = m_icon.pixmap(size, scale, QIcon::Normal, state);
        if (pm.isNull())
            return pm;
        const QPalette pal = QApplication::palette();
        QColor color = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                 mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::ButtonText);
        QPainter p(&pm);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(pm.rect(), color);
        return pm;
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = scaledPixmap(rect.size(), mode, state, scale);
        painter->drawPixmap(rect, pm);
    }

private:
    QIcon m_icon;
};
} // namespace

QIcon symbolicIcon(const QIcon &themeIcon)
{
    return QIcon(new SymbolicIconEngine(themeIcon));
}

ColorScheme colorSchemeFromString(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("light"))
        return ColorScheme::Light;
    if (n == QLatin1String("dark"))
        return ColorScheme::Dark;
    return ColorScheme::System;
}

QString colorSchemeName(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::Light: return QStringLiteral("light");
    case ColorScheme::Dark: return QStringLiteral("dark");
    case ColorScheme::System: break;
    }
    return QStringLiteral("system");
}

void applyColorScheme(ColorScheme scheme)
{
    const StartupLook &look = startupLook();
    if (scheme == ColorScheme::System) {
        if (QApplication::style()->name() != look.style)
            QApplication::setStyle(look.style);
        QApplication::setPalette(look.palette);
        return;
    }
    // Fusion draws every control from the palette; platform styles may ignore parts of it.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(scheme == ColorScheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

QPalette darkPalette()
{
    // Neutral greys with the contrast ratios of common dark desktop themes (text on base ~12:1).
    const QColor window(0x2d, 0x2f, 0x33), base(0x1f, 0x21, 0x24), text(0xe6, 0xe7, 0xe9);
    const QColor button(0x36, 0x39, 0x3e), highlight(0x3d, 0x8e, 0xe0), link(0x6c, 0xb4, 0xff);
    const QColor disabledText(0x80, 0x84, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x46));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x53));
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

QColor mixColors(const QColor &a, const QColor &b, double t)
{
    auto ch = [t](double x, double y) { return x * (1.0 - t) + y * t; };
    return QColor::fromRgbF(float(ch(a.redF(), b.redF())), float(ch(a.greenF(), b.greenF())),
                            float(ch(a.blueF(), b.blueF())), float(ch(a.alphaF(), b.alphaF())));
}

QColor deskBackground(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    // Light: a mid grey (white paper needs a clearly darker surround); dark: a shade below the window.
    return isDark(palette) ? mixColors(window, Qt::black, 0.35) : mixColors(window, palette.color(QPalette::Shadow), 0.45);
}

QColor deskText(const QPalette &palette)
{
    QColor c = deskBackground(palette).lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black);
    c.setAlphaF(0.8f);
    return c;
}

QString noticeStyleSheet(const QPalette &palette, NoticeKind kind)
{
    const QColor tint = kind == NoticeKind::Warning   ? QColor(0xd9, 0x30, 0x25)
                        : kind == NoticeKind::Caution ? QColor(0xe0, 0xa0, 0x10)
                                                      : QColor(0x20, 0x70, 0xe0);
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor background = mixColors(base, tint, dark ? 0.28 : 0.14);
    const QColor border = mixColors(base, tint, dark ? 0.55 : 0.45);
    const QColor foreground = mixColors(text, tint, dark ? 0.15 : 0.35);
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px; padding: 6px; }")
        .arg(background.name(), foreground.name(), border.name());
}

void followApplicationPalette(QWidget *widget, std::function<void()> apply)
{
    apply();
    qApp->installEventFilter(new PaletteFollower(widget, std::move(apply)));
}

void setNoticeStyle(QLabel *label, NoticeKind kind)
{
    // From the application palette, not the label's own (which the style sheet itself alters).
    followApplicationPalette(label, [label, kind] {
        const QString sheet = noticeStyleSheet(QApplication::palette(), kind);
        if (label->styleSheet() != sheet)
            label->setStyleSheet(sheet);
    });
}

void setDimmedText(QLabel *label)
{
    followApplicationPalette(label, [label] {
        QPalette pal = label->palette();
        QColor dim = QApplication::palette().color(QPalette::WindowText);
        dim.setAlphaF(0.6f);
        pal.setColor(QPalette::WindowText, dim);
        label->setPalette(pal);
    });
}

} // namespace leopard::ui
