#!/usr/bin/python3
"""Expected crop plans from the authors' own code, for test_planner's cross-check.

Regenerate (from the repository root; needs Debian's python3 + python3-pil and the git mirror of
tencent-ailab/Leopard that the session tool `fetch github:tencent-ailab/Leopard` leaves):

    /usr/bin/python3 tests/planner/make_expected.py \
        --mirror /work/.mirror/tencent-ailab+Leopard/repo \
        --out tests/planner/expected_plans.json

The four planning functions (allocate_patches, select_best_resolution, resize_and_pad_image,
divide_to_patches) are taken verbatim, at generation time, from
evaluations/models/llava_multiimg_siglip_anyres.py at the pinned commit: the source is read with
`git show`, the function definitions are cut out with `ast` and exec'd with only `math` and PIL's
`Image` in scope (the file's other imports -- torch, transformers -- are not needed). Nothing of
their code is kept in this repository; the JSON records the file's sha256.

The driver below follows run_llava_local_inference: budget = max_images - len(images); with a
budget > 0 it allocates, selects, resizes+pads and divides; otherwise every image is its global
view only. Images are stand-ins that carry only a size: resize() is recorded and returns a white
image of the asked size, so after the real paste onto the reference's black canvas getbbox()
tells where it landed; divide_to_patches' crop() boxes are recorded as the tiles, in its order.

"grid_cases" call select_best_resolution alone on sizes and counts whole plans never produce (tiny
images, slivers, n up to 60), and "pad_cases" call resize_and_pad_image on arbitrary canvases.

The decrement loop of allocate_patches cannot fire with int() truncation (the truncated shares
sum to at most the budget), so "trim_cases" exec allocate_patches a second time with `int`
bound to math.ceil in its globals: the shares then overshoot and the reference's own loop has to
trim them. The C++ trimToBudget() is compared against that.
"""
import argparse
import ast
import hashlib
import json
import math
import random
import subprocess
import sys

from PIL import Image

PINNED_COMMIT = "36c5f61500992c2ace01feb873757c4a124b35f8"
REFERENCE_PATH = "evaluations/models/llava_multiimg_siglip_anyres.py"
FUNCTIONS = ("allocate_patches", "select_best_resolution", "resize_and_pad_image", "divide_to_patches")


def load_reference(mirror):
    source = subprocess.run(["git", "-C", mirror, "show", f"{PINNED_COMMIT}:{REFERENCE_PATH}"],
                            check=True, capture_output=True).stdout
    text = source.decode("utf-8")
    tree = ast.parse(text)
    segments = {node.name: ast.get_source_segment(text, node)
                for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in FUNCTIONS}
    missing = set(FUNCTIONS) - set(segments)
    if missing:
        sys.exit(f"functions not found in the reference: {sorted(missing)}")
    return segments, hashlib.sha256(source).hexdigest()


def exec_functions(segments, names, extra_globals=None):
    scope = {"math": math, "Image": Image, "__builtins__": __builtins__}
    scope.update(extra_globals or {})
    for name in names:
        exec(compile(segments[name], f"<reference:{name}>", "exec"), scope)
    return scope


class SizedImage:
    """Just enough of a PIL image for resize_and_pad_image: a size, and a recorded resize()."""

    def __init__(self, width, height):
        self.size = (width, height)
        self.resized_to = None

    def resize(self, size):
        self.resized_to = size
        return Image.new("RGB", size, (255, 255, 255))


class CropRecorder:
    """Just enough of a PIL image for divide_to_patches: a size, and recorded crop() boxes."""

    def __init__(self, size):
        self.size = size
        self.boxes = []

    def crop(self, box):
        self.boxes.append(list(box))
        return None


