<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AnswerExporter</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>「%1」に書き込めません：%2</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>不明なモデル</translation>
    </message>
    <message>
        <source>max %1 new tokens</source>
        <translation>最大新規トークン数 %1</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>貪欲法</translation>
    </message>
    <message>
        <source>temperature %1, top-p %2, seed %3</source>
        <translation>温度 %1、top-p %2、シード %3</translation>
    </message>
    <message>
        <source>analysis %1 dpi</source>
        <translation>解析 %1 dpi</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル：%1</translation>
    </message>
    <message>
        <source>Leopard Desk answer</source>
        <translation>Leopard Desk の回答</translation>
    </message>
    <message>
        <source>Leopard Desk answer about %1</source>
        <translation>%1 についての Leopard Desk の回答</translation>
    </message>
    <message>
        <source>Leopard Desk conversation</source>
        <translation>Leopard Desk の会話</translation>
    </message>
    <message>
        <source>Leopard Desk conversation about %1</source>
        <translation>%1 についての Leopard Desk の会話</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1” for the page images.</source>
        <translation>ページ画像用のフォルダー「%1」を作成できません。</translation>
    </message>
    <message>
        <source>Cannot write the page image “%1”.</source>
        <translation>ページ画像「%1」を書き込めません。</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: choose a name ending in .pdf, .html or .md.</source>
        <translation>「%1」にはエクスポートできません：末尾が .pdf、.html、.md のいずれかの名前を選んでください。</translation>
    </message>
    <message>
        <source>Conversation started %1.</source>
        <translation>会話の開始：%1。</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>質問 %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>回答は完了する前に中断されました。</translation>
    </message>
    <message>
        <source>Asked %1</source>
        <translation>質問日時：%1</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>ページ：%1</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>ページ：</translation>
    </message>
    <message>
        <source>Leopard Desk</source>
        <translation>Leopard Desk</translation>
    </message>
    <message>
        <source>**Question:** %1</source>
        <translation>**質問：** %1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>質問：</translation>
    </message>
    <message>
        <source>“%1” is not available.</source>
        <translation>「%1」は利用できません。</translation>
    </message>
    <message>
        <source>“%1” has no page %2 now.</source>
        <translation>「%1」には現在 %2 ページ目がありません。</translation>
    </message>
    <message>
        <source>crop plan not shown: not every page of this question is available</source>
        <translation>クロップ計画は表示していません：この質問のページの一部が利用できません</translation>
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation>ページを描画できませんでした</translation>
    </message>
    <message>
        <source>%1 × %2 grid: %3 crops + global view (model images %4–%5)</source>
        <translation>%1 × %2 グリッド：クロップ %3 枚 + 全体ビュー（モデル画像 %4–%5）</translation>
    </message>
    <message>
        <source>global view only (model image %1)</source>
        <translation>全体ビューのみ（モデル画像 %1）</translation>
    </message>
    <message>
        <source>evidence boxed in green</source>
        <translation>根拠を緑の枠で表示</translation>
    </message>
    <message>
        <source>where the model looked shaded in violet</source>
        <translation>モデルの注視箇所を紫で表示</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>“%1” — %2: “%3”</source>
        <translation>「%1」 — %2: 「%3」</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>モデルの注視: 少 → 多</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>&lt;p&gt;The resolution at which PDF and slide pages are rendered for the model (image files are sent at their own size). The crop plan follows from it.&lt;/p&gt;&lt;p&gt;Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images = 13 × 169 = 2197 tokens.&lt;/p&gt;&lt;p&gt;Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on fewer pages (216 dpi: 35 crops per Letter page).&lt;/p&gt;</source>
        <translation>&lt;p&gt;PDF とスライドのページをモデル用にレンダリングする解像度です（画像ファイルは元のサイズのまま送られます）。クロップ計画はこの値から決まります。&lt;/p&gt;&lt;p&gt;既定値 144 dpi：US レターのページ（612 × 792 pt）は 1224 × 1584 px になり、Leopard はこれを 4 行 × 3 列 = 364 × 364 px のクロップ 12 枚に分割します。全体ビューを加えるとモデル画像 13 枚 = 13 × 169 = 2197 トークンです。&lt;/p&gt;&lt;p&gt;値を下げると小さな文字が失われ（72 dpi：クロップ 4 枚）、上げると 50 枚の画像予算を少ないページで使い切ります（216 dpi：レターのページ 1 枚あたりクロップ 35 枚）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CropOverlay</name>
    <message>
        <source>global view only</source>
        <translation>全体ビューのみ</translation>
    </message>
    <message>
        <source>%1 = whole page</source>
        <translation>%1 = ページ全体</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>Reading the pages of %1…</source>
        <translation>%1 のページを読み込んでいます…</translation>
    </message>
    <message>
        <source>Documents (%1);;PDF documents (%2);;Slide decks (%3);;Images (%4);;All files (*)</source>
        <translation>ドキュメント (%1);;PDF ドキュメント (%2);;スライド (%3);;画像 (%4);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 が見つかりません。</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>（ファイル名なし）</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation>%1 はフォルダーで、ドキュメントではありません。</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 を読み込めません：アクセスが拒否されました。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>%1 is not a supported kind of file. Leopard Desk opens PDFs, slide decks (%2) and images (%3).</source>
        <translation>%1 はサポートされていない種類のファイルです。Leopard Desk で開けるのは PDF、スライド（%2）、画像（%3）です。</translation>
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
        <translation>%1 は大きすぎて開けません：%2 × %3 ピクセルはデコード後に %4 のメモリが必要で、画像 1 枚あたりの上限 %5 MB を超えます。縮小または分割してから開き直してください。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: its format is not recognised or the image plugin for it is not installed (on Debian: sudo apt install qt6-image-formats-plugins).</source>
        <translation>%1 を画像として読み込めません：形式を認識できないか、対応する画像プラグインがインストールされていません（Debian の場合：sudo apt install qt6-image-formats-plugins）。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2.</source>
        <translation>%1 を画像として読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 cannot be decoded (%3).</source>
        <translation>%1 は破損しています：画像 %2 をデコードできません（%3）。</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 has no pixels.</source>
        <translation>%1 は破損しています：画像 %2 にピクセルがありません。</translation>
    </message>
    <message>
        <source>%1 contains no images.</source>
        <translation>%1 には画像が含まれていません。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
