#!/usr/bin/env python3
"""Writes the text decoder of a Leopard checkpoint (language_model.*) as a Llama GGUF file, so that
llama.cpp can run the very same weights leopard-bench measures (compare_llama_cpp.sh).

A self-contained GGUF v3 writer (the format: header, key/values, tensor infos, 32-byte aligned
data) with the metadata llama.cpp's "llama" architecture reads, and q/k rows permuted from the
Hugging Face rotate_half layout to GGML's interleaved one, as convert_hf_to_gguf.py does. A llama3
rope_scaling is written as convert_hf_to_gguf.py writes it, a rope_freqs tensor of per-frequency
divisors: it slows the long wavelengths' rotation, so without it llama.cpp computes another function
(after 512 positions the greedy ids differed from the 4th on; compare_llama_cpp.sh checks them on an
fp32 file before it times anything).

usage: export_gguf.py MODEL_DIR OUT.gguf [--dtype bf16|f16|f32]
Needs python3 with torch (Debian python3-torch) and numpy.
"""
import argparse
import json
import math
import os
import struct
import sys

import numpy as np
import torch

GGUF_MAGIC = b"GGUF"
ALIGN = 32
T_UINT32, T_INT32, T_FLOAT32, T_BOOL, T_STRING, T_ARRAY = 4, 5, 6, 7, 8, 9
GGML = {"f32": 0, "f16": 1, "bf16": 30}
FILE_TYPE = {"f32": 0, "f16": 1, "bf16": 32}


def s(b):
    b = b.encode("utf-8") if isinstance(b, str) else b
    return struct.pack("<Q", len(b)) + b


def kv(key, vtype, value):
    out = s(key) + struct.pack("<I", vtype)
    if vtype == T_UINT32:
        out += struct.pack("<I", value)
    elif vtype == T_INT32:
        out += struct.pack("<i", value)
    elif vtype == T_FLOAT32:
        out += struct.pack("<f", value)
    elif vtype == T_BOOL:
        out += struct.pack("<?", value)
    elif vtype == T_STRING:
        out += s(value)
    elif vtype == T_ARRAY:
        etype, items = value
        out += struct.pack("<IQ", etype, len(items))
        if etype == T_STRING:
            out += b"".join(s(x) for x in items)
        elif etype == T_INT32:
            out += np.asarray(items, dtype="<i4").tobytes()
        else:
            raise ValueError(etype)
    return out


def load_state(model_dir):
    index = json.load(open(os.path.join(model_dir, "pytorch_model.bin.index.json")))
    state = {}
    for shard in sorted(set(index["weight_map"].values())):
        part = torch.load(os.path.join(model_dir, shard), map_location="cpu")
        state.update({k: v for k, v in part.items() if k.startswith("language_model.")})
    return state


