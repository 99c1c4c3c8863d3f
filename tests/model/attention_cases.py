#!/usr/bin/env python3
"""Attention-map expectations for tests/model/test_attention_maps.cpp, from reference.py runs.

  followup-ids SPEC FIRST_RUN.json CHECKPOINT OUT.json
      The ids of a follow-up turn as the app's conversation feeds them (prompt_builder's appendFollowUp):
      the first turn's prompt ids + its generated ids (+ <|eot_id|> when it did not stop on one) + the
      new user turn, its <image> tag expanded for the new images and numbered on from the first turn's,
      tokenised without BOS. reference.py has no second turn, so it runs these ids as one prompt
      (--input-ids-json) over all the images: the same keys the C++ follow-up reaches through its cache.
  extract RUN.json RUN.att.npz NAME OUT_DIR
      OUT_DIR/NAME.npy   float32 [steps, layers, heads, image positions]: reference.py
                         --dump-attentions-npz's weights of the image keys only (text keys dropped:
                         they are what keeps the files small; their total is kept per row in the JSON)
      OUT_DIR/NAME.json  input ids, generated ids, the positions of each model image, the text keys'
                         total weight per [step][layer][head], model-image sha256s
"""
import json
import os
import sys

import numpy as np

PER_IMAGE = 169


def followup_ids(spec_path, first_run, checkpoint, out):
    here = os.path.dirname(os.path.abspath(__file__))
    ref = os.environ.get("LEOPARD_REFERENCE_DIR") or os.path.join(here, "..", "..", "..", "shared", "reference", "model")
    sys.path.insert(0, ref)
    from llama3_tok import Llama3Tokenizer
    tok = Llama3Tokenizer(checkpoint)
    with open(spec_path) as fh:
        spec = json.load(fh)
    with open(first_run) as fh:
        first = json.load(fh)
    eot = tok.token_to_id("<|eot_id|>")
    ids = list(first["input_ids"]) + list(first["generation"]["ids"])
    if not ids or ids[-1] != eot:
        ids.append(eot)
    before = len(first["crop_plan"]["num_patchs_per_images_real"])
    question = spec["question"]
    assert question.count("<image>") == len(spec["new_model_images"]), "one <image> tag per new image"
    for i, n in enumerate(spec["new_model_images"]):
        question = question.replace("<image>", "image %d: <|reserved_special_token_20|>%s<|reserved_special_token_21|>"
                                    % (before + 1 + i, "<|reserved_special_token_195|>" * n), 1)
    turn = ("<|start_header_id|>user<|end_header_id|>\n\n" + question + "\n" + first["inputs"]["instruction"] +
            "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n")
    ids += tok(turn, add_special_tokens=False)
    with open(out, "w") as fh:
        json.dump({"input_ids": ids, "pad_token_id": tok.pad_token_id}, fh)


def extract(run_json, att_npz, name, out_dir):
    with open(run_json) as fh:
        r = json.load(fh)
    z = np.load(att_npz)
    owner = z["image_of_position"]
    steps = len(r["generation"]["ids"])
    assert all("step%d" % k in z for k in range(steps)), "one attention row per generated token"
    image = owner >= 0
    runs = []
    for m in range(int(owner.max()) + 1):
        pos = np.nonzero(owner == m)[0]
        assert len(pos) == PER_IMAGE and pos[-1] - pos[0] == PER_IMAGE - 1, "model image %d is not one run" % m
        runs.append([int(pos[0]), PER_IMAGE])
    weights, text_mass = [], []
    for k in range(steps):
        a = z["step%d" % k]                                   # [layers, heads, keys]
        assert a.shape[-1] == len(owner) + k
        weights.append(a[:, :, :len(owner)][:, :, image])
        rest = np.concatenate([a[:, :, :len(owner)][:, :, ~image], a[:, :, len(owner):]], axis=-1)
        text_mass.append(rest.astype(np.float64).sum(-1).tolist())
    w = np.stack(weights).astype("<f4")
    os.makedirs(out_dir, exist_ok=True)
    np.save(os.path.join(out_dir, name + ".npy"), w)
    out = {
        "note": "reference.py --dump-attentions-npz, image keys only; regenerate with tests/model/regenerate.sh",
        "case": name,
        "input_ids": r["input_ids"],
        "expanded_length": r["expanded_length"],
        "generated_ids": r["generation"]["ids"],
        "shape": list(w.shape),
        "image_positions": runs,
        "text_mass": text_mass,
        "tiles_resized_u8_sha256": [t["resized_u8_sha256"] for t in r["tiles"]],
    }
    with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("%-16s steps=%d layers=%d heads=%d image positions=%d (%d model images)" % (
        name, w.shape[0], w.shape[1], w.shape[2], w.shape[3], len(runs)))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "followup-ids":
        followup_ids(*sys.argv[2:])
    elif len(sys.argv) == 6 and sys.argv[1] == "extract":
        extract(*sys.argv[2:])
    else:
        sys.exit(__doc__)
