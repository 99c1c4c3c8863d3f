#!/usr/bin/env python3
"""The scanned pages of the long report as they were before scanning, for the evidence tests.

    python3 tests/evidence/scan_sources.py --report DIR --out DIR

DIR (--report) holds what tests/long_report/generate_long_report.py wrote. The generator is imported,
not changed: its pages are laid out again from the same seed, and the scanned ones are written as a
text PDF (scan-sources.pdf, one page per scan, in order), so `pdftotext -bbox` gives where their
words were printed. scan-sources.json says, for each scan, its page in the report, its page in
scan-sources.pdf and the matrix the report draws the scan image with (a b c d e f of `cm`: the unit
square onto the page, in PDF points, origin bottom left), read from the report's own content streams,
so the printed boxes can be carried onto the rotated scan. Every text page laid out again must be
byte for byte the report's page (else the layout is not the report's, and this fails).
"""
import argparse
import importlib.util
import json
import os
import random
import re
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "long_report", "generate_long_report.py")


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_long_report", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def content_streams(pdf_bytes):
    """The report's page content streams, in page order (write_pdf writes them in that order)."""
    out = []
    for m in re.finditer(rb"\d+ 0 obj\n<< /Length (\d+) /Filter /FlateDecode >>\nstream\n", pdf_bytes):
        start = m.end()
        out.append(zlib.decompress(pdf_bytes[start:start + int(m.group(1))]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    gen = load_generator()
    with open(os.path.join(args.report, gen.JSON_NAME)) as f:
        expected = json.load(f)
    with open(os.path.join(args.report, expected["file"]), "rb") as f:
        streams = content_streams(f.read())
    pages, scans = gen.build_pages(random.Random(gen.SEED))
    if scans != expected["scannedPages"] or len(streams) != len(pages):
        sys.exit("scan_sources.py: the report's layout differs (scans %s, %d streams for %d pages)"
                 % (scans, len(streams), len(pages)))
    matrices = {}
    for n, stream in enumerate(streams, start=1):
        if n in scans:
            m = re.search(rb"q ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm /Im0 Do Q", stream)
            if not m:
                sys.exit("scan_sources.py: page %d has no scan image" % n)
            matrices[n] = [float(v) for v in m.groups()]
        elif stream != pages[n - 1].content():
            sys.exit("scan_sources.py: page %d laid out again differs from the report's" % n)
    os.makedirs(args.out, exist_ok=True)
    pdf = os.path.join(args.out, "scan-sources.pdf")
    gen.write_pdf(pdf, [pages[n - 1].content() for n in scans], {})
    info = {"file": "scan-sources.pdf", "pageSizePoints": [gen.PAGE_W, gen.PAGE_H],
            "scans": [{"page": n, "sourcePage": i + 1, "matrix": matrices[n]} for i, n in enumerate(scans)]}
    with open(os.path.join(args.out, "scan-sources.json"), "w") as f:
        json.dump(info, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