def plan(ref, sizes, max_images, crop_side):
    """One question's plan, as run_llava_local_inference builds it."""
    as_pil_sizes = [(w, h) for w, h in sizes]  # PIL's image.size is (width, height)
    # wanted counts: allocate_patches with an unlimited budget returns them unscaled
    wanted = ref["allocate_patches"](as_pil_sizes, patch_size=crop_side, patch_budget=float("inf"))
    budget = max_images - len(sizes)
    images = []
    if budget > 0:
        allocated = ref["allocate_patches"](as_pil_sizes, patch_size=crop_side, patch_budget=budget)
    else:
        allocated = [0] * len(sizes)
    for (w, h), n_wanted, n in zip(sizes, wanted, allocated):
        entry = {"wanted": n_wanted, "allocated": n, "canvas": None, "resized": None, "paste": None, "tiles": []}
        if budget > 0:
            resolution = ref["select_best_resolution"]((w, h), n, patch_size=crop_side)
            source = SizedImage(w, h)
            padded = ref["resize_and_pad_image"](source, resolution)
            if padded is not None:
                assert list(padded.size) == list(resolution)
                left, top, right, bottom = padded.getbbox()
                assert (right - left, bottom - top) == tuple(source.resized_to), "paste not where expected"
                recorder = CropRecorder(padded.size)
                ref["divide_to_patches"](recorder, crop_side)
                # every box is S x S; keep only its corner to keep the file small
                assert all(b[2] - b[0] == crop_side and b[3] - b[1] == crop_side for b in recorder.boxes)
                entry.update(canvas=list(resolution), resized=list(source.resized_to), paste=[left, top],
                             tiles=[b[:2] for b in recorder.boxes])
        images.append(entry)
    return {"budget": budget, "images": images}


def named_cases():
    """Readable cases, the ones a person would try first."""
    letter = (1224, 1584)  # US Letter at 144 dpi
    a4 = (1191, 1684)  # A4 at 144 dpi
    cases = [
        ("letter_144dpi", [letter]),
        ("a4_144dpi", [a4]),
        ("letter_landscape", [(1584, 1224)]),
        ("slide_1080p", [(1920, 1080)]),
        ("slide_720p", [(1280, 720)]),
        ("slide_4_3", [(1024, 768)]),
        ("tiny", [(100, 80)]),
        ("one_pixel", [(1, 1)]),
        ("strip_wide", [(5000, 300)]),
        ("strip_tall", [(300, 5000)]),
        ("strip_extreme", [(20000, 50)]),
        ("half_even_910x546", [(910, 546)]),
        ("half_even_546x910", [(546, 910)]),
        ("half_even_182", [(182, 182)]),
        ("half_even_1274x1638", [(1274, 1638)]),
        ("exact_crop_side", [(364, 364)]),
        ("exact_2x2", [(728, 728)]),
        ("ten_mixed_pages", [letter, (1920, 1080), a4, (1280, 720), (800, 600), (2480, 3508), (100, 80),
                             (5000, 300), (1654, 2339), (612, 792)]),
        ("slides_and_letter", [(1920, 1080), (1280, 720), letter]),
        ("pages_49", [letter] * 49),
        ("pages_50", [letter] * 50),
        ("pages_60", [letter] * 60),
        ("pages_48", [letter] * 48),
        ("pages_25", [letter] * 25),
        ("big_scans_over_budget", [(4961, 7016)] * 3),  # A4 at 600 dpi
        ("poster_and_thumbs", [(9000, 6000), (200, 150), (300, 300), (1500, 1000)]),
    ]
    return [{"name": name, "max_images": 50, "crop_side": 364, "sizes": [list(s) for s in sizes]}
            for name, sizes in cases]


