#pragma once
// Settings ▸ Text recognition: the languages Tesseract reads scanned pages in. "Automatic" (the
// default) is the UI language and English; otherwise any of the five languages the app ships in.
// A chosen language whose data is not installed is named with the Debian package to install.
// Documents already read keep their text; the choice applies to documents read from then on.
#include <QWidget>

class QCheckBox;
class QLabel;

namespace leopard::ui {

class OcrLanguagesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit OcrLanguagesWidget(QWidget *parent = nullptr);

    QStringList chosen() const;          // Tesseract codes; empty = automatic
    void setChosen(const QStringList &languages);
    void save() const;                   // into AppSettings::setOcrLanguages

private:
    void refresh();

    QCheckBox *m_automatic;
    QList<QCheckBox *> m_languages;      // data: the Tesseract code (property "ocrLanguage")
    QLabel *m_missing;
};

} // namespace leopard::ui
