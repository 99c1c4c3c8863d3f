#!/usr/bin/python3
"""Writes the committed test fixtures of tests/checkpoint/ with the *real* torch.save (Debian python3-torch)
and a minimal safetensors writer following the format spec (the safetensors package is not available).

usage: /usr/bin/python3 tests/checkpoint/make_fixtures.py [OUT_DIR]   (default: tests/checkpoint/fixtures)

Everything is deterministic (fixed torch seed; zip timestamps come from torch's writer, which writes none
that vary). expected.json records, for every tensor, what torch itself says about it (dtype, shape, and
values upcast to float64) — the C++ tests compare their reading against that, never against their own output.
"""
import collections
import io
import json
import os
import pickle
import shutil
import struct
import sys
import zipfile

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
DT = {torch.float32: "fp32", torch.float16: "fp16", torch.bfloat16: "bf16", torch.float64: "fp64",
      torch.int64: "int64", torch.int32: "int32", torch.uint8: "uint8", torch.bool: "bool"}
expected = {}


def describe(t, full=True):
    """What torch says about t: dtype, shape, and its values upcast exactly to float64 (all of them for the
    small torch/ fixtures; count, sum, sum of |x| and the first 8 for the micro checkpoints)."""
    t = t.detach()
    d = t.double().flatten()
    out = {"dtype": DT[t.dtype], "shape": list(t.shape)}
    if full:
        out["values"] = [float(v) for v in d.tolist()]
    else:
        out.update(sum=float(d.sum()), abs_sum=float(d.abs().sum()), first=[float(v) for v in d[:8].tolist()])
    return out


def save(sd, rel, full=True):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.save(sd, path)
    expected[rel] = {"ordered": isinstance(sd, collections.OrderedDict),
                     "tensors": collections.OrderedDict((k, describe(v, full)) for k, v in sd.items())}


# ---------------------------------------------------------------- torch.save state dicts
def torch_fixtures():
    torch.manual_seed(1234)
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4) / 4 - 1
    sd = collections.OrderedDict()
    sd["f32"] = base
    sd["f32_transposed"] = base.t()                   # non-contiguous view, shares base's storage
    sd["f32_rows_1_2"] = base[1:]                     # storage offset 4 into the same storage
    sd["f32_column_2"] = base[:, 2]                   # offset 2, stride 4
    sd["bf16"] = torch.tensor([[1.5, -2.25, 3.0], [0.1, 1e-3, -7e4]], dtype=torch.bfloat16)
    sd["fp16"] = torch.tensor([0.5, -2.0, 65504.0, 6e-8, -1e-4, 0.0], dtype=torch.float16)
    sd["param_bf16"] = torch.nn.Parameter(torch.randn(2, 2).to(torch.bfloat16), requires_grad=False)
    sd["scalar"] = torch.tensor(3.25)
    sd["expanded"] = torch.tensor([1.0, 2.0]).reshape(2, 1).expand(2, 3)  # stride 0
    sd["empty"] = torch.zeros(0, 4)
    save(sd, "torch/ordered_mixed.bin")

    save({"a.weight": torch.randn(4, 3).half(), "b.bias": torch.randn(5).to(torch.bfloat16),
          "c": torch.randn(2, 3, 2)}, "torch/plain_dict.bin")

    # module.state_dict(): an OrderedDict carrying _metadata (pickled through BUILD)
    lin = torch.nn.Linear(3, 2).to(torch.float16)
    save(lin.state_dict(), "torch/module_state_dict.bin")


# ---------------------------------------------------------------- hostile archives
def zip_with_pickle(rel, pkl, records=None, prefix="archive"):
    """A torch.save-shaped zip (stored records) whose data.pkl is `pkl`."""
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        def put(name, data):
            info = zipfile.ZipInfo(prefix + "/" + name, date_time=(1980, 1, 1, 0, 0, 0))
            z.writestr(info, data)
        put("data.pkl", pkl)
        for name, data in (records or {}).items():
            put("data/" + name, data)
        put("version", b"3\n")


class FakeStorage:
    def __init__(self, storage_type, key, numel):
        self.pid = ("storage", storage_type, key, "cpu", numel)


class FakeTensor:
    """Pickles exactly like a tensor (torch._utils._rebuild_tensor_v2), with whatever fields we choose."""
    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce_ex__(self, proto):
        return (torch._utils._rebuild_tensor_v2, self.args)


