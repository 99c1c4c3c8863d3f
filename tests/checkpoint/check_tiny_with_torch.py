#!/usr/bin/python3
"""Reads a `leopard-cli make-tiny` directory with the real torch.load and checks it against the structure
of reference/model/make_tiny.py (re-stated here, independently of the C++ writer): shard split and pickle
types, tensor names/shapes from config.json, the bf16/fp16 dtype rule, the init scales, lm_head row norms,
and the tokenizer additions. Prints one line per problem; exit 0 when there is none.

usage: /usr/bin/python3 tests/checkpoint/check_tiny_with_torch.py DIR
"""
import collections
import json
import math
import os
import sys

import torch

LEOPARD_ADDED = ["<unk>", "<|im_start|>", "<|im_end|>"] + ["\t" * n for n in range(2, 10)] + ["<|im_omitted|>"]


def dtype_for(name):  # make_tiny.py DTYPE_RULES
    if name.startswith("vision_tower."):
        return torch.bfloat16 if ("layer_norm" in name or "layernorm" in name) else torch.float16
    if name == "multi_modal_projector.linear_2.bias":
        return torch.bfloat16
    if name.startswith("multi_modal_projector."):
        return torch.float16
    if name in ("language_model.model.embed_tokens.weight", "language_model.lm_head.weight"):
        return torch.float16
    return torch.bfloat16


def expected_shapes(cfg):
    t, v = cfg["text_config"], cfg["vision_config"]
    th, vh = t["hidden_size"], v["hidden_size"]
    hd = th // t["num_attention_heads"]
    q, kv = t["num_attention_heads"] * hd, t["num_key_value_heads"] * hd
    s = {"language_model.model.embed_tokens.weight": (t["vocab_size"], th),
         "multi_modal_projector.linear_1.weight": (th, 4 * vh), "multi_modal_projector.linear_1.bias": (th,),
         "multi_modal_projector.linear_2.weight": (th, th), "multi_modal_projector.linear_2.bias": (th,),
         "language_model.model.norm.weight": (th,), "language_model.lm_head.weight": (t["vocab_size"], th)}
    for i in range(t["num_hidden_layers"]):
        p = "language_model.model.layers.%d." % i
        s.update({p + "self_attn.q_proj.weight": (q, th), p + "self_attn.k_proj.weight": (kv, th),
                  p + "self_attn.v_proj.weight": (kv, th), p + "self_attn.o_proj.weight": (th, q),
                  p + "mlp.gate_proj.weight": (t["intermediate_size"], th),
                  p + "mlp.up_proj.weight": (t["intermediate_size"], th),
                  p + "mlp.down_proj.weight": (th, t["intermediate_size"]),
                  p + "input_layernorm.weight": (th,), p + "post_attention_layernorm.weight": (th,)})
    vp = "vision_tower.vision_model."
    g = v["image_size"] // v["patch_size"]
    s.update({vp + "embeddings.patch_embedding.weight": (vh, 3, v["patch_size"], v["patch_size"]),
              vp + "embeddings.patch_embedding.bias": (vh,), vp + "embeddings.position_embedding.weight": (g * g, vh),
              vp + "post_layernorm.weight": (vh,), vp + "post_layernorm.bias": (vh,)})
    for i in range(v["num_hidden_layers"]):
        p = vp + "encoder.layers.%d." % i
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            s[p + "self_attn.%s.weight" % proj] = (vh, vh)
            s[p + "self_attn.%s.bias" % proj] = (vh,)
        for ln in ("layer_norm1", "layer_norm2"):
            s[p + ln + ".weight"] = (vh,)
            s[p + ln + ".bias"] = (vh,)
        s.update({p + "mlp.fc1.weight": (v["intermediate_size"], vh), p + "mlp.fc1.bias": (v["intermediate_size"],),
                  p + "mlp.fc2.weight": (vh, v["intermediate_size"]), p + "mlp.fc2.bias": (vh,)})
    return s


