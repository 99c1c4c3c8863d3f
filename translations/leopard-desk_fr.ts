<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnswerExporter</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>modèle inconnu</translation>
    </message>
    <message>
        <source>max %1 new tokens</source>
        <translation>%1 nouveaux jetons max.</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>glouton</translation>
    </message>
    <message>
        <source>temperature %1, top-p %2, seed %3</source>
        <translation>température %1, top-p %2, graine %3</translation>
    </message>
    <message>
        <source>analysis %1 dpi</source>
        <translation>analyse %1 dpi</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Leopard Desk answer</source>
        <translation>Réponse de Leopard Desk</translation>
    </message>
    <message>
        <source>Leopard Desk answer about %1</source>
        <translation>Réponse de Leopard Desk sur %1</translation>
    </message>
    <message>
        <source>Leopard Desk conversation</source>
        <translation>Conversation Leopard Desk</translation>
    </message>
    <message>
        <source>Leopard Desk conversation about %1</source>
        <translation>Conversation Leopard Desk sur %1</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1” for the page images.</source>
        <translation>Impossible de créer le dossier «&#xa0;%1&#xa0;» pour les images des pages.</translation>
    </message>
    <message>
        <source>Cannot write the page image “%1”.</source>
        <translation>Impossible d’écrire l’image de page «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: choose a name ending in .pdf, .html or .md.</source>
        <translation>Impossible d’exporter vers «&#xa0;%1&#xa0;»&#xa0;: choisissez un nom se terminant par .pdf, .html ou .md.</translation>
    </message>
    <message>
        <source>Conversation started %1.</source>
        <translation>Conversation commencée le %1.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>La réponse a été interrompue avant d’être complète.</translation>
    </message>
    <message>
        <source>Asked %1</source>
        <translation>Posée le %1</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Pages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Pages&#xa0;:</translation>
    </message>
    <message>
        <source>Leopard Desk</source>
        <translation>Leopard Desk</translation>
    </message>
    <message>
        <source>**Question:** %1</source>
        <translation>**Question&#xa0;:** %1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question&#xa0;:</translation>
    </message>
    <message>
        <source>“%1” is not available.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas disponible.</translation>
    </message>
    <message>
        <source>“%1” has no page %2 now.</source>
        <translation>«&#xa0;%1&#xa0;» n’a plus de page %2.</translation>
    </message>
    <message>
        <source>crop plan not shown: not every page of this question is available</source>
        <translation>plan de découpe non affiché&#xa0;: toutes les pages de cette question ne sont pas disponibles</translation>
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation>la page n’a pas pu être rendue</translation>
    </message>
    <message>
        <source>%1 × %2 grid: %3 crops + global view (model images %4–%5)</source>
        <translation>grille %1 × %2&#xa0;: %3 découpes + vue globale (images du modèle %4–%5)</translation>
    </message>
    <message>
        <source>global view only (model image %1)</source>
        <translation>vue globale seule (image du modèle %1)</translation>
    </message>
    <message>
        <source>evidence boxed in green</source>
        <translation>preuves encadrées en vert</translation>
    </message>
    <message>
        <source>where the model looked shaded in violet</source>
        <translation>où le modèle a regardé, ombré en violet</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>“%1” — %2: “%3”</source>
        <translation>« %1 » — %2 : « %3 »</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>Où le modèle a regardé : moins → plus</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>&lt;p&gt;The resolution at which PDF and slide pages are rendered for the model (image files are sent at their own size). The crop plan follows from it.&lt;/p&gt;&lt;p&gt;Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images = 13 × 169 = 2197 tokens.&lt;/p&gt;&lt;p&gt;Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on fewer pages (216 dpi: 35 crops per Letter page).&lt;/p&gt;</source>
        <translation>&lt;p&gt;La résolution à laquelle les pages PDF et les diapositives sont rendues pour le modèle (les fichiers image sont envoyés à leur propre taille). Le plan de découpe en découle.&lt;/p&gt;&lt;p&gt;Par défaut 144 dpi&#xa0;: une page US Letter (612 × 792 pt) devient 1224 × 1584 px, que Leopard découpe en 4 lignes × 3 colonnes = 12 découpes de 364 × 364 px&#xa0;; avec la vue globale, cela fait 13 images pour le modèle = 13 × 169 = 2197 jetons.&lt;/p&gt;&lt;p&gt;Des valeurs plus basses perdent les petits caractères (72 dpi&#xa0;: 4 découpes)&#xa0;; des valeurs plus hautes consacrent le budget de 50 images à moins de pages (216 dpi&#xa0;: 35 découpes par page Letter).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CropOverlay</name>
    <message>
        <source>global view only</source>
        <translation>vue globale seule</translation>
    </message>
    <message>
        <source>%1 = whole page</source>
        <translation>%1 = page entière</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>Reading the pages of %1…</source>
        <translation>Lecture des pages de %1…</translation>
    </message>
    <message>
        <source>Documents (%1);;PDF documents (%2);;Slide decks (%3);;Images (%4);;All files (*)</source>
        <translation>Documents (%1);;Documents PDF (%2);;Présentations (%3);;Images (%4);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 est introuvable.</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>(aucun nom de fichier)</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation>%1 est un dossier, pas un document.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>Impossible de lire %1&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>%1 is not a supported kind of file. Leopard Desk opens PDFs, slide decks (%2) and images (%3).</source>
        <translation>%1 n’est pas un type de fichier pris en charge. Leopard Desk ouvre les PDF, les présentations (%2) et les images (%3).</translation>
    </message>