def real_pickle(obj):
    buf = io.BytesIO()
    p = pickle.Pickler(buf, protocol=2)
    p.persistent_id = lambda o: o.pid if isinstance(o, FakeStorage) else None
    p.dump(obj)
    return buf.getvalue()


def hostile_fixtures():
    four_floats = struct.pack("<4f", 1, 2, 3, 4)
    good = real_pickle(collections.OrderedDict(w=FakeTensor(FakeStorage(torch.FloatStorage, "0", 4), 0, [4], [1])))
    cases = {
        # GLOBAL os.system + REDUCE: the classic pickle exploit (would run `id`)
        "os_system": b"\x80\x02cos\nsystem\nX\x02\x00\x00\x00idq\x00\x85q\x01R.",
        "builtins_eval": b"\x80\x02cbuiltins\neval\nX\x05\x00\x00\x001+1+1\x85R.",
        # a real tensor pickle whose rebuild function is replaced by another torch global
        "global_torch_load": good.replace(b"torch._utils\n_rebuild_tensor_v2", b"torch\nload"),
        # an allowed global, but not a callable: storages come only through persistent ids
        "reduce_storage": b"\x80\x02ctorch\nFloatStorage\n)R.",
        # REDUCE of something that is not a global at all
        "reduce_string": b"\x80\x02X\x03\x00\x00\x00abc)R.",
        "bad_opcode": b"\x80\x02}\xff.",
        "stack_global": b"\x80\x02X\x02\x00\x00\x00osX\x06\x00\x00\x00system\x93.",
        "truncated_pickle": good[: len(good) // 2],
        "not_a_dict": real_pickle([1, 2, 3]),
        # tensor reaching past its storage: offset 3 + 4 elements in a 4-element storage
        "offset_outside_storage": real_pickle(collections.OrderedDict(
            w=FakeTensor(FakeStorage(torch.FloatStorage, "0", 4), 3, [4], [1]))),
        # storage claims 1000 elements, its record holds 4
        "storage_outside_record": real_pickle(collections.OrderedDict(
            w=FakeTensor(FakeStorage(torch.FloatStorage, "0", 1000), 0, [4], [1]))),
    }
    for name, pkl in cases.items():
        zip_with_pickle("hostile/%s.bin" % name, pkl, {"0": four_floats})
    # a weight name over a stride-0 view: 8 elements from a 1-element storage (real torch.save)
    torch.save(collections.OrderedDict([("language_model.model.norm.weight", torch.ones(1).expand(8))]),
               os.path.join(OUT, "hostile/expanded_weight.bin"))
    # compressed record: torch.save never writes one
    path = os.path.join(OUT, "hostile/compressed_record.bin")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("archive/data.pkl", date_time=(1980, 1, 1, 0, 0, 0)), good,
                   compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("archive/data/0", date_time=(1980, 1, 1, 0, 0, 0)), four_floats)
        z.writestr(zipfile.ZipInfo("archive/version", date_time=(1980, 1, 1, 0, 0, 0)), b"3\n")
    # a good archive written with ZIP64 structures (Python's zipfile, limit lowered so a small file gets
    # the ZIP64 extra fields and end records a > 4 GB shard has)
    saved = zipfile.ZIP64_LIMIT
    zipfile.ZIP64_LIMIT = 16
    try:
        path = os.path.join(OUT, "torch/zip64.bin")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as z:
            for n, d in (("data.pkl", good), ("data/0", four_floats), ("version", b"3\n")):
                with z.open(zipfile.ZipInfo("archive/" + n, date_time=(1980, 1, 1, 0, 0, 0)), "w", force_zip64=True) as f:
                    f.write(d)
    finally:
        zipfile.ZIP64_LIMIT = saved
    expected["torch/zip64.bin"] = {"ordered": True, "tensors": {"w": {"dtype": "fp32", "shape": [4],
                                                                       "values": [1.0, 2.0, 3.0, 4.0]}}}


# ---------------------------------------------------------------- micro Leopard-LLaVA checkpoints
V = dict(hidden=8, layers=1, heads=2, inter=16, image=28, patch=14, channels=3)
T = dict(hidden=8, layers=2, heads=2, kv_heads=1, inter=12, vocab=16)


