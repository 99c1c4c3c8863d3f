<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>leopard::ui::ChatPanel</name>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s).</source>
        <translation>
            <numerusform>Follow-up about the same page.</numerusform>
            <numerusform>Follow-up about the same %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New question about %n checked page(s) (%1 model images, plan on the right).</source>
        <translation>
            <numerusform>New question about %n checked page (%1 model images, plan on the right).</numerusform>
            <numerusform>New question about %n checked pages (%1 model images, plan on the right).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s) to this conversation</source>
        <translation>
            <numerusform>Add %n page to this conversation</numerusform>
            <numerusform>Add %n pages to this conversation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checked pages differ from this conversation&apos;s %n page(s): add the new ones to it, or start a new conversation.</source>
        <translation>
            <numerusform>The checked pages differ from this conversation&apos;s page: add the new ones to it, or start a new conversation.</numerusform>
            <numerusform>The checked pages differ from this conversation&apos;s %n pages: add the new ones to it, or start a new conversation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n page(s)</source>
        <translation>
            <numerusform>Add %n page</numerusform>
            <numerusform>Add %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Follow-up about the same %n page(s); the model first re-reads this saved conversation.</source>
        <translation>
            <numerusform>Follow-up about the same page; the model first re-reads this saved conversation.</numerusform>
            <numerusform>Follow-up about the same %n pages; the model first re-reads this saved conversation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).</source>
        <translation>
            <numerusform>Next question about the same page; the model starts afresh (it cannot continue this conversation).</numerusform>
            <numerusform>Next question about the same %n pages; the model starts afresh (it cannot continue this conversation).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).</source>
        <translation>
            <numerusform>No page is checked: Leopard picks the page that best matches the question (or check pages in the strip).</numerusform>
            <numerusform>No page is checked: Leopard picks the %n pages that best match the question (or check pages in the strip).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).</source>
        <translation>
            <numerusform>Leopard picks the page that best matches the question instead of the checked ones (Options).</numerusform>
            <numerusform>Leopard picks the %n pages that best match the question instead of the checked ones (Options).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all evidence (%n)</source>
        <translation>
            <numerusform>Show all evidence (%n)</numerusform>
            <numerusform>Show all evidence (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::CompareView</name>
    <message numerus="yes">
        <source>only two pages can be compared; the other %n dropped page(s) were left out.</source>
        <translation>
            <numerusform>only two pages can be compared; the other dropped page was left out.</numerusform>
            <numerusform>only two pages can be compared; the other %n dropped pages were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::DocumentIndex</name>
    <message numerus="yes">
        <source> (%n more document(s))</source>
        <translation>
            <numerusform> (%n more document)</numerusform>
            <numerusform> (%n more documents)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::ExportActions</name>
    <message numerus="yes">
        <source>Copied the answer with its page references and %n cited passage(s)</source>
        <translation>
            <numerusform>Copied the answer with its page references and %n cited passage</numerusform>
            <numerusform>Copied the answer with its page references and %n cited passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::FindBar</name>
    <message numerus="yes">
        <source>still reading %n document(s)</source>
        <translation>
            <numerusform>still reading %n document</numerusform>
            <numerusform>still reading %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::HistoryPanel</name>
    <message numerus="yes">
        <source>%1 · %n turn(s)</source>
        <translation>
            <numerusform>%1 · %n turn</numerusform>
            <numerusform>%1 · %n turns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::MainWindow</name>
    <message numerus="yes">
        <source>Opened “%1” (%n page(s))</source>
        <translation>
            <numerusform>Opened “%1” (%n page)</numerusform>
            <numerusform>Opened “%1” (%n pages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation>
            <numerusform>Removed from Open Recent because it no longer exists: %1</numerusform>
            <numerusform>Removed from Open Recent because they no longer exist: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening %n document(s)…</source>
        <translation>
            <numerusform>Opening %n document…</numerusform>
            <numerusform>Opening %n documents…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripDelegate</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageStripModel</name>
    <message numerus="yes">
        <source>%1: %n page(s), %2 checked</source>
        <translation>
            <numerusform>%1: %n page, %2 checked</numerusform>
            <numerusform>%1: %n pages, %2 checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::PageView</name>
    <message numerus="yes">
        <source>%n crop(s) (%1 × %2 grid) + global view</source>
        <translation>
            <numerusform>%n crop (%1 × %2 grid) + global view</numerusform>
            <numerusform>%n crops (%1 × %2 grid) + global view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::PlanPanel</name>
    <message numerus="yes">
        <source>%1 images (global + %n tile(s)) · %2 tokens</source>
        <translation>
            <numerusform>%1 images (global + %n tile) · %2 tokens</numerusform>
            <numerusform>%1 images (global + %n tiles) · %2 tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) checked</source>
        <translation>
            <numerusform>%n page checked</numerusform>
            <numerusform>%n pages checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n page.</numerusform>
            <numerusform>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leopard::ui::SettingsDialog</name>
    <message numerus="yes">
        <source>A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, %5 model images = %6 tokens.</source>
        <translation>
            <numerusform>A US Letter page becomes %1 × %2 px: %n crop on a %3 × %4 grid, %5 model images = %6 tokens.</numerusform>
            <numerusform>A US Letter page becomes %1 × %2 px: %n crops on a %3 × %4 grid, %5 model images = %6 tokens.</numerusform>
        </translation>
    </message>
</context>
</TS>
