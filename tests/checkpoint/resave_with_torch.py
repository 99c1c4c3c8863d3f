#!/usr/bin/python3
"""Reads every shard of a model directory with the real torch.load and writes it again with the real
torch.save into OUT (other files copied): a checkpoint in exactly the format torch writes, ZIP64 included
for shards over 4 GB. Used by measure_load_memory.sh.

usage: /usr/bin/python3 tests/checkpoint/resave_with_torch.py SRC_DIR OUT_DIR
"""
import json
import os
import shutil
import sys
import time

import torch

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
index = json.load(open(os.path.join(src, "pytorch_model.bin.index.json")))
shards = sorted(set(index["weight_map"].values()))
for name in os.listdir(src):
    if name not in shards:
        shutil.copy(os.path.join(src, name), os.path.join(out, name))
for name in shards:
    t0 = time.time()
    sd = torch.load(os.path.join(src, name), map_location="cpu")
    print("%s: torch.load read a %s of %d tensors in %.1f s" % (name, type(sd).__name__, len(sd), time.time() - t0),
          flush=True)
    torch.save(sd, os.path.join(out, name))
    del sd
