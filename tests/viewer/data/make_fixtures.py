#!/usr/bin/env python3
"""Writes the small test fixtures in tests/viewer/data (committed; run again only to change them).

Command (from the repository root; needs python3-pil and qpdf: `apt install python3-pil qpdf`):
    /usr/bin/python3 tests/viewer/data/make_fixtures.py

- odd-sizes.pdf       hand-written PDF, 4 pages with awkward sizes: 595.3 x 841.9 pt, 300.5 x 200.25 pt,
                      a /Rotate 90 page, and a page whose CropBox is smaller than its MediaBox. Text in
                      Helvetica on each page ("Odd page N").
- locked.pdf          odd-sizes.pdf encrypted with qpdf, user password "leopard":
                      qpdf --encrypt leopard owner-secret 256 -- odd-sizes.pdf locked.pdf
- zero-pages.pdf      a well-formed PDF whose page tree has no pages.
- rgb-301x199.png, photo-640x427.jpg, small-123x77.webp, scan-3pages.tiff (200x100, 150x300, 64x64),
  plain-90x45.bmp     made with PIL; sizes and frame counts are in fixtures.json.
- huge-header.png     a PNG whose header declares 30000 x 30000 RGBA pixels (3.4 GB decoded) with a
                      truncated body: the viewer must refuse it from the header alone, naming the size.
fixtures.json records what PIL (images) and this script (PDF boxes) say, for the tests.
"""
import json
import os
import struct
import subprocess
import zlib

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))


def write_pdf(path, pages):
    """pages: list of dicts with media (x0,y0,x1,y1), optional crop, rotate, text."""
    objs = []  # index i -> bytes of object i+1

    def add(body):
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objs) + 1 + 2 * len(pages)  # placeholder id computed after page objects
    kids = []
    for pg in pages:
        x0, y0, x1, y1 = pg.get("crop", pg["media"])
        stream = ("BT /F1 14 Tf %.2f %.2f Td (%s) Tj ET\n0 0 1 RG 2 w %.2f %.2f %.2f %.2f re S\n"
                  % (x0 + 20, y0 + 30, pg["text"], x0 + 5, y0 + 5, x1 - x0 - 10, y1 - y0 - 10)).encode()
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        entries = b"/Type /Page /Parent %d 0 R /MediaBox [%s] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R" % (
            pages_id, " ".join("%g" % v for v in pg["media"]).encode(), font, content)
        if "crop" in pg:
            entries += b" /CropBox [%s]" % " ".join("%g" % v for v in pg["crop"]).encode()
        if "rotate" in pg:
            entries += b" /Rotate %d" % pg["rotate"]
        kids.append(add(b"<< " + entries + b" >>"))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def main():
    odd_pages = [
        {"media": (0, 0, 595.3, 841.9), "text": "Odd page 1"},
        {"media": (0, 0, 300.5, 200.25), "text": "Odd page 2"},
        {"media": (0, 0, 400.7, 250.3), "rotate": 90, "text": "Odd page 3"},
        {"media": (0, 0, 612, 792), "crop": (50.5, 60.25, 462.75, 700), "text": "Odd page 4"},
    ]
    write_pdf(os.path.join(HERE, "odd-sizes.pdf"), odd_pages)
    subprocess.run(["qpdf", "--encrypt", "leopard", "owner-secret", "256", "--",
                    os.path.join(HERE, "odd-sizes.pdf"), os.path.join(HERE, "locked.pdf")], check=True)
    write_pdf(os.path.join(HERE, "zero-pages.pdf"), [])

    def size_pt(pg):
        x0, y0, x1, y1 = pg.get("crop", pg["media"])
        w, h = x1 - x0, y1 - y0
        return [h, w] if pg.get("rotate", 0) % 180 == 90 else [w, h]

    images = {}

    def drawn(size, colour, label):
        im = Image.new("RGB", size, colour)
        d = ImageDraw.Draw(im)
        d.rectangle([2, 2, size[0] - 3, size[1] - 3], outline=(0, 0, 0))
        d.text((6, 6), label, fill=(0, 0, 0))
        return im

    drawn((301, 199), (240, 200, 120), "png").save(os.path.join(HERE, "rgb-301x199.png"))
    drawn((640, 427), (120, 170, 220), "jpeg").save(os.path.join(HERE, "photo-640x427.jpg"), quality=60)
    drawn((123, 77), (150, 220, 150), "webp").save(os.path.join(HERE, "small-123x77.webp"), quality=70)
    drawn((90, 45), (220, 150, 220), "bmp").save(os.path.join(HERE, "plain-90x45.bmp"))
    frames = [drawn(s, c, "p%d" % (i + 1)) for i, (s, c) in
              enumerate([((200, 100), (255, 255, 255)), ((150, 300), (230, 230, 230)), ((64, 64), (200, 200, 200))])]
    frames[0].save(os.path.join(HERE, "scan-3pages.tiff"), save_all=True, append_images=frames[1:], compression="tiff_deflate")

    for name in ["rgb-301x199.png", "photo-640x427.jpg", "small-123x77.webp", "plain-90x45.bmp", "scan-3pages.tiff"]:
        im = Image.open(os.path.join(HERE, name))
        sizes = []
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            sizes.append(list(im.size))
        images[name] = sizes

    # 30000 x 30000 RGBA, 8 bits per channel; the IDAT holds only the first rows.
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 6, 0, 0, 0)
    body = zlib.compress(b"\0" * (1 + 30000 * 4) * 2)
    with open(os.path.join(HERE, "huge-header.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", body))

    with open(os.path.join(HERE, "fixtures.json"), "w") as f:
        json.dump({"odd-sizes.pdf": {"pageSizePoints": [size_pt(p) for p in odd_pages],
                                     "pageText": [p["text"] for p in odd_pages]},
                   "locked.pdf": {"userPassword": "leopard", "pages": len(odd_pages)},
                   "images": images,
                   "huge-header.png": [30000, 30000]}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
