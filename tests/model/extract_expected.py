#!/usr/bin/env python3
"""Turns reference.py runs (JSON + .npz + logits .npy) into the small files tests/model commits.

Per case NAME:
  NAME.json         what the C++ test checks: checkpoint sha256s, crop-plan counts, prompt, input ids,
                    tile sha256s, per-tile statistics of vision features / projector output, last-prompt
                    logits summary, generated ids and text (a subset of the leopard-ref-v1 JSON)
  NAME.logits.npy   last-prompt-position logits, float32 [vocab]
  NAME.vision_tile0.npy, NAME.projector_tile0.npy  (cases in FULL_FEATURES only) float32
                    vision features [676, H] and projector output [169, D] of the first tile
"""
import argparse
import json
import os

import numpy as np

FULL_FEATURES = {"one_page"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for fn in sorted(os.listdir(a.runs)):
        if not fn.endswith(".json"):
            continue
        name = fn[:-5]
        with open(os.path.join(a.runs, fn)) as fh:
            r = json.load(fh)
        z = np.load(os.path.join(a.runs, name + ".npz"))
        tiles = z["tiles_resized_u8"]
        pv = z["pixel_values"]
        # pixel_values are the uint8 tiles (whose sha256 the test checks) normalised as the test does it
        rebuilt = ((tiles.astype(np.float64) * (1 / 255)).astype(np.float32) - np.float32(0.5)) / np.float32(0.5)
        assert np.array_equal(rebuilt.transpose(0, 3, 1, 2), pv), name
        logits = np.load(os.path.join(a.runs, name + ".logits.npy")).astype("<f4")
        np.save(os.path.join(a.out, name + ".logits.npy"), logits)

        def stats(key):
            s = r[key]
            return {k: s[k] for k in ("shape", "mean", "std", "abs_mean", "l2", "first_values", "last_values",
                                      "per_tile_mean", "per_tile_l2") if k in s}

        out = {
            "note": "subset of a reference.py (leopard-ref-v1) run; regenerate with tests/model/regenerate.sh",
            "case": name,
            "checkpoint_files": {k: v for k, v in r["checkpoint"]["files"].items() if k.endswith((".bin", ".json"))},
            "inputs": r["inputs"],
            "crop_plan": {"num_patchs_per_images_real": r["crop_plan"]["num_patchs_per_images_real"],
                          "num_tiles": r["crop_plan"]["num_tiles"],
                          "allocate_patches": r["crop_plan"]["allocate_patches"]},
            "tiles_resized_u8_sha256": [t["resized_u8_sha256"] for t in r["tiles"]],
            "prompt": r["prompt"],
            "input_ids": r["input_ids"],
            "num_image_tokens": r["num_image_tokens"],
            "expanded_length": r["expanded_length"],
            "vision_features": stats("vision_features"),
            "projector_output": stats("projector_output"),
            "last_prompt_logits": {"argmax": r["last_prompt_logits"]["argmax"],
                                   "top": r["last_prompt_logits"]["top"][:10],
                                   "max_abs": float(np.abs(logits).max())},
            "generation": {k: r["generation"][k] for k in ("ids", "text", "stopped_on_eos", "steps")},
        }
        with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        if name in FULL_FEATURES:
            np.save(os.path.join(a.out, name + ".vision_tile0.npy"), z["vision_features"][0].astype("<f4"))
            np.save(os.path.join(a.out, name + ".projector_tile0.npy"), z["projector_output"][0].astype("<f4"))
        print("%-14s tiles=%-3d ids=%-5d expanded=%-6d generated=%s" % (
            name, tiles.shape[0], len(r["input_ids"]), r["expanded_length"], r["generation"]["ids"]))


if __name__ == "__main__":
    main()