</context>
<context>
    <name>ModelLocation</name>
    <message>
        <source>from --model</source>
        <translation>--model から</translation>
    </message>
    <message>
        <source>from LEOPARD_MODEL_DIR</source>
        <translation>LEOPARD_MODEL_DIR から</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>設定から</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>デモモデル</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>Page %1 of %2 could not be drawn.</source>
        <translation>%2 の %1 ページ目を描画できませんでした。</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 を読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), so it is not a usable PDF.</source>
        <translation>%1 は空（0 バイト）なので、使用できる PDF ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a PDF file: it does not start with a PDF header. It may be another kind of file renamed to .pdf.</source>
        <translation>%1 は PDF ファイルではありません：PDF ヘッダーで始まっていません。別の種類のファイルの名前を .pdf に変えたものかもしれません。</translation>
    </message>
    <message>
        <source>%1 is damaged or truncated: its PDF structure cannot be read. Try downloading or exporting it again.</source>
        <translation>%1 は破損しているか途中で切れています：PDF の構造を読み込めません。もう一度ダウンロードまたはエクスポートしてみてください。</translation>
    </message>
    <message>
        <source>%1 was converted, but the PDF LibreOffice made cannot be read: %2</source>
        <translation>%1 は変換されましたが、LibreOffice が作成した PDF を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter the password to open it.</source>
        <translation>%1 はパスワードで保護されています。開くにはパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The password for %1 is not correct.</source>
        <translation>%1 のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>%1 contains no pages, so there is nothing to show.</source>
        <translation>%1 にはページがないため、表示するものがありません。</translation>
    </message>
    <message>
        <source>%1 is damaged: page %2 of %3 cannot be read.</source>
        <translation>%1 は破損しています：%3 ページ中 %2 ページ目を読み込めません。</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The saved session %1 cannot be read: %2.</source>
        <translation>保存されたセッション %1 を読み込めません：%2。</translation>
    </message>
    <message>
        <source>The saved session %1 is empty (0 bytes); it cannot be restored.</source>
        <translation>保存されたセッション %1 は空（0 バイト）のため、復元できません。</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged (%2 at byte %3 of %4); it cannot be restored.</source>
        <translation>保存されたセッション %1 は破損しているため復元できません（%4 バイト中 %3 バイト目で %2）。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged: %2; it cannot be restored.</source>
        <translation>保存されたセッション %1 は破損しているため復元できません：%2。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>The sessions folder %1 cannot be created.</source>
        <translation>セッションフォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source> It was not overwritten; set it aside first.</source>
        <translation>上書きはしていません。先に別の場所へ移してください。</translation>
    </message>
    <message>
        <source>The session %1 could not be saved: %2.</source>
        <translation>セッション %1 を保存できませんでした：%2。</translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation>セッション %1 は存在しません。</translation>
    </message>
    <message>
        <source>The session %1 could not be deleted: %2.</source>
        <translation>セッション %1 を削除できませんでした：%2。</translation>
    </message>
    <message>
        <source>The session %1 could not be set aside as %2.</source>
        <translation>セッション %1 を %2 として退避できませんでした。</translation>
    </message>
    <message>
        <source>The saved session %1 was written by a newer version of Leopard Desk (format %2; this one reads up to %3): open it with that version.</source>
        <translation>保存されたセッション %1 は新しいバージョンの Leopard Desk で書き込まれています（形式 %2。このバージョンが読み込めるのは形式 %3 までです）。そのバージョンで開いてください。</translation>
    </message>
    <message>
        <source> It was not overwritten.</source>
        <translation>上書きはしていません。</translation>
    </message>
</context>
<context>
    <name>SlideConverter</name>
    <message>
        <source>Install LibreOffice Impress to open slide decks (on Debian or Ubuntu: sudo apt install libreoffice-impress), or set the path to soffice in Settings.</source>
        <translation>スライドを開くには LibreOffice Impress をインストールするか（Debian または Ubuntu の場合：sudo apt install libreoffice-impress）、設定で soffice のパスを指定してください。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 を確認しています…</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <source>%1 is not a slide deck LibreOffice can read: it is neither a PowerPoint, OpenDocument nor Keynote file. It may be damaged or renamed.</source>
        <translation>%1 は LibreOffice で読み込めるスライドではありません：PowerPoint、OpenDocument、Keynote のいずれのファイルでもありません。破損しているか、名前が変更されている可能性があります。</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but LibreOffice was not found. %2</source>
        <translation>%1 はスライドなので開くには LibreOffice が必要ですが、LibreOffice が見つかりません。%2</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but %2 is not an executable program. %3</source>
        <translation>%1 はスライドなので開くには LibreOffice が必要ですが、%2 は実行可能なプログラムではありません。%3</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>%1 を開く操作はキャンセルされました。</translation>
    </message>
    <message>
        <source>%1 cannot be converted: no room for temporary files (%2).</source>
        <translation>%1 を変換できません：一時ファイル用の空きがありません（%2）。</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice…</source>
        <translation>LibreOffice で %1 を変換しています…</translation>
    </message>
    <message>
        <source>%1 needs LibreOffice to open, but %2 could not be started (%3). %4</source>
        <translation>%1 を開くには LibreOffice が必要ですが、%2 を起動できませんでした（%3）。%4</translation>
    </message>
    <message>
        <source>%1 took longer than %2 seconds to convert with LibreOffice and was stopped. A very large deck may need a longer time limit in Settings.</source>
        <translation>LibreOffice による %1 の変換が %2 秒を超えたため停止しました。非常に大きなスライドには、設定でより長い制限時間が必要な場合があります。</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice… %2 s</source>
        <translation>LibreOffice で %1 を変換しています… %2 秒</translation>
    </message>
    <message>
        <source>LibreOffice could not convert %1 (it produced no PDF%2). The file may be damaged or in a format LibreOffice cannot read.</source>
        <translation>LibreOffice は %1 を変換できませんでした（PDF が作成されませんでした%2）。ファイルが破損しているか、LibreOffice で読み込めない形式の可能性があります。</translation>
    </message>
    <message>
        <source>; it said: &quot;%1&quot;</source>
        <translation>。出力：「%1」</translation>
    </message>
    <message>
        <source> LibreOffice crashed.</source>
        <translation>LibreOffice がクラッシュしました。</translation>
    </message>
    <message>
        <source>%1 was converted, but the result could not be saved in %2 (%3).</source>
        <translation>%1 は変換されましたが、結果を %2 に保存できませんでした（%3）。</translation>
    </message>