def micro_config():
    return {
        "architectures": ["LlavaForConditionalGeneration"], "ignore_index": -100, "image_token_index": 7,
        "model_type": "llava", "projector_hidden_act": "gelu",
        "text_config": {"hidden_size": T["hidden"], "intermediate_size": T["inter"], "model_type": "llama",
                        "num_attention_heads": T["heads"], "num_hidden_layers": T["layers"],
                        "num_key_value_heads": T["kv_heads"], "rms_norm_eps": 1e-05, "rope_theta": 500000,
                        "rope_scaling": {"factor": 8.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                                         "original_max_position_embeddings": 8192, "rope_type": "llama3"},
                        "torch_dtype": "float16", "vocab_size": T["vocab"]},
        "transformers_version": "4.44.2",
        "vision_config": {"hidden_act": "gelu_pytorch_tanh", "hidden_size": V["hidden"], "image_size": V["image"],
                          "intermediate_size": V["inter"], "layer_norm_eps": 1e-06,
                          "model_type": "siglip_vision_model", "num_attention_heads": V["heads"],
                          "num_hidden_layers": V["layers"], "patch_size": V["patch"]},
        "vision_feature_layer": -2, "vision_feature_select_strategy": "default",
    }


def micro_specs():
    """(name, shape) in legacy layout; shard 1 = LM + projector, shard 2 = vision + final norm + lm_head."""
    t, v = T, V
    hd = t["hidden"] // t["heads"]
    s1 = [("language_model.model.embed_tokens.weight", (t["vocab"], t["hidden"])),
          ("multi_modal_projector.linear_1.weight", (t["hidden"], 4 * v["hidden"])),
          ("multi_modal_projector.linear_1.bias", (t["hidden"],)),
          ("multi_modal_projector.linear_2.weight", (t["hidden"], t["hidden"])),
          ("multi_modal_projector.linear_2.bias", (t["hidden"],))]
    for i in range(t["layers"]):
        p = "language_model.model.layers.%d." % i
        s1 += [(p + "self_attn.q_proj.weight", (t["heads"] * hd, t["hidden"])),
               (p + "self_attn.k_proj.weight", (t["kv_heads"] * hd, t["hidden"])),
               (p + "self_attn.v_proj.weight", (t["kv_heads"] * hd, t["hidden"])),
               (p + "self_attn.o_proj.weight", (t["hidden"], t["heads"] * hd)),
               (p + "mlp.gate_proj.weight", (t["inter"], t["hidden"])),
               (p + "mlp.up_proj.weight", (t["inter"], t["hidden"])),
               (p + "mlp.down_proj.weight", (t["hidden"], t["inter"])),
               (p + "input_layernorm.weight", (t["hidden"],)),
               (p + "post_attention_layernorm.weight", (t["hidden"],))]
    vp = "vision_tower.vision_model."
    s2 = [(vp + "embeddings.patch_embedding.weight", (v["hidden"], v["channels"], v["patch"], v["patch"])),
          (vp + "embeddings.patch_embedding.bias", (v["hidden"],)),
          (vp + "embeddings.position_embedding.weight", ((v["image"] // v["patch"]) ** 2, v["hidden"]))]
    for i in range(v["layers"]):
        p = vp + "encoder.layers.%d." % i
        for proj in ("k_proj", "v_proj", "q_proj", "out_proj"):
            s2 += [(p + "self_attn.%s.weight" % proj, (v["hidden"], v["hidden"])),
                   (p + "self_attn.%s.bias" % proj, (v["hidden"],))]
        s2 += [(p + "layer_norm1.weight", (v["hidden"],)), (p + "layer_norm1.bias", (v["hidden"],)),
               (p + "mlp.fc1.weight", (v["inter"], v["hidden"])), (p + "mlp.fc1.bias", (v["inter"],)),
               (p + "mlp.fc2.weight", (v["hidden"], v["inter"])), (p + "mlp.fc2.bias", (v["hidden"],)),
               (p + "layer_norm2.weight", (v["hidden"],)), (p + "layer_norm2.bias", (v["hidden"],))]
    s2 += [(vp + "post_layernorm.weight", (v["hidden"],)), (vp + "post_layernorm.bias", (v["hidden"],)),
           (vp + "head.probe", (1, 1, v["hidden"])),  # SigLIP MAP head: present, unused
           ("language_model.model.norm.weight", (t["hidden"],)),
           ("language_model.lm_head.weight", (t["vocab"], t["hidden"]))]
    return s1, s2


def micro_dtype(name):
    # the make_tiny.py rule: vision norms bf16, other vision fp16, projector fp16 but linear_2.bias bf16,
    # embeddings and lm_head fp16, the rest of the LM bf16
    if name.startswith("vision_tower."):
        return torch.bfloat16 if "norm" in name else torch.float16
    if name == "multi_modal_projector.linear_2.bias":
        return torch.bfloat16
    if name.startswith("multi_modal_projector.") or name in ("language_model.model.embed_tokens.weight",
                                                           "language_model.lm_head.weight"):
        return torch.float16
    return torch.bfloat16


def modern(name):
    for legacy, new in (("language_model.model.", "model.language_model."), ("language_model.lm_head.", "lm_head."),
                        ("vision_tower.", "model.vision_tower."),
                        ("multi_modal_projector.", "model.multi_modal_projector.")):
        if name.startswith(legacy):
            return new + name[len(legacy):]
    raise ValueError(name)


def micro_tensors():
    torch.manual_seed(99)
    s1, s2 = micro_specs()
    return [collections.OrderedDict((n, torch.randn(*s).to(micro_dtype(n))) for n, s in spec) for spec in (s1, s2)]


def write_config(d):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "config.json"), "w") as f:
        json.dump(micro_config(), f, indent=4)
        f.write("\n")


def safetensors_bytes(tensors):
    """The safetensors format: u64 LE header length, JSON header (padded with spaces to 8 bytes), data."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    names = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}
    for name, t in tensors.items():
        t = t.contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype == torch.bfloat16 else t.numpy().tobytes()
        header[name] = {"dtype": names[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + b"".join(blobs)


def micro_fixtures():
    shard1, shard2 = micro_tensors()
    # 1. published layout: two torch.save shards (OrderedDict + plain dict) + pytorch_model.bin.index.json
    d = os.path.join(OUT, "micro_bin")
    write_config(d)
    names = ["pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"]
    save(shard1, "micro_bin/" + names[0], full=False)
    save(dict(shard2), "micro_bin/" + names[1], full=False)
    wm = {n: names[0] for n in shard1}
    wm.update({n: names[1] for n in shard2})
    total = sum(t.numel() * t.element_size() for s in (shard1, shard2) for t in s.values())
    with open(os.path.join(d, "pytorch_model.bin.index.json"), "w") as f:
        f.write(json.dumps({"metadata": {"total_size": total}, "weight_map": wm}, indent=2, sort_keys=True) + "\n")

    # 2. newer transformers' names, single pytorch_model.bin
    d = os.path.join(OUT, "micro_bin_modern")
    write_config(d)
    both = collections.OrderedDict((modern(n), t) for s in (shard1, shard2) for n, t in s.items())
    save(both, "micro_bin_modern/pytorch_model.bin", full=False)

    # 3. single model.safetensors, newer names
    d = os.path.join(OUT, "micro_safetensors")
    write_config(d)
    with open(os.path.join(d, "model.safetensors"), "wb") as f:
        f.write(safetensors_bytes(both))
    expected["micro_safetensors/model.safetensors"] = {
        "ordered": False, "tensors": collections.OrderedDict((k, describe(v, False)) for k, v in both.items())}

    # 4. sharded safetensors with index, legacy names
    d = os.path.join(OUT, "micro_safetensors_sharded")
    write_config(d)
    snames = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
    wm = {}
    for s, n in zip((shard1, shard2), snames):
        with open(os.path.join(d, n), "wb") as f:
            f.write(safetensors_bytes(s))
        wm.update({k: n for k in s})
        expected["micro_safetensors_sharded/" + n] = {
            "ordered": False, "tensors": collections.OrderedDict((k, describe(v, False)) for k, v in s.items())}
    with open(os.path.join(d, "model.safetensors.index.json"), "w") as f:
        f.write(json.dumps({"metadata": {"total_size": total}, "weight_map": wm}, indent=2, sort_keys=True) + "\n")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    torch_fixtures()
    hostile_fixtures()
    micro_fixtures()
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
