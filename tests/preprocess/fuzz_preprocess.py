#!/usr/bin/python3
"""Differential fuzzing of the C++ preprocessing against PIL, by hand (not in CTest).

    cmake --build build -t preprocess-tool
    /usr/bin/python3 tests/preprocess/fuzz_preprocess.py --tool build/tests/preprocess/preprocess-tool \
        --mirror /work/.mirror/tencent-ailab+Leopard/repo [--iterations 300] [--seed 1]

Random images (uniform noise, smooth gradients + noise, hard black/white blocks, flat extremes)
of random sizes (1 px to ~2500 px a side, log-uniform) are
  * resized to random sizes (shrinking, enlarging, one axis unchanged) with Image.resize(BICUBIC)
    and with `preprocess-tool resize`, and
  * every 4th one, turned into the model images of a one-image question by the reference's own
    planning functions + PIL (as make_fixtures.py) and by `preprocess-tool model`.
Prints, per kind, how many outputs were byte-identical and the max / mean absolute difference in
uint8 levels over all compared values. Exit status 1 if anything differed.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures  # noqa: E402  (the reference's planning functions, model_tiles)


def random_side(rng, low, high):
    return int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))


def random_image(rng, w, h):
    kind = rng.integers(4)
    if kind == 0:
        return rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    if kind == 1:
        y, x = np.mgrid[0:h, 0:w]
        base = np.stack([x * 255 // max(w - 1, 1), y * 255 // max(h - 1, 1), (x + y) * 127 // max(w + h, 1)], -1)
        return np.clip(base + rng.integers(-40, 41, (h, w, 3)), 0, 255).astype(np.uint8)
    if kind == 2:  # hard edges between the extremes: maximal overshoot, clipping on both ends
        block = int(rng.integers(1, 9))
        cells = rng.integers(0, 2, (h // block + 1, w // block + 1, 3), dtype=np.uint8) * 255
        return np.repeat(np.repeat(cells, block, 0), block, 1)[:h, :w]
    return np.full((h, w, 3), int(rng.choice([0, 255, 1, 254])), np.uint8)


class Tally:
    def __init__(self):
        self.cases = self.exact = self.values = 0
        self.max = 0
        self.sum = 0

    def add(self, ours, theirs, label):
        self.cases += 1
        if ours.shape != theirs.shape:
            print(f"  SHAPE {label}: {ours.shape} vs {theirs.shape}")
            self.max = 255
            return
        diff = np.abs(ours.astype(np.int64) - theirs.astype(np.int64))
        self.values += diff.size
        self.sum += int(diff.sum())
        self.max = max(self.max, int(diff.max()))
        if diff.max() == 0:
            self.exact += 1
        else:
            print(f"  DIFF {label}: max {int(diff.max())}, {int((diff > 0).sum())} values")

    def report(self, name):
        mean = self.sum / self.values if self.values else 0.0
        print(f"{name}: {self.exact}/{self.cases} byte-identical, max |diff| {self.max}, "
              f"mean |diff| {mean:.8f} over {self.values} values")


def run_tool(tool, args):
    subprocess.run([tool] + [str(a) for a in args], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--mirror", required=True, help="git mirror of tencent-ailab/Leopard")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    loader = make_fixtures.load_planner_loader()
    segments, _ = loader.load_reference(args.mirror)
    ref = loader.exec_functions(segments, loader.FUNCTIONS)
    rng = np.random.default_rng(args.seed)
    resize_tally, model_tally = Tally(), Tally()
    with tempfile.TemporaryDirectory() as tmp:
        src_path, out_path = os.path.join(tmp, "in.rgb"), os.path.join(tmp, "out.rgb")
        for i in range(args.iterations):
            w, h = random_side(rng, 1, 2500), random_side(rng, 1, 2500)
            array = random_image(rng, w, h)
            array.tofile(src_path)
            image = Image.fromarray(array, "RGB")

            tw, th = random_side(rng, 1, 1500), random_side(rng, 1, 1500)
            axis = rng.integers(4)
            if axis == 0:
                tw = w  # vertical pass only
            elif axis == 1:
                th = h  # horizontal pass only
            run_tool(args.tool, ["resize", src_path, w, h, tw, th, out_path])
            ours = np.fromfile(out_path, np.uint8).reshape(th, tw, 3)
            theirs = np.array(image.resize((tw, th), Image.BICUBIC))
            resize_tally.add(ours, theirs, f"#{i} resize {w}x{h} -> {tw}x{th}")

            if i % 4 == 0:
                tiles, _, _ = make_fixtures.model_tiles(ref, image)
                theirs = np.stack([np.array(t.resize((make_fixtures.PATCH,) * 2, Image.BICUBIC)) for t in tiles])
                run_tool(args.tool, ["model", src_path, w, h, out_path])
                ours = np.fromfile(out_path, np.uint8).reshape(-1, make_fixtures.PATCH, make_fixtures.PATCH, 3)
                model_tally.add(ours, theirs, f"#{i} model images of {w}x{h}")
    resize_tally.report("resize")
    model_tally.report("model images")
    return 0 if resize_tally.max == 0 and model_tally.max == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