</context>
<context>
    <name>leopard::InferenceWorker</name>
    <message>
        <source>Unknown data type “%1” (use fp32, bf16 or fp16).</source>
        <translation>不明なデータ型「%1」です（fp32、bf16、fp16 のいずれかを使ってください）。</translation>
    </message>
    <message>
        <source>Reading weights</source>
        <translation>重みを読み込み中</translation>
    </message>
    <message>
        <source>Reading configuration and tokenizer</source>
        <translation>設定とトークナイザーを読み込み中</translation>
    </message>
    <message>
        <source>Cannot load the model from %1: %2</source>
        <translation>%1 からモデルを読み込めません：%2</translation>
    </message>
    <message>
        <source>page %1 of %2 could not be rendered at its planned size</source>
        <translation>%2 の %1 ページ目を計画どおりのサイズで描画できませんでした</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>Out of memory while answering. Ask about fewer pages, lower the analysis resolution or use a smaller data type.</source>
        <translation>回答中にメモリが不足しました。質問するページを減らすか、解析解像度を下げるか、より小さいデータ型を使ってください。</translation>
    </message>
    <message>
        <source>Out of memory while answering: %1</source>
        <translation>回答中にメモリが不足しました：%1</translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation>モデルは回答できませんでした：%1</translation>
    </message>
    <message>
        <source>saved turn %1 carries %2 image tokens for %3 model images of its pages</source>
        <translation>保存された %1 番目のやり取りには、そのページのモデル画像 %3 枚に対して画像トークンが %2 個含まれています</translation>
    </message>
    <message>
        <source>saved turn %1 has %2 generated ids, more than its %3 new tokens</source>
        <translation>保存された %1 番目のやり取りの生成 ID は %2 個で、新規トークン数 %3 を超えています</translation>
    </message>
    <message>
        <source>saved turn %1 has a stop token before the end of its answer</source>
        <translation>保存された %1 番目のやり取りで、回答の終わりより前に停止トークンがあります</translation>
    </message>
    <message>
        <source>Unknown weight format “%1” (use auto, full, int8 or int4).</source>
        <translation>不明な重み形式「%1」です（auto、full、int8、int4 のいずれかを指定してください）。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ChatPanel</name>
    <message>
        <source>Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings</source>
        <translation>デモモデルを読み込みました：重みはランダムで、回答に意味はありません。設定で本物の Leopard-LLaVA チェックポイントを指定してください</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Getting the real model&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk runs &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; from Hugging Face (a snapshot with two .bin shards, 17 GB in all, plus config.json and the tokenizer files). Download it, for example with &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, then point the app at that folder: &lt;a href=&quot;settings&quot;&gt;Settings ▸ Preferences ▸ Model&lt;/a&gt;, the &lt;code&gt;--model DIR&lt;/code&gt; option, or the &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt; environment variable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;本物のモデルを入手する&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk は Hugging Face の &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; を実行します（2 つの .bin シャード、合計 17 GB のスナップショットと、config.json およびトークナイザーのファイル）。たとえば &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt; でダウンロードし、そのフォルダーをアプリに指定してください：&lt;a href=&quot;settings&quot;&gt;設定 ▸ 環境設定 ▸ モデル&lt;/a&gt;、&lt;code&gt;--model DIR&lt;/code&gt; オプション、または環境変数 &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>モデルの読み込み</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop loading the model</source>
        <translation>モデルの読み込みを中止</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (takes effect within one token)</source>
        <translation>回答を停止（1 トークン以内に反映）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Start a new conversation (the next question does not continue this one)</source>
        <translation>新しい会話を始める（次の質問はこの会話の続きになりません）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Loading the model: %1 — %2 of %3 MB</source>
        <translation>モデルを読み込んでいます：%1 — %2 / %3 MB</translation>
    </message>
    <message>
        <source>Loading the model: %1…</source>
        <translation>モデルを読み込んでいます：%1…</translation>
    </message>
    <message>
        <source>Generation options: max new tokens, temperature (0 = greedy), top-p</source>
        <translation>生成オプション：最大新規トークン数、温度（0 = 貪欲法）、top-p</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0（貪欲法）</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>最大新規トークン数：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>モデルを読み込み中です…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>モデルが回答中です。</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>質問を入力してください。</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>%1 ページを超えてチェックされています。モデルが受け付けるのは最大 %1 ページです。</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s).</source>
        <translation>
            <numerusform>同じ %n ページについての追加の質問。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New question about %n checked page(s) (%1 model images, plan on the right).</source>
        <translation>
            <numerusform>チェックした %n ページについての新しい質問（モデル画像 %1 枚、計画は右側）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>%1 からモデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>モデル：%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>あなた：</translation>
    </message>
    <message>
        <source>Follow-up about</source>
        <translation>追加の質問：</translation>
    </message>
    <message>
        <source>About</source>
        <translation>対象：</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（回答なし）</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>エラー：</translation>
    </message>
    <message>
        <source>Getting the real model</source>
        <translation>本物のモデルを入手する</translation>
    </message>
    <message>
        <source>Model status</source>
        <translation>モデルの状態</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>モデルの読み込みをキャンセル</translation>
    </message>
    <message>
        <source>Questions and the model&apos;s answers; each answer has Copy and Export links</source>
        <translation>質問とモデルの回答。各回答に「コピー」と「エクスポート」のリンクがあります</translation>
    </message>
    <message>
        <source>Answer status</source>
        <translation>回答の状態</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>質問する</translation>
    </message>
    <message>
        <source>Ask in this conversation, giving the model the newly checked pages too</source>
        <translation>この会話で質問し、新しくチェックしたページもモデルに渡す</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages only</source>
        <translation>チェックしたページだけについて新しい会話で質問</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages</source>
        <translation>チェックしたページについて新しい会話で質問</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>回答を停止</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export this conversation</source>
        <translation>この会話をエクスポート</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>会話をエクスポート</translation>
    </message>
    <message>
        <source>Generation options</source>
        <translation>生成オプション</translation>
    </message>
    <message>
        <source>Answer stopped.</source>
        <translation>回答を停止しました。</translation>
    </message>
    <message>
        <source>Answer stopped: %1</source>
        <translation>回答を停止しました：%1</translation>
    </message>
    <message>
        <source>Answer complete.</source>
        <translation>回答が完了しました。</translation>
    </message>
    <message>
        <source>Answer complete: %1</source>
        <translation>回答が完了しました：%1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>回答に失敗しました。</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>回答に失敗しました：%1</translation>
    </message>
    <message>
        <source>Maximum new tokens</source>
        <translation>最大新規トークン数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Reading the open documents to find their saved conversations…</source>
        <translation>開いているドキュメントを読み込み、保存された会話を探しています…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s) to this conversation</source>
        <translation>
            <numerusform>この会話に %n ページを追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checked pages differ from this conversation&apos;s %n page(s): add the new ones to it, or start a new conversation.</source>
        <translation>
            <numerusform>チェックしたページがこの会話の %n ページと異なります。新しいページをこの会話に追加するか、新しい会話を始めてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>回答中…</translation>
    </message>
    <message>
        <source>Pages added in this turn:</source>
        <translation>このやり取りで追加したページ：</translation>
    </message>
    <message>
        <source>(The model started afresh here: it did not see the earlier turns.)</source>
        <translation>（モデルはここから新しく始めました：それ以前のやり取りは見ていません。）</translation>
    </message>
    <message>
        <source>Interrupted: the app stopped before this answer was complete.</source>
        <translation>中断：この回答が完了する前にアプリが終了しました。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation>回答をコピー</translation>
    </message>
    <message>
        <source>Export Answer…</source>
        <translation>回答をエクスポート…</translation>
    </message>
    <message>
        <source>Export Conversation…</source>
        <translation>会話をエクスポート…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s)</source>
        <translation>
            <numerusform>%n ページを追加</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>会話を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation (turn %1 of %2)…</source>
        <translation>保存された会話を読み直しています（やり取り %1 / %2）…</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation</source>
        <translation>保存された会話を読み直しています</translation>
    </message>
    <message>
        <source>Restored conversation. The next question continues it: the model first re-reads the earlier turns.</source>
        <translation>会話を復元しました。次の質問はこの会話の続きになります：モデルはまず以前のやり取りを読み直します。</translation>
    </message>
    <message>
        <source>Restored conversation. The model cannot continue it exactly — %1 The next question starts afresh about the pages still found.</source>
        <translation>会話を復元しました。モデルはこの会話を正確には続けられません — %1 次の質問は、見つかったページについて新しく始まります。</translation>
    </message>
    <message>
        <source>Restored conversation. None of its pages are open; check pages to ask about them.</source>
        <translation>会話を復元しました。この会話のページはどれも開いていません。質問するページにチェックを入れてください。</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s); the model first re-reads this saved conversation.</source>
        <translation>
            <numerusform>同じ %n ページについての追加の質問。モデルはまずこの保存された会話を読み直します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).</source>
        <translation>
            <numerusform>同じ %n ページについての次の質問。モデルは新しく始めます（この会話の続きにはできません）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)</source>
        <translation>チェックしたページについて、チェックがなければドキュメント全体について質問…（Enter で質問、Shift+Enter で改行）</translation>
    </message>
    <message>
        <source>Reading the documents&apos; text to pick pages for the question…</source>
        <translation>質問に使うページを選ぶため、ドキュメントのテキストを読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <source>No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).</source>
        <translation>
            <numerusform>ページがチェックされていません：Leopard が質問に最もよく一致する %n ページを選びます（ページ一覧でページにチェックを入れることもできます）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The question has no words to look for in the documents. Check the pages to ask about in the page strip.</source>
        <translation>質問には、ドキュメント内で探せる語がありません。ページ一覧で、質問したいページにチェックを入れてください。</translation>
    </message>
    <message>
        <source>No page of the open documents matches the question (looked for: %1). Check the pages to ask about in the page strip.</source>
        <translation>開いているドキュメントには、質問に一致するページがありません（検索した語：%1）。ページ一覧で、質問したいページにチェックを入れてください。</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>Picked: %1 — matched %2</source>
        <translation>選んだページ：%1 — 一致した語：%2</translation>
    </message>
    <message>
        <source>Check the pages to ask about in the page strip.</source>
        <translation>ページ一覧で、質問したいページにチェックを入れてください。</translation>
    </message>
    <message>
        <source>Pages per question</source>
        <translation>質問あたりのページ数</translation>
    </message>
    <message>
        <source>Let Leopard pick pages</source>
        <translation>Leopard にページを選ばせる</translation>
    </message>
    <message>
        <source>Pick the pages that best match each new question even when pages are checked (with none checked Leopard always picks)</source>
        <translation>ページにチェックがあっても、新しい質問ごとに最も一致するページを選びます（チェックがなければ Leopard は常に選びます）</translation>
    </message>
    <message>
        <source>Pages per question:</source>
        <translation>質問あたりのページ数：</translation>
    </message>
    <message>
        <source>Options: max new tokens, temperature (0 = greedy), top-p, pages picked per question</source>
        <translation>オプション：最大新規トークン数、温度（0 = greedy）、top-p、質問ごとに選ぶページ数</translation>
    </message>
    <message numerus="yes">
        <source>Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).</source>
        <translation>
            <numerusform>Leopard はチェックしたページの代わりに、質問に最も一致する %n ページを選びます（オプション）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence for “%1” on %2 p. %3</source>
        <translation>「%1」の根拠: %2 p. %3</translation>
    </message>
    <message numerus="yes">
        <source>Show all evidence (%n)</source>
        <translation>
            <numerusform>すべての根拠を表示 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 weights (%2)</source>
        <translation> · %1 重み（%2）</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareSlot</name>
    <message>
        <source>%1, page %2</source>
        <translation>%1、%2 ページ目</translation>
    </message>
    <message>
        <source>Drop to put it here</source>
        <translation>ここにドロップして配置</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>描画中…</translation>
    </message>
    <message>
        <source>Drop to replace this page</source>
        <translation>ドロップしてこのページを置き換え</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareView</name>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <source>Compare these two pages: what changed, and what is the same?</source>
        <translation>この 2 つのページを比較してください：何が変わり、何が同じですか？</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Left Slot (Ctrl+Shift+L)</source>
        <translation>ページ一覧からページを、またはファイルマネージャーからファイルをここにドラッグしてください。

