<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AnswerExporter</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 S. %2</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>max %1 new tokens</source>
        <translation>max. %1 neue Token</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>greedy</translation>
    </message>
    <message>
        <source>temperature %1, top-p %2, seed %3</source>
        <translation>Temperatur %1, Top-p %2, Seed %3</translation>
    </message>
    <message>
        <source>analysis %1 dpi</source>
        <translation>Analyse %1 dpi</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Leopard Desk answer</source>
        <translation>Antwort von Leopard Desk</translation>
    </message>
    <message>
        <source>Leopard Desk answer about %1</source>
        <translation>Antwort von Leopard Desk zu %1</translation>
    </message>
    <message>
        <source>Leopard Desk conversation</source>
        <translation>Unterhaltung in Leopard Desk</translation>
    </message>
    <message>
        <source>Leopard Desk conversation about %1</source>
        <translation>Unterhaltung in Leopard Desk zu %1</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1” for the page images.</source>
        <translation>Der Ordner „%1“ für die Seitenbilder kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write the page image “%1”.</source>
        <translation>Das Seitenbild „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: choose a name ending in .pdf, .html or .md.</source>
        <translation>Export nach „%1“ nicht möglich: Wählen Sie einen Namen, der auf .pdf, .html oder .md endet.</translation>
    </message>
    <message>
        <source>Conversation started %1.</source>
        <translation>Unterhaltung begonnen am %1.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>Die Antwort wurde unterbrochen, bevor sie vollständig war.</translation>
    </message>
    <message>
        <source>Asked %1</source>
        <translation>Gefragt am %1</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Seiten: %1</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Seiten:</translation>
    </message>
    <message>
        <source>Leopard Desk</source>
        <translation>Leopard Desk</translation>
    </message>
    <message>
        <source>**Question:** %1</source>
        <translation>**Frage:** %1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>“%1” is not available.</source>
        <translation>„%1“ ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>“%1” has no page %2 now.</source>
        <translation>„%1“ hat jetzt keine Seite %2.</translation>
    </message>
    <message>
        <source>crop plan not shown: not every page of this question is available</source>
        <translation>Ausschnittplan nicht gezeigt: Nicht alle Seiten dieser Frage sind verfügbar</translation>
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation>die Seite konnte nicht gerendert werden</translation>
    </message>
    <message>
        <source>%1 × %2 grid: %3 crops + global view (model images %4–%5)</source>
        <translation>%1 × %2-Raster: %3 Ausschnitte + Gesamtansicht (Modellbilder %4–%5)</translation>
    </message>
    <message>
        <source>global view only (model image %1)</source>
        <translation>nur Gesamtansicht (Modellbild %1)</translation>
    </message>
    <message>
        <source>evidence boxed in green</source>
        <translation>Belege grün umrandet</translation>
    </message>
    <message>
        <source>where the model looked shaded in violet</source>
        <translation>wohin das Modell geschaut hat, violett schattiert</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>“%1” — %2: “%3”</source>
        <translation>„%1“ — %2: „%3“</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>Wohin das Modell geschaut hat: weniger → mehr</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>&lt;p&gt;The resolution at which PDF and slide pages are rendered for the model (image files are sent at their own size). The crop plan follows from it.&lt;/p&gt;&lt;p&gt;Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images = 13 × 169 = 2197 tokens.&lt;/p&gt;&lt;p&gt;Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on fewer pages (216 dpi: 35 crops per Letter page).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Auflösung, mit der PDF- und Folienseiten für das Modell gerendert werden (Bilddateien werden in ihrer eigenen Größe gesendet). Der Ausschnittplan ergibt sich daraus.&lt;/p&gt;&lt;p&gt;Standard 144 dpi: Eine US-Letter-Seite (612 × 792 pt) wird zu 1224 × 1584 px, die Leopard in 4 Zeilen × 3 Spalten = 12 Ausschnitte zu 364 × 364 px zerlegt; mit der Gesamtansicht sind das 13 Modellbilder = 13 × 169 = 2197 Token.&lt;/p&gt;&lt;p&gt;Niedrigere Werte verlieren Kleingedrucktes (72 dpi: 4 Ausschnitte); höhere Werte verbrauchen das Budget von 50 Bildern für weniger Seiten (216 dpi: 35 Ausschnitte pro Letter-Seite).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CropOverlay</name>
    <message>
        <source>global view only</source>
        <translation>nur Gesamtansicht</translation>
    </message>
    <message>
        <source>%1 = whole page</source>
        <translation>%1 = ganze Seite</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>Reading the pages of %1…</source>
        <translation>Seiten von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Documents (%1);;PDF documents (%2);;Slide decks (%3);;Images (%4);;All files (*)</source>
        <translation>Dokumente (%1);;PDF-Dokumente (%2);;Foliensätze (%3);;Bilder (%4);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>(kein Dateiname)</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation>%1 ist ein Ordner, kein Dokument.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>%1 is not a supported kind of file. Leopard Desk opens PDFs, slide decks (%2) and images (%3).</source>
        <translation>%1 ist kein unterstützter Dateityp. Leopard Desk öffnet PDFs, Foliensätze (%2) und Bilder (%3).</translation>
    </message>
</context>
<context>
    <name>ImageDocument</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 is too large to open: %2 × %3 pixels needs %4 of memory once decoded, above the %5 MB limit for one image. Scale it down or split it, then open it again.</source>
        <translation>%1 ist zu groß zum Öffnen: %2 × %3 Pixel brauchen dekodiert %4 Speicher, mehr als die Grenze von %5 MB für ein Bild. Verkleinern oder teilen Sie es und öffnen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: its format is not recognised or the image plugin for it is not installed (on Debian: sudo apt install qt6-image-formats-plugins).</source>
        <translation>%1 kann nicht als Bild gelesen werden: Das Format wird nicht erkannt oder das passende Bild-Plugin ist nicht installiert (unter Debian: sudo apt install qt6-image-formats-plugins).</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2.</source>
        <translation>%1 kann nicht als Bild gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 cannot be decoded (%3).</source>
        <translation>%1 ist beschädigt: Bild %2 kann nicht dekodiert werden (%3).</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 has no pixels.</source>
        <translation>%1 ist beschädigt: Bild %2 enthält keine Pixel.</translation>
    </message>
    <message>
        <source>%1 contains no images.</source>
        <translation>%1 enthält keine Bilder.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>ModelLocation</name>
    <message>
        <source>from --model</source>
        <translation>aus --model</translation>
    </message>
    <message>
        <source>from LEOPARD_MODEL_DIR</source>
        <translation>aus LEOPARD_MODEL_DIR</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>aus den Einstellungen</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>Demo-Modell</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>Page %1 of %2 could not be drawn.</source>
        <translation>Seite %1 von %2 konnte nicht gezeichnet werden.</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), so it is not a usable PDF.</source>
        <translation>%1 ist leer (0 Byte) und daher kein brauchbares PDF.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file: it does not start with a PDF header. It may be another kind of file renamed to .pdf.</source>
        <translation>%1 ist keine PDF-Datei: Sie beginnt nicht mit einem PDF-Kopf. Vielleicht ist es eine andere Dateiart, die in .pdf umbenannt wurde.</translation>
    </message>
    <message>
        <source>%1 is damaged or truncated: its PDF structure cannot be read. Try downloading or exporting it again.</source>
        <translation>%1 ist beschädigt oder unvollständig: Die PDF-Struktur kann nicht gelesen werden. Laden Sie die Datei erneut herunter oder exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1 was converted, but the PDF LibreOffice made cannot be read: %2</source>
        <translation>%1 wurde konvertiert, aber das von LibreOffice erzeugte PDF kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter the password to open it.</source>
        <translation>%1 ist durch ein Passwort geschützt. Geben Sie das Passwort ein, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>The password for %1 is not correct.</source>
        <translation>Das Passwort für %1 ist nicht korrekt.</translation>
    </message>
    <message>
        <source>%1 contains no pages, so there is nothing to show.</source>
        <translation>%1 enthält keine Seiten; es gibt nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 is damaged: page %2 of %3 cannot be read.</source>
        <translation>%1 ist beschädigt: Seite %2 von %3 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The saved session %1 cannot be read: %2.</source>
        <translation>Die gespeicherte Sitzung %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The saved session %1 is empty (0 bytes); it cannot be restored.</source>
        <translation>Die gespeicherte Sitzung %1 ist leer (0 Byte); sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged (%2 at byte %3 of %4); it cannot be restored.</source>
        <translation>Die gespeicherte Sitzung %1 ist beschädigt (%2 bei Byte %3 von %4); sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged: %2; it cannot be restored.</source>
        <translation>Die gespeicherte Sitzung %1 ist beschädigt: %2; sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The sessions folder %1 cannot be created.</source>
        <translation>Der Sitzungsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source> It was not overwritten; set it aside first.</source>
        <translation> Sie wurde nicht überschrieben; legen Sie sie zuerst beiseite.</translation>
    </message>
    <message>
        <source>The session %1 could not be saved: %2.</source>
        <translation>Die Sitzung %1 konnte nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation>Die Sitzung %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The session %1 could not be deleted: %2.</source>
        <translation>Die Sitzung %1 konnte nicht gelöscht werden: %2.</translation>
    </message>
    <message>
        <source>The session %1 could not be set aside as %2.</source>
        <translation>Die Sitzung %1 konnte nicht als %2 beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>The saved session %1 was written by a newer version of Leopard Desk (format %2; this one reads up to %3): open it with that version.</source>
        <translation>Die gespeicherte Sitzung %1 wurde von einer neueren Version von Leopard Desk geschrieben (Format %2; diese Version liest bis Format %3): Öffnen Sie sie mit jener Version.</translation>
    </message>
    <message>
        <source> It was not overwritten.</source>
        <translation> Sie wurde nicht überschrieben.</translation>
    </message>
