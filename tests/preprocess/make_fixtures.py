#!/usr/bin/python3
"""Expected model images for test_preprocess, computed the way the reference does it.

Regenerate (from the repository root; needs Debian's python3-pil/python3-numpy, the reference
environment of shared/reference/model/setup.sh for transformers 4.44.2, and the git mirror of
tencent-ailab/Leopard that `fetch github:tencent-ailab/Leopard` leaves):

    . /tmp/leopard_ref_env/env.sh
    /usr/bin/python3 tests/preprocess/make_fixtures.py \
        --mirror /work/.mirror/tencent-ailab+Leopard/repo --out tests/preprocess/fixtures

For every case this script
  1. makes a source image (see `pattern()`; the C++ test regenerates the same bytes from the same
     integer formulas, so no big source files are committed) or a small PNG/JPEG kept in fixtures/,
  2. saves it as PNG (or JPEG) and reopens it with PIL: Image.open(p).convert('RGB') as the reference,
  3. runs the reference's own allocate_patches / select_best_resolution / resize_and_pad_image /
     divide_to_patches (cut out of the pinned Leopard commit with tests/planner/make_expected.py's
     loader) for one image per question (budget 49), global view first, then the crops,
  4. resizes every tile with transformers' resize(np.array(tile), (364, 364), BICUBIC), exactly
     as shared/reference/model/reference.py does to record `resized_u8_sha256`, and records the
     sha256 of each 364x364x3 uint8 result.
A few whole tiles are written as PNG so the test can report max/mean differences, and one tile's
pixel_values from SiglipImageProcessor (the reference's standard settings) are hashed as float32.
"""
import argparse
import hashlib
import importlib.util
import json
import os
import tempfile

import numpy as np
from PIL import Image

PATCH = 364
HERE = os.path.dirname(os.path.abspath(__file__))


