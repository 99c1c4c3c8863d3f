<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerExporter</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 第 %2 页</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>未知模型</translation>
    </message>
    <message>
        <source>max %1 new tokens</source>
        <translation>最多 %1 个新 token</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>temperature %1, top-p %2, seed %3</source>
        <translation>温度 %1，top-p %2，种子 %3</translation>
    </message>
    <message>
        <source>analysis %1 dpi</source>
        <translation>分析 %1 dpi</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Leopard Desk answer</source>
        <translation>Leopard Desk 回答</translation>
    </message>
    <message>
        <source>Leopard Desk answer about %1</source>
        <translation>Leopard Desk 关于 %1 的回答</translation>
    </message>
    <message>
        <source>Leopard Desk conversation</source>
        <translation>Leopard Desk 对话</translation>
    </message>
    <message>
        <source>Leopard Desk conversation about %1</source>
        <translation>Leopard Desk 关于 %1 的对话</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1” for the page images.</source>
        <translation>无法为页面图像创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Cannot write the page image “%1”.</source>
        <translation>无法写入页面图像“%1”。</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: choose a name ending in .pdf, .html or .md.</source>
        <translation>无法导出到“%1”：请选择以 .pdf、.html 或 .md 结尾的文件名。</translation>
    </message>
    <message>
        <source>Conversation started %1.</source>
        <translation>对话开始于 %1。</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>回答在完成前被中断。</translation>
    </message>
    <message>
        <source>Asked %1</source>
        <translation>提问于 %1</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>页面：%1</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>Leopard Desk</source>
        <translation>Leopard Desk</translation>
    </message>
    <message>
        <source>**Question:** %1</source>
        <translation>**问题：** %1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>“%1” is not available.</source>
        <translation>“%1”不可用。</translation>
    </message>
    <message>
        <source>“%1” has no page %2 now.</source>
        <translation>“%1”现在没有第 %2 页。</translation>
    </message>
    <message>
        <source>crop plan not shown: not every page of this question is available</source>
        <translation>未显示裁剪方案：此问题的页面并非全部可用</translation>
    </message>
    <message>
        <source>the page could not be rendered</source>
        <translation>无法渲染该页面</translation>
    </message>
    <message>
        <source>%1 × %2 grid: %3 crops + global view (model images %4–%5)</source>
        <translation>%1 × %2 网格：%3 个裁剪块 + 全局视图（模型图像 %4–%5）</translation>
    </message>
    <message>
        <source>global view only (model image %1)</source>
        <translation>仅全局视图（模型图像 %1）</translation>
    </message>
    <message>
        <source>evidence boxed in green</source>
        <translation>依据以绿色框出</translation>
    </message>
    <message>
        <source>where the model looked shaded in violet</source>
        <translation>模型关注之处以紫色标示</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>“%1” — %2: “%3”</source>
        <translation>“%1” — %2:“%3”</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>模型关注:少 → 多</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>&lt;p&gt;The resolution at which PDF and slide pages are rendered for the model (image files are sent at their own size). The crop plan follows from it.&lt;/p&gt;&lt;p&gt;Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images = 13 × 169 = 2197 tokens.&lt;/p&gt;&lt;p&gt;Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on fewer pages (216 dpi: 35 crops per Letter page).&lt;/p&gt;</source>
        <translation>&lt;p&gt;PDF 页面和幻灯片页面为模型渲染时使用的分辨率（图像文件按其原始尺寸发送）。裁剪方案由此得出。&lt;/p&gt;&lt;p&gt;默认 144 dpi：一张 US Letter 页面（612 × 792 pt）变为 1224 × 1584 px，Leopard 将其切成 4 行 × 3 列 = 12 个 364 × 364 px 的裁剪块；加上全局视图，共 13 张模型图像 = 13 × 169 = 2197 个 token。&lt;/p&gt;&lt;p&gt;较低的值会丢失小字（72 dpi：4 个裁剪块）；较高的值会把 50 张图像的预算花在更少的页面上（216 dpi：每张 Letter 页面 35 个裁剪块）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CropOverlay</name>
    <message>
        <source>global view only</source>
        <translation>仅全局视图</translation>
    </message>
    <message>
        <source>%1 = whole page</source>
        <translation>%1 = 整页</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>Reading the pages of %1…</source>
        <translation>正在读取 %1 的页面…</translation>
    </message>
    <message>
        <source>Documents (%1);;PDF documents (%2);;Slide decks (%3);;Images (%4);;All files (*)</source>
        <translation>文档 (%1);;PDF 文档 (%2);;幻灯片 (%3);;图像 (%4);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>找不到 %1。</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>（无文件名）</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document.</source>
        <translation>%1 是文件夹，不是文档。</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>无法读取 %1：权限不足。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 is not a supported kind of file. Leopard Desk opens PDFs, slide decks (%2) and images (%3).</source>
        <translation>%1 不是受支持的文件类型。Leopard Desk 可以打开 PDF、幻灯片（%2）和图像（%3）。</translation>
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
        <translation>%1 太大，无法打开：%2 × %3 像素解码后需要 %4 内存，超过单张图像 %5 MB 的上限。请缩小或拆分后再打开。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: its format is not recognised or the image plugin for it is not installed (on Debian: sudo apt install qt6-image-formats-plugins).</source>
        <translation>无法将 %1 作为图像读取：无法识别其格式，或未安装相应的图像插件（Debian 上：sudo apt install qt6-image-formats-plugins）。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2.</source>
        <translation>无法将 %1 作为图像读取：%2。</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 cannot be decoded (%3).</source>
        <translation>%1 已损坏：无法解码第 %2 张图像（%3）。</translation>
    </message>
    <message>
        <source>%1 is damaged: image %2 has no pixels.</source>
        <translation>%1 已损坏：第 %2 张图像没有像素。</translation>
    </message>
    <message>
        <source>%1 contains no images.</source>
        <translation>%1 不包含任何图像。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>ModelLocation</name>
    <message>
        <source>from --model</source>
        <translation>来自 --model</translation>
    </message>
    <message>
        <source>from LEOPARD_MODEL_DIR</source>
        <translation>来自 LEOPARD_MODEL_DIR</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>来自设置</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>演示模型</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>Page %1 of %2 could not be drawn.</source>
        <translation>无法绘制 %2 的第 %1 页。</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), so it is not a usable PDF.</source>
        <translation>%1 是空文件（0 字节），不是可用的 PDF。</translation>
    </message>
    <message>
        <source>%1 is not a PDF file: it does not start with a PDF header. It may be another kind of file renamed to .pdf.</source>
        <translation>%1 不是 PDF 文件：它不以 PDF 文件头开始。它可能是被改名为 .pdf 的其他类型文件。</translation>
    </message>
    <message>
        <source>%1 is damaged or truncated: its PDF structure cannot be read. Try downloading or exporting it again.</source>
        <translation>%1 已损坏或不完整：无法读取其 PDF 结构。请尝试重新下载或重新导出。</translation>
    </message>
    <message>
        <source>%1 was converted, but the PDF LibreOffice made cannot be read: %2</source>
        <translation>%1 已转换，但无法读取 LibreOffice 生成的 PDF：%2</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter the password to open it.</source>
        <translation>%1 受密码保护。请输入密码以打开。</translation>
    </message>
    <message>
        <source>The password for %1 is not correct.</source>
        <translation>%1 的密码不正确。</translation>
    </message>
    <message>
        <source>%1 contains no pages, so there is nothing to show.</source>
        <translation>%1 不包含任何页面，没有可显示的内容。</translation>
    </message>
    <message>
        <source>%1 is damaged: page %2 of %3 cannot be read.</source>
        <translation>%1 已损坏：无法读取第 %2 页（共 %3 页）。</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The saved session %1 cannot be read: %2.</source>
        <translation>无法读取已保存的会话 %1：%2。</translation>
    </message>
    <message>
        <source>The saved session %1 is empty (0 bytes); it cannot be restored.</source>
        <translation>已保存的会话 %1 为空（0 字节），无法恢复。</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged (%2 at byte %3 of %4); it cannot be restored.</source>
        <translation>已保存的会话 %1 已损坏（%2，位于第 %3 字节，共 %4 字节），无法恢复。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>The saved session %1 is damaged: %2; it cannot be restored.</source>
        <translation>已保存的会话 %1 已损坏：%2；无法恢复。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The sessions folder %1 cannot be created.</source>
        <translation>无法创建会话文件夹 %1。</translation>
    </message>
    <message>
        <source> It was not overwritten; set it aside first.</source>
        <translation>该文件未被覆盖；请先将其移到一旁。</translation>
    </message>
    <message>
        <source>The session %1 could not be saved: %2.</source>
        <translation>无法保存会话 %1：%2。</translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation>会话 %1 不存在。</translation>
    </message>
    <message>
        <source>The session %1 could not be deleted: %2.</source>
        <translation>无法删除会话 %1：%2。</translation>
    </message>
    <message>
        <source>The session %1 could not be set aside as %2.</source>
        <translation>无法将会话 %1 移到一旁另存为 %2。</translation>
    </message>
    <message>
        <source>The saved session %1 was written by a newer version of Leopard Desk (format %2; this one reads up to %3): open it with that version.</source>
        <translation>已保存的会话 %1 由更新版本的 Leopard Desk 写入（格式 %2；此版本最高只能读取格式 %3）：请使用该版本打开。</translation>
    </message>
    <message>
        <source> It was not overwritten.</source>
        <translation>该文件未被覆盖。</translation>
    </message>