</context>
<context>
    <name>SlideConverter</name>
    <message>
        <source>Install LibreOffice Impress to open slide decks (on Debian or Ubuntu: sudo apt install libreoffice-impress), or set the path to soffice in Settings.</source>
        <translation>Installieren Sie LibreOffice Impress, um Foliensätze zu öffnen (unter Debian oder Ubuntu: sudo apt install libreoffice-impress), oder geben Sie den Pfad zu soffice in den Einstellungen an.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a slide deck LibreOffice can read: it is neither a PowerPoint, OpenDocument nor Keynote file. It may be damaged or renamed.</source>
        <translation>%1 ist kein Foliensatz, den LibreOffice lesen kann: Es ist weder eine PowerPoint-, OpenDocument- noch Keynote-Datei. Vielleicht ist die Datei beschädigt oder umbenannt.</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but LibreOffice was not found. %2</source>
        <translation>%1 ist ein Foliensatz und braucht LibreOffice zum Öffnen, aber LibreOffice wurde nicht gefunden. %2</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but %2 is not an executable program. %3</source>
        <translation>%1 ist ein Foliensatz und braucht LibreOffice zum Öffnen, aber %2 ist kein ausführbares Programm. %3</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>Das Öffnen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 cannot be converted: no room for temporary files (%2).</source>
        <translation>%1 kann nicht konvertiert werden: kein Platz für temporäre Dateien (%2).</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice…</source>
        <translation>%1 wird mit LibreOffice konvertiert…</translation>
    </message>
    <message>
        <source>%1 needs LibreOffice to open, but %2 could not be started (%3). %4</source>
        <translation>%1 braucht LibreOffice zum Öffnen, aber %2 konnte nicht gestartet werden (%3). %4</translation>
    </message>
    <message>
        <source>%1 took longer than %2 seconds to convert with LibreOffice and was stopped. A very large deck may need a longer time limit in Settings.</source>
        <translation>Die Konvertierung von %1 mit LibreOffice dauerte länger als %2 Sekunden und wurde abgebrochen. Ein sehr großer Foliensatz braucht eventuell ein längeres Zeitlimit in den Einstellungen.</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice… %2 s</source>
        <translation>%1 wird mit LibreOffice konvertiert… %2 s</translation>
    </message>
    <message>
        <source>LibreOffice could not convert %1 (it produced no PDF%2). The file may be damaged or in a format LibreOffice cannot read.</source>
        <translation>LibreOffice konnte %1 nicht konvertieren (es entstand kein PDF%2). Die Datei ist vielleicht beschädigt oder in einem Format, das LibreOffice nicht lesen kann.</translation>
    </message>
    <message>
        <source>; it said: &quot;%1&quot;</source>
        <translation>; Meldung: „%1“</translation>
    </message>
    <message>
        <source> LibreOffice crashed.</source>
        <translation> LibreOffice ist abgestürzt.</translation>
    </message>
    <message>
        <source>%1 was converted, but the result could not be saved in %2 (%3).</source>
        <translation>%1 wurde konvertiert, aber das Ergebnis konnte nicht in %2 gespeichert werden (%3).</translation>
    </message>
