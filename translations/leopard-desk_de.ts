<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppSettings</name>
    <message>
        <source>&lt;p&gt;The resolution at which PDF and slide pages are rendered for the model (image files are sent at their own size). The crop plan follows from it.&lt;/p&gt;&lt;p&gt;Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images = 13 × 169 = 2197 tokens.&lt;/p&gt;&lt;p&gt;Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on fewer pages (216 dpi: 35 crops per Letter page).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Leopard Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open reports (PDF), slide decks or page images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the document of the page shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Crop Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the 364 × 364 crops the model will receive over checked pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Page Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;All Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uncheck All Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Leopard Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop opening the documents still loading (e.g. a slow slide deck conversion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “%1” (1 page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “%1” (%2 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File Not Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for “%1” was wrong. Try again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is protected. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from Open Recent because they no longer exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” no longer exists and was removed from Open Recent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only local files can be opened; not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Leopard Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening 1 document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leopard Desk %1&lt;/h3&gt;&lt;p&gt;Read reports, slide decks and page images with the Leopard vision-language model, and see how it cuts every page into 364 × 364 crops.&lt;/p&gt;&lt;p&gt;Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image Tasks”, TMLR 2025).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Model directory: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Leopard Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageStripDelegate</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot render</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 pages, %3 checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageStripView</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnails of every page of the open documents. Check the pages to ask about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check all pages of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck all pages of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a report, slide deck or page image
(File ▸ Open…, Ctrl+O, or drop files here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 crops (%2 × %3 grid) + global view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global view only (no crops)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page not checked: check it in the page strip to see its crops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Crop plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model images used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model input per checked page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check pages in the page strip to see how the model will read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 image (global view only) · %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images (global + %2 tiles) · %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images · %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages checked, %2 allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crop budget %1 − %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pages want %1 crops; scaled down to %2 to fit the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budget left for crops: each page is sent as one global view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Too many pages: %1 checked.&lt;/b&gt; The model takes at most %2 images, so nothing will be sent. Uncheck %3 page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis image %1 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanted %1 crops, granted %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis resolution in dots per inch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF and slide pages are rendered at this resolution for the model (what it reads); the screen view is separate. The crop plan follows from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page at 364 × 364 (1 model image = %3 tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A US Letter page becomes %1 × %2 px: %3 crops on a %4 × %5 grid, %6 model images = %7 tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read reports, slide decks and page images with the Leopard vision-language model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leopard checkpoint directory (Hugging Face layout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDFs, slide decks or images to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