def permute(w, heads):
    # convert_hf_to_gguf.py LlamaModel.permute: rotate_half halves -> interleaved pairs.
    rows = w.shape[0]
    return w.reshape(heads, 2, rows // heads // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def tokenizer_metadata(model_dir, vocab_size):
    tok = json.load(open(os.path.join(model_dir, "tokenizer.json")))
    tokens = [None] * vocab_size
    types = [1] * vocab_size
    for text, i in tok["model"]["vocab"].items():
        if i < vocab_size:
            tokens[i] = text
    for a in tok.get("added_tokens", []):
        if a["id"] < vocab_size:
            tokens[a["id"]] = a["content"]
            types[a["id"]] = 3 if a.get("special") else 4
    for i in range(vocab_size):
        if tokens[i] is None:
            tokens[i], types[i] = "[PAD%d]" % i, 3
    merges = [m if isinstance(m, str) else " ".join(m) for m in tok["model"]["merges"]]
    ids = {t: i for i, t in enumerate(tokens)}
    out = kv("tokenizer.ggml.model", T_STRING, "gpt2")
    out += kv("tokenizer.ggml.pre", T_STRING, "llama-bpe")
    out += kv("tokenizer.ggml.tokens", T_ARRAY, (T_STRING, tokens))
    out += kv("tokenizer.ggml.token_type", T_ARRAY, (T_INT32, types))
    out += kv("tokenizer.ggml.merges", T_ARRAY, (T_STRING, merges))
    out += kv("tokenizer.ggml.bos_token_id", T_UINT32, ids.get("<|begin_of_text|>", 0))
    out += kv("tokenizer.ggml.eos_token_id", T_UINT32, ids.get("<|eot_id|>", 0))
    return out, 7


def llama3_rope_factors(cfg, head_dim):
    # convert_hf_to_gguf.py LlamaModel.generate_extra_tensors; ggml divides each frequency by its factor,
    # which equals transformers' _compute_llama3_parameters (inference/torch/rope.cpp).
    rs = cfg["rope_scaling"]
    base = float(cfg.get("rope_theta", 10000.0))
    freqs = 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
    factor = rs.get("factor", 8.0)
    low, high = rs.get("low_freq_factor", 1.0), rs.get("high_freq_factor", 4.0)
    old = rs.get("original_max_position_embeddings", 8192)
    out = []
    for f in freqs.tolist():
        wavelen = 2 * math.pi / f
        if wavelen < old / high:
            out.append(1.0)
        elif wavelen > old / low:
            out.append(factor)
        else:
            smooth = (old / wavelen - low) / (high - low)
            out.append(1 / ((1 - smooth) / factor + smooth))
    return torch.tensor(out, dtype=torch.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("out")
    ap.add_argument("--dtype", choices=sorted(GGML), default="bf16")
    a = ap.parse_args()
    cfg = json.load(open(os.path.join(a.model_dir, "config.json")))["text_config"]
    h, heads = cfg["hidden_size"], cfg["num_attention_heads"]
    kvh = cfg.get("num_key_value_heads", heads)
    layers, vocab = cfg["num_hidden_layers"], cfg["vocab_size"]
    state = load_state(a.model_dir)
    scaling = cfg.get("rope_scaling") or {}
    rope_type = scaling.get("rope_type", scaling.get("type", "default"))
    if rope_type == "llama3":
        state["rope_freqs"] = llama3_rope_factors(cfg, h // heads)
    elif rope_type != "default":
        sys.exit("export_gguf.py: rope_scaling type %r is not written by this exporter" % rope_type)

    names = [("token_embd.weight", "language_model.model.embed_tokens.weight", None),
             ("output_norm.weight", "language_model.model.norm.weight", None),
             ("output.weight", "language_model.lm_head.weight", None)]
    if "rope_freqs" in state:
        names.append(("rope_freqs.weight", "rope_freqs", None))
    parts = {"attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm", "attn_q": "self_attn.q_proj",
             "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj", "attn_output": "self_attn.o_proj",
             "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj", "ffn_down": "mlp.down_proj"}
    for i in range(layers):
        for g, hf in parts.items():
            names.append(("blk.%d.%s.weight" % (i, g), "language_model.model.layers.%d.%s.weight" % (i, hf),
                          heads if g == "attn_q" else kvh if g == "attn_k" else None))

    meta = kv("general.architecture", T_STRING, "llama") + kv("general.name", T_STRING, "leopard-text-decoder")
    meta += kv("general.file_type", T_UINT32, FILE_TYPE[a.dtype])
    meta += kv("general.alignment", T_UINT32, ALIGN)
    meta += kv("llama.context_length", T_UINT32, cfg.get("max_position_embeddings", 8192))
    meta += kv("llama.embedding_length", T_UINT32, h)
    meta += kv("llama.block_count", T_UINT32, layers)
    meta += kv("llama.feed_forward_length", T_UINT32, cfg["intermediate_size"])
    meta += kv("llama.rope.dimension_count", T_UINT32, h // heads)
    meta += kv("llama.attention.head_count", T_UINT32, heads)
    meta += kv("llama.attention.head_count_kv", T_UINT32, kvh)
    meta += kv("llama.attention.layer_norm_rms_epsilon", T_FLOAT32, cfg.get("rms_norm_eps", 1e-5))
    meta += kv("llama.rope.freq_base", T_FLOAT32, float(cfg.get("rope_theta", 10000.0)))
    meta += kv("llama.vocab_size", T_UINT32, vocab)
    tmeta, tcount = tokenizer_metadata(a.model_dir, vocab)
    n_kv = 14 + tcount

    blobs, infos, offset = [], b"", 0
    for gguf_name, hf_name, perm_heads in names:
        t = state[hf_name].to(torch.float32)
        if perm_heads:
            t = permute(t, perm_heads)
        kind = "f32" if t.dim() == 1 else a.dtype  # norms stay f32, as convert_hf_to_gguf writes them
        if kind == "bf16":
            data = t.to(torch.bfloat16).view(torch.int16).numpy().tobytes()
        elif kind == "f16":
            data = t.to(torch.float16).numpy().tobytes()
        else:
            data = t.numpy().astype("<f4").tobytes()
        dims = list(reversed(t.shape))
        infos += s(gguf_name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        infos += struct.pack("<IQ", GGML[kind], offset)
        blobs.append((offset, data))
        offset += (len(data) + ALIGN - 1) // ALIGN * ALIGN

    with open(a.out, "wb") as f:
        f.write(GGUF_MAGIC + struct.pack("<IQQ", 3, len(names), n_kv))
        f.write(meta + tmeta + infos)
        f.write(b"\0" * (-f.tell() % ALIGN))
        start = f.tell()
        for off, data in blobs:
            f.write(b"\0" * (start + off - f.tell()))
            f.write(data)
    print("wrote %s: %d tensors, %.2f GB" % (a.out, len(names), os.path.getsize(a.out) / 1e9), file=sys.stderr)


if __name__ == "__main__":
    main()