</context>
<context>
    <name>leopard::InferenceWorker</name>
    <message>
        <source>Unknown data type “%1” (use fp32, bf16 or fp16).</source>
        <translation>Unbekannter Datentyp „%1“ (verwenden Sie fp32, bf16 oder fp16).</translation>
    </message>
    <message>
        <source>Reading weights</source>
        <translation>Gewichte werden gelesen</translation>
    </message>
    <message>
        <source>Reading configuration and tokenizer</source>
        <translation>Konfiguration und Tokenizer werden gelesen</translation>
    </message>
    <message>
        <source>Cannot load the model from %1: %2</source>
        <translation>Das Modell kann nicht aus %1 geladen werden: %2</translation>
    </message>
    <message>
        <source>page %1 of %2 could not be rendered at its planned size</source>
        <translation>Seite %1 von %2 konnte nicht in der geplanten Größe gerendert werden</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>Out of memory while answering. Ask about fewer pages, lower the analysis resolution or use a smaller data type.</source>
        <translation>Beim Antworten ist der Speicher ausgegangen. Fragen Sie zu weniger Seiten, senken Sie die Analyseauflösung oder verwenden Sie einen kleineren Datentyp.</translation>
    </message>
    <message>
        <source>Out of memory while answering: %1</source>
        <translation>Beim Antworten ist der Speicher ausgegangen: %1</translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation>Das Modell konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>saved turn %1 carries %2 image tokens for %3 model images of its pages</source>
        <translation>gespeicherte Runde %1 enthält %2 Bild-Token für %3 Modellbilder ihrer Seiten</translation>
    </message>
    <message>
        <source>saved turn %1 has %2 generated ids, more than its %3 new tokens</source>
        <translation>gespeicherte Runde %1 hat %2 generierte IDs, mehr als ihre %3 neuen Token</translation>
    </message>
    <message>
        <source>saved turn %1 has a stop token before the end of its answer</source>
        <translation>gespeicherte Runde %1 enthält vor dem Ende ihrer Antwort ein Stopp-Token</translation>
    </message>
    <message>
        <source>Unknown weight format “%1” (use auto, full, int8 or int4).</source>
        <translation>Unbekanntes Gewichtsformat „%1“ (auto, full, int8 oder int4 verwenden).</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ChatPanel</name>
    <message>
        <source>Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings</source>
        <translation>Demo-Modell geladen: zufällige Gewichte, die Antworten sind bedeutungslos – legen Sie den echten Leopard-LLaVA-Checkpoint in den Einstellungen fest</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Getting the real model&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk runs &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; from Hugging Face (a snapshot with two .bin shards, 17 GB in all, plus config.json and the tokenizer files). Download it, for example with &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, then point the app at that folder: &lt;a href=&quot;settings&quot;&gt;Settings ▸ Preferences ▸ Model&lt;/a&gt;, the &lt;code&gt;--model DIR&lt;/code&gt; option, or the &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt; environment variable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Das echte Modell beschaffen&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk verwendet &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; von Hugging Face (ein Snapshot mit zwei .bin-Shards, insgesamt 17 GB, dazu config.json und die Tokenizer-Dateien). Laden Sie ihn herunter, zum Beispiel mit &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, und geben Sie der App dann diesen Ordner an: &lt;a href=&quot;settings&quot;&gt;Einstellungen ▸ Optionen ▸ Modell&lt;/a&gt;, die Option &lt;code&gt;--model DIR&lt;/code&gt; oder die Umgebungsvariable &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading the model</source>
        <translation>Laden des Modells abbrechen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the answer (takes effect within one token)</source>
        <translation>Antwort anhalten (wirkt innerhalb eines Tokens)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start a new conversation (the next question does not continue this one)</source>
        <translation>Neue Unterhaltung beginnen (die nächste Frage setzt diese nicht fort)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Loading the model: %1 — %2 of %3 MB</source>
        <translation>Modell wird geladen: %1 – %2 von %3 MB</translation>
    </message>
    <message>
        <source>Loading the model: %1…</source>
        <translation>Modell wird geladen: %1…</translation>
    </message>
    <message>
        <source>Generation options: max new tokens, temperature (0 = greedy), top-p</source>
        <translation>Generierungsoptionen: max. neue Token, Temperatur (0 = greedy), Top-p</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (greedy)</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>Max. neue Token:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Das Modell antwortet gerade.</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>Geben Sie eine Frage ein.</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>Mehr als %1 Seiten sind markiert; das Modell verarbeitet höchstens %1.</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s).</source>
        <translation>
            <numerusform>Nachfrage zur selben Seite.</numerusform>
            <numerusform>Nachfrage zu denselben %n Seiten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New question about %n checked page(s) (%1 model images, plan on the right).</source>
        <translation>
            <numerusform>Neue Frage zu %n markierten Seite (%1 Modellbilder, Plan rechts).</numerusform>
            <numerusform>Neue Frage zu %n markierten Seiten (%1 Modellbilder, Plan rechts).</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>Modell: %1 (%2) · %3 · %4</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 S. %2</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>Sie:</translation>
    </message>
    <message>
        <source>Follow-up about</source>
        <translation>Nachfrage zu</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Zu</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Getting the real model</source>
        <translation>Das echte Modell beschaffen</translation>
    </message>
    <message>
        <source>Model status</source>
        <translation>Modellstatus</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Laden des Modells abbrechen</translation>
    </message>
    <message>
        <source>Questions and the model&apos;s answers; each answer has Copy and Export links</source>
        <translation>Fragen und die Antworten des Modells; jede Antwort hat Links zum Kopieren und Exportieren</translation>
    </message>
    <message>
        <source>Answer status</source>
        <translation>Status der Antwort</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>Frage stellen</translation>
    </message>
    <message>
        <source>Ask in this conversation, giving the model the newly checked pages too</source>
        <translation>In dieser Unterhaltung fragen und dem Modell auch die neu markierten Seiten geben</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages only</source>
        <translation>In einer neuen Unterhaltung nur zu den markierten Seiten fragen</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages</source>
        <translation>In einer neuen Unterhaltung zu den markierten Seiten fragen</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export this conversation</source>
        <translation>Diese Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Die Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Generation options</source>
        <translation>Generierungsoptionen</translation>
    </message>
    <message>
        <source>Answer stopped.</source>
        <translation>Antwort angehalten.</translation>
    </message>
    <message>
        <source>Answer stopped: %1</source>
        <translation>Antwort angehalten: %1</translation>
    </message>
    <message>
        <source>Answer complete.</source>
        <translation>Antwort vollständig.</translation>
    </message>
    <message>
        <source>Answer complete: %1</source>
        <translation>Antwort vollständig: %1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>Die Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>Die Antwort ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Maximum new tokens</source>
        <translation>Maximale Zahl neuer Token</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Reading the open documents to find their saved conversations…</source>
        <translation>Die geöffneten Dokumente werden gelesen, um ihre gespeicherten Unterhaltungen zu finden…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s) to this conversation</source>
        <translation>
            <numerusform>%n Seite zu dieser Unterhaltung hinzufügen</numerusform>
            <numerusform>%n Seiten zu dieser Unterhaltung hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checked pages differ from this conversation&apos;s %n page(s): add the new ones to it, or start a new conversation.</source>
        <translation>
            <numerusform>Die markierten Seiten weichen von der Seite dieser Unterhaltung ab: Fügen Sie die neuen hinzu oder beginnen Sie eine neue Unterhaltung.</numerusform>
            <numerusform>Die markierten Seiten weichen von den %n Seiten dieser Unterhaltung ab: Fügen Sie die neuen hinzu oder beginnen Sie eine neue Unterhaltung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Antwort läuft…</translation>
    </message>
    <message>
        <source>Pages added in this turn:</source>
        <translation>In dieser Runde hinzugefügte Seiten:</translation>
    </message>
    <message>
        <source>(The model started afresh here: it did not see the earlier turns.)</source>
        <translation>(Das Modell hat hier neu begonnen: Die früheren Runden hat es nicht gesehen.)</translation>
    </message>
    <message>
        <source>Interrupted: the app stopped before this answer was complete.</source>
        <translation>Unterbrochen: Die App wurde beendet, bevor diese Antwort vollständig war.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Export Answer…</source>
        <translation>Antwort exportieren…</translation>
    </message>
    <message>
        <source>Export Conversation…</source>
        <translation>Unterhaltung exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s)</source>
        <translation>
            <numerusform>%n Seite hinzufügen</numerusform>
            <numerusform>%n Seiten hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>Die Unterhaltung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation (turn %1 of %2)…</source>
        <translation>Die gespeicherte Unterhaltung wird erneut gelesen (Runde %1 von %2)…</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation</source>
        <translation>Die gespeicherte Unterhaltung wird erneut gelesen</translation>
    </message>
    <message>
        <source>Restored conversation. The next question continues it: the model first re-reads the earlier turns.</source>
        <translation>Wiederhergestellte Unterhaltung. Die nächste Frage setzt sie fort: Das Modell liest zuerst die früheren Runden erneut.</translation>
    </message>
    <message>
        <source>Restored conversation. The model cannot continue it exactly — %1 The next question starts afresh about the pages still found.</source>
        <translation>Wiederhergestellte Unterhaltung. Das Modell kann sie nicht exakt fortsetzen – %1 Die nächste Frage beginnt neu zu den noch gefundenen Seiten.</translation>
    </message>
    <message>
        <source>Restored conversation. None of its pages are open; check pages to ask about them.</source>
        <translation>Wiederhergestellte Unterhaltung. Keine ihrer Seiten ist geöffnet; markieren Sie Seiten, um zu ihnen zu fragen.</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s); the model first re-reads this saved conversation.</source>
        <translation>
            <numerusform>Nachfrage zur selben Seite; das Modell liest zuerst diese gespeicherte Unterhaltung erneut.</numerusform>
            <numerusform>Nachfrage zu denselben %n Seiten; das Modell liest zuerst diese gespeicherte Unterhaltung erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).</source>
        <translation>
            <numerusform>Nächste Frage zur selben Seite; das Modell beginnt neu (es kann diese Unterhaltung nicht fortsetzen).</numerusform>
            <numerusform>Nächste Frage zu denselben %n Seiten; das Modell beginnt neu (es kann diese Unterhaltung nicht fortsetzen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)</source>
        <translation>Fragen Sie zu den markierten Seiten oder, wenn keine markiert ist, zum ganzen Dokument… (Eingabe zum Fragen, Umschalt+Eingabe für neue Zeile)</translation>
    </message>
    <message>
        <source>Reading the documents&apos; text to pick pages for the question…</source>
        <translation>Der Text der Dokumente wird gelesen, um Seiten für die Frage auszuwählen…</translation>
    </message>
    <message numerus="yes">
        <source>No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).</source>
        <translation>
            <numerusform>Keine Seite ist markiert: Leopard wählt die Seite, die am besten zur Frage passt (oder markieren Sie Seiten in der Seitenleiste).</numerusform>
            <numerusform>Keine Seite ist markiert: Leopard wählt die %n Seiten, die am besten zur Frage passen (oder markieren Sie Seiten in der Seitenleiste).</numerusform>
        </translation>
    </message>
    <message>
        <source>The question has no words to look for in the documents. Check the pages to ask about in the page strip.</source>
        <translation>Die Frage enthält keine Wörter, nach denen in den Dokumenten gesucht werden kann. Markieren Sie in der Seitenleiste die Seiten, zu denen Sie fragen möchten.</translation>
    </message>
    <message>
        <source>No page of the open documents matches the question (looked for: %1). Check the pages to ask about in the page strip.</source>
        <translation>Keine Seite der geöffneten Dokumente passt zur Frage (gesucht nach: %1). Markieren Sie in der Seitenleiste die Seiten, zu denen Sie fragen möchten.</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>S. %1</translation>
    </message>
    <message>
        <source>Picked: %1 — matched %2</source>
        <translation>Ausgewählt: %1 — passend zu %2</translation>
    </message>
    <message>
        <source>Check the pages to ask about in the page strip.</source>
        <translation>Markieren Sie in der Seitenleiste die Seiten, zu denen Sie fragen möchten.</translation>
    </message>
    <message>
        <source>Pages per question</source>
        <translation>Seiten pro Frage</translation>
    </message>
    <message>
        <source>Let Leopard pick pages</source>
        <translation>Leopard Seiten wählen lassen</translation>
    </message>
    <message>
        <source>Pick the pages that best match each new question even when pages are checked (with none checked Leopard always picks)</source>
        <translation>Für jede neue Frage die am besten passenden Seiten wählen, auch wenn Seiten markiert sind (ist keine markiert, wählt Leopard immer)</translation>
    </message>
    <message>
        <source>Pages per question:</source>
        <translation>Seiten pro Frage:</translation>
    </message>
    <message>
        <source>Options: max new tokens, temperature (0 = greedy), top-p, pages picked per question</source>
        <translation>Optionen: max. neue Token, Temperatur (0 = greedy), Top-p, gewählte Seiten pro Frage</translation>
    </message>
    <message numerus="yes">
        <source>Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).</source>
        <translation>
            <numerusform>Leopard wählt die Seite, die am besten zur Frage passt, statt der markierten (Optionen).</numerusform>
            <numerusform>Leopard wählt die %n Seiten, die am besten zur Frage passen, statt der markierten (Optionen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence for “%1” on %2 p. %3</source>
        <translation>Beleg für „%1“ in %2 S. %3</translation>
    </message>
    <message numerus="yes">
        <source>Show all evidence (%n)</source>
        <translation>
            <numerusform>Alle Belege zeigen (%n)</numerusform>
            <numerusform>Alle Belege zeigen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 weights (%2)</source>
        <translation> · %1-Gewichte (%2)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareSlot</name>
    <message>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <source>Drop to put it here</source>
        <translation>Hier ablegen, um sie hierher zu legen</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Wird gerendert…</translation>
    </message>
    <message>
        <source>Drop to replace this page</source>
        <translation>Ablegen, um diese Seite zu ersetzen</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareView</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 S. %2</translation>
    </message>
    <message>
        <source>Compare these two pages: what changed, and what is the same?</source>
        <translation>Vergleiche diese beiden Seiten: Was hat sich geändert, und was ist gleich geblieben?</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Left Slot (Ctrl+Shift+L)</source>
        <translation>Ziehen Sie eine Seite aus der Seitenleiste oder eine Datei aus der Dateiverwaltung hierher.

Tastatur: Vergleichen ▸ Seite ins linke Feld legen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Right Slot (Ctrl+Shift+R)</source>
        <translation>Ziehen Sie eine Seite aus der Seitenleiste oder eine Datei aus der Dateiverwaltung hierher.

Tastatur: Vergleichen ▸ Seite ins rechte Feld legen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Left comparison page</source>
        <translation>Linke Vergleichsseite</translation>
    </message>
    <message>
        <source>Right comparison page</source>
        <translation>Rechte Vergleichsseite</translation>
    </message>
    <message>
        <source>Comparison prompt</source>
        <translation>Vergleichsanweisung</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Anweisung:</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Comparison answer</source>
        <translation>Antwort zum Vergleich</translation>
    </message>
    <message>
        <source>The answer appears here and in the Ask dock, where follow-up questions continue it.</source>
        <translation>Die Antwort erscheint hier und im Bereich „Fragen“, wo Nachfragen sie fortsetzen.</translation>
    </message>
    <message>
        <source>Put Page in &amp;Left Slot</source>
        <translation>Seite ins &amp;linke Feld legen</translation>
    </message>
    <message>
        <source>Put the page shown in the left slot of the compare view</source>
        <translation>Die angezeigte Seite ins linke Feld der Vergleichsansicht legen</translation>
    </message>
    <message>
        <source>Put Page in &amp;Right Slot</source>
        <translation>Seite ins &amp;rechte Feld legen</translation>
    </message>
    <message>
        <source>Put the page shown in the right slot of the compare view</source>
        <translation>Die angezeigte Seite ins rechte Feld der Vergleichsansicht legen</translation>
    </message>
    <message>
        <source>&amp;Swap Slots</source>
        <translation>Felder &amp;tauschen</translation>
    </message>
    <message>
        <source>&amp;Clear Slots</source>
        <translation>Felder l&amp;eeren</translation>
    </message>
    <message>
        <source>&amp;Compare the Two Pages</source>
        <translation>Die beiden Seiten &amp;vergleichen</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once with the comparison prompt</source>
        <translation>Das Modell mit der Vergleichsanweisung zu beiden Seiten zugleich fragen</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No page is shown: open a document and pick a page in the page strip first.</source>
        <translation>Es wird keine Seite angezeigt: Öffnen Sie zuerst ein Dokument und wählen Sie eine Seite in der Seitenleiste.</translation>
    </message>
    <message numerus="yes">
        <source>only two pages can be compared; the other %n dropped page(s) were left out.</source>
        <translation>
            <numerusform>nur zwei Seiten können verglichen werden; die weitere abgelegte Seite wurde weggelassen.</numerusform>
            <numerusform>nur zwei Seiten können verglichen werden; die %n weiteren abgelegten Seiten wurden weggelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no page %2</source>
        <translation>%1 hat keine Seite %2</translation>
    </message>
    <message>
        <source>%1 is not open and cannot be found</source>
        <translation>%1 ist nicht geöffnet und kann nicht gefunden werden</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>Vergleich nicht möglich: %1.</translation>
    </message>
    <message>
        <source>only local files can be compared, not %1</source>
        <translation>nur lokale Dateien können verglichen werden, nicht %1</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document</source>
        <translation>%1 ist ein Ordner, kein Dokument</translation>
    </message>
    <message>
        <source>%1 is not a document Leopard Desk can read (it reads PDF reports, slide decks and page images: %2)</source>
        <translation>%1 ist kein Dokument, das Leopard Desk lesen kann (es liest PDF-Berichte, Foliensätze und Seitenbilder: %2)</translation>
    </message>
    <message>
        <source>only two pages can be compared; %1 was left out</source>
        <translation>nur zwei Seiten können verglichen werden; %1 wurde weggelassen</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no page %2.</source>
        <translation>Vergleich nicht möglich: %1 hat keine Seite %2.</translation>
    </message>
    <message>
        <source>Left: empty</source>
        <translation>Links: leer</translation>
    </message>
    <message>
        <source>Right: empty</source>
        <translation>Rechts: leer</translation>
    </message>
    <message>
        <source>%1 × %2 grid, %3 model images</source>
        <translation>%1 × %2-Raster, %3 Modellbilder</translation>
    </message>
    <message>
        <source>global view only</source>
        <translation>nur Gesamtansicht</translation>
    </message>
    <message>
        <source>Left: %1 — %2</source>
        <translation>Links: %1 – %2</translation>
    </message>
    <message>
        <source>Right: %1 — %2</source>
        <translation>Rechts: %1 – %2</translation>
    </message>
    <message>
        <source>%1 model images, %2 tokens for the pages</source>
        <translation>%1 Modellbilder, %2 Token für die Seiten</translation>
    </message>
    <message>
        <source>Put a page in each slot.</source>
        <translation>Legen Sie in jedes Feld eine Seite.</translation>
    </message>
    <message>
        <source>Both slots hold the same page.</source>
        <translation>Beide Felder enthalten dieselbe Seite.</translation>
    </message>
    <message>
        <source>Type a comparison prompt.</source>
        <translation>Geben Sie eine Vergleichsanweisung ein.</translation>
    </message>
    <message>
        <source>Identifying the open documents…</source>
        <translation>Die geöffneten Dokumente werden identifiziert…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Das Modell antwortet gerade.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once (Ctrl+Shift+Enter)</source>
        <translation>Das Modell zu beiden Seiten zugleich fragen (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>The comparison could not be started.</source>
        <translation>Der Vergleich konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(angehalten)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Show Compare &amp;View</source>
        <translation>&amp;Vergleichsansicht zeigen</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationCore</name>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>Warten Sie, bis die Antwort fertig ist (oder halten Sie sie an), bevor Sie eine andere Unterhaltung öffnen.</translation>
    </message>
    <message>
        <source>This conversation is being answered; stop the answer first.</source>
        <translation>Diese Unterhaltung wird gerade beantwortet; halten Sie die Antwort zuerst an.</translation>
    </message>
    <message>
        <source>The model had lost the conversation.</source>
        <translation>Das Modell hatte die Unterhaltung verloren.</translation>
    </message>
    <message>
        <source>The last answer failed.</source>
        <translation>Die letzte Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>An earlier answer failed.</source>
        <translation>Eine frühere Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>This conversation was saved by an earlier version of Leopard Desk, without the model&apos;s token ids.</source>
        <translation>Diese Unterhaltung wurde von einer älteren Version von Leopard Desk gespeichert, ohne die Token-IDs des Modells.</translation>
    </message>
    <message>
        <source>An answer was stopped before the model started on it.</source>
        <translation>Eine Antwort wurde angehalten, bevor das Modell damit begonnen hatte.</translation>
    </message>
    <message>
        <source>An answer was cut short when Leopard Desk stopped.</source>
        <translation>Eine Antwort wurde abgebrochen, als Leopard Desk beendet wurde.</translation>
    </message>
    <message>
        <source>Turn %1 was saved without the model&apos;s token ids.</source>
        <translation>Runde %1 wurde ohne die Token-IDs des Modells gespeichert.</translation>
    </message>
    <message>
        <source>Turn %1 holds token id %2, outside this model&apos;s vocabulary of %3 ids.</source>
        <translation>Runde %1 enthält die Token-ID %2, die außerhalb des Vokabulars dieses Modells mit %3 IDs liegt.</translation>
    </message>
    <message>
        <source>%1 is not open (page %2 of the conversation).</source>
        <translation>%1 ist nicht geöffnet (Seite %2 der Unterhaltung).</translation>
    </message>
    <message>
        <source>%1 has changed since this conversation (its content differs).</source>
        <translation>%1 hat sich seit dieser Unterhaltung geändert (der Inhalt weicht ab).</translation>
    </message>
    <message>
        <source>Page %1 of %2 now renders at %3 × %4 pixels, not the %5 × %6 it had.</source>
        <translation>Seite %1 von %2 wird jetzt mit %3 × %4 Pixeln gerendert, nicht mehr mit %5 × %6.</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Das Modell antwortet gerade.</translation>
    </message>
    <message>
        <source>No documents are open.</source>
        <translation>Es sind keine Dokumente geöffnet.</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>Geben Sie eine Frage ein.</translation>
    </message>
    <message>
        <source>The checked pages differ from this conversation&apos;s: add them to it, or start a new conversation.</source>
        <translation>Die markierten Seiten weichen von denen dieser Unterhaltung ab: Fügen Sie sie hinzu oder beginnen Sie eine neue Unterhaltung.</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>Mehr als %1 Seiten sind markiert; das Modell verarbeitet höchstens %1.</translation>
    </message>
    <message>
        <source>Page %1 of %2 is not open.</source>
        <translation>Seite %1 von %2 ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>None of this conversation&apos;s pages are open; check the pages to ask about.</source>
        <translation>Keine Seite dieser Unterhaltung ist geöffnet; markieren Sie die Seiten, zu denen Sie fragen möchten.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationReopener</name>
    <message>
        <source>Document Not Found</source>
        <translation>Dokument nicht gefunden</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2. Where is it now?</source>
        <translation>„%1“ befindet sich nicht mehr unter %2. Wo ist es jetzt?</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Leave It Out</source>
        <translation>Weglassen</translation>
    </message>
    <message>
        <source>Where is “%1”?</source>
        <translation>Wo ist „%1“?</translation>
    </message>
    <message>
        <source>Another conversation is being opened.</source>
        <translation>Es wird gerade eine andere Unterhaltung geöffnet.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>Warten Sie, bis die Antwort fertig ist (oder halten Sie sie an), bevor Sie eine andere Unterhaltung öffnen.</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2: its pages are left out.</source>
        <translation>„%1“ befindet sich nicht mehr unter %2: Seine Seiten werden weggelassen.</translation>
    </message>
    <message>
        <source>“%1” has changed since this conversation was saved: its answers are about the earlier version, and the next question starts afresh about the pages still found.</source>
        <translation>„%1“ hat sich geändert, seit diese Unterhaltung gespeichert wurde: Die Antworten beziehen sich auf die frühere Fassung, und die nächste Frage beginnt neu zu den noch gefundenen Seiten.</translation>
    </message>
    <message>
        <source>“%1” is not the document this conversation was about (“%2”, its content differs): the next question starts afresh about the pages still found.</source>
        <translation>„%1“ ist nicht das Dokument, um das es in dieser Unterhaltung ging („%2“, der Inhalt weicht ab): Die nächste Frage beginnt neu zu den noch gefundenen Seiten.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::DocumentIndex</name>
    <message>
        <source>Reading the text of “%1”: page %2 of %3…</source>
        <translation>Text von „%1“ wird gelesen: Seite %2 von %3…</translation>
    </message>
    <message numerus="yes">
        <source> (%n more document(s))</source>
        <translation>
            <numerusform> (%n weiteres Dokument)</numerusform>
            <numerusform> (%n weitere Dokumente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the text of “%1”: page %2 of %3 (OCR)…</source>
        <translation>Text von „%1“ wird gelesen: Seite %2 von %3 (OCR)…</translation>
    </message>
    <message>
        <source>Reading “%1”: %2</source>
        <translation>„%1“ lesen: %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ExportActions</name>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Answer…</source>
        <translation>&amp;Antwort exportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>Antwort &amp;kopieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>There is no answer to export yet.</source>
        <translation>Es gibt noch keine Antwort zum Exportieren.</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>Nach „%1“ exportiert</translation>
    </message>
    <message>
        <source>leopard-answer</source>
        <translation>leopard-antwort</translation>
    </message>
    <message>
        <source>leopard-conversation</source>
        <translation>leopard-unterhaltung</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export Answer</source>
        <translation>Antwort exportieren</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Es gibt noch keine Antwort zum Kopieren.</translation>
    </message>
    <message>
        <source>Copied the answer with its page references</source>
        <translation>Die Antwort mit ihren Seitenverweisen wurde kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied the answer with its page references and %n cited passage(s)</source>
        <translation>
            <numerusform>Die Antwort mit ihren Seitenverweisen und %n zitierten Stelle wurde kopiert</numerusform>
            <numerusform>Die Antwort mit ihren Seitenverweisen und %n zitierten Stellen wurde kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the questions, answers, settings and annotated pages (crop plans, evidence, and where the model looked when shown) as PDF, HTML or Markdown</source>
        <translation>Fragen, Antworten, Einstellungen und annotierte Seiten (Ausschnittpläne, Belege und – wenn eingeblendet – wohin das Modell geschaut hat) als PDF, HTML oder Markdown speichern</translation>
    </message>
    <message>
        <source>Save the last answer with its question, settings, cited passages and annotated pages</source>
        <translation>Die letzte Antwort mit Frage, Einstellungen, zitierten Stellen und annotierten Seiten speichern</translation>
    </message>
    <message>
        <source>Copy the last answer with its question, page references and cited passages</source>
        <translation>Die letzte Antwort mit Frage, Seitenverweisen und zitierten Stellen kopieren</translation>
    </message>
</context>
<context>
    <name>leopard::ui::FindBar</name>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 S. %2</translation>
    </message>
    <message>
        <source>Not found yet</source>
        <translation>Noch nicht gefunden</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>%1 von mehr als %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>still reading %n document(s)</source>
        <translation>
            <numerusform>%n Dokument wird noch gelesen</numerusform>
            <numerusform>%n Dokumente werden noch gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in the open documents (case and accents ignored)</source>
        <translation>In den geöffneten Dokumenten suchen (ohne Beachtung von Groß-/Kleinschreibung und Akzenten)</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>Anzahl der Treffer</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>List every match with its page</source>
        <translation>Alle Treffer mit ihrer Seite auflisten</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HeatView</name>
    <message>
        <source>Show &amp;Where the Model Looked</source>
        <translation>&amp;Zeigen, wohin das Modell geschaut hat</translation>
    </message>
    <message>
        <source>Draw over the page how much the last answer about it attended to each part of it (each crop&apos;s 13 × 13 cells, averaged over the answer&apos;s tokens, heads and layers)</source>
        <translation>Auf der Seite zeigen, wie stark die letzte Antwort dazu jeden Teil der Seite beachtet hat (die 13 × 13 Zellen jedes Ausschnitts, gemittelt über die Token, Köpfe und Schichten der Antwort)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HistoryPanel</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>Die ausgewählte Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>Die ausgewählte Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Delete the saved conversation “%1”? This cannot be undone.</source>
        <translation>Die gespeicherte Unterhaltung „%1“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Damaged file (cannot be opened) · %1
%2</source>
        <translation>Beschädigte Datei (kann nicht geöffnet werden) · %1
%2</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(keine Frage)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n turn(s)</source>
        <translation>
            <numerusform>%1 · %n Runde</numerusform>
            <numerusform>%1 · %n Runden</numerusform>
        </translation>
    </message>
    <message>
        <source> · interrupted</source>
        <translation> · unterbrochen</translation>
    </message>
    <message>
        <source> · shown</source>
        <translation> · angezeigt</translation>
    </message>
    <message>
        <source>Filter questions and answers</source>
        <translation>Fragen und Antworten filtern</translation>
    </message>
    <message>
        <source>Filter the saved conversations</source>
        <translation>Die gespeicherten Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>Saved conversations, by document set</source>
        <translation>Gespeicherte Unterhaltungen, nach Dokumentgruppe</translation>
    </message>
    <message>
        <source>Reading the saved conversations…</source>
        <translation>Die gespeicherten Unterhaltungen werden gelesen…</translation>
    </message>
    <message>
        <source>No saved conversations yet.</source>
        <translation>Noch keine gespeicherten Unterhaltungen.</translation>
    </message>
    <message>
        <source>No saved conversation matches “%1”.</source>
        <translation>Keine gespeicherte Unterhaltung passt zu „%1“.</translation>
    </message>
    <message>
        <source>Saved conversations by document set, newest first:</source>
        <translation>Gespeicherte Unterhaltungen nach Dokumentgruppe, neueste zuerst:</translation>
    </message>
    <message>
        <source>Damaged files</source>
        <translation>Beschädigte Dateien</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Keine Dokumente</translation>
    </message>
    <message>
        <source> · open now</source>
        <translation> · jetzt geöffnet</translation>
    </message>
</context>
<context>
    <name>leopard::ui::MainWindow</name>
    <message>
        <source>Leopard Desk</source>
        <translation>Leopard Desk</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open reports (PDF), slide decks or page images</source>
        <translation>Berichte (PDF), Foliensätze oder Seitenbilder öffnen</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>Dokument &amp;schließen</translation>
    </message>
    <message>
        <source>Close the document of the page shown</source>
        <translation>Das Dokument der angezeigten Seite schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>&amp;Breite einpassen</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>&amp;Seite einpassen</translation>
    </message>
    <message>
        <source>Show &amp;Crop Overlay</source>
        <translation>&amp;Ausschnitte einblenden</translation>
    </message>
    <message>
        <source>Draw the 364 × 364 crops the model will receive over checked pages</source>
        <translation>Die 364 × 364 großen Ausschnitte, die das Modell erhält, über markierten Seiten zeichnen</translation>
    </message>
    <message>
        <source>&amp;Check Page Shown</source>
        <translation>Angezeigte Seite &amp;markieren</translation>
    </message>
    <message>
        <source>Check &amp;All Pages</source>
        <translation>&amp;Alle Seiten markieren</translation>
    </message>
    <message>
        <source>&amp;Uncheck All Pages</source>
        <translation>Alle Markierungen auf&amp;heben</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Optionen…</translation>
    </message>
    <message>
        <source>&amp;About Leopard Desk</source>
        <translation>&amp;Über Leopard Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Seiten</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Crop Plan</source>
        <translation>Ausschnittplan</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Opening documents</source>
        <translation>Dokumente werden geöffnet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>Öffnen abbrechen</translation>
    </message>
    <message>
        <source>Stop opening the documents still loading (e.g. a slow slide deck conversion)</source>
        <translation>Das Öffnen der noch ladenden Dokumente abbrechen (z. B. eine langsame Foliensatz-Konvertierung)</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Öffnen abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1” (%n page(s))</source>
        <translation>
            <numerusform>„%1“ geöffnet (%n Seite)</numerusform>
            <numerusform>„%1“ geöffnet (%n Seiten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>“%1” is already open</source>
        <translation>„%1“ ist bereits geöffnet</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>„%1“ wird geöffnet…</translation>
    </message>
    <message>
        <source>File Not Found</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Unsupported File</source>
        <translation>Nicht unterstützte Datei</translation>
    </message>
    <message>
        <source>Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).</source>
        <translation>Leopard Desk kann %1 nicht öffnen. Es öffnet PDF-Berichte, Foliensätze und Seitenbilder (%2).</translation>
    </message>
    <message>
        <source>Open Documents</source>
        <translation>Dokumente öffnen</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>The password for “%1” was wrong. Try again:</source>
        <translation>Das Passwort für „%1“ war falsch. Erneut versuchen:</translation>
    </message>
    <message>
        <source>“%1” is protected. Password:</source>
        <translation>„%1“ ist geschützt. Passwort:</translation>
    </message>
    <message>
        <source>“%1” was not opened</source>
        <translation>„%1“ wurde nicht geöffnet</translation>
    </message>
    <message>
        <source>Closed “%1”</source>
        <translation>„%1“ geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation>
            <numerusform>Aus „Zuletzt geöffnet“ entfernt, weil die Datei nicht mehr existiert: %1</numerusform>
            <numerusform>Aus „Zuletzt geöffnet“ entfernt, weil die Dateien nicht mehr existieren: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>“%1” no longer exists and was removed from Open Recent.</source>
        <translation>„%1“ existiert nicht mehr und wurde aus „Zuletzt geöffnet“ entfernt.</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>Keine zuletzt geöffneten Dokumente</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Only local files can be opened; not %1.</source>
        <translation>Nur lokale Dateien können geöffnet werden, nicht %1.</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · Seite %2 von %3</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 — Leopard Desk</source>
        <translation>%1 – Leopard Desk</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n document(s)…</source>
        <translation>
            <numerusform>%n Dokument wird geöffnet…</numerusform>
            <numerusform>%n Dokumente werden geöffnet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Switch to the new language now? Menus and panels change at once; otherwise the language changes the next time Leopard Desk starts.</source>
        <translation>Jetzt zur neuen Sprache wechseln? Menüs und Bereiche wechseln sofort; andernfalls ändert sich die Sprache beim nächsten Start von Leopard Desk.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Read reports, slide decks and page images with the Leopard vision-language model, and see how it cuts every page into 364 × 364 crops.&lt;/p&gt;&lt;p&gt;Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”, TMLR 2025).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Berichte, Foliensätze und Seitenbilder mit dem Bild-Sprach-Modell Leopard lesen und sehen, wie es jede Seite in Ausschnitte von 364 × 364 zerlegt.&lt;/p&gt;&lt;p&gt;Modell: Leopard (Jia et al., „Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks“, TMLR 2025).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Model directory: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Modellordner: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leopard Desk</source>
        <translation>Über Leopard Desk</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>P&amp;revious Page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation>Eine &amp;Frage stellen</translation>
    </message>
    <message>
        <source>Show the Ask panel and put the cursor in the question field</source>
        <translation>Den Bereich „Fragen“ zeigen und den Cursor ins Fragefeld setzen</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>Antwort an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open &amp;Sample Report</source>
        <translation>&amp;Beispielbericht öffnen</translation>
    </message>
    <message>
        <source>Open the report that comes with Leopard Desk, to try it out</source>
        <translation>Den mit Leopard Desk gelieferten Bericht öffnen, um es auszuprobieren</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;Fragen</translation>
    </message>
    <message>
        <source>Opening status</source>
        <translation>Status des Öffnens</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>Angezeigte Seite</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Kein Dokument geöffnet</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelHost</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No model directory is set.</source>
        <translation>Es ist kein Modellordner festgelegt.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelSettingsWidget</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Not set: the demo model (random weights)</source>
        <translation>Nicht festgelegt: das Demo-Modell (zufällige Gewichte)</translation>
    </message>
    <message>
        <source>The folder of the wyu1/Leopard-LLaVA snapshot: config.json, the two pytorch_model-*.bin shards, pytorch_model.bin.index.json and the tokenizer files. --model DIR and LEOPARD_MODEL_DIR take precedence over this.</source>
        <translation>Der Ordner des Snapshots wyu1/Leopard-LLaVA: config.json, die beiden Shards pytorch_model-*.bin, pytorch_model.bin.index.json und die Tokenizer-Dateien. --model DIR und LEOPARD_MODEL_DIR haben Vorrang vor dieser Angabe.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Leopard-LLaVA Checkpoint Folder</source>
        <translation>Ordner des Leopard-LLaVA-Checkpoints</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Checkpoint &amp;folder:</source>
        <translation>Checkpoint-&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Data &amp;type:</source>
        <translation>Daten&amp;typ:</translation>
    </message>
    <message>
        <source>libtorch %1 · CUDA %2 · native bf16 on this CPU: %3</source>
        <translation>libtorch %1 · CUDA %2 · natives bf16 auf dieser CPU: %3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Full precision (the data type above)</source>
        <translation>Volle Genauigkeit (der Datentyp oben)</translation>
    </message>
    <message>
        <source>int8 (about half the memory of bf16)</source>
        <translation>int8 (etwa halber Speicherbedarf von bf16)</translation>
    </message>
    <message>
        <source>&amp;Weights:</source>
        <translation>&amp;Gewichte:</translation>
    </message>
    <message>
        <source>Automatic (full precision where it fits in memory, else int8, else int4)</source>
        <translation>Automatisch (volle Genauigkeit, wenn der Speicher reicht, sonst int8, sonst int4)</translation>
    </message>
    <message>
        <source>int4 (about a third of the memory of bf16)</source>
        <translation>int4 (etwa ein Drittel des Speicherbedarfs von bf16)</translation>
    </message>
    <message>
        <source>int8 keeps the language model&apos;s weight matrices as 8-bit integers with one scale per row (the 8B model: about 9.5 GB instead of 17 GB); int4 as 4-bit codes with a scale and an offset per group of 32 weights (about 6.7 GB). Answers stay close to full precision but not identical. The vision tower stays in the data type above.</source>
        <translation>int8 speichert die Gewichtsmatrizen des Sprachmodells als 8-Bit-Ganzzahlen mit einem Skalierungsfaktor pro Zeile (das 8B-Modell: etwa 9,5 GB statt 17 GB); int4 als 4-Bit-Codes mit Skalierung und Versatz je Gruppe von 32 Gewichten (etwa 6,7 GB). Die Antworten bleiben nahe an voller Genauigkeit, aber nicht identisch. Der Vision-Teil bleibt im Datentyp oben.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::OcrLanguagesWidget</name>
    <message>
        <source>The languages Tesseract reads pages without a text layer in (scans, page images). Documents already read keep their text.</source>
        <translation>Die Sprachen, in denen Tesseract Seiten ohne Textebene liest (Scans, Seitenbilder). Bereits gelesene Dokumente behalten ihren Text.</translation>
    </message>
    <message>
        <source>Automatic: the language of Leopard Desk and English</source>
        <translation>Automatisch: die Sprache von Leopard Desk und Englisch</translation>
    </message>
    <message>
        <source>Pick at least one language, or scanned pages stay unread.</source>
        <translation>Wählen Sie mindestens eine Sprache, sonst bleiben gescannte Seiten ungelesen.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripDelegate</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1 markiert</translation>
    </message>
    <message>
        <source>Cannot render</source>
        <translation>Darstellung nicht möglich</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Wird gerendert…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 checked</source>
        <translation>markiert: %1/%2</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>Beleg</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation>%1, Seite %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s), %2 checked</source>
        <translation>
            <numerusform>%1: %n Seite, %2 markiert</numerusform>
            <numerusform>%1: %n Seiten, %2 markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripView</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Thumbnails of every page of the open documents. Check the pages to ask about.</source>
        <translation>Miniaturen aller Seiten der geöffneten Dokumente. Markieren Sie die Seiten, zu denen Sie fragen möchten.</translation>
    </message>
    <message>
        <source>Uncheck page %1</source>
        <translation>Markierung von Seite %1 aufheben</translation>
    </message>
    <message>
        <source>Check page %1</source>
        <translation>Seite %1 markieren</translation>
    </message>
    <message>
        <source>Check only this page</source>
        <translation>Nur diese Seite markieren</translation>
    </message>
    <message>
        <source>Check all pages of “%1”</source>
        <translation>Alle Seiten von „%1“ markieren</translation>
    </message>
    <message>
        <source>Uncheck all pages of “%1”</source>
        <translation>Markierung aller Seiten von „%1“ aufheben</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>„%1“ schließen</translation>
    </message>
    <message>
        <source>Compare: Put in Left Slot</source>
        <translation>Vergleichen: ins linke Feld legen</translation>
    </message>
    <message>
        <source>Compare: Put in Right Slot</source>
        <translation>Vergleichen: ins rechte Feld legen</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageView</name>
    <message>
        <source>Page view</source>
        <translation>Seitenansicht</translation>
    </message>
    <message>
        <source>Open a report, slide deck or page image
(File ▸ Open…, Ctrl+O, or drop files here)</source>
        <translation>Öffnen Sie einen Bericht, einen Foliensatz oder ein Seitenbild
(Datei ▸ Öffnen…, Strg+O, oder Dateien hierher ziehen)</translation>
    </message>
    <message>
        <source>This page could not be rendered.</source>
        <translation>Diese Seite konnte nicht gerendert werden.</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Wird gerendert…</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s) (%1 × %2 grid) + global view</source>
        <translation>
            <numerusform>%n Ausschnitt (%1 × %2-Raster) + Gesamtansicht</numerusform>
            <numerusform>%n Ausschnitte (%1 × %2-Raster) + Gesamtansicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Global view only (no crops)</source>
        <translation>Nur Gesamtansicht (keine Ausschnitte)</translation>
    </message>
    <message>
        <source>Page not checked: check it in the page strip to see its crops</source>
        <translation>Seite nicht markiert: Markieren Sie sie in der Seitenleiste, um ihre Ausschnitte zu sehen</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Kein Dokument geöffnet</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>Wohin das Modell geschaut hat: weniger → mehr</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PlanPanel</name>
    <message>
        <source>Crop plan</source>
        <translation>Ausschnittplan</translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation>Plan-Summen</translation>
    </message>
    <message>
        <source>Model images used</source>
        <translation>Verwendete Modellbilder</translation>
    </message>
    <message>
        <source>Crop budget</source>
        <translation>Ausschnitt-Budget</translation>
    </message>
    <message>
        <source>Plan warning</source>
        <translation>Plan-Warnung</translation>
    </message>
    <message>
        <source>Model input per checked page</source>
        <translation>Modelleingabe je markierter Seite</translation>
    </message>
    <message>
        <source>Check pages in the page strip to see how the model will read them.</source>
        <translation>Markieren Sie Seiten in der Seitenleiste, um zu sehen, wie das Modell sie lesen wird.</translation>
    </message>
    <message>
        <source>1 image (global view only) · %1 tokens</source>
        <translation>1 Bild (nur Gesamtansicht) · %1 Token</translation>
    </message>
    <message numerus="yes">
        <source>%1 images (global + %n tile(s)) · %2 tokens</source>
        <translation>
            <numerusform>%1 Bilder (Gesamtansicht + %n Kachel) · %2 Token</numerusform>
            <numerusform>%1 Bilder (Gesamtansicht + %n Kacheln) · %2 Token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 tokens</source>
        <translation>%1 von %2 Bildern · %3 Token</translation>
    </message>
    <message>
        <source>No pages checked.</source>
        <translation>Keine Seiten markiert.</translation>
    </message>
    <message>
        <source>%1 pages checked, %2 allowed.</source>
        <translation>%1 Seiten markiert, %2 erlaubt.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) checked</source>
        <translation>
            <numerusform>%n Seite markiert</numerusform>
            <numerusform>%n Seiten markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>crop budget %1 − %2 = %3</source>
        <translation>Ausschnitt-Budget %1 − %2 = %3</translation>
    </message>
    <message>
        <source>The pages want %1 crops; scaled down to %2 to fit the budget.</source>
        <translation>Die Seiten wollen %1 Ausschnitte; auf %2 verkleinert, um ins Budget zu passen.</translation>
    </message>
    <message>
        <source>No budget left for crops: each page is sent as one global view.</source>
        <translation>Kein Budget mehr für Ausschnitte: Jede Seite wird als eine Gesamtansicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Zu viele Seiten: %1 markiert.&lt;/b&gt; Das Modell verarbeitet höchstens %2 Bilder, daher wird nichts gesendet. Heben Sie die Markierung von %n Seite auf.</numerusform>
            <numerusform>&lt;b&gt;Zu viele Seiten: %1 markiert.&lt;/b&gt; Das Modell verarbeitet höchstens %2 Bilder, daher wird nichts gesendet. Heben Sie die Markierung von %n Seiten auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation>%1 · S. %2</translation>
    </message>
    <message>
        <source>Analysis image %1 × %2 px</source>
        <translation>Analysebild %1 × %2 px</translation>
    </message>
    <message>
        <source>Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)</source>
        <translation>Raster %1 × %2 auf einer Fläche von %3 × %4 (Seite skaliert auf %5 × %6)</translation>
    </message>
    <message>
        <source>Wanted %1 crops, granted %2</source>
        <translation>%1 Ausschnitte gewünscht, %2 gewährt</translation>
    </message>
    <message>
        <source>How the model will cut the checked pages into crops, and the images and tokens they use</source>
        <translation>Wie das Modell die markierten Seiten in Ausschnitte zerlegt und wie viele Bilder und Token sie brauchen</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The language of menus, panels and messages. “System default” follows the language of your desktop session.</source>
        <translation>Die Sprache von Menüs, Bereichen und Meldungen. „Systemstandard“ folgt der Sprache Ihrer Desktop-Sitzung.</translation>
    </message>
    <message>
        <source>Analysis resolution in dots per inch</source>
        <translation>Analyseauflösung in Punkten pro Zoll</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Default (%1 dpi)</source>
        <translation>Standard (%1 dpi)</translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model (what it reads); the screen view is separate. The crop plan follows from it.</source>
        <translation>PDF- und Folienseiten werden für das Modell (das, was es liest) in dieser Auflösung gerendert; die Bildschirmansicht ist davon unabhängig. Der Ausschnittplan ergibt sich daraus.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Analysis resolution:</source>
        <translation>&amp;Analyseauflösung:</translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page at 364 × 364 (1 model image = %3 tokens).</source>
        <translation>Eine US-Letter-Seite wird zu %1 × %2 px: keine Ausschnitte, das Modell sieht nur die ganze Seite in 364 × 364 (1 Modellbild = %3 Token).</translation>
    </message>
    <message numerus="yes">
        <source>A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, %5 model images = %6 tokens.</source>
        <translation>
            <numerusform>Eine US-Letter-Seite wird zu %1 × %2 px: %n Ausschnitt auf einem %3 × %4-Raster, %5 Modellbilder = %6 Token.</numerusform>
            <numerusform>Eine US-Letter-Seite wird zu %1 × %2 px: %n Ausschnitte auf einem %3 × %4-Raster, %5 Modellbilder = %6 Token.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model</source>
        <translation>PDF- und Folienseiten werden für das Modell in dieser Auflösung gerendert</translation>
    </message>
    <message>
        <source>Reset the analysis resolution to %1 dpi</source>
        <translation>Analyseauflösung auf %1 dpi zurücksetzen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark palette, or always use one of them</source>
        <translation>Der hellen oder dunklen Farbpalette des Desktops folgen oder immer eine davon verwenden</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Text &amp;recognition:</source>
        <translation>Text&amp;erkennung:</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search actions or keys</source>
        <translation>Aktionen oder Tasten suchen</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel suchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action with its keyboard shortcut, grouped by menu</source>
        <translation>Alle Aktionen mit ihrem Tastenkürzel, nach Menü gruppiert</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SingleInstance</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read reports, slide decks and page images with the Leopard vision-language model.</source>
        <translation>Berichte, Foliensätze und Seitenbilder mit dem Bild-Sprach-Modell Leopard lesen.</translation>
    </message>
    <message>
        <source>Leopard checkpoint directory (Hugging Face layout).</source>
        <translation>Ordner des Leopard-Checkpoints (Hugging-Face-Layout).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>PDFs, slide decks or images to open.</source>
        <translation>Zu öffnende PDFs, Foliensätze oder Bilder.</translation>
    </message>
    <message>
        <source>Start a separate window with its own model instead of handing the files to the Leopard Desk already running.</source>
        <translation>Ein eigenes Fenster mit eigenem Modell starten, statt die Dateien an das bereits laufende Leopard Desk zu übergeben.</translation>
    </message>
    <message>
        <source>Colours for this run: system, light or dark (default: Settings ▸ Preferences).</source>
        <translation>Farben für diesen Start: system, light oder dark (Standard: Einstellungen ▸ Optionen).</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <translation>SCHEMA</translation>
    </message>
</context>
</TS>
