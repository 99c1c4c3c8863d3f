#!/usr/bin/env python3
"""Test PDFs for the page index, written byte by byte (stdlib only: no reportlab here).

  make_test_pdfs.py garbage OUT.pdf MANIFEST.json
      Three Letter pages in Helvetica (not embedded; Poppler draws it with its substitute). Page 1
      has a sound text layer. Pages 2 and 3 draw real English words, but their font's /ToUnicode
      CMap maps every printable code except the space to a private-use character (page 2, U+E000
      block) or a mathematical symbol (page 3, U+2200 block): what a broken ToUnicode gives, so the
      text layer is garbage while the glyphs on the page read fine. MANIFEST.json: the words drawn
      on each page, the reference for what OCR should find.

  make_test_pdfs.py long OUT.pdf [--pages N] [--needle WORD] [--needle-page P]
      N pages (default 2000) of distinct text in Helvetica: a heading "Entry n" and lines of words
      drawn from a fixed made-up vocabulary by a seeded generator, so every run writes the same
      bytes. WORD (default "quetzalcoatl", not in the vocabulary) is written on page P only
      (1-based, default 1733; 0 = nowhere).
"""
import json
import random
import sys

LETTER = (612, 792)

GARBAGE_LINES = [
    ["The", "harbour", "authority", "reported", "record", "container", "volumes"],
    ["while", "shipping", "companies", "expanded", "their", "northern", "routes."],
    ["Average", "waiting", "time", "for", "vessels", "fell", "below", "two", "days"],
    ["after", "the", "new", "cranes", "entered", "service", "in", "spring."],
]
CONTROL_LINES = [
    ["Quarterly", "summary", "of", "terminal", "operations"],
    ["Revenue", "increased", "across", "every", "region", "this", "year."],
]

SYLLABLES = ["ka", "lo", "mi", "ner", "tu", "sa", "vo", "ri", "den", "pa", "shi", "gor", "el", "bu",
             "tam", "qui", "ro", "fen", "da", "li", "mor", "ve", "zan", "to"]


def pdf_string(text):
    """A PDF literal string of Latin-1 text, with its delimiters escaped."""
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def to_unicode_cmap(first_target):
    """A ToUnicode CMap mapping codes 0x21..0x7E to first_target + code (the space stays a space,
    so Poppler still splits the garbage into words)."""
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Broken-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            "1 beginbfrange\n<21> <7E> <%04X>\nendbfrange\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n" % (first_target + 0x21))


class Writer:
    """Objects numbered from 1 in the order added; write() adds the xref table and trailer."""

    def __init__(self):
        self.objects = []

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def reserve(self):
        return self.add(None)

    def set(self, number, body):
        self.objects[number - 1] = body

    def stream(self, data):
        raw = data.encode("latin-1")
        return self.add(b"<< /Length %d >>\nstream\n" % len(raw) + raw + b"\nendstream")

    def write(self, path, root):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            if isinstance(body, str):
                body = body.encode("latin-1")
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objects) + 1, root, xref)
        with open(path, "wb") as f:
            f.write(out)


def helvetica(w, to_unicode=None):
    extra = ""
    if to_unicode is not None:
        extra = " /ToUnicode %d 0 R" % w.stream(to_unicode)
    return w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding%s >>" % extra)


def text_content(font, size, lines, top=720, left=72):
    leading = size * 1.6
    ops = ["BT", "/%s %g Tf" % (font, size), "%g TL" % leading, "%g %g Td" % (left, top)]
    for line in lines:
        ops.append(pdf_string(" ".join(line)) + " Tj T*")
    ops.append("ET")
    return "\n".join(ops) + "\n"


def write_pages(w, fonts, contents):
    """Pages with the given content streams, each page's resources naming every font."""
    pages_obj = w.reserve()
    font_dict = " ".join("/%s %d 0 R" % (name, num) for name, num in fonts.items())
    kids = []
    for content in contents:
        c = w.stream(content)
        kids.append(w.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << %s >> >> "
                          "/Contents %d 0 R >>" % (pages_obj, LETTER[0], LETTER[1], font_dict, c)))
    w.set(pages_obj, "<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), " ".join("%d 0 R" % k for k in kids)))
    return w.add("<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)


def garbage(out, manifest):
    w = Writer()
    fonts = {"F1": helvetica(w), "F2": helvetica(w, to_unicode_cmap(0xE000)), "F3": helvetica(w, to_unicode_cmap(0x2200))}
    pages = [("text", "F1", CONTROL_LINES), ("private-use", "F2", GARBAGE_LINES), ("symbols", "F3", GARBAGE_LINES)]
    root = write_pages(w, fonts, [text_content(font, 18, lines) for _, font, lines in pages])
    w.write(out, root)
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump({"pages": [{"page": i + 1, "layer": layer, "words": [x for line in lines for x in line]}
                             for i, (layer, _, lines) in enumerate(pages)]}, f, indent=1)


def vocabulary(rng, count=600):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(words)


def long(out, pages, needle, needle_page):
    rng = random.Random(20240611)
    vocab = vocabulary(rng)
    if needle in vocab:
        raise SystemExit("the needle %r is in the vocabulary" % needle)
    w = Writer()
    fonts = {"F1": helvetica(w)}
    contents = []
    for n in range(1, pages + 1):
        lines = [["Entry", str(n)]]
        for _ in range(6):
            lines.append([rng.choice(vocab) for _ in range(10)])
        if n == needle_page:
            lines.append(["see", needle, "here"])
        contents.append(text_content("F1", 11, lines))
    w.write(out, write_pages(w, fonts, contents))


def main(argv):
    if len(argv) == 3 and argv[0] == "garbage":
        garbage(argv[1], argv[2])
        return 0
    if len(argv) >= 2 and argv[0] == "long":
        out, pages, needle, needle_page = argv[1], 2000, "quetzalcoatl", 1733
        rest = argv[2:]
        while rest:
            if rest[0] == "--pages" and len(rest) > 1:
                pages = int(rest[1])
            elif rest[0] == "--needle" and len(rest) > 1:
                needle = rest[1]
            elif rest[0] == "--needle-page" and len(rest) > 1:
                needle_page = int(rest[1])
            else:
                break
            rest = rest[2:]
        if not rest and pages > 0:
            long(out, pages, needle, needle_page)
            return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