キーボード：比較 ▸ ページを左の枠に入れる（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Right Slot (Ctrl+Shift+R)</source>
        <translation>ページ一覧からページを、またはファイルマネージャーからファイルをここにドラッグしてください。

キーボード：比較 ▸ ページを右の枠に入れる（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Left comparison page</source>
        <translation>左の比較ページ</translation>
    </message>
    <message>
        <source>Right comparison page</source>
        <translation>右の比較ページ</translation>
    </message>
    <message>
        <source>Comparison prompt</source>
        <translation>比較プロンプト</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>プロンプト(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>入れ替え(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>空にする(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
    <message>
        <source>Comparison answer</source>
        <translation>比較の回答</translation>
    </message>
    <message>
        <source>The answer appears here and in the Ask dock, where follow-up questions continue it.</source>
        <translation>回答はここと「質問」パネルに表示され、そこで追加の質問を続けられます。</translation>
    </message>
    <message>
        <source>Put Page in &amp;Left Slot</source>
        <translation>ページを左の枠に入れる(&amp;L)</translation>
    </message>
    <message>
        <source>Put the page shown in the left slot of the compare view</source>
        <translation>表示中のページを比較ビューの左の枠に入れる</translation>
    </message>
    <message>
        <source>Put Page in &amp;Right Slot</source>
        <translation>ページを右の枠に入れる(&amp;R)</translation>
    </message>
    <message>
        <source>Put the page shown in the right slot of the compare view</source>
        <translation>表示中のページを比較ビューの右の枠に入れる</translation>
    </message>
    <message>
        <source>&amp;Swap Slots</source>
        <translation>枠を入れ替える(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clear Slots</source>
        <translation>枠を空にする(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Compare the Two Pages</source>
        <translation>2 つのページを比較(&amp;C)</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once with the comparison prompt</source>
        <translation>比較プロンプトで 2 つのページについて同時にモデルに質問</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>比較に失敗しました：%1</translation>
    </message>
    <message>
        <source>No page is shown: open a document and pick a page in the page strip first.</source>
        <translation>ページが表示されていません：先にドキュメントを開き、ページ一覧でページを選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>only two pages can be compared; the other %n dropped page(s) were left out.</source>
        <translation>
            <numerusform>比較できるのは 2 ページだけです。ドロップされた残りの %n ページは除外しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no page %2</source>
        <translation>%1 には %2 ページ目がありません</translation>
    </message>
    <message>
        <source>%1 is not open and cannot be found</source>
        <translation>%1 は開かれておらず、見つかりません</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>比較できません：%1。</translation>
    </message>
    <message>
        <source>only local files can be compared, not %1</source>
        <translation>比較できるのはローカルファイルだけです。%1 は比較できません</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 は存在しません</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document</source>
        <translation>%1 はフォルダーで、ドキュメントではありません</translation>
    </message>
    <message>
        <source>%1 is not a document Leopard Desk can read (it reads PDF reports, slide decks and page images: %2)</source>
        <translation>%1 は Leopard Desk で読めるドキュメントではありません（読めるのは PDF レポート、スライド、ページ画像です：%2）</translation>
    </message>
    <message>
        <source>only two pages can be compared; %1 was left out</source>
        <translation>比較できるのは 2 ページだけです。%1 は除外しました</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no page %2.</source>
        <translation>比較できません：%1 には %2 ページ目がありません。</translation>
    </message>
    <message>
        <source>Left: empty</source>
        <translation>左：空</translation>
    </message>
    <message>
        <source>Right: empty</source>
        <translation>右：空</translation>
    </message>
    <message>
        <source>%1 × %2 grid, %3 model images</source>
        <translation>%1 × %2 グリッド、モデル画像 %3 枚</translation>
    </message>
    <message>
        <source>global view only</source>
        <translation>全体ビューのみ</translation>
    </message>
    <message>
        <source>Left: %1 — %2</source>
        <translation>左：%1 — %2</translation>
    </message>
    <message>
        <source>Right: %1 — %2</source>
        <translation>右：%1 — %2</translation>
    </message>
    <message>
        <source>%1 model images, %2 tokens for the pages</source>
        <translation>モデル画像 %1 枚、ページ分 %2 トークン</translation>
    </message>
    <message>
        <source>Put a page in each slot.</source>
        <translation>それぞれの枠にページを入れてください。</translation>
    </message>
    <message>
        <source>Both slots hold the same page.</source>
        <translation>両方の枠に同じページが入っています。</translation>
    </message>
    <message>
        <source>Type a comparison prompt.</source>
        <translation>比較プロンプトを入力してください。</translation>
    </message>
    <message>
        <source>Identifying the open documents…</source>
        <translation>開いているドキュメントを確認しています…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>モデルが回答中です。</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>モデルを読み込み中です…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once (Ctrl+Shift+Enter)</source>
        <translation>2 つのページについて同時にモデルに質問（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>The comparison could not be started.</source>
        <translation>比較を開始できませんでした。</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（停止）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Show Compare &amp;View</source>
        <translation>比較ビューを表示(&amp;V)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationCore</name>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>別の会話を開く前に、回答が終わるのを待つか回答を停止してください。</translation>
    </message>
    <message>
        <source>This conversation is being answered; stop the answer first.</source>
        <translation>この会話は回答中です。先に回答を停止してください。</translation>
    </message>
    <message>
        <source>The model had lost the conversation.</source>
        <translation>モデルが会話を失っていました。</translation>
    </message>
    <message>
        <source>The last answer failed.</source>
        <translation>最後の回答に失敗しています。</translation>
    </message>
    <message>
        <source>An earlier answer failed.</source>
        <translation>以前の回答に失敗しています。</translation>
    </message>
    <message>
        <source>This conversation was saved by an earlier version of Leopard Desk, without the model&apos;s token ids.</source>
        <translation>この会話は以前のバージョンの Leopard Desk で、モデルのトークン ID なしで保存されています。</translation>
    </message>
    <message>
        <source>An answer was stopped before the model started on it.</source>
        <translation>モデルが回答を始める前に停止された回答があります。</translation>
    </message>
    <message>
        <source>An answer was cut short when Leopard Desk stopped.</source>
        <translation>Leopard Desk の終了により途中で切れた回答があります。</translation>
    </message>
    <message>
        <source>Turn %1 was saved without the model&apos;s token ids.</source>
        <translation>%1 番目のやり取りは、モデルのトークン ID なしで保存されています。</translation>
    </message>
    <message>
        <source>Turn %1 holds token id %2, outside this model&apos;s vocabulary of %3 ids.</source>
        <translation>%1 番目のやり取りに含まれるトークン ID %2 は、このモデルの語彙（%3 個の ID）の範囲外です。</translation>
    </message>
    <message>
        <source>%1 is not open (page %2 of the conversation).</source>
        <translation>%1 が開かれていません（会話で使われた %2 ページ目）。</translation>
    </message>
    <message>
        <source>%1 has changed since this conversation (its content differs).</source>
        <translation>%1 はこの会話の後に変更されています（内容が異なります）。</translation>
    </message>
    <message>
        <source>Page %1 of %2 now renders at %3 × %4 pixels, not the %5 × %6 it had.</source>
        <translation>%2 の %1 ページ目は、以前の %5 × %6 ではなく %3 × %4 ピクセルで描画されるようになりました。</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>モデルが回答中です。</translation>
    </message>
    <message>
        <source>No documents are open.</source>
        <translation>開いているドキュメントがありません。</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>質問を入力してください。</translation>
    </message>
    <message>
        <source>The checked pages differ from this conversation&apos;s: add them to it, or start a new conversation.</source>
        <translation>チェックしたページがこの会話のページと異なります。それらをこの会話に追加するか、新しい会話を始めてください。</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>%1 ページを超えてチェックされています。モデルが受け付けるのは最大 %1 ページです。</translation>
    </message>
    <message>
        <source>Page %1 of %2 is not open.</source>
        <translation>%2 の %1 ページ目は開かれていません。</translation>
    </message>
    <message>
        <source>None of this conversation&apos;s pages are open; check the pages to ask about.</source>
        <translation>この会話のページはどれも開いていません。質問したいページにチェックを入れてください。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationReopener</name>
    <message>
        <source>Document Not Found</source>
        <translation>ドキュメントが見つかりません</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2. Where is it now?</source>
        <translation>「%1」はもう %2 にありません。現在はどこにありますか？</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>場所を指定…</translation>
    </message>
    <message>
        <source>Leave It Out</source>
        <translation>除外する</translation>
    </message>
    <message>
        <source>Where is “%1”?</source>
        <translation>「%1」はどこにありますか？</translation>
    </message>
    <message>
        <source>Another conversation is being opened.</source>
        <translation>別の会話を開いているところです。</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>別の会話を開く前に、回答が終わるのを待つか回答を停止してください。</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2: its pages are left out.</source>
        <translation>「%1」はもう %2 にありません：そのページは除外されます。</translation>
    </message>
    <message>
        <source>“%1” has changed since this conversation was saved: its answers are about the earlier version, and the next question starts afresh about the pages still found.</source>
        <translation>「%1」はこの会話の保存後に変更されています：回答は以前の版についてのもので、次の質問は見つかったページについて新しく始まります。</translation>
    </message>
    <message>
        <source>“%1” is not the document this conversation was about (“%2”, its content differs): the next question starts afresh about the pages still found.</source>
        <translation>「%1」はこの会話で扱ったドキュメントではありません（「%2」、内容が異なります）：次の質問は見つかったページについて新しく始まります。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::DocumentIndex</name>
    <message>
        <source>Reading the text of “%1”: page %2 of %3…</source>
        <translation>「%1」のテキストを読み込んでいます：%3 ページ中 %2 ページ目…</translation>
    </message>
    <message numerus="yes">
        <source> (%n more document(s))</source>
        <translation>
            <numerusform>（ほか %n 件のドキュメント）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the text of “%1”: page %2 of %3 (OCR)…</source>
        <translation>「%1」のテキストを読み込んでいます：%3 ページ中 %2 ページ目（OCR）…</translation>
    </message>
    <message>
        <source>Reading “%1”: %2</source>
        <translation>「%1」の読み込み：%2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ExportActions</name>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>会話をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Answer…</source>
        <translation>回答をエクスポート(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>回答をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>There is no answer to export yet.</source>
        <translation>エクスポートできる回答はまだありません。</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>「%1」にエクスポートしました</translation>
    </message>
    <message>
        <source>leopard-answer</source>
        <translation>leopard-回答</translation>
    </message>
    <message>
        <source>leopard-conversation</source>
        <translation>leopard-会話</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web ページ (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export Answer</source>
        <translation>回答をエクスポート</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>会話をエクスポート</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>コピーできる回答はまだありません。</translation>
    </message>
    <message>
        <source>Copied the answer with its page references</source>
        <translation>回答をページ参照付きでコピーしました</translation>
    </message>
    <message numerus="yes">
        <source>Copied the answer with its page references and %n cited passage(s)</source>
        <translation>
            <numerusform>回答をページ参照と引用箇所 %n 件付きでコピーしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the questions, answers, settings and annotated pages (crop plans, evidence, and where the model looked when shown) as PDF, HTML or Markdown</source>
        <translation>質問・回答・設定と注釈付きページ(切り出し計画、根拠、表示中ならモデルの注視箇所)を PDF、HTML、Markdown で保存</translation>
    </message>
    <message>
        <source>Save the last answer with its question, settings, cited passages and annotated pages</source>
        <translation>最後の回答を質問・設定・引用箇所・注釈付きページとともに保存</translation>
    </message>
    <message>
        <source>Copy the last answer with its question, page references and cited passages</source>
        <translation>最後の回答を質問・ページ参照・引用箇所とともにコピー</translation>
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
        <translation>まだ見つかりません</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>%2 件以上中 %1 件目</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 件中 %1 件目</translation>
    </message>
    <message numerus="yes">
        <source>still reading %n document(s)</source>
        <translation>
            <numerusform>%n 件の文書を読み込み中</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in the open documents (case and accents ignored)</source>
        <translation>開いている文書内を検索(大文字小文字・アクセントは区別しません)</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>検索する文字列</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致 (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>前の一致</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>次の一致 (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>次の一致</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>一致の数</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>List every match with its page</source>
        <translation>すべての一致をページとともに一覧表示</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>検索バーを閉じる (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>検索バーを閉じる</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HeatView</name>
    <message>
        <source>Show &amp;Where the Model Looked</source>
        <translation>モデルの注視箇所を表示(&amp;W)</translation>
    </message>
    <message>
        <source>Draw over the page how much the last answer about it attended to each part of it (each crop&apos;s 13 × 13 cells, averaged over the answer&apos;s tokens, heads and layers)</source>
        <translation>このページについての最後の回答が各部分にどれだけ注意を向けたかをページ上に描画します(各切り出しの 13 × 13 セル、回答のトークン・ヘッド・層で平均)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HistoryPanel</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>選択した会話を開く</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>選択した会話を削除</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>会話を削除</translation>
    </message>
    <message>
        <source>Delete the saved conversation “%1”? This cannot be undone.</source>
        <translation>保存された会話「%1」を削除しますか？元に戻せません。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Damaged file (cannot be opened) · %1
%2</source>
        <translation>破損したファイル（開けません）· %1
%2</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>（質問なし）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n turn(s)</source>
        <translation>
            <numerusform>%1 · %n 往復</numerusform>
        </translation>
    </message>
    <message>
        <source> · interrupted</source>
        <translation> · 中断</translation>
    </message>
    <message>
        <source> · shown</source>
        <translation> · 表示中</translation>
    </message>
    <message>
        <source>Filter questions and answers</source>
        <translation>質問と回答で絞り込み</translation>
    </message>
    <message>
        <source>Filter the saved conversations</source>
        <translation>保存された会話を絞り込む</translation>
    </message>
    <message>
        <source>Saved conversations, by document set</source>
        <translation>保存された会話（ドキュメントの組み合わせ別）</translation>
    </message>
    <message>
        <source>Reading the saved conversations…</source>
        <translation>保存された会話を読み込んでいます…</translation>
    </message>
    <message>
        <source>No saved conversations yet.</source>
        <translation>保存された会話はまだありません。</translation>
    </message>
    <message>
        <source>No saved conversation matches “%1”.</source>
        <translation>「%1」に一致する保存された会話はありません。</translation>
    </message>
    <message>
        <source>Saved conversations by document set, newest first:</source>
        <translation>保存された会話（ドキュメントの組み合わせ別、新しい順）：</translation>
    </message>
    <message>
        <source>Damaged files</source>
        <translation>破損したファイル</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>ドキュメントなし</translation>
    </message>
    <message>
        <source> · open now</source>
        <translation> · 現在開いています</translation>
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
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open reports (PDF), slide decks or page images</source>
        <translation>レポート（PDF）、スライド、ページ画像を開く</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>ドキュメントを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Close the document of the page shown</source>
        <translation>表示中のページのドキュメントを閉じる</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>幅に合わせる(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>ページに合わせる(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;Crop Overlay</source>
        <translation>クロップを重ねて表示(&amp;C)</translation>
    </message>
    <message>
        <source>Draw the 364 × 364 crops the model will receive over checked pages</source>
        <translation>チェックしたページに、モデルが受け取る 364 × 364 のクロップを重ねて描く</translation>
    </message>
    <message>
        <source>&amp;Check Page Shown</source>
        <translation>表示中のページをチェック(&amp;C)</translation>
    </message>
    <message>
        <source>Check &amp;All Pages</source>
        <translation>すべてのページをチェック(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncheck All Pages</source>
        <translation>すべてのチェックを外す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Leopard Desk</source>
        <translation>Leopard Desk について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>ページ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Crop Plan</source>
        <translation>クロップ計画</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Opening documents</source>
        <translation>ドキュメントを開いています</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>開く操作をキャンセル</translation>
    </message>
    <message>
        <source>Stop opening the documents still loading (e.g. a slow slide deck conversion)</source>
        <translation>読み込み中のドキュメントを開くのをやめる（時間のかかるスライド変換など）</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>開く操作をキャンセルしました</translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1” (%n page(s))</source>
        <translation>
            <numerusform>「%1」を開きました（%n ページ）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>「%1」を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <source>“%1” is already open</source>
        <translation>「%1」はすでに開いています</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>「%1」を開いています…</translation>
    </message>
    <message>
        <source>File Not Found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation>%1 を開けません：ファイルが存在しません。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>Unsupported File</source>
        <translation>サポートされていないファイル</translation>
    </message>
    <message>
        <source>Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).</source>
        <translation>Leopard Desk では %1 を開けません。開けるのは PDF レポート、スライド、ページ画像（%2）です。</translation>
    </message>
    <message>
        <source>Open Documents</source>
        <translation>ドキュメントを開く</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>パスワードが必要です</translation>
    </message>
    <message>
        <source>The password for “%1” was wrong. Try again:</source>
        <translation>「%1」のパスワードが違います。もう一度入力してください：</translation>
    </message>
    <message>
        <source>“%1” is protected. Password:</source>
        <translation>「%1」は保護されています。パスワード：</translation>
    </message>
    <message>
        <source>“%1” was not opened</source>
        <translation>「%1」は開きませんでした</translation>
    </message>
    <message>
        <source>Closed “%1”</source>
        <translation>「%1」を閉じました</translation>
    </message>
    <message numerus="yes">
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation>
            <numerusform>存在しなくなったため「最近使ったファイル」から削除しました：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>“%1” no longer exists and was removed from Open Recent.</source>
        <translation>「%1」は存在しなくなったため、「最近使ったファイル」から削除しました。</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>最近使ったドキュメントはありません</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>Only local files can be opened; not %1.</source>
        <translation>開けるのはローカルファイルだけです。%1 は開けません。</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · %2 / %3 ページ</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 — Leopard Desk</source>
        <translation>%1 — Leopard Desk</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n document(s)…</source>
        <translation>
            <numerusform>%n 件のドキュメントを開いています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Switch to the new language now? Menus and panels change at once; otherwise the language changes the next time Leopard Desk starts.</source>
        <translation>今すぐ新しい言語に切り替えますか？メニューとパネルはすぐに切り替わります。切り替えない場合は、次回 Leopard Desk を起動したときに変わります。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Read reports, slide decks and page images with the Leopard vision-language model, and see how it cuts every page into 364 × 364 crops.&lt;/p&gt;&lt;p&gt;Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”, TMLR 2025).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;視覚言語モデル Leopard でレポート、スライド、ページ画像を読み、各ページが 364 × 364 のクロップにどう分割されるかを確認できます。&lt;/p&gt;&lt;p&gt;モデル：Leopard（Jia ほか「Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks」TMLR 2025）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Model directory: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;モデルのフォルダー：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leopard Desk</source>
        <translation>Leopard Desk について</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>次のページ(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Page</source>
        <translation>前のページ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation>質問する(&amp;A)</translation>
    </message>
    <message>
        <source>Show the Ask panel and put the cursor in the question field</source>
        <translation>「質問」パネルを表示し、質問欄にカーソルを置く</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>回答を停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新しい会話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Report</source>
        <translation>サンプルレポートを開く(&amp;S)</translation>
    </message>
    <message>
        <source>Open the report that comes with Leopard Desk, to try it out</source>
        <translation>Leopard Desk に付属のレポートを開いて試す</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>質問(&amp;A)</translation>
    </message>
    <message>
        <source>Opening status</source>
        <translation>開く処理の状態</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>表示中のページ</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>ズーム</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>開いているドキュメントはありません</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelHost</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>読み込みはキャンセルされました。</translation>
    </message>
    <message>
        <source>No model directory is set.</source>
        <translation>モデルのフォルダーが設定されていません。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelSettingsWidget</name>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Not set: the demo model (random weights)</source>
        <translation>未設定：デモモデル（ランダムな重み）</translation>
    </message>
    <message>
        <source>The folder of the wyu1/Leopard-LLaVA snapshot: config.json, the two pytorch_model-*.bin shards, pytorch_model.bin.index.json and the tokenizer files. --model DIR and LEOPARD_MODEL_DIR take precedence over this.</source>
        <translation>wyu1/Leopard-LLaVA スナップショットのフォルダー：config.json、2 つの pytorch_model-*.bin シャード、pytorch_model.bin.index.json、トークナイザーのファイル。--model DIR と LEOPARD_MODEL_DIR がこの設定より優先されます。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Leopard-LLaVA Checkpoint Folder</source>
        <translation>Leopard-LLaVA チェックポイントのフォルダー</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動（%1）</translation>
    </message>
    <message>
        <source>Checkpoint &amp;folder:</source>
        <translation>チェックポイントのフォルダー(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>デバイス(&amp;D)：</translation>
    </message>
    <message>
        <source>Data &amp;type:</source>
        <translation>データ型(&amp;T)：</translation>
    </message>
    <message>
        <source>libtorch %1 · CUDA %2 · native bf16 on this CPU: %3</source>
        <translation>libtorch %1 · CUDA %2 · この CPU のネイティブ bf16：%3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>利用不可</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Full precision (the data type above)</source>
        <translation>フル精度（上のデータ型）</translation>
    </message>
    <message>
        <source>int8 (about half the memory of bf16)</source>
        <translation>int8（bf16 の約半分のメモリ）</translation>
    </message>
    <message>
        <source>&amp;Weights:</source>
        <translation>重み(&amp;W)：</translation>
    </message>
    <message>
        <source>Automatic (full precision where it fits in memory, else int8, else int4)</source>
        <translation>自動（メモリに収まればフル精度、次に int8、次に int4）</translation>
    </message>
    <message>
        <source>int4 (about a third of the memory of bf16)</source>
        <translation>int4（bf16 の約 3 分の 1 のメモリ）</translation>
    </message>
    <message>
        <source>int8 keeps the language model&apos;s weight matrices as 8-bit integers with one scale per row (the 8B model: about 9.5 GB instead of 17 GB); int4 as 4-bit codes with a scale and an offset per group of 32 weights (about 6.7 GB). Answers stay close to full precision but not identical. The vision tower stays in the data type above.</source>
        <translation>int8 では言語モデルの重み行列を行ごとのスケール付き 8 ビット整数で保持します（8B モデルで 17 GB ではなく約 9.5 GB）。int4 では 32 個の重みごとにスケールとオフセットを持つ 4 ビット符号で保持します（約 6.7 GB）。回答はフル精度に近いものの、同一ではありません。ビジョン部分は上のデータ型のままです。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::OcrLanguagesWidget</name>
    <message>
        <source>The languages Tesseract reads pages without a text layer in (scans, page images). Documents already read keep their text.</source>
        <translation>テキスト層のないページ(スキャン、ページ画像)を Tesseract が読み取る言語。読み取り済みの文書はそのテキストを保持します。</translation>
    </message>
    <message>
        <source>Automatic: the language of Leopard Desk and English</source>
        <translation>自動: Leopard Desk の表示言語と英語</translation>
    </message>
    <message>
        <source>Pick at least one language, or scanned pages stay unread.</source>
        <translation>言語を少なくとも 1 つ選んでください。選ばないとスキャンしたページは読み取られません。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripDelegate</name>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1 チェック済み</translation>
    </message>
    <message>
        <source>Cannot render</source>
        <translation>描画できません</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>描画中…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 checked</source>
        <translation>チェック %1/%2</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>根拠</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation>%1、%3 ページ中 %2 ページ目</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s), %2 checked</source>
        <translation>
            <numerusform>%1：%n ページ、%2 ページをチェック済み</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1、%2 ページ目</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripView</name>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Thumbnails of every page of the open documents. Check the pages to ask about.</source>
        <translation>開いているドキュメントの全ページのサムネイルです。質問したいページにチェックを入れてください。</translation>
    </message>
    <message>
        <source>Uncheck page %1</source>
        <translation>%1 ページのチェックを外す</translation>
    </message>
    <message>
        <source>Check page %1</source>
        <translation>%1 ページをチェック</translation>
    </message>
    <message>
        <source>Check only this page</source>
        <translation>このページだけをチェック</translation>
    </message>
    <message>
        <source>Check all pages of “%1”</source>
        <translation>「%1」のすべてのページをチェック</translation>
    </message>
    <message>
        <source>Uncheck all pages of “%1”</source>
        <translation>「%1」のすべてのページのチェックを外す</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>「%1」を閉じる</translation>
    </message>
    <message>
        <source>Compare: Put in Left Slot</source>
        <translation>比較：左の枠に入れる</translation>
    </message>
    <message>
        <source>Compare: Put in Right Slot</source>
        <translation>比較：右の枠に入れる</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageView</name>
    <message>
        <source>Page view</source>
        <translation>ページビュー</translation>
    </message>
    <message>
        <source>Open a report, slide deck or page image
(File ▸ Open…, Ctrl+O, or drop files here)</source>
        <translation>レポート、スライド、ページ画像を開いてください
（ファイル ▸ 開く…、Ctrl+O、またはここにファイルをドロップ）</translation>
    </message>
    <message>
        <source>This page could not be rendered.</source>
        <translation>このページを描画できませんでした。</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>描画中…</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s) (%1 × %2 grid) + global view</source>
        <translation>
            <numerusform>クロップ %n 枚（%1 × %2 グリッド）+ 全体ビュー</numerusform>
        </translation>
    </message>
    <message>
        <source>Global view only (no crops)</source>
        <translation>全体ビューのみ（クロップなし）</translation>
    </message>
    <message>
        <source>Page not checked: check it in the page strip to see its crops</source>
        <translation>ページがチェックされていません：ページ一覧でチェックするとクロップが表示されます</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>開いているドキュメントはありません</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>モデルの注視: 少 → 多</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PlanPanel</name>
    <message>
        <source>Crop plan</source>
        <translation>クロップ計画</translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation>計画の合計</translation>
    </message>
    <message>
        <source>Model images used</source>
        <translation>使用するモデル画像</translation>
    </message>
    <message>
        <source>Crop budget</source>
        <translation>クロップ予算</translation>
    </message>
    <message>
        <source>Plan warning</source>
        <translation>計画の警告</translation>
    </message>
    <message>
        <source>Model input per checked page</source>
        <translation>チェックしたページごとのモデル入力</translation>
    </message>
    <message>
        <source>Check pages in the page strip to see how the model will read them.</source>
        <translation>ページ一覧でページにチェックを入れると、モデルがどう読むかが表示されます。</translation>
    </message>
    <message>
        <source>1 image (global view only) · %1 tokens</source>
        <translation>画像 1 枚（全体ビューのみ）· %1 トークン</translation>
    </message>
    <message numerus="yes">
        <source>%1 images (global + %n tile(s)) · %2 tokens</source>
        <translation>
            <numerusform>画像 %1 枚（全体 + タイル %n 枚）· %2 トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 tokens</source>
        <translation>画像 %1 / %2 枚 · %3 トークン</translation>
    </message>
    <message>
        <source>No pages checked.</source>
        <translation>チェックしたページはありません。</translation>
    </message>
    <message>
        <source>%1 pages checked, %2 allowed.</source>
        <translation>%1 ページをチェック済み、上限は %2 ページです。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) checked</source>
        <translation>
            <numerusform>%n ページをチェック済み</numerusform>
        </translation>
    </message>
    <message>
        <source>crop budget %1 − %2 = %3</source>
        <translation>クロップ予算 %1 − %2 = %3</translation>
    </message>
    <message>
        <source>The pages want %1 crops; scaled down to %2 to fit the budget.</source>
        <translation>ページが求めるクロップは %1 枚です。予算に収めるため %2 枚に減らしました。</translation>
    </message>
    <message>
        <source>No budget left for crops: each page is sent as one global view.</source>
        <translation>クロップの予算が残っていません：各ページは全体ビュー 1 枚として送られます。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;ページが多すぎます：%1 ページをチェック済み。&lt;/b&gt;モデルが受け付ける画像は最大 %2 枚なので、何も送信されません。%n ページのチェックを外してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation>%1 · p. %2</translation>
    </message>
    <message>
        <source>Analysis image %1 × %2 px</source>
        <translation>解析画像 %1 × %2 px</translation>
    </message>
    <message>
        <source>Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)</source>
        <translation>%3 × %4 のキャンバスに %1 × %2 グリッド（ページを %5 × %6 にリサイズ）</translation>
    </message>
    <message>
        <source>Wanted %1 crops, granted %2</source>
        <translation>希望クロップ %1 枚、割り当て %2 枚</translation>
    </message>
    <message>
        <source>How the model will cut the checked pages into crops, and the images and tokens they use</source>
        <translation>チェックしたページをモデルがどうクロップに分割するか、および使う画像とトークンの数</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>The language of menus, panels and messages. “System default” follows the language of your desktop session.</source>
        <translation>メニュー、パネル、メッセージの言語です。「システムの既定」はデスクトップセッションの言語に従います。</translation>
    </message>
    <message>
        <source>Analysis resolution in dots per inch</source>
        <translation>解析解像度（dpi）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Default (%1 dpi)</source>
        <translation>既定値（%1 dpi）</translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model (what it reads); the screen view is separate. The crop plan follows from it.</source>
        <translation>PDF とスライドのページは、この解像度でモデル用（モデルが読むもの）にレンダリングされます。画面表示とは別です。クロップ計画はこの値から決まります。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Analysis resolution:</source>
        <translation>解析解像度(&amp;A)：</translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page at 364 × 364 (1 model image = %3 tokens).</source>
        <translation>US レターのページは %1 × %2 px になります：クロップなし。モデルはページ全体を 364 × 364 で見るだけです（モデル画像 1 枚 = %3 トークン）。</translation>
    </message>
    <message numerus="yes">
        <source>A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, %5 model images = %6 tokens.</source>
        <translation>
            <numerusform>US レターのページは %1 × %2 px になります：%3 × %4 グリッドでクロップ %n 枚、モデル画像 %5 枚 = %6 トークン。</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model</source>
        <translation>PDF とスライドのページは、この解像度でモデル用にレンダリングされます</translation>
    </message>
    <message>
        <source>Reset the analysis resolution to %1 dpi</source>
        <translation>解析解像度を %1 dpi に戻す</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark palette, or always use one of them</source>
        <translation>デスクトップのライト／ダークの配色に従うか、常にどちらかを使う</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>外観(&amp;P)：</translation>
    </message>
    <message>
        <source>Text &amp;recognition:</source>
        <translation>文字認識(&amp;R):</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Search actions or keys</source>
        <translation>操作やキーを検索</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>ショートカットを検索</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Every action with its keyboard shortcut, grouped by menu</source>
        <translation>すべての操作とキーボードショートカット（メニューごと）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SingleInstance</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>%1 で待ち受けできません：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read reports, slide decks and page images with the Leopard vision-language model.</source>
        <translation>視覚言語モデル Leopard でレポート、スライド、ページ画像を読みます。</translation>
    </message>
    <message>
        <source>Leopard checkpoint directory (Hugging Face layout).</source>
        <translation>Leopard チェックポイントのフォルダー（Hugging Face 形式）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>PDFs, slide decks or images to open.</source>
        <translation>開く PDF、スライド、画像。</translation>
    </message>
    <message>
        <source>Start a separate window with its own model instead of handing the files to the Leopard Desk already running.</source>
        <translation>既に起動している Leopard Desk にファイルを渡さず、独自のモデルを持つ別のウィンドウを起動します。</translation>
    </message>
    <message>
        <source>Colours for this run: system, light or dark (default: Settings ▸ Preferences).</source>
        <translation>今回の起動での配色：system、light、dark のいずれか（既定：設定 ▸ 環境設定）。</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <translation>SCHEME</translation>
    </message>
</context>
</TS>