</context>
<context>
    <name>ImageDocument</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 is too large to open: %2 × %3 pixels needs %4 of memory once decoded, above the %5 MB limit for one image. Scale it down or split it, then open it again.</source>
        <translation>%1 est trop grand pour être ouvert&#xa0;: %2 × %3 pixels nécessitent %4 de mémoire une fois décodés, au-delà de la limite de %5 Mo par image. Réduisez-le ou découpez-le, puis ouvrez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: its format is not recognised or the image plugin for it is not installed (on Debian: sudo apt install qt6-image-formats-plugins).</source>
        <translation>Impossible de lire %1 comme image&#xa0;: son format n’est pas reconnu ou le module d’images correspondant n’est pas installé (sous Debian&#xa0;: sudo apt install qt6-image-formats-plugins).</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2.</source>
        <translation>Impossible de lire %1 comme image&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 cannot be decoded (%3).</source>
        <translation>%1 est endommagé&#xa0;: l’image %2 ne peut pas être décodée (%3).</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 has no pixels.</source>
        <translation>%1 est endommagé&#xa0;: l’image %2 ne contient aucun pixel.</translation>
    </message>
    <message>
        <source>%1 contains no images.</source>
        <translation>%1 ne contient aucune image.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>ModelLocation</name>
    <message>
        <source>from --model</source>
        <translation>via --model</translation>
    </message>
    <message>
        <source>from LEOPARD_MODEL_DIR</source>
        <translation>via LEOPARD_MODEL_DIR</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>via les paramètres</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>modèle de démonstration</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>Page %1 of %2 could not be drawn.</source>
        <translation>La page %1 de %2 n’a pas pu être dessinée.</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), so it is not a usable PDF.</source>
        <translation>%1 est vide (0 octet)&#xa0;: ce n’est pas un PDF utilisable.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file: it does not start with a PDF header. It may be another kind of file renamed to .pdf.</source>
        <translation>%1 n’est pas un fichier PDF&#xa0;: il ne commence pas par un en-tête PDF. Il s’agit peut-être d’un autre type de fichier renommé en .pdf.</translation>
    </message>
    <message>
        <source>%1 is damaged or truncated: its PDF structure cannot be read. Try downloading or exporting it again.</source>
        <translation>%1 est endommagé ou tronqué&#xa0;: sa structure PDF ne peut pas être lue. Essayez de le télécharger ou de l’exporter à nouveau.</translation>
    </message>
    <message>
        <source>%1 was converted, but the PDF LibreOffice made cannot be read: %2</source>
        <translation>%1 a été converti, mais le PDF produit par LibreOffice ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter the password to open it.</source>
        <translation>%1 est protégé par un mot de passe. Saisissez le mot de passe pour l’ouvrir.</translation>
    </message>
    <message>
        <source>The password for %1 is not correct.</source>
        <translation>Le mot de passe de %1 est incorrect.</translation>
    </message>
    <message>
        <source>%1 contains no pages, so there is nothing to show.</source>
        <translation>%1 ne contient aucune page&#xa0;: il n’y a rien à afficher.</translation>
    </message>
    <message>
        <source>%1 is damaged: page %2 of %3 cannot be read.</source>
        <translation>%1 est endommagé&#xa0;: la page %2 sur %3 ne peut pas être lue.</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The saved session %1 cannot be read: %2.</source>
        <translation>Impossible de lire la session enregistrée %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The saved session %1 is empty (0 bytes); it cannot be restored.</source>
        <translation>La session enregistrée %1 est vide (0 octet)&#xa0;; elle ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged (%2 at byte %3 of %4); it cannot be restored.</source>
        <translation>La session enregistrée %1 est endommagée (%2 à l’octet %3 sur %4)&#xa0;; elle ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged: %2; it cannot be restored.</source>
        <translation>La session enregistrée %1 est endommagée&#xa0;: %2&#xa0;; elle ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The sessions folder %1 cannot be created.</source>
        <translation>Le dossier des sessions %1 ne peut pas être créé.</translation>
    </message>
    <message>
        <source> It was not overwritten; set it aside first.</source>
        <translation> Elle n’a pas été écrasée&#xa0;; mettez-la d’abord de côté.</translation>
    </message>
    <message>
        <source>The session %1 could not be saved: %2.</source>
        <translation>La session %1 n’a pas pu être enregistrée&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation>La session %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The session %1 could not be deleted: %2.</source>
        <translation>La session %1 n’a pas pu être supprimée&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The session %1 could not be set aside as %2.</source>
        <translation>La session %1 n’a pas pu être mise de côté sous le nom %2.</translation>
    </message>
    <message>
        <source>The saved session %1 was written by a newer version of Leopard Desk (format %2; this one reads up to %3): open it with that version.</source>
        <translation>La session enregistrée %1 a été écrite par une version plus récente de Leopard Desk (format %2&#xa0;; celle-ci lit jusqu’au format %3)&#xa0;: ouvrez-la avec cette version.</translation>
    </message>
    <message>
        <source> It was not overwritten.</source>
        <translation> Elle n’a pas été écrasée.</translation>
    </message>
</context>
<context>
    <name>SlideConverter</name>
    <message>
        <source>Install LibreOffice Impress to open slide decks (on Debian or Ubuntu: sudo apt install libreoffice-impress), or set the path to soffice in Settings.</source>
        <translation>Installez LibreOffice Impress pour ouvrir les présentations (sous Debian ou Ubuntu&#xa0;: sudo apt install libreoffice-impress), ou indiquez le chemin de soffice dans les paramètres.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 is not a slide deck LibreOffice can read: it is neither a PowerPoint, OpenDocument nor Keynote file. It may be damaged or renamed.</source>
        <translation>%1 n’est pas une présentation lisible par LibreOffice&#xa0;: ce n’est ni un fichier PowerPoint, ni OpenDocument, ni Keynote. Il est peut-être endommagé ou renommé.</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but LibreOffice was not found. %2</source>
        <translation>%1 est une présentation et nécessite LibreOffice pour être ouvert, mais LibreOffice est introuvable. %2</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but %2 is not an executable program. %3</source>
        <translation>%1 est une présentation et nécessite LibreOffice pour être ouvert, mais %2 n’est pas un programme exécutable. %3</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>L’ouverture de %1 a été annulée.</translation>
    </message>
    <message>
        <source>%1 cannot be converted: no room for temporary files (%2).</source>
        <translation>Impossible de convertir %1&#xa0;: pas de place pour les fichiers temporaires (%2).</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice…</source>
        <translation>Conversion de %1 avec LibreOffice…</translation>
    </message>
    <message>
        <source>%1 needs LibreOffice to open, but %2 could not be started (%3). %4</source>
        <translation>%1 nécessite LibreOffice pour être ouvert, mais %2 n’a pas pu être lancé (%3). %4</translation>
    </message>
    <message>
        <source>%1 took longer than %2 seconds to convert with LibreOffice and was stopped. A very large deck may need a longer time limit in Settings.</source>
        <translation>La conversion de %1 avec LibreOffice a pris plus de %2 secondes et a été arrêtée. Une très grande présentation peut nécessiter un délai plus long dans les paramètres.</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice… %2 s</source>
        <translation>Conversion de %1 avec LibreOffice… %2 s</translation>
    </message>
    <message>
        <source>LibreOffice could not convert %1 (it produced no PDF%2). The file may be damaged or in a format LibreOffice cannot read.</source>
        <translation>LibreOffice n’a pas pu convertir %1 (aucun PDF produit%2). Le fichier est peut-être endommagé ou dans un format que LibreOffice ne sait pas lire.</translation>
    </message>
    <message>
        <source>; it said: &quot;%1&quot;</source>
        <translation>&#xa0;; message&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source> LibreOffice crashed.</source>
        <translation> LibreOffice s’est arrêté brutalement.</translation>
    </message>
    <message>
        <source>%1 was converted, but the result could not be saved in %2 (%3).</source>
        <translation>%1 a été converti, mais le résultat n’a pas pu être enregistré dans %2 (%3).</translation>
    </message>
</context>
<context>
    <name>leopard::InferenceWorker</name>
    <message>
        <source>Unknown data type “%1” (use fp32, bf16 or fp16).</source>
        <translation>Type de données inconnu «&#xa0;%1&#xa0;» (utilisez fp32, bf16 ou fp16).</translation>
    </message>
    <message>
        <source>Reading weights</source>
        <translation>Lecture des poids</translation>
    </message>
    <message>
        <source>Reading configuration and tokenizer</source>
        <translation>Lecture de la configuration et du tokenizer</translation>
    </message>
    <message>
        <source>Cannot load the model from %1: %2</source>
        <translation>Impossible de charger le modèle depuis %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>page %1 of %2 could not be rendered at its planned size</source>
        <translation>la page %1 de %2 n’a pas pu être rendue à la taille prévue</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>Out of memory while answering. Ask about fewer pages, lower the analysis resolution or use a smaller data type.</source>
        <translation>Mémoire insuffisante pendant la réponse. Posez la question sur moins de pages, baissez la résolution d’analyse ou utilisez un type de données plus petit.</translation>
    </message>
    <message>
        <source>Out of memory while answering: %1</source>
        <translation>Mémoire insuffisante pendant la réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation>Le modèle n’a pas pu répondre&#xa0;: %1</translation>
    </message>
    <message>
        <source>saved turn %1 carries %2 image tokens for %3 model images of its pages</source>
        <translation>l’échange enregistré %1 contient %2 jetons d’image pour %3 images de ses pages destinées au modèle</translation>
    </message>
    <message>
        <source>saved turn %1 has %2 generated ids, more than its %3 new tokens</source>
        <translation>l’échange enregistré %1 compte %2 identifiants générés, plus que ses %3 nouveaux jetons</translation>
    </message>
    <message>
        <source>saved turn %1 has a stop token before the end of its answer</source>
        <translation>l’échange enregistré %1 contient un jeton d’arrêt avant la fin de sa réponse</translation>
    </message>
    <message>
        <source>Unknown weight format “%1” (use auto, full, int8 or int4).</source>
        <translation>Format de poids inconnu «&#xa0;%1&#xa0;» (utilisez auto, full, int8 ou int4).</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ChatPanel</name>
    <message>
        <source>Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings</source>
        <translation>Modèle de démonstration chargé&#xa0;: poids aléatoires, les réponses n’ont pas de sens — indiquez le vrai checkpoint Leopard-LLaVA dans les paramètres</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Getting the real model&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk runs &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; from Hugging Face (a snapshot with two .bin shards, 17 GB in all, plus config.json and the tokenizer files). Download it, for example with &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, then point the app at that folder: &lt;a href=&quot;settings&quot;&gt;Settings ▸ Preferences ▸ Model&lt;/a&gt;, the &lt;code&gt;--model DIR&lt;/code&gt; option, or the &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt; environment variable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Obtenir le vrai modèle&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk exécute &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; de Hugging Face (un instantané avec deux fragments .bin, 17 Go au total, plus config.json et les fichiers du tokenizer). Téléchargez-le, par exemple avec &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, puis indiquez ce dossier à l’application&#xa0;: &lt;a href=&quot;settings&quot;&gt;Paramètres ▸ Préférences ▸ Modèle&lt;/a&gt;, l’option &lt;code&gt;--model DIR&lt;/code&gt; ou la variable d’environnement &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop loading the model</source>
        <translation>Arrêter le chargement du modèle</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the answer (takes effect within one token)</source>
        <translation>Arrêter la réponse (effet en un jeton au plus)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Start a new conversation (the next question does not continue this one)</source>
        <translation>Commencer une nouvelle conversation (la question suivante ne poursuit pas celle-ci)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Loading the model: %1 — %2 of %3 MB</source>
        <translation>Chargement du modèle&#xa0;: %1 — %2 sur %3 Mo</translation>
    </message>
    <message>
        <source>Loading the model: %1…</source>
        <translation>Chargement du modèle&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Generation options: max new tokens, temperature (0 = greedy), top-p</source>
        <translation>Options de génération&#xa0;: nombre max. de nouveaux jetons, température (0 = glouton), top-p</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (glouton)</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>Nouveaux jetons max.&#xa0;:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Température&#xa0;:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p&#xa0;:</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Le modèle est en cours de chargement…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Le modèle est en train de répondre.</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>Saisissez une question.</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>Plus de %1 pages sont cochées&#xa0;; le modèle en accepte au plus %1.</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s).</source>
        <translation>
            <numerusform>Question de suivi sur la même page.</numerusform>
            <numerusform>Question de suivi sur les mêmes %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New question about %n checked page(s) (%1 model images, plan on the right).</source>
        <translation>
            <numerusform>Nouvelle question sur %n page cochée (%1 images pour le modèle, plan à droite).</numerusform>
            <numerusform>Nouvelle question sur %n pages cochées (%1 images pour le modèle, plan à droite).</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>Chargement du modèle depuis %1…</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>Modèle&#xa0;: %1 (%2) · %3 · %4</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>Vous&#xa0;:</translation>
    </message>
    <message>
        <source>Follow-up about</source>
        <translation>Question de suivi sur</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sur</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(aucune réponse)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur&#xa0;:</translation>
    </message>
    <message>
        <source>Getting the real model</source>
        <translation>Obtenir le vrai modèle</translation>
    </message>
    <message>
        <source>Model status</source>
        <translation>État du modèle</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Annuler le chargement du modèle</translation>
    </message>
    <message>
        <source>Questions and the model&apos;s answers; each answer has Copy and Export links</source>
        <translation>Les questions et les réponses du modèle&#xa0;; chaque réponse a des liens Copier et Exporter</translation>
    </message>
    <message>
        <source>Answer status</source>
        <translation>État de la réponse</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>Poser la question</translation>
    </message>
    <message>
        <source>Ask in this conversation, giving the model the newly checked pages too</source>
        <translation>Demander dans cette conversation en donnant aussi au modèle les pages nouvellement cochées</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages only</source>
        <translation>Demander dans une nouvelle conversation sur les seules pages cochées</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages</source>
        <translation>Demander dans une nouvelle conversation sur les pages cochées</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export this conversation</source>
        <translation>Exporter cette conversation</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Generation options</source>
        <translation>Options de génération</translation>
    </message>
    <message>
        <source>Answer stopped.</source>
        <translation>Réponse arrêtée.</translation>
    </message>
    <message>
        <source>Answer stopped: %1</source>
        <translation>Réponse arrêtée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Answer complete.</source>
        <translation>Réponse terminée.</translation>
    </message>
    <message>
        <source>Answer complete: %1</source>
        <translation>Réponse terminée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>La réponse a échoué.</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>La réponse a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Maximum new tokens</source>
        <translation>Nombre maximal de nouveaux jetons</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Reading the open documents to find their saved conversations…</source>
        <translation>Lecture des documents ouverts pour trouver leurs conversations enregistrées…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s) to this conversation</source>
        <translation>
            <numerusform>Ajouter %n page à cette conversation</numerusform>
            <numerusform>Ajouter %n pages à cette conversation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checked pages differ from this conversation&apos;s %n page(s): add the new ones to it, or start a new conversation.</source>
        <translation>
            <numerusform>Les pages cochées diffèrent de la page de cette conversation&#xa0;: ajoutez-y les nouvelles ou commencez une nouvelle conversation.</numerusform>
            <numerusform>Les pages cochées diffèrent des %n pages de cette conversation&#xa0;: ajoutez-y les nouvelles ou commencez une nouvelle conversation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Réponse en cours…</translation>
    </message>
    <message>
        <source>Pages added in this turn:</source>
        <translation>Pages ajoutées à cet échange&#xa0;:</translation>
    </message>
    <message>
        <source>(The model started afresh here: it did not see the earlier turns.)</source>
        <translation>(Le modèle est reparti de zéro ici&#xa0;: il n’a pas vu les échanges précédents.)</translation>
    </message>
    <message>
        <source>Interrupted: the app stopped before this answer was complete.</source>
        <translation>Interrompue&#xa0;: l’application s’est arrêtée avant la fin de cette réponse.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <source>Export Answer…</source>
        <translation>Exporter la réponse…</translation>
    </message>
    <message>
        <source>Export Conversation…</source>
        <translation>Exporter la conversation…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s)</source>
        <translation>
            <numerusform>Ajouter %n page</numerusform>
            <numerusform>Ajouter %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>La conversation n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation (turn %1 of %2)…</source>
        <translation>Relecture de la conversation enregistrée (échange %1 sur %2)…</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation</source>
        <translation>Relecture de la conversation enregistrée</translation>
    </message>
    <message>
        <source>Restored conversation. The next question continues it: the model first re-reads the earlier turns.</source>
        <translation>Conversation restaurée. La prochaine question la poursuit&#xa0;: le modèle relit d’abord les échanges précédents.</translation>
    </message>
    <message>
        <source>Restored conversation. The model cannot continue it exactly — %1 The next question starts afresh about the pages still found.</source>
        <translation>Conversation restaurée. Le modèle ne peut pas la poursuivre exactement — %1 La prochaine question repart de zéro sur les pages encore trouvées.</translation>
    </message>
    <message>
        <source>Restored conversation. None of its pages are open; check pages to ask about them.</source>
        <translation>Conversation restaurée. Aucune de ses pages n’est ouverte&#xa0;; cochez des pages pour poser une question à leur sujet.</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s); the model first re-reads this saved conversation.</source>
        <translation>
            <numerusform>Question de suivi sur la même page&#xa0;; le modèle relit d’abord cette conversation enregistrée.</numerusform>
            <numerusform>Question de suivi sur les mêmes %n pages&#xa0;; le modèle relit d’abord cette conversation enregistrée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).</source>
        <translation>
            <numerusform>Question suivante sur la même page&#xa0;; le modèle repart de zéro (il ne peut pas poursuivre cette conversation).</numerusform>
            <numerusform>Question suivante sur les mêmes %n pages&#xa0;; le modèle repart de zéro (il ne peut pas poursuivre cette conversation).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)</source>
        <translation>Posez une question sur les pages cochées ou, si aucune n’est cochée, sur tout le document… (Entrée pour demander, Maj+Entrée pour un saut de ligne)</translation>
    </message>
    <message>
        <source>Reading the documents&apos; text to pick pages for the question…</source>
        <translation>Lecture du texte des documents pour choisir les pages de la question…</translation>
    </message>
    <message numerus="yes">
        <source>No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).</source>
        <translation>
            <numerusform>Aucune page n’est cochée&#xa0;: Leopard choisit la page qui correspond le mieux à la question (ou cochez des pages dans la bande des pages).</numerusform>
            <numerusform>Aucune page n’est cochée&#xa0;: Leopard choisit les %n pages qui correspondent le mieux à la question (ou cochez des pages dans la bande des pages).</numerusform>
        </translation>
    </message>
    <message>
        <source>The question has no words to look for in the documents. Check the pages to ask about in the page strip.</source>
        <translation>La question ne contient aucun mot à rechercher dans les documents. Cochez dans la bande des pages celles sur lesquelles porte la question.</translation>
    </message>
    <message>
        <source>No page of the open documents matches the question (looked for: %1). Check the pages to ask about in the page strip.</source>
        <translation>Aucune page des documents ouverts ne correspond à la question (mots recherchés&#xa0;: %1). Cochez dans la bande des pages celles sur lesquelles porte la question.</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>Picked: %1 — matched %2</source>
        <translation>Pages choisies&#xa0;: %1 — correspondant à %2</translation>
    </message>
    <message>
        <source>Check the pages to ask about in the page strip.</source>
        <translation>Cochez dans la bande des pages celles sur lesquelles porte la question.</translation>
    </message>
    <message>
        <source>Pages per question</source>
        <translation>Pages par question</translation>
    </message>
    <message>
        <source>Let Leopard pick pages</source>
        <translation>Laisser Leopard choisir les pages</translation>
    </message>
    <message>
        <source>Pick the pages that best match each new question even when pages are checked (with none checked Leopard always picks)</source>
        <translation>Choisir les pages qui correspondent le mieux à chaque nouvelle question même si des pages sont cochées (si aucune ne l’est, Leopard choisit toujours)</translation>
    </message>
    <message>
        <source>Pages per question:</source>
        <translation>Pages par question&#xa0;:</translation>
    </message>
    <message>
        <source>Options: max new tokens, temperature (0 = greedy), top-p, pages picked per question</source>
        <translation>Options&#xa0;: jetons nouveaux max., température (0 = glouton), top-p, pages choisies par question</translation>
    </message>
    <message numerus="yes">
        <source>Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).</source>
        <translation>
            <numerusform>Leopard choisit la page qui correspond le mieux à la question au lieu des pages cochées (Options).</numerusform>
            <numerusform>Leopard choisit les %n pages qui correspondent le mieux à la question au lieu des pages cochées (Options).</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence for “%1” on %2 p. %3</source>
        <translation>Source de « %1 » dans %2 p. %3</translation>
    </message>
    <message numerus="yes">
        <source>Show all evidence (%n)</source>
        <translation>
            <numerusform>Montrer toutes les sources (%n)</numerusform>
            <numerusform>Montrer toutes les sources (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 weights (%2)</source>
        <translation> · poids %1 (%2)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareSlot</name>
    <message>
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
    <message>
        <source>Drop to put it here</source>
        <translation>Déposer pour la placer ici</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendu en cours…</translation>
    </message>
    <message>
        <source>Drop to replace this page</source>
        <translation>Déposer pour remplacer cette page</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareView</name>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>Compare these two pages: what changed, and what is the same?</source>
        <translation>Compare ces deux pages&#xa0;: qu’est-ce qui a changé, et qu’est-ce qui est identique&#xa0;?</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Left Slot (Ctrl+Shift+L)</source>
        <translation>Faites glisser ici une page de la bande des pages, ou un fichier du gestionnaire de fichiers.

Clavier&#xa0;: Comparer ▸ Placer la page à gauche (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Right Slot (Ctrl+Shift+R)</source>
        <translation>Faites glisser ici une page de la bande des pages, ou un fichier du gestionnaire de fichiers.

Clavier&#xa0;: Comparer ▸ Placer la page à droite (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Left comparison page</source>
        <translation>Page de comparaison de gauche</translation>
    </message>
    <message>
        <source>Right comparison page</source>
        <translation>Page de comparaison de droite</translation>
    </message>
    <message>
        <source>Comparison prompt</source>
        <translation>Consigne de comparaison</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Consigne&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Permuter</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>Comparison answer</source>
        <translation>Réponse de la comparaison</translation>
    </message>
    <message>
        <source>The answer appears here and in the Ask dock, where follow-up questions continue it.</source>
        <translation>La réponse s’affiche ici et dans le panneau Questions, où les questions de suivi la prolongent.</translation>
    </message>
    <message>
        <source>Put Page in &amp;Left Slot</source>
        <translation>Placer la page à &amp;gauche</translation>
    </message>
    <message>
        <source>Put the page shown in the left slot of the compare view</source>
        <translation>Placer la page affichée dans l’emplacement de gauche de la vue de comparaison</translation>
    </message>
    <message>
        <source>Put Page in &amp;Right Slot</source>
        <translation>Placer la page à &amp;droite</translation>
    </message>
    <message>
        <source>Put the page shown in the right slot of the compare view</source>
        <translation>Placer la page affichée dans l’emplacement de droite de la vue de comparaison</translation>
    </message>
    <message>
        <source>&amp;Swap Slots</source>
        <translation>&amp;Permuter les emplacements</translation>
    </message>
    <message>
        <source>&amp;Clear Slots</source>
        <translation>&amp;Vider les emplacements</translation>
    </message>
    <message>
        <source>&amp;Compare the Two Pages</source>
        <translation>&amp;Comparer les deux pages</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once with the comparison prompt</source>
        <translation>Interroger le modèle sur les deux pages à la fois avec la consigne de comparaison</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>La comparaison a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No page is shown: open a document and pick a page in the page strip first.</source>
        <translation>Aucune page n’est affichée&#xa0;: ouvrez d’abord un document et choisissez une page dans la bande des pages.</translation>
    </message>
    <message numerus="yes">
        <source>only two pages can be compared; the other %n dropped page(s) were left out.</source>
        <translation>
            <numerusform>seules deux pages peuvent être comparées&#xa0;; l’autre page déposée a été laissée de côté.</numerusform>
            <numerusform>seules deux pages peuvent être comparées&#xa0;; les %n autres pages déposées ont été laissées de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no page %2</source>
        <translation>%1 n’a pas de page %2</translation>
    </message>
    <message>
        <source>%1 is not open and cannot be found</source>
        <translation>%1 n’est pas ouvert et reste introuvable</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>Comparaison impossible&#xa0;: %1.</translation>
    </message>
    <message>
        <source>only local files can be compared, not %1</source>
        <translation>seuls les fichiers locaux peuvent être comparés, pas %1</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n’existe pas</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document</source>
        <translation>%1 est un dossier, pas un document</translation>
    </message>
    <message>
        <source>%1 is not a document Leopard Desk can read (it reads PDF reports, slide decks and page images: %2)</source>
        <translation>%1 n’est pas un document que Leopard Desk sait lire (il lit les rapports PDF, les présentations et les images de pages&#xa0;: %2)</translation>
    </message>
    <message>
        <source>only two pages can be compared; %1 was left out</source>
        <translation>seules deux pages peuvent être comparées&#xa0;; %1 a été laissé de côté</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no page %2.</source>
        <translation>Comparaison impossible&#xa0;: %1 n’a pas de page %2.</translation>
    </message>
    <message>
        <source>Left: empty</source>
        <translation>Gauche&#xa0;: vide</translation>
    </message>
    <message>
        <source>Right: empty</source>
        <translation>Droite&#xa0;: vide</translation>
    </message>
    <message>
        <source>%1 × %2 grid, %3 model images</source>
        <translation>grille %1 × %2, %3 images pour le modèle</translation>
    </message>
    <message>
        <source>global view only</source>
        <translation>vue globale seule</translation>
    </message>
    <message>
        <source>Left: %1 — %2</source>
        <translation>Gauche&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source>Right: %1 — %2</source>
        <translation>Droite&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source>%1 model images, %2 tokens for the pages</source>
        <translation>%1 images pour le modèle, %2 jetons pour les pages</translation>
    </message>
    <message>
        <source>Put a page in each slot.</source>
        <translation>Placez une page dans chaque emplacement.</translation>
    </message>
    <message>
        <source>Both slots hold the same page.</source>
        <translation>Les deux emplacements contiennent la même page.</translation>
    </message>
    <message>
        <source>Type a comparison prompt.</source>
        <translation>Saisissez une consigne de comparaison.</translation>
    </message>
    <message>
        <source>Identifying the open documents…</source>
        <translation>Identification des documents ouverts…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Le modèle est en train de répondre.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Le modèle est en cours de chargement…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once (Ctrl+Shift+Enter)</source>
        <translation>Interroger le modèle sur les deux pages à la fois (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <source>The comparison could not be started.</source>
        <translation>La comparaison n’a pas pu être lancée.</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(arrêtée)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Show Compare &amp;View</source>
        <translation>Afficher la &amp;vue de comparaison</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationCore</name>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>Attendez la fin de la réponse (ou arrêtez-la) avant d’ouvrir une autre conversation.</translation>
    </message>
    <message>
        <source>This conversation is being answered; stop the answer first.</source>
        <translation>Une réponse est en cours dans cette conversation&#xa0;; arrêtez-la d’abord.</translation>
    </message>
    <message>
        <source>The model had lost the conversation.</source>
        <translation>Le modèle avait perdu la conversation.</translation>
    </message>
    <message>
        <source>The last answer failed.</source>
        <translation>La dernière réponse a échoué.</translation>
    </message>
    <message>
        <source>An earlier answer failed.</source>
        <translation>Une réponse précédente a échoué.</translation>
    </message>
    <message>
        <source>This conversation was saved by an earlier version of Leopard Desk, without the model&apos;s token ids.</source>
        <translation>Cette conversation a été enregistrée par une version antérieure de Leopard Desk, sans les identifiants de jetons du modèle.</translation>
    </message>
    <message>
        <source>An answer was stopped before the model started on it.</source>
        <translation>Une réponse a été arrêtée avant que le modèle ne la commence.</translation>
    </message>
    <message>
        <source>An answer was cut short when Leopard Desk stopped.</source>
        <translation>Une réponse a été interrompue à l’arrêt de Leopard Desk.</translation>
    </message>
    <message>
        <source>Turn %1 was saved without the model&apos;s token ids.</source>
        <translation>L’échange %1 a été enregistré sans les identifiants de jetons du modèle.</translation>
    </message>
    <message>
        <source>Turn %1 holds token id %2, outside this model&apos;s vocabulary of %3 ids.</source>
        <translation>L’échange %1 contient l’identifiant de jeton %2, hors du vocabulaire de %3 identifiants de ce modèle.</translation>
    </message>
    <message>
        <source>%1 is not open (page %2 of the conversation).</source>
        <translation>%1 n’est pas ouvert (page %2 de la conversation).</translation>
    </message>
    <message>
        <source>%1 has changed since this conversation (its content differs).</source>
        <translation>%1 a changé depuis cette conversation (son contenu diffère).</translation>
    </message>
    <message>
        <source>Page %1 of %2 now renders at %3 × %4 pixels, not the %5 × %6 it had.</source>
        <translation>La page %1 de %2 est désormais rendue en %3 × %4 pixels, et non plus en %5 × %6.</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>Le modèle est en train de répondre.</translation>
    </message>
    <message>
        <source>No documents are open.</source>
        <translation>Aucun document n’est ouvert.</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>Saisissez une question.</translation>
    </message>
    <message>
        <source>The checked pages differ from this conversation&apos;s: add them to it, or start a new conversation.</source>
        <translation>Les pages cochées diffèrent de celles de cette conversation&#xa0;: ajoutez-les-y ou commencez une nouvelle conversation.</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>Plus de %1 pages sont cochées&#xa0;; le modèle en accepte au plus %1.</translation>
    </message>
    <message>
        <source>Page %1 of %2 is not open.</source>
        <translation>La page %1 de %2 n’est pas ouverte.</translation>
    </message>
    <message>
        <source>None of this conversation&apos;s pages are open; check the pages to ask about.</source>
        <translation>Aucune page de cette conversation n’est ouverte&#xa0;; cochez les pages sur lesquelles porte la question.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationReopener</name>
    <message>
        <source>Document Not Found</source>
        <translation>Document introuvable</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2. Where is it now?</source>
        <translation>«&#xa0;%1&#xa0;» ne se trouve plus à l’emplacement %2. Où est-il maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Localiser…</translation>
    </message>
    <message>
        <source>Leave It Out</source>
        <translation>Laisser de côté</translation>
    </message>
    <message>
        <source>Where is “%1”?</source>
        <translation>Où se trouve «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Another conversation is being opened.</source>
        <translation>Une autre conversation est en cours d’ouverture.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>Attendez la fin de la réponse (ou arrêtez-la) avant d’ouvrir une autre conversation.</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2: its pages are left out.</source>
        <translation>«&#xa0;%1&#xa0;» ne se trouve plus à l’emplacement %2&#xa0;: ses pages sont laissées de côté.</translation>
    </message>
    <message>
        <source>“%1” has changed since this conversation was saved: its answers are about the earlier version, and the next question starts afresh about the pages still found.</source>
        <translation>«&#xa0;%1&#xa0;» a changé depuis l’enregistrement de cette conversation&#xa0;: ses réponses portent sur la version précédente, et la prochaine question repart de zéro sur les pages encore trouvées.</translation>
    </message>
    <message>
        <source>“%1” is not the document this conversation was about (“%2”, its content differs): the next question starts afresh about the pages still found.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas le document dont traitait cette conversation («&#xa0;%2&#xa0;», son contenu diffère)&#xa0;: la prochaine question repart de zéro sur les pages encore trouvées.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::DocumentIndex</name>
    <message>
        <source>Reading the text of “%1”: page %2 of %3…</source>
        <translation>Lecture du texte de «&#xa0;%1&#xa0;»&#xa0;: page %2 sur %3…</translation>
    </message>
    <message numerus="yes">
        <source> (%n more document(s))</source>
        <translation>
            <numerusform> (%n autre document)</numerusform>
            <numerusform> (%n autres documents)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the text of “%1”: page %2 of %3 (OCR)…</source>
        <translation>Lecture du texte de «&#xa0;%1&#xa0;»&#xa0;: page %2 sur %3 (OCR)…</translation>
    </message>
    <message>
        <source>Reading “%1”: %2</source>
        <translation>Lecture de «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ExportActions</name>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>Exporter la &amp;conversation…</translation>
    </message>
    <message>
        <source>Export &amp;Answer…</source>
        <translation>Exporter la ré&amp;ponse…</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>&amp;Copier la réponse</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>There is no answer to export yet.</source>
        <translation>Il n’y a pas encore de réponse à exporter.</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>Exporté vers «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>leopard-answer</source>
        <translation>leopard-reponse</translation>
    </message>
    <message>
        <source>leopard-conversation</source>
        <translation>leopard-conversation</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export Answer</source>
        <translation>Exporter la réponse</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Il n’y a pas encore de réponse à copier.</translation>
    </message>
    <message>
        <source>Copied the answer with its page references</source>
        <translation>Réponse copiée avec ses références de pages</translation>
    </message>
    <message numerus="yes">
        <source>Copied the answer with its page references and %n cited passage(s)</source>
        <translation>
            <numerusform>Réponse copiée avec ses références de pages et %n passage cité</numerusform>
            <numerusform>Réponse copiée avec ses références de pages et %n passages cités</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the questions, answers, settings and annotated pages (crop plans, evidence, and where the model looked when shown) as PDF, HTML or Markdown</source>
        <translation>Enregistrer les questions, réponses, réglages et pages annotées (plans de découpe, preuves et, s’il est affiché, où le modèle a regardé) en PDF, HTML ou Markdown</translation>
    </message>
    <message>
        <source>Save the last answer with its question, settings, cited passages and annotated pages</source>
        <translation>Enregistrer la dernière réponse avec sa question, ses réglages, les passages cités et les pages annotées</translation>
    </message>
    <message>
        <source>Copy the last answer with its question, page references and cited passages</source>
        <translation>Copier la dernière réponse avec sa question, ses références de pages et les passages cités</translation>
    </message>
</context>
<context>
    <name>leopard::ui::FindBar</name>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>Not found yet</source>
        <translation>Pas encore trouvé</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>%1 sur plus de %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>still reading %n document(s)</source>
        <translation>
            <numerusform>lecture de %n document en cours</numerusform>
            <numerusform>lecture de %n documents en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in the open documents (case and accents ignored)</source>
        <translation>Rechercher dans les documents ouverts (sans tenir compte de la casse ni des accents)</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Texte à rechercher</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Occurrence suivante (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>Nombre d’occurrences</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>List every match with its page</source>
        <translation>Lister chaque occurrence avec sa page</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HeatView</name>
    <message>
        <source>Show &amp;Where the Model Looked</source>
        <translation>Montrer &amp;où le modèle a regardé</translation>
    </message>
    <message>
        <source>Draw over the page how much the last answer about it attended to each part of it (each crop&apos;s 13 × 13 cells, averaged over the answer&apos;s tokens, heads and layers)</source>
        <translation>Dessiner sur la page l’attention que la dernière réponse à son sujet a portée à chaque partie (les 13 × 13 cellules de chaque découpe, en moyenne sur les jetons, têtes et couches de la réponse)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HistoryPanel</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>Ouvrir la conversation sélectionnée</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>Supprimer la conversation sélectionnée</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>Delete the saved conversation “%1”? This cannot be undone.</source>
        <translation>Supprimer la conversation enregistrée «&#xa0;%1&#xa0;»&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Damaged file (cannot be opened) · %1
%2</source>
        <translation>Fichier endommagé (impossible à ouvrir) · %1
%2</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(aucune question)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n turn(s)</source>
        <translation>
            <numerusform>%1 · %n échange</numerusform>
            <numerusform>%1 · %n échanges</numerusform>
        </translation>
    </message>
    <message>
        <source> · interrupted</source>
        <translation> · interrompue</translation>
    </message>
    <message>
        <source> · shown</source>
        <translation> · affichée</translation>
    </message>
    <message>
        <source>Filter questions and answers</source>
        <translation>Filtrer les questions et les réponses</translation>
    </message>
    <message>
        <source>Filter the saved conversations</source>
        <translation>Filtrer les conversations enregistrées</translation>
    </message>
    <message>
        <source>Saved conversations, by document set</source>
        <translation>Conversations enregistrées, par ensemble de documents</translation>
    </message>
    <message>
        <source>Reading the saved conversations…</source>
        <translation>Lecture des conversations enregistrées…</translation>
    </message>
    <message>
        <source>No saved conversations yet.</source>
        <translation>Aucune conversation enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>No saved conversation matches “%1”.</source>
        <translation>Aucune conversation enregistrée ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Saved conversations by document set, newest first:</source>
        <translation>Conversations enregistrées par ensemble de documents, les plus récentes d’abord&#xa0;:</translation>
    </message>
    <message>
        <source>Damaged files</source>
        <translation>Fichiers endommagés</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Aucun document</translation>
    </message>
    <message>
        <source> · open now</source>
        <translation> · actuellement ouvert</translation>
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
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open reports (PDF), slide decks or page images</source>
        <translation>Ouvrir des rapports (PDF), des présentations ou des images de pages</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>&amp;Fermer le document</translation>
    </message>
    <message>
        <source>Close the document of the page shown</source>
        <translation>Fermer le document de la page affichée</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>Ajuster à la &amp;page</translation>
    </message>
    <message>
        <source>Show &amp;Crop Overlay</source>
        <translation>Afficher les &amp;découpes</translation>
    </message>
    <message>
        <source>Draw the 364 × 364 crops the model will receive over checked pages</source>
        <translation>Dessiner sur les pages cochées les découpes de 364 × 364 que recevra le modèle</translation>
    </message>
    <message>
        <source>&amp;Check Page Shown</source>
        <translation>&amp;Cocher la page affichée</translation>
    </message>
    <message>
        <source>Check &amp;All Pages</source>
        <translation>Cocher &amp;toutes les pages</translation>
    </message>
    <message>
        <source>&amp;Uncheck All Pages</source>
        <translation>&amp;Décocher toutes les pages</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;About Leopard Desk</source>
        <translation>À &amp;propos de Leopard Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Paramè&amp;tres</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Crop Plan</source>
        <translation>Plan de découpe</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Opening documents</source>
        <translation>Ouverture des documents</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>Annuler l’ouverture</translation>
    </message>
    <message>
        <source>Stop opening the documents still loading (e.g. a slow slide deck conversion)</source>
        <translation>Arrêter l’ouverture des documents encore en chargement (par ex. une conversion de présentation lente)</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Ouverture annulée</translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1” (%n page(s))</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» ouvert (%n page)</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» ouvert (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>Impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Impossible d’ouvrir le fichier</translation>
    </message>
    <message>
        <source>“%1” is already open</source>
        <translation>«&#xa0;%1&#xa0;» est déjà ouvert</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>Ouverture de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>File Not Found</source>
        <translation>Fichier introuvable</translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation>Impossible d’ouvrir %1&#xa0;: le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Unsupported File</source>
        <translation>Fichier non pris en charge</translation>
    </message>
    <message>
        <source>Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).</source>
        <translation>Leopard Desk ne peut pas ouvrir %1. Il ouvre les rapports PDF, les présentations et les images de pages (%2).</translation>
    </message>
    <message>
        <source>Open Documents</source>
        <translation>Ouvrir des documents</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <source>The password for “%1” was wrong. Try again:</source>
        <translation>Le mot de passe de «&#xa0;%1&#xa0;» était incorrect. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <source>“%1” is protected. Password:</source>
        <translation>«&#xa0;%1&#xa0;» est protégé. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>“%1” was not opened</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été ouvert</translation>
    </message>
    <message>
        <source>Closed “%1”</source>
        <translation>«&#xa0;%1&#xa0;» fermé</translation>
    </message>
    <message numerus="yes">
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation>
            <numerusform>Retiré des fichiers récents car il n’existe plus&#xa0;: %1</numerusform>
            <numerusform>Retirés des fichiers récents car ils n’existent plus&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>“%1” no longer exists and was removed from Open Recent.</source>
        <translation>«&#xa0;%1&#xa0;» n’existe plus et a été retiré des fichiers récents.</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>Aucun document récent</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Effacer la liste</translation>
    </message>
    <message>
        <source>Only local files can be opened; not %1.</source>
        <translation>Seuls les fichiers locaux peuvent être ouverts, pas %1.</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · page %2 sur %3</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 — Leopard Desk</source>
        <translation>%1 — Leopard Desk</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n document(s)…</source>
        <translation>
            <numerusform>Ouverture de %n document…</numerusform>
            <numerusform>Ouverture de %n documents…</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Switch to the new language now? Menus and panels change at once; otherwise the language changes the next time Leopard Desk starts.</source>
        <translation>Passer maintenant à la nouvelle langue&#xa0;? Les menus et les panneaux changent immédiatement&#xa0;; sinon, la langue changera au prochain démarrage de Leopard Desk.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Read reports, slide decks and page images with the Leopard vision-language model, and see how it cuts every page into 364 × 364 crops.&lt;/p&gt;&lt;p&gt;Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”, TMLR 2025).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Lisez des rapports, des présentations et des images de pages avec le modèle vision-langage Leopard, et voyez comment il découpe chaque page en découpes de 364 × 364.&lt;/p&gt;&lt;p&gt;Modèle&#xa0;: Leopard (Jia et al., «&#xa0;Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks&#xa0;», TMLR 2025).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Model directory: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dossier du modèle&#xa0;: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leopard Desk</source>
        <translation>À propos de Leopard Desk</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>P&amp;revious Page</source>
        <translation>Page &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Plein é&amp;cran</translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation>&amp;Poser une question</translation>
    </message>
    <message>
        <source>Show the Ask panel and put the cursor in the question field</source>
        <translation>Afficher le panneau Questions et placer le curseur dans le champ de question</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Nouvelle conversation</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>Open &amp;Sample Report</source>
        <translation>Ouvrir le rapport d’&amp;exemple</translation>
    </message>
    <message>
        <source>Open the report that comes with Leopard Desk, to try it out</source>
        <translation>Ouvrir le rapport fourni avec Leopard Desk, pour l’essayer</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>Opening status</source>
        <translation>État de l’ouverture</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>Page affichée</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelHost</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Le chargement a été annulé.</translation>
    </message>
    <message>
        <source>No model directory is set.</source>
        <translation>Aucun dossier de modèle n’est défini.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelSettingsWidget</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Not set: the demo model (random weights)</source>
        <translation>Non défini&#xa0;: le modèle de démonstration (poids aléatoires)</translation>
    </message>
    <message>
        <source>The folder of the wyu1/Leopard-LLaVA snapshot: config.json, the two pytorch_model-*.bin shards, pytorch_model.bin.index.json and the tokenizer files. --model DIR and LEOPARD_MODEL_DIR take precedence over this.</source>
        <translation>Le dossier de l’instantané wyu1/Leopard-LLaVA&#xa0;: config.json, les deux fragments pytorch_model-*.bin, pytorch_model.bin.index.json et les fichiers du tokenizer. --model DIR et LEOPARD_MODEL_DIR ont priorité sur ce réglage.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Leopard-LLaVA Checkpoint Folder</source>
        <translation>Dossier du checkpoint Leopard-LLaVA</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <source>Checkpoint &amp;folder:</source>
        <translation>&amp;Dossier du checkpoint&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Data &amp;type:</source>
        <translation>&amp;Type de données&#xa0;:</translation>
    </message>
    <message>
        <source>libtorch %1 · CUDA %2 · native bf16 on this CPU: %3</source>
        <translation>libtorch %1 · CUDA %2 · bf16 natif sur ce processeur&#xa0;: %3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Full precision (the data type above)</source>
        <translation>Pleine précision (le type de données ci-dessus)</translation>
    </message>
    <message>
        <source>int8 (about half the memory of bf16)</source>
        <translation>int8 (environ la moitié de la mémoire de bf16)</translation>
    </message>
    <message>
        <source>&amp;Weights:</source>
        <translation>&amp;Poids&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (full precision where it fits in memory, else int8, else int4)</source>
        <translation>Automatique (pleine précision si la mémoire suffit, sinon int8, sinon int4)</translation>
    </message>
    <message>
        <source>int4 (about a third of the memory of bf16)</source>
        <translation>int4 (environ un tiers de la mémoire de bf16)</translation>
    </message>
    <message>
        <source>int8 keeps the language model&apos;s weight matrices as 8-bit integers with one scale per row (the 8B model: about 9.5 GB instead of 17 GB); int4 as 4-bit codes with a scale and an offset per group of 32 weights (about 6.7 GB). Answers stay close to full precision but not identical. The vision tower stays in the data type above.</source>
        <translation>int8 conserve les matrices de poids du modèle de langage en entiers 8 bits avec une échelle par ligne (le modèle 8B&#xa0;: environ 9,5 Go au lieu de 17 Go)&#xa0;; int4 en codes 4 bits avec une échelle et un décalage par groupe de 32 poids (environ 6,7 Go). Les réponses restent proches de la pleine précision, sans être identiques. La partie vision reste dans le type de données ci-dessus.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::OcrLanguagesWidget</name>
    <message>
        <source>The languages Tesseract reads pages without a text layer in (scans, page images). Documents already read keep their text.</source>
        <translation>Les langues dans lesquelles Tesseract lit les pages sans couche de texte (numérisations, images de pages). Les documents déjà lus gardent leur texte.</translation>
    </message>
    <message>
        <source>Automatic: the language of Leopard Desk and English</source>
        <translation>Automatique : la langue de Leopard Desk et l’anglais</translation>
    </message>
    <message>
        <source>Pick at least one language, or scanned pages stay unread.</source>
        <translation>Choisissez au moins une langue, sinon les pages numérisées ne seront pas lues.</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripDelegate</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1 cochée(s)</translation>
    </message>
    <message>
        <source>Cannot render</source>
        <translation>Rendu impossible</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendu en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 checked</source>
        <translation>cochées&#xa0;: %1/%2</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>source</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation>%1, page %2 sur %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s), %2 checked</source>
        <translation>
            <numerusform>%1&#xa0;: %n page, %2 cochée(s)</numerusform>
            <numerusform>%1&#xa0;: %n pages, %2 cochée(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripView</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Thumbnails of every page of the open documents. Check the pages to ask about.</source>
        <translation>Miniatures de toutes les pages des documents ouverts. Cochez les pages sur lesquelles porte votre question.</translation>
    </message>
    <message>
        <source>Uncheck page %1</source>
        <translation>Décocher la page %1</translation>
    </message>
    <message>
        <source>Check page %1</source>
        <translation>Cocher la page %1</translation>
    </message>
    <message>
        <source>Check only this page</source>
        <translation>Cocher uniquement cette page</translation>
    </message>
    <message>
        <source>Check all pages of “%1”</source>
        <translation>Cocher toutes les pages de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Uncheck all pages of “%1”</source>
        <translation>Décocher toutes les pages de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>Fermer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Compare: Put in Left Slot</source>
        <translation>Comparer&#xa0;: placer à gauche</translation>
    </message>
    <message>
        <source>Compare: Put in Right Slot</source>
        <translation>Comparer&#xa0;: placer à droite</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageView</name>
    <message>
        <source>Page view</source>
        <translation>Vue de la page</translation>
    </message>
    <message>
        <source>Open a report, slide deck or page image
(File ▸ Open…, Ctrl+O, or drop files here)</source>
        <translation>Ouvrez un rapport, une présentation ou une image de page
(Fichier ▸ Ouvrir…, Ctrl+O, ou déposez des fichiers ici)</translation>
    </message>
    <message>
        <source>This page could not be rendered.</source>
        <translation>Cette page n’a pas pu être rendue.</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendu en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s) (%1 × %2 grid) + global view</source>
        <translation>
            <numerusform>%n découpe (grille %1 × %2) + vue globale</numerusform>
            <numerusform>%n découpes (grille %1 × %2) + vue globale</numerusform>
        </translation>
    </message>
    <message>
        <source>Global view only (no crops)</source>
        <translation>Vue globale seule (aucune découpe)</translation>
    </message>
    <message>
        <source>Page not checked: check it in the page strip to see its crops</source>
        <translation>Page non cochée&#xa0;: cochez-la dans la bande des pages pour voir ses découpes</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>Où le modèle a regardé : moins → plus</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PlanPanel</name>
    <message>
        <source>Crop plan</source>
        <translation>Plan de découpe</translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation>Totaux du plan</translation>
    </message>
    <message>
        <source>Model images used</source>
        <translation>Images du modèle utilisées</translation>
    </message>
    <message>
        <source>Crop budget</source>
        <translation>Budget de découpes</translation>
    </message>
    <message>
        <source>Plan warning</source>
        <translation>Avertissement du plan</translation>
    </message>
    <message>
        <source>Model input per checked page</source>
        <translation>Entrée du modèle par page cochée</translation>
    </message>
    <message>
        <source>Check pages in the page strip to see how the model will read them.</source>
        <translation>Cochez des pages dans la bande des pages pour voir comment le modèle les lira.</translation>
    </message>
    <message>
        <source>1 image (global view only) · %1 tokens</source>
        <translation>1 image (vue globale seule) · %1 jetons</translation>
    </message>
    <message numerus="yes">
        <source>%1 images (global + %n tile(s)) · %2 tokens</source>
        <translation>
            <numerusform>%1 images (vue globale + %n tuile) · %2 jetons</numerusform>
            <numerusform>%1 images (vue globale + %n tuiles) · %2 jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 tokens</source>
        <translation>%1 images sur %2 · %3 jetons</translation>
    </message>
    <message>
        <source>No pages checked.</source>
        <translation>Aucune page cochée.</translation>
    </message>
    <message>
        <source>%1 pages checked, %2 allowed.</source>
        <translation>%1 pages cochées, %2 autorisées.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) checked</source>
        <translation>
            <numerusform>%n page cochée</numerusform>
            <numerusform>%n pages cochées</numerusform>
        </translation>
    </message>
    <message>
        <source>crop budget %1 − %2 = %3</source>
        <translation>budget de découpes %1 − %2 = %3</translation>
    </message>
    <message>
        <source>The pages want %1 crops; scaled down to %2 to fit the budget.</source>
        <translation>Les pages demandent %1 découpes&#xa0;; ramenées à %2 pour tenir dans le budget.</translation>
    </message>
    <message>
        <source>No budget left for crops: each page is sent as one global view.</source>
        <translation>Plus de budget pour les découpes&#xa0;: chaque page est envoyée comme une seule vue globale.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Trop de pages&#xa0;: %1 cochées.&lt;/b&gt; Le modèle accepte au plus %2 images, rien ne sera donc envoyé. Décochez %n page.</numerusform>
            <numerusform>&lt;b&gt;Trop de pages&#xa0;: %1 cochées.&lt;/b&gt; Le modèle accepte au plus %2 images, rien ne sera donc envoyé. Décochez %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation>%1 · p. %2</translation>
    </message>
    <message>
        <source>Analysis image %1 × %2 px</source>
        <translation>Image d’analyse %1 × %2 px</translation>
    </message>
    <message>
        <source>Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)</source>
        <translation>Grille %1 × %2 sur un canevas de %3 × %4 (page redimensionnée en %5 × %6)</translation>
    </message>
    <message>
        <source>Wanted %1 crops, granted %2</source>
        <translation>%1 découpes demandées, %2 accordées</translation>
    </message>
    <message>
        <source>How the model will cut the checked pages into crops, and the images and tokens they use</source>
        <translation>Comment le modèle découpera les pages cochées, et les images et jetons qu’elles utilisent</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The language of menus, panels and messages. “System default” follows the language of your desktop session.</source>
        <translation>La langue des menus, des panneaux et des messages. «&#xa0;Langue du système&#xa0;» suit la langue de votre session de bureau.</translation>
    </message>
    <message>
        <source>Analysis resolution in dots per inch</source>
        <translation>Résolution d’analyse en points par pouce</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Default (%1 dpi)</source>
        <translation>Par défaut (%1 dpi)</translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model (what it reads); the screen view is separate. The crop plan follows from it.</source>
        <translation>Les pages PDF et les diapositives sont rendues à cette résolution pour le modèle (ce qu’il lit)&#xa0;; l’affichage à l’écran est indépendant. Le plan de découpe en découle.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Analysis resolution:</source>
        <translation>Résolution d’&amp;analyse&#xa0;:</translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page at 364 × 364 (1 model image = %3 tokens).</source>
        <translation>Une page US Letter devient %1 × %2 px&#xa0;: aucune découpe, le modèle ne voit que la page entière en 364 × 364 (1 image pour le modèle = %3 jetons).</translation>
    </message>
    <message numerus="yes">
        <source>A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, %5 model images = %6 tokens.</source>
        <translation>
            <numerusform>Une page US Letter devient %1 × %2 px&#xa0;: %n découpe sur une grille de %3 × %4, %5 images pour le modèle = %6 jetons.</numerusform>
            <numerusform>Une page US Letter devient %1 × %2 px&#xa0;: %n découpes sur une grille de %3 × %4, %5 images pour le modèle = %6 jetons.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model</source>
        <translation>Les pages PDF et les diapositives sont rendues à cette résolution pour le modèle</translation>
    </message>
    <message>
        <source>Reset the analysis resolution to %1 dpi</source>
        <translation>Rétablir la résolution d’analyse à %1 dpi</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark palette, or always use one of them</source>
        <translation>Suivre la palette claire ou sombre du bureau, ou toujours utiliser l’une des deux</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>A&amp;pparence&#xa0;:</translation>
    </message>
    <message>
        <source>Text &amp;recognition:</source>
        <translation>&amp;Reconnaissance du texte :</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Search actions or keys</source>
        <translation>Rechercher des actions ou des touches</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Rechercher des raccourcis</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every action with its keyboard shortcut, grouped by menu</source>
        <translation>Toutes les actions avec leur raccourci clavier, groupées par menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SingleInstance</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d’écouter sur %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read reports, slide decks and page images with the Leopard vision-language model.</source>
        <translation>Lisez des rapports, des présentations et des images de pages avec le modèle vision-langage Leopard.</translation>
    </message>
    <message>
        <source>Leopard checkpoint directory (Hugging Face layout).</source>
        <translation>Dossier du checkpoint Leopard (organisation Hugging Face).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>PDFs, slide decks or images to open.</source>
        <translation>PDF, présentations ou images à ouvrir.</translation>
    </message>
    <message>
        <source>Start a separate window with its own model instead of handing the files to the Leopard Desk already running.</source>
        <translation>Lancer une fenêtre distincte avec son propre modèle au lieu de confier les fichiers au Leopard Desk déjà lancé.</translation>
    </message>
    <message>
        <source>Colours for this run: system, light or dark (default: Settings ▸ Preferences).</source>
        <translation>Couleurs pour cette exécution&#xa0;: system, light ou dark (par défaut&#xa0;: Paramètres ▸ Préférences).</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <translation>SCHÉMA</translation>
    </message>
</context>
</TS>
