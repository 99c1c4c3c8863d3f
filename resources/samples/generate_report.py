#!/usr/bin/env python3
"""Writes resources/samples/sample-report.pdf: a small analyst-style report made by this project.

Command (run from the repository root; needs LibreOffice Writer, `apt install libreoffice-writer`):
    /usr/bin/python3 resources/samples/generate_report.py

How: builds a flat OpenDocument text file (.fodt) by hand, then lets LibreOffice export it:
    soffice --headless --convert-to pdf --outdir <tmp> sample-report.fodt
Result: 5 US Letter pages (612 x 792 pt), headings, paragraphs, a table, a bar chart made of shapes,
"Page N of 5" footers, fonts embedded, a real text layer. Every section starts on a new page, so the
page count and the strings on each page are fixed; they are written to sample-report.expected.json
for the viewer tests (independent of the viewer's own code).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PDF = os.path.join(HERE, "sample-report.pdf")
OUT_JSON = os.path.join(HERE, "sample-report.expected.json")

TITLE = "Harbor Freight Corridor Review, Q3 2026"
SUBTITLE = "Quarterly market brief prepared by the Leopard Desk sample generator (fictional data)"

# Fictional numbers; the table and the chart are drawn from the same list.
REGIONS = [
    # region, Q2 volume (kTEU), Q3 volume (kTEU), on-time %, avg dwell (days)
    ("North Atlantic", 412, 448, 91.2, 3.4),
    ("Gulf Coast", 288, 301, 87.5, 4.1),
    ("Pacific Northwest", 356, 339, 89.8, 3.9),
    ("Southern California", 624, 671, 84.3, 5.2),
    ("Great Lakes", 97, 112, 93.6, 2.8),
]

PAGES = [
    {
        "heading": "1. Executive summary",
        "paras": [
            "Container volume through the five corridors we track rose 6.1 percent quarter on quarter, "
            "reaching 1,871 thousand TEU. The increase was concentrated in Southern California and the "
            "North Atlantic, where new weekly services started in July.",
            "Reliability moved the other way. The share of vessels arriving within one day of schedule "
            "fell in three of five corridors, and average container dwell time at the terminals rose to "
            "4.2 days. We expect dwell to ease in the fourth quarter as two new gate systems come online.",
        ],
        "bullets": [
            "Volume up 6.1 percent; Great Lakes grew fastest at 15.5 percent.",
            "On-time arrivals down 1.8 points on average.",
            "Dwell time above four days for the first time since 2024.",
            "Outlook: moderate growth, with rail capacity as the main constraint.",
        ],
        "expect": ["Executive summary", "6.1 percent", "Great Lakes grew fastest"],
    },
    {
        "heading": "2. Market overview",
        "paras": [
            "Demand for imported consumer goods recovered through the summer, helped by lower inventory "
            "levels at large retailers. Export volume was flat: agricultural shipments from the Gulf Coast "
            "were offset by weaker machinery exports through the Pacific Northwest.",
            "Spot freight rates on the main transpacific lane averaged 2,140 dollars per forty-foot "
            "container, 9 percent below the second quarter. Contract rates were broadly unchanged, which "
            "narrowed the gap between spot and contract pricing to its smallest level in two years.",
            "Terminal operators added 38 cranes across the tracked ports during the quarter. Most of the "
            "new equipment went to Southern California, where berth utilisation exceeded 80 percent for "
            "nine of the thirteen weeks.",
            "Inland, rail interchange remained the bottleneck. Intermodal transit times from the coast to "
            "Chicago lengthened by half a day on average, and chassis availability was tight in August.",
        ],
        "bullets": [],
        "expect": ["Market overview", "transpacific lane", "rail interchange"],
    },
    {
        "heading": "3. Corridor volumes",
        "paras": [
            "Table 1 lists container volume by corridor for the second and third quarters, together with "
            "schedule reliability and average terminal dwell time in the third quarter.",
        ],
        "table": True,
        "paras_after": [
            "Southern California remains the largest corridor by a wide margin but also the slowest: "
            "containers there waited 5.2 days on average. The Great Lakes corridor is small but the most "
            "reliable, with 93.6 percent of arrivals on time.",
        ],
        "bullets": [],
        "expect": ["Corridor volumes", "Table 1", "Southern California", "93.6"],
    },
    {
        "heading": "4. Volume by corridor",
        "paras": [
            "Figure 1 compares third-quarter volume across the corridors. Bar heights are in thousand TEU.",
        ],
        "chart": True,
        "paras_after": [
            "The two largest corridors together handled 60 percent of all containers in the quarter.",
        ],
        "bullets": [],
        "expect": ["Volume by corridor", "Figure 1", "thousand TEU"],
    },
    {
        "heading": "5. Outlook and method",
        "paras": [
            "We forecast fourth-quarter volume between 1,900 and 1,960 thousand TEU. The main upside risk "
            "is an early restocking cycle ahead of the spring; the main downside risk is a labour dispute "
            "at inland rail yards.",
            "Method. Volumes are summed from monthly terminal reports. A vessel counts as on time when it "
            "berths within 24 hours of its published schedule. Dwell time is measured from discharge to "
            "gate-out for import containers. All figures in this document are invented for software "
            "testing and describe no real port.",
        ],
        "bullets": [
            "Next review: January 2027.",
            "Contact: research desk, extension 4410.",
        ],
        "expect": ["Outlook and method", "restocking cycle", "invented for software"],
    },
]

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="10.5pt" fo:language="en" fo:country="US"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0in" fo:margin-bottom="0.1in" fo:line-height="135%" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.06in"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="20pt" fo:font-weight="bold" fo:color="#1d3557"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3in" fo:border-bottom="1.5pt solid #1d3557" fo:padding-bottom="0.08in"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:font-style="italic" fo:color="#4a4a4a"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.1in" fo:margin-bottom="0.14in" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="15pt" fo:font-weight="bold" fo:color="#1d3557"/>
 </style:style>
 <style:style style:name="Bullet" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.3in" fo:text-indent="-0.18in" fo:margin-bottom="0.05in"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.06in" fo:margin-bottom="0.16in" fo:text-align="center"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="CellLeft" style:family="paragraph">
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt" fo:font-weight="bold" fo:color="#ffffff"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="8.5pt" fo:color="#555555"/>
 </style:style>
 <style:style style:name="ChartLabel" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" style:print-orientation="portrait"
     fo:margin-top="0.9in" fo:margin-bottom="0.5in" fo:margin-left="1in" fo:margin-right="1in"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-top="0.2in"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="HeadingBreak" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="6.5in" table:align="margins" fo:margin-bottom="0.05in"/>
 </style:style>
 <style:style style:name="TblColA" style:family="table-column"><style:table-column-properties style:column-width="2.1in"/></style:style>
 <style:style style:name="TblColB" style:family="table-column"><style:table-column-properties style:column-width="1.1in"/></style:style>
 <style:style style:name="TblHead" style:family="table-cell">
  <style:table-cell-properties fo:background-color="#1d3557" fo:padding="0.05in" fo:border="0.5pt solid #1d3557"/>
 </style:style>
 <style:style style:name="TblCell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05in" fo:border="0.5pt solid #9aa5b1"/>
 </style:style>
 <style:style style:name="TblCellAlt" style:family="table-cell">
  <style:table-cell-properties fo:background-color="#eef2f6" fo:padding="0.05in" fo:border="0.5pt solid #9aa5b1"/>
 </style:style>
 <style:style style:name="grBar" style:family="graphic">
  <style:graphic-properties draw:fill="solid" draw:fill-color="#457b9d" draw:stroke="none" style:wrap="none" style:run-through="foreground"
     draw:textarea-vertical-align="top" draw:textarea-horizontal-align="center" draw:auto-grow-height="false"/>
 </style:style>
 <style:style style:name="grAxis" style:family="graphic">
  <style:graphic-properties draw:stroke="solid" svg:stroke-color="#333333" svg:stroke-width="0.02in" draw:fill="none" style:wrap="none" style:run-through="foreground"/>
 </style:style>
 <style:style style:name="grLabel" style:family="graphic">
  <style:graphic-properties draw:fill="none" draw:stroke="none" style:wrap="none" style:run-through="foreground"
     draw:textarea-vertical-align="middle" draw:textarea-horizontal-align="center" draw:auto-grow-height="false" draw:auto-grow-width="false"
     fo:padding-top="0in" fo:padding-bottom="0in" fo:padding-left="0in" fo:padding-right="0in"/>
 </style:style>
 <style:style style:name="ChartHolder" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0in"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">Harbor Freight Corridor Review · Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>5</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""


def p(style, text):
    return '<text:p text:style-name="%s">%s</text:p>\n' % (style, escape(text))


def table_xml():
    head = ["Corridor", "Q2 volume (kTEU)", "Q3 volume (kTEU)", "On time (%)", "Dwell (days)"]
    rows = ['<table:table table:name="Table1" table:style-name="Tbl">',
            '<table:table-column table:style-name="TblColA"/>',
            '<table:table-column table:style-name="TblColB" table:number-columns-repeated="4"/>',
            "<table:table-header-rows><table:table-row>"]
    for h in head:
        rows.append('<table:table-cell table:style-name="TblHead" office:value-type="string">%s</table:table-cell>'
                    % p("CellHead", h))
    rows.append("</table:table-row></table:table-header-rows>")
    total2 = total3 = 0
    for i, (name, q2, q3, ontime, dwell) in enumerate(REGIONS):
        cs = "TblCellAlt" if i % 2 else "TblCell"
        total2 += q2
        total3 += q3
        rows.append("<table:table-row>")
        rows.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>' % (cs, p("CellLeft", name)))
        for v in ("%d" % q2, "%d" % q3, "%.1f" % ontime, "%.1f" % dwell):
            rows.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>' % (cs, p("Cell", v)))
        rows.append("</table:table-row>")
    rows.append("<table:table-row>")
    rows.append('<table:table-cell table:style-name="TblCell" office:value-type="string">%s</table:table-cell>' % p("CellLeft", "All corridors"))
    for v in ("%d" % total2, "%d" % total3, "", ""):
        rows.append('<table:table-cell table:style-name="TblCell" office:value-type="string">%s</table:table-cell>' % p("Cell", v))
    rows.append("</table:table-row></table:table>")
    return "\n".join(rows) + "\n" + p("Caption", "Table 1. Container volume and service quality by corridor.")


def chart_xml():
    """A bar chart made of drawing shapes grouped in one object anchored to a paragraph."""
    width, height = 6.0, 3.4          # inches, the whole group
    left, bottom, top = 0.5, 2.9, 0.25  # plot area inside the group
    vmax = 700.0
    n = len(REGIONS)
    slot = (width - left) / n
    bar = slot * 0.55
    shapes = []
    for i, (name, _q2, q3, _o, _d) in enumerate(REGIONS):
        h = (bottom - top) * q3 / vmax
        x = left + i * slot + (slot - bar) / 2
        shapes.append('<draw:rect draw:style-name="grBar" svg:x="%.3fin" svg:y="%.3fin" svg:width="%.3fin" svg:height="%.3fin"/>'
                      % (x, bottom - h, bar, h))
        shapes.append('<draw:rect draw:style-name="grLabel" svg:x="%.3fin" svg:y="%.3fin" svg:width="%.3fin" svg:height="0.2in">%s</draw:rect>'
                      % (x - 0.2, bottom - h - 0.22, bar + 0.4, p("ChartLabel", "%d" % q3)))
        shapes.append('<draw:rect draw:style-name="grLabel" svg:x="%.3fin" svg:y="%.3fin" svg:width="%.3fin" svg:height="0.4in">%s</draw:rect>'
                      % (left + i * slot, bottom + 0.05, slot,
                         "".join(p("ChartLabel", w) for w in name.split(" ", 1))))  # two lines: names are wider than a bar slot
    for v in (0, 200, 400, 600):
        y = bottom - (bottom - top) * v / vmax
        shapes.append('<draw:rect draw:style-name="grLabel" svg:x="0in" svg:y="%.3fin" svg:width="0.42in" svg:height="0.2in">%s</draw:rect>'
                      % (y - 0.1, p("ChartLabel", str(v))))
    shapes.append('<draw:line draw:style-name="grAxis" svg:x1="%.3fin" svg:y1="%.3fin" svg:x2="%.3fin" svg:y2="%.3fin"/>' % (left, top, left, bottom))
    shapes.append('<draw:line draw:style-name="grAxis" svg:x1="%.3fin" svg:y1="%.3fin" svg:x2="%.3fin" svg:y2="%.3fin"/>' % (left, bottom, width, bottom))
    group = ('<draw:g draw:style-name="grAxis" text:anchor-type="paragraph" svg:y="0in">%s</draw:g>'
             % "".join(shapes))
    return ('<text:p text:style-name="ChartHolder">%s</text:p>\n' % group
            + p("Caption", "Figure 1. Third-quarter container volume by corridor (thousand TEU)."))


def body_xml():
    out = [p("Title", TITLE), p("Subtitle", SUBTITLE)]
    for i, page in enumerate(PAGES):
        style = "HeadingBreak" if i else "Heading_20_1"
        out.append('<text:h text:style-name="%s" text:outline-level="1">%s</text:h>\n' % (style, escape(page["heading"])))
        for t in page["paras"]:
            out.append(p("Standard", t))
        if page.get("table"):
            out.append(table_xml())
        if page.get("chart"):
            out.append(chart_xml())
        for t in page.get("paras_after", []):
            out.append(p("Standard", t))
        for t in page["bullets"]:
            out.append(p("Bullet", "\u2022\u00a0\u00a0" + t))
    return "".join(out)


def fodt():
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n'
            '<office:meta><dc:title>%s</dc:title></office:meta>\n%s'
            '<office:body><office:text>\n%s</office:text></office:body></office:document>\n'
            % (NS, escape(TITLE), STYLES, body_xml()))


def convert(src, fmt, outdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice not found: sudo apt install libreoffice-writer libreoffice-impress")
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless",
                        "--convert-to", fmt, "--outdir", outdir, src], check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    tmp = tempfile.mkdtemp(prefix="leopard-report-")
    try:
        src = os.path.join(tmp, "sample-report.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt())
        convert(src, "pdf", tmp)
        shutil.copyfile(os.path.join(tmp, "sample-report.pdf"), OUT_PDF)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    expected = {
        "file": "sample-report.pdf",
        "pages": len(PAGES),
        "pageSizePoints": [612, 792],
        "title": TITLE,
        "pageStrings": [pg["expect"] + ["Page %d of %d" % (i + 1, len(PAGES))] for i, pg in enumerate(PAGES)],
    }
    with open(OUT_JSON, "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print("wrote", OUT_PDF, os.path.getsize(OUT_PDF), "bytes")


if __name__ == "__main__":
    main()