def random_cases(rng):
    cases = []

    def log_uniform(low, high):
        return int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))

    for i in range(220):  # single images, sizes over four decades
        cases.append({"name": f"single_{i}", "sizes": [[log_uniform(16, 30000), log_uniform(16, 30000)]]})
    for i in range(60):  # near multiples of the crop side, where round() and the grid flip
        k, l = rng.randint(1, 12), rng.randint(1, 12)
        cases.append({"name": f"near_grid_{i}", "sizes": [[k * 364 + rng.randint(-3, 3) + (182 if rng.random() < 0.3 else 0),
                                                          l * 364 + rng.randint(-3, 3)]]})
    for i in range(60):  # a few pages of one document
        base = (log_uniform(300, 6000), log_uniform(300, 6000))
        count = rng.randint(2, 12)
        sizes = [[base[0] + rng.randint(-2, 2) * 10, base[1] + rng.randint(-2, 2) * 10] for _ in range(count)]
        cases.append({"name": f"document_{i}", "sizes": sizes})
    for i in range(90):  # mixed sets
        count = rng.randint(2, 16)
        cases.append({"name": f"mixed_{i}", "sizes": [[log_uniform(20, 12000), log_uniform(20, 12000)]
                                                      for _ in range(count)]})
    for i in range(30):  # many images: budget nearly used up, or gone
        count = rng.choice([17, 24, 33, 40, 45, 47, 48, 49, 50, 51, 55, 64])
        cases.append({"name": f"many_{i}", "sizes": [[log_uniform(200, 8000), log_uniform(200, 8000)]
                                                     for _ in range(count)]})
    for i in range(30):  # big images, so the budget scaling always applies
        count = rng.randint(2, 9)
        cases.append({"name": f"over_budget_{i}", "sizes": [[log_uniform(2000, 40000), log_uniform(2000, 40000)]
                                                            for _ in range(count)]})
    for case in cases:
        case.setdefault("max_images", 50)
        case.setdefault("crop_side", 364)
    for i in range(24):  # other limits and crop sides: the options must be honoured, not assumed
        count = rng.randint(1, 8)
        cases.append({"name": f"options_{i}", "max_images": rng.choice([5, 10, 20, 64, 100]),
                      "crop_side": rng.choice([336, 364, 384, 448]),
                      "sizes": [[log_uniform(50, 10000), log_uniform(50, 10000)] for _ in range(count)]})
    return cases


def grid_cases(ref, rng):
    """select_best_resolution on its own, for any (size, n): also the tiny images and large n that
    whole plans never give it, where full ties fall to loop order and the area clamp decides."""
    out = []

    def log_uniform(low, high):
        return int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))

    sizes = [(20, 20), (1, 100000), (100000, 1), (364, 364), (728, 364), (300, 300), (1, 1)]
    sizes += [(log_uniform(1, 400), log_uniform(1, 400)) for _ in range(120)]
    sizes += [(log_uniform(1, 30000), log_uniform(1, 30000)) for _ in range(200)]
    for w, h in sizes:
        n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 9, 12, 16, 17, 24, 30, 42, 49, rng.randint(2, 60)])
        crop_side = rng.choice([364, 364, 364, 336, 384])
        best = ref["select_best_resolution"]((w, h), n, patch_size=crop_side)
        out.append([w, h, n, crop_side] + (list(best) if best else [0, 0]))
    return out


def pad_cases(ref, rng):
    """resize_and_pad_image's geometry for arbitrary canvases, not only the chosen grid."""
    out = []

    def log_uniform(low, high):
        return int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))

    for _ in range(250):
        w, h = log_uniform(1, 20000), log_uniform(1, 20000)
        if rng.random() < 0.5:
            target = (364 * rng.randint(1, 7), 364 * rng.randint(1, 7))
        else:
            target = (log_uniform(1, 3000), log_uniform(1, 3000))
        if rng.random() < 0.1:  # same aspect ratio: the two scales tie
            target = (w * 2, h * 2) if w * h < 2_000_000 else target
        source = SizedImage(w, h)
        padded = ref["resize_and_pad_image"](source, target)
        nw, nh = source.resized_to
        bbox = padded.getbbox()
        if bbox is None:  # nothing pasted would be visible (cannot happen: ceil gives >= 1)
            raise SystemExit(f"empty paste for {(w, h)} on {target}")
        assert (bbox[2] - bbox[0], bbox[3] - bbox[1]) == (nw, nh)
        out.append([w, h, target[0], target[1], nw, nh, bbox[0], bbox[1]])
    return out