</context>
<context>
    <name>SlideConverter</name>
    <message>
        <source>Install LibreOffice Impress to open slide decks (on Debian or Ubuntu: sudo apt install libreoffice-impress), or set the path to soffice in Settings.</source>
        <translation>请安装 LibreOffice Impress 以打开幻灯片（Debian 或 Ubuntu 上：sudo apt install libreoffice-impress），或在设置中指定 soffice 的路径。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is not a slide deck LibreOffice can read: it is neither a PowerPoint, OpenDocument nor Keynote file. It may be damaged or renamed.</source>
        <translation>%1 不是 LibreOffice 能读取的幻灯片：它既不是 PowerPoint，也不是 OpenDocument 或 Keynote 文件。它可能已损坏或被改名。</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but LibreOffice was not found. %2</source>
        <translation>%1 是幻灯片，需要 LibreOffice 才能打开，但未找到 LibreOffice。%2</translation>
    </message>
    <message>
        <source>%1 is a slide deck and needs LibreOffice to open, but %2 is not an executable program. %3</source>
        <translation>%1 是幻灯片，需要 LibreOffice 才能打开，但 %2 不是可执行程序。%3</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>已取消打开 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be converted: no room for temporary files (%2).</source>
        <translation>无法转换 %1：没有空间存放临时文件（%2）。</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice…</source>
        <translation>正在用 LibreOffice 转换 %1…</translation>
    </message>
    <message>
        <source>%1 needs LibreOffice to open, but %2 could not be started (%3). %4</source>
        <translation>%1 需要 LibreOffice 才能打开，但无法启动 %2（%3）。%4</translation>
    </message>
    <message>
        <source>%1 took longer than %2 seconds to convert with LibreOffice and was stopped. A very large deck may need a longer time limit in Settings.</source>
        <translation>用 LibreOffice 转换 %1 超过了 %2 秒，已被停止。非常大的幻灯片可能需要在设置中延长时间限制。</translation>
    </message>
    <message>
        <source>Converting %1 with LibreOffice… %2 s</source>
        <translation>正在用 LibreOffice 转换 %1… %2 秒</translation>
    </message>
    <message>
        <source>LibreOffice could not convert %1 (it produced no PDF%2). The file may be damaged or in a format LibreOffice cannot read.</source>
        <translation>LibreOffice 无法转换 %1（未生成 PDF%2）。文件可能已损坏，或者是 LibreOffice 无法读取的格式。</translation>
    </message>
    <message>
        <source>; it said: &quot;%1&quot;</source>
        <translation>；输出：“%1”</translation>
    </message>
    <message>
        <source> LibreOffice crashed.</source>
        <translation>LibreOffice 已崩溃。</translation>
    </message>
    <message>
        <source>%1 was converted, but the result could not be saved in %2 (%3).</source>
        <translation>%1 已转换，但无法将结果保存到 %2（%3）。</translation>
    </message>
