#pragma once
// Light or dark: the app follows the system's palette (the platform theme's) unless the user picks
// Light or Dark in Settings (or `--palette light|dark` for one run). Widgets that paint themselves
// take their colours from the palette through the helpers here, so they follow either way.

#include <QColor>
#include <QIcon>
#include <QString>

#include <functional>

class QLabel;
class QPalette;
class QWidget;

namespace leopard::ui {

enum class ColorScheme { System, Light, Dark };

ColorScheme colorSchemeFromString(const QString &name); // "system" | "light" | "dark"; else System
QString colorSchemeName(ColorScheme scheme);

// Sets the application palette (and, for Light/Dark, the Fusion style, which honours any palette).
// System restores the palette the application started with.
void applyColorScheme(ColorScheme scheme);

QPalette darkPalette();
bool isDark(const QPalette &palette);

// a*(1-t) + b*t, channel by channel.
QColor mixColors(const QColor &a, const QColor &b, double t);

// The backdrop behind pages (page view): a neutral tone a little darker than the window, so white
// paper stands out in light and dark palettes alike; and a text colour readable on it.
QColor deskBackground(const QPalette &palette);
QColor deskText(const QPalette &palette);

// Coloured notices (the plan panel's over-budget warning, the demo-model banner): the tint is mixed
// into the palette's Base and Text, so it reads in both palettes. The label keeps following the
// application palette when it changes at run time.
enum class NoticeKind { Warning, Caution, Info };
void setNoticeStyle(QLabel *label, NoticeKind kind);
// Secondary text (hints, empty-state notes): the palette's text colour, 60 % opaque, kept in step.
void setDimmedText(QLabel *label);
// Runs `apply` now and again whenever the application palette changes (for colours a widget
// stores, e.g. in a style sheet or its own palette).
void followApplicationPalette(QWidget *widget, std::function<void()> apply);
QString noticeStyleSheet(const QPalette &palette, NoticeKind kind);

// A "-symbolic" theme icon (one-colour, GNOME's Adwaita ships mostly those) drawn in the palette's
// button text colour at paint time, as GTK does: dark on a light palette, light on a dark one.
QIcon symbolicIcon(const QIcon &themeIcon);

} // namespace leopard::ui
