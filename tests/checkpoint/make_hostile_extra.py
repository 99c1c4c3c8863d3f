#!/usr/bin/python3
"""Writes fixtures/hostile_extra/: hostile archives and safetensors files the first set
(make_fixtures.py, fixtures/hostile/) lacks — shape and stride overflows, a key written twice, a zip
record whose local header lies outside the file. Pickles come from Python's own pickler (the tensor
records exactly as torch.save writes them, fields chosen by us), then, where Python cannot produce the
hostile form (a dict key twice), one byte pattern of that pickle is replaced.

usage: /usr/bin/python3 tests/checkpoint/make_hostile_extra.py
"""
import collections
import json
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402  (helpers only; its main() is not run)
import torch  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "hostile_extra")
mf.OUT = OUT
FOUR = struct.pack("<4f", 1, 2, 3, 4)


def tensor(numel, offset, size, stride):
    return mf.FakeTensor(mf.FakeStorage(torch.FloatStorage, "0", numel), offset, size, stride)


def safetensors(path, header, payload):
    h = json.dumps(header).encode() if isinstance(header, dict) else header
    with open(os.path.join(OUT, path), "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + payload)


def main():
    os.makedirs(OUT, exist_ok=True)
    # 2^40 x 2^40 elements: the element count overflows long before any byte is read
    mf.zip_with_pickle("shape_overflow.bin", mf.real_pickle(collections.OrderedDict(
        w=tensor(4, 0, [2 ** 40, 2 ** 40], [1, 1]))), {"0": FOUR})
    # 2 x 2 elements whose strides (2^62) put the last element past int64
    mf.zip_with_pickle("stride_overflow.bin", mf.real_pickle(collections.OrderedDict(
        w=tensor(4, 0, [2, 2], [2 ** 62, 2 ** 62]))), {"0": FOUR})
    # the state dict names 'w' twice (the second over other bytes): written as 'w' and 'v', then renamed
    pkl = mf.real_pickle(collections.OrderedDict(w=tensor(4, 0, [2], [1]), v=tensor(4, 2, [2], [1])))
    assert pkl.count(b"X\x01\x00\x00\x00v") == 1
    mf.zip_with_pickle("duplicate_key.bin", pkl.replace(b"X\x01\x00\x00\x00v", b"X\x01\x00\x00\x00w"), {"0": FOUR})
    # a good archive whose central directory sends data.pkl's local header 2 GB past the end of the file
    good = mf.real_pickle(collections.OrderedDict(w=tensor(4, 0, [4], [1])))
    mf.zip_with_pickle("local_header_outside.bin", good, {"0": FOUR})
    path = os.path.join(OUT, "local_header_outside.bin")
    data = bytearray(open(path, "rb").read())
    cd = data.index(b"PK\x01\x02")  # the first central directory entry is archive/data.pkl
    struct.pack_into("<I", data, cd + 42, 0x7FFFFFF0)
    open(path, "wb").write(bytes(data))

    # safetensors: a key twice (JSON allows writing it; which one wins is up to the reader)
    dup = b'{"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, ' \
          b'"w": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}'
    safetensors("duplicate_key.safetensors", dup, FOUR[:8])
    # a shape whose element count overflows 64 bits
    safetensors("shape_overflow.safetensors",
                {"w": {"dtype": "F32", "shape": [2 ** 32, 2 ** 32, 2 ** 32], "data_offsets": [0, 4]}}, FOUR[:4])
    # offsets far past the end of the file (2^64 - 9 .. 2^64 - 1: begin + header length wraps around)
    safetensors("offsets_outside.safetensors",
                {"w": {"dtype": "F64", "shape": [1], "data_offsets": [2 ** 64 - 9, 2 ** 64 - 1]}}, FOUR[:8])
    print("written to", OUT)


if __name__ == "__main__":
    main()