def load_planner_loader():
    """tests/planner/make_expected.py knows how to cut the reference functions out of the mirror."""
    path = os.path.join(HERE, "..", "planner", "make_expected.py")
    spec = importlib.util.spec_from_file_location("make_expected", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- source patterns
# Integer-only formulas (uint32 wrap-around), mirrored in tests/preprocess/test_patterns.h.

def hash32(x, y, c, seed):
    m = np.uint32
    constant = m((c * 0xC2B2AE3D + seed * 0x27D4EB2F) & 0xFFFFFFFF)
    h = x.astype(m) * m(0x9E3779B1) + y.astype(m) * m(0x85EBCA77) + constant
    h ^= h >> m(15)
    h *= m(0x2C1B3C6D)
    h ^= h >> m(12)
    h *= m(0x297A2D39)
    h ^= h >> m(15)
    return h


def photo_rgb(w, h, seed):
    """Gradients, a soft checkerboard and per-channel noise: like a photo, hard on a resampler."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    base = [(x * 255) // max(w - 1, 1), (y * 255) // max(h - 1, 1), ((x + y) * 255) // max(w + h - 2, 1)]
    checker = (((x // 37) + (y // 23)) & 1) * 60 - 30
    channels = []
    for c in range(3):
        noise = (hash32(x, y, c, seed) & np.uint32(63)).astype(np.int64) - 32
        channels.append(np.clip(base[c] + checker + noise, 0, 255))
    return np.stack(channels, axis=-1).astype(np.uint8)


def text_rgb(w, h, seed):
    """Word-like dark boxes on near-white, every 9th line a blue title bar with white words:
    sharp edges, where bicubic overshoots and the clipping after each pass matters."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    band, row = y // 18, y % 18
    word = x // 11
    ink = (row >= 3) & (row < 13) & ((x % 11) < 9) & ((hash32(word, band, 0, seed) & np.uint32(3)) != 0)
    title = (band % 9) == 0
    out = np.empty((h, w, 3), np.uint8)
    out[...] = (250, 250, 247)
    out[title] = (30, 60, 140)
    out[ink & ~title] = (20, 20, 20)
    out[ink & title] = (245, 245, 245)
    return out


def pattern(kind, mode, w, h, seed):
    """The source image in `mode`, as the numpy array PIL's fromarray takes (plus a palette)."""
    rgb = photo_rgb(w, h, seed) if kind == "photo" else text_rgb(w, h, seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    wide = rgb.astype(np.int64)  # before any arithmetic: uint8 * 2 would wrap around in numpy
    grey = ((wide[..., 0] + 2 * wide[..., 1] + wide[..., 2]) // 4).astype(np.uint8)
    alpha = (hash32(x, y, 3, seed) & np.uint32(255)).astype(np.uint8)
    if mode == "RGB":
        return rgb, None
    if mode == "RGBA":
        return np.dstack([rgb, alpha]), None
    if mode == "L":
        return grey, None
    if mode == "LA":
        return np.dstack([grey, alpha]), None
    if mode == "P":
        index = (hash32(x // 5, y // 5, 4, seed) & np.uint32(255)).astype(np.uint8)
        i = np.arange(256, dtype=np.int64)
        palette = np.stack([(i * 37) & 255, (i * 91 + 17) & 255, (i * 53 + 101) & 255], axis=-1)
        return index, palette.astype(np.uint8)
    if mode == "I;16":
        return (hash32(x, y, 5, seed) & np.uint32(0x1FF)).astype(np.uint16), None  # half of it > 255
    raise ValueError(mode)


def to_pil(array, palette, mode):
    if mode == "P":
        im = Image.fromarray(array, "P")
        im.putpalette(palette.reshape(-1).tolist())
        return im
    if mode == "I;16":
        return Image.fromarray(array, "I;16")
    return Image.fromarray(array, mode)


# ----------------------------------------------------------------------------- cases
# (name, pattern, mode, width, height, seed): sizes chosen for the planner path they take.
FORMULA_CASES = [
    ("photo_1500x1000", "photo", "RGB", 1500, 1000, 1),     # shrink, 3x4 wanted -> grid
    ("text_1200x1600", "text", "RGB", 1200, 1600, 2),       # text-like page, shrink
    ("grey_L_700x500", "photo", "L", 700, 500, 3),          # L -> replicated
    ("grey_alpha_LA_640x480", "photo", "LA", 640, 480, 4),  # LA -> alpha dropped
    ("rgba_800x600", "photo", "RGBA", 800, 600, 5),         # RGBA -> alpha dropped, no compositing
    ("palette_P_1000x700", "photo", "P", 1000, 700, 6),     # P -> palette lookup
    ("grey16_900x500", "photo", "I;16", 900, 500, 7),       # 16-bit grey -> mode I, clipped to 255
    ("enlarge_546x546", "photo", "RGB", 546, 546, 8),       # round(1.5) = 2: 2x2 canvas, enlarging
    ("half_910x546", "text", "RGB", 910, 546, 9),           # round(2.5) = 2, round(1.5) = 2
    ("odd_1001x777", "photo", "RGB", 1001, 777, 10),        # odd sizes, ceil'ed side
    ("odd_333x1237", "text", "RGB", 333, 1237, 11),         # tall and narrow, odd
    ("strip_3000x400", "photo", "RGB", 3000, 400, 12),      # very wide banner
    ("small_200x150", "photo", "RGB", 200, 150, 13),        # no crops, global view enlarged
    ("tiny_7x5", "photo", "RGB", 7, 5, 14),                 # extreme enlargement
    ("big_2600x3400", "photo", "RGB", 2600, 3400, 15),      # strong reduction (wide support)
]
# Small image files kept in fixtures/ and decoded by QImage in the test (the app's path). The JPEGs
# check that Qt's decoder gives PIL's pixels (both use the system libjpeg-turbo, ISLOW IDCT, fancy
# upsampling): 4:2:0 and 4:4:4 chroma, progressive, greyscale.
FILE_CASES = [
    ("png_L_61x47.png", "photo", "L", 61, 47, 21, {}),
    ("png_LA_61x47.png", "photo", "LA", 61, 47, 22, {}),
    ("png_RGBA_61x47.png", "text", "RGBA", 61, 47, 23, {}),
    ("png_P_61x47.png", "photo", "P", 61, 47, 24, {}),
    ("png_I16_61x47.png", "photo", "I;16", 61, 47, 25, {}),
    ("png_RGB_61x47.png", "text", "RGB", 61, 47, 26, {}),
    ("jpeg_420_q75_401x263.jpg", "photo", "RGB", 401, 263, 31, {"quality": 75}),
    ("jpeg_444_q95_250x377.jpg", "text", "RGB", 250, 377, 32, {"quality": 95, "subsampling": 0}),
    ("jpeg_progressive_q85_300x200.jpg", "photo", "RGB", 300, 200, 33, {"quality": 85, "progressive": True}),
    ("jpeg_grey_q80_211x157.jpg", "photo", "L", 211, 157, 34, {"quality": 80}),
]
# Whole tiles written as PNG for max/mean difference reports: (case, tile index).
FULL_TILES = [("photo_1500x1000", 0), ("photo_1500x1000", 1), ("text_1200x1600", 0), ("enlarge_546x546", 1)]
NORMALIZED_TILE = ("photo_1500x1000", 0)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def model_tiles(ref, image):
    """run_llava_local_inference's image part for a question with this one image."""
    budget = 50 - 1
    n = ref["allocate_patches"]([image.size], patch_budget=budget)[0]
    resolution = ref["select_best_resolution"](image.size, n)
    padded = ref["resize_and_pad_image"](image, resolution)
    patches = ref["divide_to_patches"](padded, PATCH) if padded is not None else []
    return [image] + patches, n, resolution


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", required=True, help="git mirror of tencent-ailab/Leopard")
    ap.add_argument("--out", required=True, help="fixtures directory (expected.json + PNG files)")
    args = ap.parse_args()

    from transformers import SiglipImageProcessor
    from transformers.image_transforms import resize as tf_resize
    from transformers.image_utils import PILImageResampling
    import transformers

    loader = load_planner_loader()
    segments, reference_sha = loader.load_reference(args.mirror)
    ref = loader.exec_functions(segments, loader.FUNCTIONS)
    processor = SiglipImageProcessor(do_resize=True, size={"height": PATCH, "width": PATCH},
                                     resample=PILImageResampling.BICUBIC, do_rescale=True, rescale_factor=1 / 255,
                                     do_normalize=True, image_mean=[0.5, 0.5, 0.5], image_std=[0.5, 0.5, 0.5])
    os.makedirs(args.out, exist_ok=True)

    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        cases_in_order = [("formula", *c, {}) for c in FORMULA_CASES] + [("file", *c) for c in FILE_CASES]
        for kind, name, pat, mode, w, h, seed, save_options in cases_in_order:
            array, palette = pattern(pat, mode, w, h, seed)
            path = os.path.join(args.out, name) if kind == "file" else os.path.join(tmp, name + ".png")
            to_pil(array, palette, mode).save(path, optimize=True, **save_options)
            opened = Image.open(path)
            image = Image.open(path).convert('RGB')  # as the reference
            tiles, allocated, resolution = model_tiles(ref, image)
            entry = {"name": os.path.splitext(name)[0] if kind == "file" else name,
                     "source": ({"kind": "formula", "pattern": pat, "mode": mode, "width": w, "height": h,
                                 "seed": seed} if kind == "formula" else {"kind": "file", "file": name}),
                     "pil_open_mode": opened.mode,
                     "rgb_sha256": sha256(image.tobytes()),
                     "allocated": allocated,
                     "canvas_wh": list(resolution) if resolution else None,
                     "tiles": []}
            for index, tile in enumerate(tiles):
                u8 = tf_resize(np.array(tile), size=(PATCH, PATCH), resample=PILImageResampling.BICUBIC)
                # The same bytes straight from PIL: the resize the reference's processor runs.
                direct = np.array(tile.resize((PATCH, PATCH), Image.BICUBIC))
                assert np.array_equal(u8, direct), (name, index)
                entry["tiles"].append(sha256(np.ascontiguousarray(u8).tobytes()))
                if (entry["name"], index) in FULL_TILES:
                    file = f"tile_{entry['name']}_{index}.png"
                    Image.fromarray(u8).save(os.path.join(args.out, file), optimize=True)
                    entry.setdefault("full_tiles", {})[str(index)] = file
                if (entry["name"], index) == NORMALIZED_TILE:
                    pv = processor.preprocess(tile, return_tensors="np")["pixel_values"][0]
                    assert pv.dtype == np.float32 and pv.shape == (3, PATCH, PATCH)
                    entry["normalized"] = {
                        "tile": index,
                        "pixel_values_f32le_sha256": sha256(pv.astype("<f4").tobytes()),
                        "samples": [[c, y, x, float(pv[c, y, x])]
                                    for c, y, x in ((0, 0, 0), (1, 17, 300), (2, 363, 363), (0, 200, 5))],
                    }
            cases.append(entry)
            print(f"{entry['name']}: {len(tiles)} model images")

    expected = {
        "generator": "tests/preprocess/make_fixtures.py",
        "pillow": Image.__version__,
        "numpy": np.__version__,
        "transformers": transformers.__version__,
        "reference": {"commit": loader.PINNED_COMMIT, "file": loader.REFERENCE_PATH, "sha256": reference_sha},
        "crop_side": PATCH,
        "cases": cases,
    }
    with open(os.path.join(args.out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