</context>
<context>
    <name>leopard::InferenceWorker</name>
    <message>
        <source>Unknown data type “%1” (use fp32, bf16 or fp16).</source>
        <translation>未知的数据类型“%1”（请使用 fp32、bf16 或 fp16）。</translation>
    </message>
    <message>
        <source>Reading weights</source>
        <translation>正在读取权重</translation>
    </message>
    <message>
        <source>Reading configuration and tokenizer</source>
        <translation>正在读取配置和分词器</translation>
    </message>
    <message>
        <source>Cannot load the model from %1: %2</source>
        <translation>无法从 %1 加载模型：%2</translation>
    </message>
    <message>
        <source>page %1 of %2 could not be rendered at its planned size</source>
        <translation>无法按计划尺寸渲染 %2 的第 %1 页</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Out of memory while answering. Ask about fewer pages, lower the analysis resolution or use a smaller data type.</source>
        <translation>回答时内存不足。请减少提问的页面、降低分析分辨率或使用更小的数据类型。</translation>
    </message>
    <message>
        <source>Out of memory while answering: %1</source>
        <translation>回答时内存不足：%1</translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation>模型无法回答：%1</translation>
    </message>
    <message>
        <source>saved turn %1 carries %2 image tokens for %3 model images of its pages</source>
        <translation>已保存的第 %1 轮包含 %2 个图像 token，而其页面对应 %3 张模型图像</translation>
    </message>
    <message>
        <source>saved turn %1 has %2 generated ids, more than its %3 new tokens</source>
        <translation>已保存的第 %1 轮有 %2 个生成的 id，超过了其 %3 个新 token</translation>
    </message>
    <message>
        <source>saved turn %1 has a stop token before the end of its answer</source>
        <translation>已保存的第 %1 轮在回答结束之前出现了停止 token</translation>
    </message>
    <message>
        <source>Unknown weight format “%1” (use auto, full, int8 or int4).</source>
        <translation>未知的权重格式“%1”（请使用 auto、full、int8 或 int4）。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ChatPanel</name>
    <message>
        <source>Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings</source>
        <translation>已加载演示模型：权重是随机的，回答没有意义——请在设置中指定真正的 Leopard-LLaVA 检查点</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Getting the real model&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk runs &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt; from Hugging Face (a snapshot with two .bin shards, 17 GB in all, plus config.json and the tokenizer files). Download it, for example with &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;, then point the app at that folder: &lt;a href=&quot;settings&quot;&gt;Settings ▸ Preferences ▸ Model&lt;/a&gt;, the &lt;code&gt;--model DIR&lt;/code&gt; option, or the &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt; environment variable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;获取真正的模型&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Leopard Desk 运行 Hugging Face 上的 &lt;b&gt;wyu1/Leopard-LLaVA&lt;/b&gt;（一个快照，包含两个 .bin 分片，共 17 GB，另有 config.json 和分词器文件）。请先下载，例如使用 &lt;code&gt;huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA&lt;/code&gt;，然后把该文件夹告诉本应用：&lt;a href=&quot;settings&quot;&gt;设置 ▸ 首选项 ▸ 模型&lt;/a&gt;、&lt;code&gt;--model DIR&lt;/code&gt; 选项，或 &lt;code&gt;LEOPARD_MODEL_DIR&lt;/code&gt; 环境变量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading the model</source>
        <translation>停止加载模型</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (takes effect within one token)</source>
        <translation>停止回答（在一个 token 内生效）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new conversation (the next question does not continue this one)</source>
        <translation>开始新对话（下一个问题不会延续当前对话）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Loading the model: %1 — %2 of %3 MB</source>
        <translation>正在加载模型：%1 — %2 / %3 MB</translation>
    </message>
    <message>
        <source>Loading the model: %1…</source>
        <translation>正在加载模型：%1…</translation>
    </message>
    <message>
        <source>Generation options: max new tokens, temperature (0 = greedy), top-p</source>
        <translation>生成选项：最大新 token 数、温度（0 = 贪心）、top-p</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0（贪心）</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>最大新 token 数：</translation>
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
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>模型正在加载…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>模型正在回答。</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>请输入问题。</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>勾选的页面超过 %1 页；模型最多接受 %1 页。</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s).</source>
        <translation>
            <numerusform>关于相同 %n 个页面的追问。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New question about %n checked page(s) (%1 model images, plan on the right).</source>
        <translation>
            <numerusform>关于 %n 个勾选页面的新问题（%1 张模型图像，方案见右侧）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>正在从 %1 加载模型…</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>模型：%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 第 %2 页</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>你：</translation>
    </message>
    <message>
        <source>Follow-up about</source>
        <translation>追问：</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于：</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（无回答）</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Getting the real model</source>
        <translation>获取真正的模型</translation>
    </message>
    <message>
        <source>Model status</source>
        <translation>模型状态</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>取消加载模型</translation>
    </message>
    <message>
        <source>Questions and the model&apos;s answers; each answer has Copy and Export links</source>
        <translation>问题和模型的回答；每个回答都有“复制”和“导出”链接</translation>
    </message>
    <message>
        <source>Answer status</source>
        <translation>回答状态</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>提出问题</translation>
    </message>
    <message>
        <source>Ask in this conversation, giving the model the newly checked pages too</source>
        <translation>在此对话中提问，并把新勾选的页面也交给模型</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages only</source>
        <translation>在新对话中只就勾选的页面提问</translation>
    </message>
    <message>
        <source>Ask in a new conversation about the checked pages</source>
        <translation>在新对话中就勾选的页面提问</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export this conversation</source>
        <translation>导出此对话</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Generation options</source>
        <translation>生成选项</translation>
    </message>
    <message>
        <source>Answer stopped.</source>
        <translation>回答已停止。</translation>
    </message>
    <message>
        <source>Answer stopped: %1</source>
        <translation>回答已停止：%1</translation>
    </message>
    <message>
        <source>Answer complete.</source>
        <translation>回答完成。</translation>
    </message>
    <message>
        <source>Answer complete: %1</source>
        <translation>回答完成：%1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>回答失败：%1</translation>
    </message>
    <message>
        <source>Maximum new tokens</source>
        <translation>最大新 token 数</translation>
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
        <translation>正在读取已打开的文档以查找其已保存的对话…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s) to this conversation</source>
        <translation>
            <numerusform>将 %n 个页面加入此对话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checked pages differ from this conversation&apos;s %n page(s): add the new ones to it, or start a new conversation.</source>
        <translation>
            <numerusform>勾选的页面与此对话的 %n 个页面不同：请把新页面加入此对话，或开始新对话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
    <message>
        <source>Pages added in this turn:</source>
        <translation>本轮加入的页面：</translation>
    </message>
    <message>
        <source>(The model started afresh here: it did not see the earlier turns.)</source>
        <translation>（模型从这里重新开始：它没有看到之前的轮次。）</translation>
    </message>
    <message>
        <source>Interrupted: the app stopped before this answer was complete.</source>
        <translation>已中断：应用在此回答完成前停止了。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <source>Export Answer…</source>
        <translation>导出回答…</translation>
    </message>
    <message>
        <source>Export Conversation…</source>
        <translation>导出对话…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s)</source>
        <translation>
            <numerusform>加入 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>无法保存对话：%1</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation (turn %1 of %2)…</source>
        <translation>正在重新读取已保存的对话（第 %1 轮，共 %2 轮）…</translation>
    </message>
    <message>
        <source>Re-reading the saved conversation</source>
        <translation>正在重新读取已保存的对话</translation>
    </message>
    <message>
        <source>Restored conversation. The next question continues it: the model first re-reads the earlier turns.</source>
        <translation>已恢复对话。下一个问题将延续此对话：模型会先重新读取之前的轮次。</translation>
    </message>
    <message>
        <source>Restored conversation. The model cannot continue it exactly — %1 The next question starts afresh about the pages still found.</source>
        <translation>已恢复对话。模型无法完全延续此对话——%1 下一个问题将就仍能找到的页面重新开始。</translation>
    </message>
    <message>
        <source>Restored conversation. None of its pages are open; check pages to ask about them.</source>
        <translation>已恢复对话。它的页面均未打开；请勾选要提问的页面。</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s); the model first re-reads this saved conversation.</source>
        <translation>
            <numerusform>关于相同 %n 个页面的追问；模型会先重新读取这段已保存的对话。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).</source>
        <translation>
            <numerusform>关于相同 %n 个页面的下一个问题；模型将重新开始（无法延续此对话）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)</source>
        <translation>就勾选的页面提问，未勾选任何页面时就整个文档提问…（Enter 提问，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Reading the documents&apos; text to pick pages for the question…</source>
        <translation>正在读取文档的文本，以便为问题选择页面…</translation>
    </message>
    <message numerus="yes">
        <source>No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).</source>
        <translation>
            <numerusform>未勾选任何页面：Leopard 将选择与问题最匹配的 %n 个页面（也可在页面栏中勾选页面）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The question has no words to look for in the documents. Check the pages to ask about in the page strip.</source>
        <translation>问题中没有可在文档中查找的词。请在页面栏中勾选要提问的页面。</translation>
    </message>
    <message>
        <source>No page of the open documents matches the question (looked for: %1). Check the pages to ask about in the page strip.</source>
        <translation>已打开的文档中没有与问题匹配的页面（查找的词：%1）。请在页面栏中勾选要提问的页面。</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Picked: %1 — matched %2</source>
        <translation>已选择：%1 — 匹配：%2</translation>
    </message>
    <message>
        <source>Check the pages to ask about in the page strip.</source>
        <translation>请在页面栏中勾选要提问的页面。</translation>
    </message>
    <message>
        <source>Pages per question</source>
        <translation>每个问题的页数</translation>
    </message>
    <message>
        <source>Let Leopard pick pages</source>
        <translation>让 Leopard 选择页面</translation>
    </message>
    <message>
        <source>Pick the pages that best match each new question even when pages are checked (with none checked Leopard always picks)</source>
        <translation>即使已勾选页面，也为每个新问题选择最匹配的页面（未勾选时 Leopard 总会选择）</translation>
    </message>
    <message>
        <source>Pages per question:</source>
        <translation>每个问题的页数：</translation>
    </message>
    <message>
        <source>Options: max new tokens, temperature (0 = greedy), top-p, pages picked per question</source>
        <translation>选项：最大新 token 数、温度（0 = 贪心）、top-p、每个问题选择的页数</translation>
    </message>
    <message numerus="yes">
        <source>Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).</source>
        <translation>
            <numerusform>Leopard 将选择与问题最匹配的 %n 页，而不是已勾选的页面（选项）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence for “%1” on %2 p. %3</source>
        <translation>“%1”的依据:%2 第 %3 页</translation>
    </message>
    <message numerus="yes">
        <source>Show all evidence (%n)</source>
        <translation>
            <numerusform>显示全部依据 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 weights (%2)</source>
        <translation> · %1 权重（%2）</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareSlot</name>
    <message>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <source>Drop to put it here</source>
        <translation>拖放到这里</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <source>Drop to replace this page</source>
        <translation>拖放以替换此页面</translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareView</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 第 %2 页</translation>
    </message>
    <message>
        <source>Compare these two pages: what changed, and what is the same?</source>
        <translation>比较这两页：哪些变了，哪些相同？</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Left Slot (Ctrl+Shift+L)</source>
        <translation>从页面栏拖一页到这里，或从文件管理器拖一个文件。