def main():
    d = sys.argv[1]
    problems = []
    cfg = json.load(open(os.path.join(d, "config.json")))
    index = json.load(open(os.path.join(d, "pytorch_model.bin.index.json")))
    shards = sorted(set(index["weight_map"].values()))
    if shards != ["pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"]:
        problems.append("shard files %s" % shards)
    loaded = {}
    total = 0
    for k, name in enumerate(shards):
        sd = torch.load(os.path.join(d, name), map_location="cpu")
        want_type = collections.OrderedDict if k == 0 else dict
        if type(sd) is not want_type:
            problems.append("%s pickles a %s, expected %s" % (name, type(sd).__name__, want_type.__name__))
        for n, t in sd.items():
            if index["weight_map"].get(n) != name:
                problems.append("%s holds %s, the index says %s" % (name, n, index["weight_map"].get(n)))
            loaded[n] = t
            total += t.numel() * t.element_size()
    if total != index["metadata"]["total_size"]:
        problems.append("index total_size %d, tensors hold %d bytes" % (index["metadata"]["total_size"], total))
    shapes = expected_shapes(cfg)
    for n, shape in shapes.items():
        if n not in loaded:
            problems.append("missing %s" % n)
        elif tuple(loaded[n].shape) != shape:
            problems.append("%s has shape %s, expected %s" % (n, tuple(loaded[n].shape), shape))
    for n, t in loaded.items():
        if n not in shapes and not n.startswith("vision_tower.vision_model.head."):
            problems.append("unexpected tensor %s" % n)
        if t.dtype != dtype_for(n):
            problems.append("%s is %s, the dtype rule says %s" % (n, t.dtype, dtype_for(n)))
        x = t.double()
        if not torch.isfinite(x).all():
            problems.append("%s has non-finite values" % n)
            continue
        if x.numel() < 512:
            continue
        # init scales (make_tiny.py): within 10 % on >= 512 samples
        if n.endswith("lm_head.weight"):
            norms = x.norm(dim=1)
            if (norms - 4.0).abs().max() > 0.02:
                problems.append("%s row norms in [%g, %g], expected 4" % (n, norms.min(), norms.max()))
            continue
        if "embed_tokens" in n:
            want_mean, want_std = 0.0, 0.5
        elif "position_embedding" in n:
            want_mean, want_std = 0.0, 0.5
        elif n.endswith("probe"):
            want_mean, want_std = 0.0, 1.0
        elif t.dim() >= 2:
            want_mean, want_std = 0.0, 1.0 / math.sqrt(t[0].numel())
        elif "norm" in n and n.endswith("weight"):
            want_mean, want_std = 1.0, 0.1
        else:
            want_mean, want_std = 0.0, 0.1
        mean, std = float(x.mean()), float(x.std())
        if abs(mean - want_mean) > 0.1 * want_std + 4 * want_std / math.sqrt(x.numel()) or abs(std / want_std - 1) > 0.1:
            problems.append("%s: mean %.4g std %.4g, expected %.4g / %.4g" % (n, mean, std, want_mean, want_std))
    tok = json.load(open(os.path.join(d, "tokenizer.json"), encoding="utf-8"))
    ids = {t["content"]: t["id"] for t in tok["added_tokens"]}
    if ids.get("<|reserved_special_token_195|>") != cfg["image_token_index"]:
        problems.append("image token id %s != image_token_index %s" % (ids.get("<|reserved_special_token_195|>"),
                                                                          cfg["image_token_index"]))
    tail = tok["added_tokens"][-12:]
    if [t["content"] for t in tail] != LEOPARD_ADDED or [t["id"] for t in tail] != list(range(128256, 128268)):
        problems.append("tokenizer.json does not end with Leopard's 12 added tokens at 128256..128267")
    if not tail[0]["special"] or any(t["special"] for t in tail[1:]):
        problems.append("only <unk> must be special")
    for p in problems:
        print(p)
    print("checked %d tensors with torch %s: %s" % (len(loaded), torch.__version__, "OK" if not problems else "FAILED"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