def trim_cases(segments, rng):
    """allocate_patches with int -> math.ceil, so that its decrement loop really runs."""
    ceil_ref = exec_functions(segments, ["allocate_patches"], {"int": math.ceil})
    out = []
    for i in range(40):
        count = rng.randint(1, 12)
        asked = [rng.choice([0, 0, 2, 3, 4, 6, 9, 12, 16, 20, 35, 48]) + rng.randint(0, 5) for _ in range(count)]
        # a (k*364) x 364 image wants round(k) * round(1) = k crops (k == 1 becomes 0): take the
        # counts from the reference itself rather than assuming that
        sizes = [(n * 364, 364) for n in asked]
        wanted = ceil_ref["allocate_patches"](sizes, patch_size=364, patch_budget=float("inf"))
        budget = rng.randint(1, 49)
        total = sum(wanted)
        if total <= budget:
            continue
        scale = budget / total
        shares = [math.ceil(n * scale) for n in wanted]  # what the patched int() hands the loop
        trimmed = ceil_ref["allocate_patches"](sizes, patch_size=364, patch_budget=budget)
        out.append({"name": f"trim_{i}", "shares": shares, "budget": budget, "trimmed": trimmed})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", default="/work/.mirror/tencent-ailab+Leopard/repo")
    parser.add_argument("--out", default="tests/planner/expected_plans.json")
    parser.add_argument("--seed", type=int, default=20241030)
    args = parser.parse_args()

    segments, sha256 = load_reference(args.mirror)
    ref = exec_functions(segments, FUNCTIONS)
    rng = random.Random(args.seed)
    cases = named_cases() + random_cases(rng)
    for case in cases:
        case.update(plan(ref, case["sizes"], case["max_images"], case["crop_side"]))
    trims = trim_cases(segments, rng)
    grids = grid_cases(ref, rng)
    pads = pad_cases(ref, rng)
    for t in trims:
        assert len(t["shares"]) == len(t["trimmed"]) and sum(t["trimmed"]) <= t["budget"]

    document = {
        "generator": "tests/planner/make_expected.py",
        "reference": {"repository": "tencent-ailab/Leopard", "commit": PINNED_COMMIT, "path": REFERENCE_PATH,
                      "sha256": sha256, "functions": list(FUNCTIONS)},
        "python": sys.version.split()[0],
        "pillow": Image.__version__,
        "seed": args.seed,
        "cases": cases,
        "trim_cases": trims,
        "grid_cases_format": "[width, height, n, crop_side, canvas_width, canvas_height]; canvas 0, 0 = None",
        "grid_cases": grids,
        "pad_cases_format": "[width, height, target_width, target_height, resized_width, resized_height, paste_x, paste_y]",
        "pad_cases": pads,
    }
    with open(args.out, "w") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")
    tiles = sum(len(i["tiles"]) for c in cases for i in c["images"])
    images = [i for c in cases for i in c["images"]]
    scaled = sum(1 for c in cases if c["budget"] > 0 and sum(i["wanted"] for i in c["images"]) > c["budget"])
    print(f"{args.out}: {len(cases)} plans ({scaled} over budget, "
          f"{sum(1 for c in cases if c['budget'] <= 0)} with no budget), {len(images)} images "
          f"({sum(1 for i in images if i['canvas'] and len(i['tiles']) < i['allocated'])} with fewer tiles than allocated, "
          f"{sum(1 for i in images if i['allocated'] == 1)} allocated exactly 1), "
          f"{tiles} tiles, {len(trims)} trim cases, {len(grids)} grid cases, {len(pads)} pad cases")


if __name__ == "__main__":
    main()