键盘：比较 ▸ 放入左侧栏位（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Drag a page here from the page strip, or a file from the file manager.

Keyboard: Compare ▸ Put Page in Right Slot (Ctrl+Shift+R)</source>
        <translation>从页面栏拖一页到这里，或从文件管理器拖一个文件。

键盘：比较 ▸ 放入右侧栏位（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Left comparison page</source>
        <translation>左侧比较页面</translation>
    </message>
    <message>
        <source>Right comparison page</source>
        <translation>右侧比较页面</translation>
    </message>
    <message>
        <source>Comparison prompt</source>
        <translation>比较提示词</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>提示词(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>交换(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Comparison answer</source>
        <translation>比较的回答</translation>
    </message>
    <message>
        <source>The answer appears here and in the Ask dock, where follow-up questions continue it.</source>
        <translation>回答会显示在这里和“提问”面板中，可在那里继续追问。</translation>
    </message>
    <message>
        <source>Put Page in &amp;Left Slot</source>
        <translation>放入左侧栏位(&amp;L)</translation>
    </message>
    <message>
        <source>Put the page shown in the left slot of the compare view</source>
        <translation>把当前显示的页面放入比较视图的左侧栏位</translation>
    </message>
    <message>
        <source>Put Page in &amp;Right Slot</source>
        <translation>放入右侧栏位(&amp;R)</translation>
    </message>
    <message>
        <source>Put the page shown in the right slot of the compare view</source>
        <translation>把当前显示的页面放入比较视图的右侧栏位</translation>
    </message>
    <message>
        <source>&amp;Swap Slots</source>
        <translation>交换栏位(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clear Slots</source>
        <translation>清空栏位(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Compare the Two Pages</source>
        <translation>比较这两页(&amp;C)</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once with the comparison prompt</source>
        <translation>使用比较提示词同时就两页向模型提问</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>比较失败：%1</translation>
    </message>
    <message>
        <source>No page is shown: open a document and pick a page in the page strip first.</source>
        <translation>没有显示任何页面：请先打开文档，并在页面栏中选择一页。</translation>
    </message>
    <message numerus="yes">
        <source>only two pages can be compared; the other %n dropped page(s) were left out.</source>
        <translation>
            <numerusform>只能比较两页；拖入的其他 %n 页未被采用。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no page %2</source>
        <translation>%1 没有第 %2 页</translation>
    </message>
    <message>
        <source>%1 is not open and cannot be found</source>
        <translation>%1 未打开且找不到</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>无法比较：%1。</translation>
    </message>
    <message>
        <source>only local files can be compared, not %1</source>
        <translation>只能比较本地文件，无法比较 %1</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not a document</source>
        <translation>%1 是文件夹，不是文档</translation>
    </message>
    <message>
        <source>%1 is not a document Leopard Desk can read (it reads PDF reports, slide decks and page images: %2)</source>
        <translation>%1 不是 Leopard Desk 能读取的文档（它可以读取 PDF 报告、幻灯片和页面图像：%2）</translation>
    </message>
    <message>
        <source>only two pages can be compared; %1 was left out</source>
        <translation>只能比较两页；%1 未被采用</translation>
    </message>
    <message>
        <source>Cannot compare: %1 has no page %2.</source>
        <translation>无法比较：%1 没有第 %2 页。</translation>
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
        <translation>%1 × %2 网格，%3 张模型图像</translation>
    </message>
    <message>
        <source>global view only</source>
        <translation>仅全局视图</translation>
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
        <translation>%1 张模型图像，页面共 %2 个 token</translation>
    </message>
    <message>
        <source>Put a page in each slot.</source>
        <translation>请在每个栏位放入一页。</translation>
    </message>
    <message>
        <source>Both slots hold the same page.</source>
        <translation>两个栏位是同一页。</translation>
    </message>
    <message>
        <source>Type a comparison prompt.</source>
        <translation>请输入比较提示词。</translation>
    </message>
    <message>
        <source>Identifying the open documents…</source>
        <translation>正在识别已打开的文档…</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>模型正在回答。</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>模型正在加载…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Ask the model about both pages at once (Ctrl+Shift+Enter)</source>
        <translation>同时就两页向模型提问（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>The comparison could not be started.</source>
        <translation>无法开始比较。</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Show Compare &amp;View</source>
        <translation>显示比较视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationCore</name>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>请等待回答完成（或停止回答）后再打开其他对话。</translation>
    </message>
    <message>
        <source>This conversation is being answered; stop the answer first.</source>
        <translation>此对话正在回答中；请先停止回答。</translation>
    </message>
    <message>
        <source>The model had lost the conversation.</source>
        <translation>模型已丢失此对话。</translation>
    </message>
    <message>
        <source>The last answer failed.</source>
        <translation>最后一个回答失败了。</translation>
    </message>
    <message>
        <source>An earlier answer failed.</source>
        <translation>之前有一个回答失败了。</translation>
    </message>
    <message>
        <source>This conversation was saved by an earlier version of Leopard Desk, without the model&apos;s token ids.</source>
        <translation>此对话由早期版本的 Leopard Desk 保存，不含模型的 token id。</translation>
    </message>
    <message>
        <source>An answer was stopped before the model started on it.</source>
        <translation>有一个回答在模型开始生成之前就被停止了。</translation>
    </message>
    <message>
        <source>An answer was cut short when Leopard Desk stopped.</source>
        <translation>有一个回答因 Leopard Desk 停止而被中断。</translation>
    </message>
    <message>
        <source>Turn %1 was saved without the model&apos;s token ids.</source>
        <translation>第 %1 轮保存时未包含模型的 token id。</translation>
    </message>
    <message>
        <source>Turn %1 holds token id %2, outside this model&apos;s vocabulary of %3 ids.</source>
        <translation>第 %1 轮包含 token id %2，超出了此模型 %3 个 id 的词表范围。</translation>
    </message>
    <message>
        <source>%1 is not open (page %2 of the conversation).</source>
        <translation>%1 未打开（对话中的第 %2 页）。</translation>
    </message>
    <message>
        <source>%1 has changed since this conversation (its content differs).</source>
        <translation>%1 自此对话以来已更改（内容不同）。</translation>
    </message>
    <message>
        <source>Page %1 of %2 now renders at %3 × %4 pixels, not the %5 × %6 it had.</source>
        <translation>%2 的第 %1 页现在渲染为 %3 × %4 像素，而不是原来的 %5 × %6。</translation>
    </message>
    <message>
        <source>The model is answering.</source>
        <translation>模型正在回答。</translation>
    </message>
    <message>
        <source>No documents are open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <source>Type a question.</source>
        <translation>请输入问题。</translation>
    </message>
    <message>
        <source>The checked pages differ from this conversation&apos;s: add them to it, or start a new conversation.</source>
        <translation>勾选的页面与此对话的页面不同：请把它们加入此对话，或开始新对话。</translation>
    </message>
    <message>
        <source>More than %1 pages are checked; the model takes at most %1.</source>
        <translation>勾选的页面超过 %1 页；模型最多接受 %1 页。</translation>
    </message>
    <message>
        <source>Page %1 of %2 is not open.</source>
        <translation>%2 的第 %1 页未打开。</translation>
    </message>
    <message>
        <source>None of this conversation&apos;s pages are open; check the pages to ask about.</source>
        <translation>此对话的页面均未打开；请勾选要提问的页面。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ConversationReopener</name>
    <message>
        <source>Document Not Found</source>
        <translation>找不到文档</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2. Where is it now?</source>
        <translation>“%1”已不在 %2。它现在在哪里？</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>定位…</translation>
    </message>
    <message>
        <source>Leave It Out</source>
        <translation>略过</translation>
    </message>
    <message>
        <source>Where is “%1”?</source>
        <translation>“%1”在哪里？</translation>
    </message>
    <message>
        <source>Another conversation is being opened.</source>
        <translation>正在打开另一个对话。</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before opening another conversation.</source>
        <translation>请等待回答完成（或停止回答）后再打开其他对话。</translation>
    </message>
    <message>
        <source>“%1” is no longer at %2: its pages are left out.</source>
        <translation>“%1”已不在 %2：其页面将被略过。</translation>
    </message>
    <message>
        <source>“%1” has changed since this conversation was saved: its answers are about the earlier version, and the next question starts afresh about the pages still found.</source>
        <translation>“%1”在此对话保存后已更改：其中的回答针对的是之前的版本，下一个问题将就仍能找到的页面重新开始。</translation>
    </message>
    <message>
        <source>“%1” is not the document this conversation was about (“%2”, its content differs): the next question starts afresh about the pages still found.</source>
        <translation>“%1”不是此对话所涉及的文档（“%2”，内容不同）：下一个问题将就仍能找到的页面重新开始。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::DocumentIndex</name>
    <message>
        <source>Reading the text of “%1”: page %2 of %3…</source>
        <translation>正在读取“%1”的文本：第 %2 页，共 %3 页…</translation>
    </message>
    <message numerus="yes">
        <source> (%n more document(s))</source>
        <translation>
            <numerusform>（另有 %n 个文档）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the text of “%1”: page %2 of %3 (OCR)…</source>
        <translation>正在读取“%1”的文本：第 %2 页，共 %3 页（OCR）…</translation>
    </message>
    <message>
        <source>Reading “%1”: %2</source>
        <translation>读取“%1”：%2</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ExportActions</name>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Answer…</source>
        <translation>导出回答(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>复制回答(&amp;C)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>There is no answer to export yet.</source>
        <translation>还没有可导出的回答。</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>已导出到“%1”</translation>
    </message>
    <message>
        <source>leopard-answer</source>
        <translation>leopard-回答</translation>
    </message>
    <message>
        <source>leopard-conversation</source>
        <translation>leopard-对话</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export Answer</source>
        <translation>导出回答</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>还没有可复制的回答。</translation>
    </message>
    <message>
        <source>Copied the answer with its page references</source>
        <translation>已复制回答及其页面引用</translation>
    </message>
    <message numerus="yes">
        <source>Copied the answer with its page references and %n cited passage(s)</source>
        <translation>
            <numerusform>已复制回答及其页面引用和 %n 处引用段落</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the questions, answers, settings and annotated pages (crop plans, evidence, and where the model looked when shown) as PDF, HTML or Markdown</source>
        <translation>将问题、回答、设置和带注释的页面(裁剪方案、依据,以及显示时的模型关注之处)保存为 PDF、HTML 或 Markdown</translation>
    </message>
    <message>
        <source>Save the last answer with its question, settings, cited passages and annotated pages</source>
        <translation>保存最后一个回答及其问题、设置、引用段落和带注释的页面</translation>
    </message>
    <message>
        <source>Copy the last answer with its question, page references and cited passages</source>
        <translation>复制最后一个回答及其问题、页面引用和引用段落</translation>
    </message>
</context>
<context>
    <name>leopard::ui::FindBar</name>
    <message>
        <source>%1 p. %2</source>
        <translation>%1 第 %2 页</translation>
    </message>
    <message>
        <source>Not found yet</source>
        <translation>尚未找到</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>第 %1 个,共超过 %2 个</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个,共 %2 个</translation>
    </message>
    <message numerus="yes">
        <source>still reading %n document(s)</source>
        <translation>
            <numerusform>仍在读取 %n 个文档</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in the open documents (case and accents ignored)</source>
        <translation>在打开的文档中查找(忽略大小写和重音)</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>要查找的文本</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>List every match with its page</source>
        <translation>列出每个匹配及其页码</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏 (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HeatView</name>
    <message>
        <source>Show &amp;Where the Model Looked</source>
        <translation>显示模型关注的位置(&amp;W)</translation>
    </message>
    <message>
        <source>Draw over the page how much the last answer about it attended to each part of it (each crop&apos;s 13 × 13 cells, averaged over the answer&apos;s tokens, heads and layers)</source>
        <translation>在页面上绘制关于该页的最后一个回答对页面各部分的关注程度(每个裁剪块的 13 × 13 单元,按回答的词元、注意力头和层取平均)</translation>
    </message>
</context>
<context>
    <name>leopard::ui::HistoryPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>打开选中的对话</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>删除选中的对话</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Delete the saved conversation “%1”? This cannot be undone.</source>
        <translation>删除已保存的对话“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Damaged file (cannot be opened) · %1
%2</source>
        <translation>文件已损坏（无法打开）· %1
%2</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>（无问题）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n turn(s)</source>
        <translation>
            <numerusform>%1 · %n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source> · interrupted</source>
        <translation> · 已中断</translation>
    </message>
    <message>
        <source> · shown</source>
        <translation> · 正在显示</translation>
    </message>
    <message>
        <source>Filter questions and answers</source>
        <translation>筛选问题和回答</translation>
    </message>
    <message>
        <source>Filter the saved conversations</source>
        <translation>筛选已保存的对话</translation>
    </message>
    <message>
        <source>Saved conversations, by document set</source>
        <translation>已保存的对话（按文档组）</translation>
    </message>
    <message>
        <source>Reading the saved conversations…</source>
        <translation>正在读取已保存的对话…</translation>
    </message>
    <message>
        <source>No saved conversations yet.</source>
        <translation>还没有已保存的对话。</translation>
    </message>
    <message>
        <source>No saved conversation matches “%1”.</source>
        <translation>没有与“%1”匹配的已保存对话。</translation>
    </message>
    <message>
        <source>Saved conversations by document set, newest first:</source>
        <translation>已保存的对话（按文档组，最新的在前）：</translation>
    </message>
    <message>
        <source>Damaged files</source>
        <translation>已损坏的文件</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>无文档</translation>
    </message>
    <message>
        <source> · open now</source>
        <translation> · 当前已打开</translation>
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
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open reports (PDF), slide decks or page images</source>
        <translation>打开报告（PDF）、幻灯片或页面图像</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>关闭文档(&amp;C)</translation>
    </message>
    <message>
        <source>Close the document of the page shown</source>
        <translation>关闭当前显示页面所在的文档</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;Crop Overlay</source>
        <translation>显示裁剪网格(&amp;C)</translation>
    </message>
    <message>
        <source>Draw the 364 × 364 crops the model will receive over checked pages</source>
        <translation>在勾选的页面上绘制模型将接收的 364 × 364 裁剪块</translation>
    </message>
    <message>
        <source>&amp;Check Page Shown</source>
        <translation>勾选当前页面(&amp;C)</translation>
    </message>
    <message>
        <source>Check &amp;All Pages</source>
        <translation>勾选所有页面(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncheck All Pages</source>
        <translation>取消勾选所有页面(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Leopard Desk</source>
        <translation>关于 Leopard Desk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Crop Plan</source>
        <translation>裁剪方案</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Opening documents</source>
        <translation>正在打开文档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>取消打开</translation>
    </message>
    <message>
        <source>Stop opening the documents still loading (e.g. a slow slide deck conversion)</source>
        <translation>停止打开仍在加载的文档（例如较慢的幻灯片转换）</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message numerus="yes">
        <source>Opened “%1” (%n page(s))</source>
        <translation>
            <numerusform>已打开“%1”（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>“%1” is already open</source>
        <translation>“%1”已经打开</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <source>File Not Found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation>无法打开 %1：文件不存在。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Unsupported File</source>
        <translation>不支持的文件</translation>
    </message>
    <message>
        <source>Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).</source>
        <translation>Leopard Desk 无法打开 %1。它可以打开 PDF 报告、幻灯片和页面图像（%2）。</translation>
    </message>
    <message>
        <source>Open Documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>The password for “%1” was wrong. Try again:</source>
        <translation>“%1”的密码错误。请重试：</translation>
    </message>
    <message>
        <source>“%1” is protected. Password:</source>
        <translation>“%1”受密码保护。密码：</translation>
    </message>
    <message>
        <source>“%1” was not opened</source>
        <translation>未打开“%1”</translation>
    </message>
    <message>
        <source>Closed “%1”</source>
        <translation>已关闭“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation>
            <numerusform>已从“最近打开”中移除，因为文件已不存在：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>“%1” no longer exists and was removed from Open Recent.</source>
        <translation>“%1”已不存在，已从“最近打开”中移除。</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>没有最近的文档</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Only local files can be opened; not %1.</source>
        <translation>只能打开本地文件，无法打开 %1。</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 页，共 %3 页</translation>
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
            <numerusform>正在打开 %n 个文档…</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Switch to the new language now? Menus and panels change at once; otherwise the language changes the next time Leopard Desk starts.</source>
        <translation>现在切换到新语言吗？菜单和面板会立即切换；否则将在下次启动 Leopard Desk 时更改语言。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Read reports, slide decks and page images with the Leopard vision-language model, and see how it cuts every page into 364 × 364 crops.&lt;/p&gt;&lt;p&gt;Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”, TMLR 2025).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;使用 Leopard 视觉语言模型阅读报告、幻灯片和页面图像，并查看它如何将每一页切成 364 × 364 的裁剪块。&lt;/p&gt;&lt;p&gt;模型：Leopard（Jia 等，“Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”，TMLR 2025）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Model directory: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;模型目录：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leopard Desk</source>
        <translation>关于 Leopard Desk</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Page</source>
        <translation>上一页(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation>提问(&amp;A)</translation>
    </message>
    <message>
        <source>Show the Ask panel and put the cursor in the question field</source>
        <translation>显示“提问”面板并将光标放入问题输入框</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Report</source>
        <translation>打开示例报告(&amp;S)</translation>
    </message>
    <message>
        <source>Open the report that comes with Leopard Desk, to try it out</source>
        <translation>打开 Leopard Desk 自带的报告来试用</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>提问(&amp;A)</translation>
    </message>
    <message>
        <source>Opening status</source>
        <translation>打开状态</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>当前页面</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>没有打开的文档</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelHost</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>No model directory is set.</source>
        <translation>未设置模型目录。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ModelSettingsWidget</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Not set: the demo model (random weights)</source>
        <translation>未设置：使用演示模型（随机权重）</translation>
    </message>
    <message>
        <source>The folder of the wyu1/Leopard-LLaVA snapshot: config.json, the two pytorch_model-*.bin shards, pytorch_model.bin.index.json and the tokenizer files. --model DIR and LEOPARD_MODEL_DIR take precedence over this.</source>
        <translation>wyu1/Leopard-LLaVA 快照所在的文件夹：config.json、两个 pytorch_model-*.bin 分片、pytorch_model.bin.index.json 以及分词器文件。--model DIR 和 LEOPARD_MODEL_DIR 优先于此设置。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Leopard-LLaVA Checkpoint Folder</source>
        <translation>Leopard-LLaVA 检查点文件夹</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>Checkpoint &amp;folder:</source>
        <translation>检查点文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Data &amp;type:</source>
        <translation>数据类型(&amp;T)：</translation>
    </message>
    <message>
        <source>libtorch %1 · CUDA %2 · native bf16 on this CPU: %3</source>
        <translation>libtorch %1 · CUDA %2 · 此 CPU 原生支持 bf16：%3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Full precision (the data type above)</source>
        <translation>全精度（上面的数据类型）</translation>
    </message>
    <message>
        <source>int8 (about half the memory of bf16)</source>
        <translation>int8（约为 bf16 一半的内存）</translation>
    </message>
    <message>
        <source>&amp;Weights:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>Automatic (full precision where it fits in memory, else int8, else int4)</source>
        <translation>自动（内存足够时使用全精度，否则 int8，再否则 int4）</translation>
    </message>
    <message>
        <source>int4 (about a third of the memory of bf16)</source>
        <translation>int4（约为 bf16 三分之一的内存）</translation>
    </message>
    <message>
        <source>int8 keeps the language model&apos;s weight matrices as 8-bit integers with one scale per row (the 8B model: about 9.5 GB instead of 17 GB); int4 as 4-bit codes with a scale and an offset per group of 32 weights (about 6.7 GB). Answers stay close to full precision but not identical. The vision tower stays in the data type above.</source>
        <translation>int8 将语言模型的权重矩阵保存为每行带一个缩放因子的 8 位整数（8B 模型约 9.5 GB，而不是 17 GB）；int4 保存为 4 位编码，每 32 个权重一组，带缩放因子和偏移量（约 6.7 GB）。回答接近全精度，但并不完全相同。视觉部分保持上面的数据类型。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::OcrLanguagesWidget</name>
    <message>
        <source>The languages Tesseract reads pages without a text layer in (scans, page images). Documents already read keep their text.</source>
        <translation>Tesseract 识别无文本层页面(扫描件、页面图像)时使用的语言。已读取的文档保留其文本。</translation>
    </message>
    <message>
        <source>Automatic: the language of Leopard Desk and English</source>
        <translation>自动:Leopard Desk 的界面语言和英语</translation>
    </message>
    <message>
        <source>Pick at least one language, or scanned pages stay unread.</source>
        <translation>请至少选择一种语言,否则扫描页面将无法读取。</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripDelegate</name>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>已勾选 %1</translation>
    </message>
    <message>
        <source>Cannot render</source>
        <translation>无法渲染</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 checked</source>
        <translation>已勾选 %1/%2</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation>%1，第 %2 页，共 %3 页</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s), %2 checked</source>
        <translation>
            <numerusform>%1：%n 页，已勾选 %2 页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripView</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Thumbnails of every page of the open documents. Check the pages to ask about.</source>
        <translation>已打开文档所有页面的缩略图。勾选要提问的页面。</translation>
    </message>
    <message>
        <source>Uncheck page %1</source>
        <translation>取消勾选第 %1 页</translation>
    </message>
    <message>
        <source>Check page %1</source>
        <translation>勾选第 %1 页</translation>
    </message>
    <message>
        <source>Check only this page</source>
        <translation>只勾选此页</translation>
    </message>
    <message>
        <source>Check all pages of “%1”</source>
        <translation>勾选“%1”的所有页面</translation>
    </message>
    <message>
        <source>Uncheck all pages of “%1”</source>
        <translation>取消勾选“%1”的所有页面</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>关闭“%1”</translation>
    </message>
    <message>
        <source>Compare: Put in Left Slot</source>
        <translation>比较：放入左侧栏位</translation>
    </message>
    <message>
        <source>Compare: Put in Right Slot</source>
        <translation>比较：放入右侧栏位</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageView</name>
    <message>
        <source>Page view</source>
        <translation>页面视图</translation>
    </message>
    <message>
        <source>Open a report, slide deck or page image
(File ▸ Open…, Ctrl+O, or drop files here)</source>
        <translation>打开报告、幻灯片或页面图像
（文件 ▸ 打开…、Ctrl+O，或把文件拖放到这里）</translation>
    </message>
    <message>
        <source>This page could not be rendered.</source>
        <translation>无法渲染此页面。</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message numerus="yes">
        <source>%n crop(s) (%1 × %2 grid) + global view</source>
        <translation>
            <numerusform>%n 个裁剪块（%1 × %2 网格）+ 全局视图</numerusform>
        </translation>
    </message>
    <message>
        <source>Global view only (no crops)</source>
        <translation>仅全局视图（无裁剪块）</translation>
    </message>
    <message>
        <source>Page not checked: check it in the page strip to see its crops</source>
        <translation>页面未勾选：在页面栏中勾选它即可查看其裁剪块</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>没有打开的文档</translation>
    </message>
    <message>
        <source>Where the model looked: less → more</source>
        <translation>模型关注:少 → 多</translation>
    </message>
</context>
<context>
    <name>leopard::ui::PlanPanel</name>
    <message>
        <source>Crop plan</source>
        <translation>裁剪方案</translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation>方案合计</translation>
    </message>
    <message>
        <source>Model images used</source>
        <translation>已用模型图像</translation>
    </message>
    <message>
        <source>Crop budget</source>
        <translation>裁剪预算</translation>
    </message>
    <message>
        <source>Plan warning</source>
        <translation>方案警告</translation>
    </message>
    <message>
        <source>Model input per checked page</source>
        <translation>每个勾选页面的模型输入</translation>
    </message>
    <message>
        <source>Check pages in the page strip to see how the model will read them.</source>
        <translation>在页面栏中勾选页面，即可查看模型将如何读取它们。</translation>
    </message>
    <message>
        <source>1 image (global view only) · %1 tokens</source>
        <translation>1 张图像（仅全局视图）· %1 个 token</translation>
    </message>
    <message numerus="yes">
        <source>%1 images (global + %n tile(s)) · %2 tokens</source>
        <translation>
            <numerusform>%1 张图像（全局 + %n 个图块）· %2 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 tokens</source>
        <translation>%1 / %2 张图像 · %3 个 token</translation>
    </message>
    <message>
        <source>No pages checked.</source>
        <translation>未勾选任何页面。</translation>
    </message>
    <message>
        <source>%1 pages checked, %2 allowed.</source>
        <translation>已勾选 %1 页，最多允许 %2 页。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) checked</source>
        <translation>
            <numerusform>已勾选 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>crop budget %1 − %2 = %3</source>
        <translation>裁剪预算 %1 − %2 = %3</translation>
    </message>
    <message>
        <source>The pages want %1 crops; scaled down to %2 to fit the budget.</source>
        <translation>这些页面需要 %1 个裁剪块；已按比例缩减到 %2 个以符合预算。</translation>
    </message>
    <message>
        <source>No budget left for crops: each page is sent as one global view.</source>
        <translation>没有剩余的裁剪预算：每页只作为一张全局视图发送。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;页面过多：已勾选 %1 页。&lt;/b&gt;模型最多接受 %2 张图像，因此不会发送任何内容。请取消勾选 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation>%1 · 第 %2 页</translation>
    </message>
    <message>
        <source>Analysis image %1 × %2 px</source>
        <translation>分析图像 %1 × %2 px</translation>
    </message>
    <message>
        <source>Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)</source>
        <translation>%1 × %2 网格，画布 %3 × %4（页面缩放为 %5 × %6）</translation>
    </message>
    <message>
        <source>Wanted %1 crops, granted %2</source>
        <translation>需要 %1 个裁剪块，分配 %2 个</translation>
    </message>
    <message>
        <source>How the model will cut the checked pages into crops, and the images and tokens they use</source>
        <translation>模型将如何把勾选的页面切成裁剪块，以及它们使用的图像和 token 数</translation>
    </message>
</context>
<context>
    <name>leopard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The language of menus, panels and messages. “System default” follows the language of your desktop session.</source>
        <translation>菜单、面板和消息使用的语言。“系统默认”跟随桌面会话的语言。</translation>
    </message>
    <message>
        <source>Analysis resolution in dots per inch</source>
        <translation>分析分辨率（每英寸点数）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Default (%1 dpi)</source>
        <translation>默认（%1 dpi）</translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model (what it reads); the screen view is separate. The crop plan follows from it.</source>
        <translation>PDF 页面和幻灯片页面以此分辨率为模型渲染（即模型读取的内容）；屏幕显示与此无关。裁剪方案由此得出。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Analysis resolution:</source>
        <translation>分析分辨率(&amp;A)：</translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page at 364 × 364 (1 model image = %3 tokens).</source>
        <translation>一张 US Letter 页面变为 %1 × %2 px：没有裁剪块，模型只以 364 × 364 看到整页（1 张模型图像 = %3 个 token）。</translation>
    </message>
    <message numerus="yes">
        <source>A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, %5 model images = %6 tokens.</source>
        <translation>
            <numerusform>一张 US Letter 页面变为 %1 × %2 px：%3 × %4 网格上的 %n 个裁剪块，%5 张模型图像 = %6 个 token。</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model</source>
        <translation>PDF 页面和幻灯片页面以此分辨率为模型渲染</translation>
    </message>
    <message>
        <source>Reset the analysis resolution to %1 dpi</source>
        <translation>将分析分辨率重置为 %1 dpi</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark palette, or always use one of them</source>
        <translation>跟随桌面的浅色或深色配色，或始终使用其中一种</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>外观(&amp;P)：</translation>
    </message>
    <message>
        <source>Text &amp;recognition:</source>
        <translation>文字识别(&amp;R):</translation>
    </message>
</context>
<context>
    <name>leopard::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search actions or keys</source>
        <translation>搜索操作或按键</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>搜索快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every action with its keyboard shortcut, grouped by menu</source>
        <translation>所有操作及其键盘快捷键，按菜单分组</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
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
        <translation>无法在 %1 上监听：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read reports, slide decks and page images with the Leopard vision-language model.</source>
        <translation>使用 Leopard 视觉语言模型阅读报告、幻灯片和页面图像。</translation>
    </message>
    <message>
        <source>Leopard checkpoint directory (Hugging Face layout).</source>
        <translation>Leopard 检查点目录（Hugging Face 布局）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>PDFs, slide decks or images to open.</source>
        <translation>要打开的 PDF、幻灯片或图像。</translation>
    </message>
    <message>
        <source>Start a separate window with its own model instead of handing the files to the Leopard Desk already running.</source>
        <translation>启动一个带有独立模型的单独窗口，而不是把文件交给已在运行的 Leopard Desk。</translation>
    </message>
    <message>
        <source>Colours for this run: system, light or dark (default: Settings ▸ Preferences).</source>
        <translation>本次运行的配色：system、light 或 dark（默认：设置 ▸ 首选项）。</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <translation>配色</translation>
    </message>
</context>
</TS>
