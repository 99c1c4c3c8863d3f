// A whole torch.save archive from arbitrary bytes: zip central directory (ZIP64 too), the pickle, the
// storage records, and the truncation diagnosis that walks local headers. Outcomes: tensors whose
// bytes lie inside their record and the file, or a CheckpointError naming the file.
#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/dtype.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/zip_reader.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstring>

using namespace leopard::ckpt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        for (const RawTensor &t : readTorchZipTensors("fuzz.bin", data, size)) {
            FUZZ_CHECK(t.recordOffset <= size && t.recordSize <= size - t.recordOffset, "record of '%s'", t.name.c_str());
            FUZZ_CHECK(t.offset >= t.recordOffset, "tensor '%s' starts before its record", t.name.c_str());
            bool empty = false;
            for (std::int64_t d : t.shape)
                empty = empty || d == 0;
            if (empty)
                continue;
            __int128 last = 0;
            for (std::size_t k = 0; k < t.shape.size(); ++k)
                last += static_cast<__int128>(t.shape[k] - 1) * t.strides[k];
            const __int128 endByte = t.offset + (last + 1) * elementSize(t.dtype);
            FUZZ_CHECK(endByte <= static_cast<__int128>(t.recordOffset + t.recordSize),
                       "tensor '%s' reaches past its record", t.name.c_str());
        }
    } catch (const CheckpointError &e) {
        FUZZ_CHECK(std::strncmp(e.what(), "fuzz.bin: ", 10) == 0, "message does not name the file: %s", e.what());
    }
    // The local-header walk on its own (it also runs on archives that still have their directory).
    for (const ScannedRecord &r : scanLocalRecords(data, size))
        FUZZ_CHECK(!r.complete || (r.record.dataOffset <= size && r.record.size <= size - r.record.dataOffset),
                   "complete record '%s' outside the file", r.record.name.c_str());
    return 0;
}
