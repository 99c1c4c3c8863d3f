#!/usr/bin/env python3
"""Writes the seed corpus tests/fuzz/corpus/<target>/ from the committed checkpoint fixtures (files the
real torch.save and safetensors wrote, tests/checkpoint/make_fixtures.py) plus small hand-made inputs.
Crash inputs the fuzzers found are kept in corpus/<target>/regress-* and are not touched here.
usage: python3 tests/fuzz/make_corpus.py"""
import glob, json, os, random, shutil, struct, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "checkpoint", "fixtures")
OUT = os.path.join(HERE, "corpus")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(p):
    with open(p, "rb") as f:
        return f.read()


# torch.save archives (whole) and their pickles.
archives = sorted(glob.glob(os.path.join(FIX, "torch", "*.bin")) + glob.glob(os.path.join(FIX, "hostile", "*.bin")) +
                  glob.glob(os.path.join(FIX, "micro_bin*", "*.bin")))
for p in archives:
    base = os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p)
    data = read(p)
    if len(data) <= 64 * 1024:
        put("fuzz_torch_zip", base, data)
    try:
        with zipfile.ZipFile(p) as z:
            for n in z.namelist():
                if n.endswith("data.pkl"):
                    put("fuzz_unpickler", base.replace(".bin", ".pkl"), z.read(n))
    except (zipfile.BadZipFile, NotImplementedError, ValueError):
        pass  # the hostile ones that are not readable zips stay whole-archive seeds only
# A truncated archive: the truncation diagnosis walks local headers.
put("fuzz_torch_zip", "truncated-half.bin", read(os.path.join(FIX, "torch", "plain_dict.bin"))[: len(read(os.path.join(FIX, "torch", "plain_dict.bin"))) // 2])

# safetensors: the real files plus minimal hand-written ones.
for p in sorted(glob.glob(os.path.join(FIX, "micro_safetensors*", "*.safetensors"))):
    put("fuzz_safetensors", os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p), read(p))


def st(header, payload=b""):
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + payload


put("fuzz_safetensors", "one-f32.safetensors", st({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8))
put("fuzz_safetensors", "metadata-bf16.safetensors",
    st({"__metadata__": {"format": "pt"}, "a": {"dtype": "BF16", "shape": [1, 2], "data_offsets": [0, 4]},
        "b": {"dtype": "F16", "shape": [], "data_offsets": [4, 6]}}, b"\1" * 6))

# config.json variants.
micro = json.loads(read(os.path.join(FIX, "micro_bin", "config.json")))
put("fuzz_model_config", "micro.json", json.dumps(micro).encode())
leopard = {"model_type": "llava", "image_token_index": 128256, "projector_hidden_act": "gelu",
           "text_config": {"model_type": "llama", "vocab_size": 128320, "max_position_embeddings": 131072,
                           "num_key_value_heads": 8, "intermediate_size": 14336, "rms_norm_eps": 1e-5,
                           "rope_theta": 500000.0,
                           "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                                            "original_max_position_embeddings": 8192, "rope_type": "llama3"}},
           "vision_config": {"model_type": "siglip_vision_model", "hidden_size": 1152, "intermediate_size": 4304,
                             "num_hidden_layers": 27, "num_attention_heads": 16, "image_size": 364, "patch_size": 14}}
put("fuzz_model_config", "leopard-like.json", json.dumps(leopard, indent=1).encode())
tied = json.loads(json.dumps(micro))
tied["text_config"]["tie_word_embeddings"] = True
tied["text_config"]["head_dim"] = 4
del tied["text_config"]["rope_scaling"]
put("fuzz_model_config", "tied-headdim.json", json.dumps(tied).encode())

# Tokenizer: first byte 0 = encode (| 0x80: with BOS), 1 = decode ids, 2 = tokenizer.json.
for i, text in enumerate(["Hello, world! 123 4567", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is on page 3?<|eot_id|>",
                          "naïve café — 東京 🦁\t\r\n  spaces   ", "don't I'LL 've\u00a0\u2028", "\xff\xfe broken utf8 \xc3"]):
    put("fuzz_tokenizer", "encode-%d" % i, b"\0" + text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
put("fuzz_tokenizer", "encode-invalid", b"\0" + b"abc\xff\xc3(\xe2\x82 tail")
put("fuzz_tokenizer", "decode-ids", b"\1" + struct.pack("<8i", 128000, 9906, 11, 1917, 0, 128009, 256, 99999))
put("fuzz_tokenizer", "decode-partial-utf8", b"\1" + struct.pack("<3i", 3722, 226, 1174))
put("fuzz_tokenizer", "json-minimal", b"\2" + json.dumps({"model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2},
                                                                     "merges": ["a b"]}}).encode())

# Planner: FuzzedDataProvider bytes (random; structure comes from the harness).
rng = random.Random(7)
for i in range(8):
    put("fuzz_planner", "random-%d" % i, bytes(rng.randrange(256) for _ in range(16 + 24 * i)))
print("corpus written to", OUT)
