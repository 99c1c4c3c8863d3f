#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/mapped_file.h"
#include "inference/checkpoint/safe_unpickler.h"
#include "inference/checkpoint/safetensors_header.h"
#include "inference/checkpoint/strict_json.h"
#include "inference/checkpoint/zip_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sys/stat.h>
#include <unordered_map>

namespace leopard::ckpt {
namespace {

bool fileExists(const std::string &p)
{
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string realPath(const std::string &p)
{
    char *r = ::realpath(p.c_str(), nullptr);
    if (!r)
        return {};
    std::string out(r);
    std::free(r);
    return out;
}

bool isUnder(const std::string &path, const std::string &root)
{
    return !root.empty() && path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
           (root.back() == '/' || path[root.size()] == '/');
}

// A file of the model directory must not lead out of it through a symbolic link (a downloaded
// "model" could otherwise make the app map /etc/shadow or another user's files and report on their
// contents). The one exception is the Hugging Face cache layout, where snapshots/<rev>/<file> links to
// ../../blobs/<hash> of the same repository.
void refuseLinkOutOfDirectory(const std::string &modelDir, const std::string &path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
        return;
    const std::string root = realPath(modelDir);
    const std::string target = realPath(path);
    if (target.empty())
        fail(path, "is a symbolic link to a file that does not exist");
    if (isUnder(target, root))
        return;
    // HF cache: <repo>/snapshots/<rev> may point into <repo>/blobs.
    const std::size_t snap = root.rfind("/snapshots/");
    if (snap != std::string::npos && root.find('/', snap + 11) == std::string::npos &&
        isUnder(target, root.substr(0, snap) + "/blobs"))
        return;
    fail(path, "is a symbolic link to '" + target + "', outside the model directory " + root +
                   "; refusing to read it (copy the file into the directory if it is really part of the model)");
}

std::string join(const std::string &dir, const std::string &name)
{
    return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string shapeString(const std::vector<std::int64_t> &s)
{
    std::string out = "[";
    for (std::size_t i = 0; i < s.size(); ++i)
        out += (i ? ", " : "") + std::to_string(s[i]);
    return out + "]";
}

// A truncated torch.save archive has lost its central directory (it is at the end). Walk the local
// headers to say which record — and, through the pickle at the front, which tensor — was cut.
[[noreturn]] void explainTruncatedZip(const std::string &path, const std::uint8_t *data, std::uint64_t size,
                                     const CheckpointError &original)
{
    // 1. The pickle comes first: it names every storage record and gives its size ...
    const std::vector<ScannedRecord> first = scanLocalRecords(data, size, {}, 1);
    const std::string tail = "data.pkl";
    std::map<std::string, std::uint64_t> sizes;           // record name -> bytes
    std::map<std::string, std::string> tensorsOf;         // record name -> "'a', 'b'"
    if (!first.empty() && first.front().complete && first.front().record.name.size() >= tail.size() &&
        first.front().record.name.compare(first.front().record.name.size() - tail.size(), tail.size(), tail) == 0) {
        const ZipRecord &pkl = first.front().record;
        const std::string prefix = pkl.name.substr(0, pkl.name.size() - tail.size());
        sizes[pkl.name] = pkl.size;
        try {
            for (const PickledTensor &t : unpickleStateDict(path, data + pkl.dataOffset, pkl.size).tensors) {
                const std::string rec = prefix + "data/" + t.storageKey;
                sizes[rec] = static_cast<std::uint64_t>(t.storageNumel) * elementSize(t.dtype);
                tensorsOf[rec] += (tensorsOf[rec].empty() ? "'" : ", '") + t.name + "'";
            }
        } catch (const CheckpointError &) {
        }
    }
    // ... 2. so the records can be walked header to header without reading the tensors' bytes.
    const std::vector<ScannedRecord> recs =
        scanLocalRecords(data, size, [&](const std::string &name) -> std::optional<std::uint64_t> {
            const auto it = sizes.find(name);
            return it == sizes.end() ? std::nullopt : std::optional<std::uint64_t>(it->second);
        });
    if (recs.empty())
        throw original;
    const ScannedRecord &last = recs.back();
    const std::string tensorNames = tensorsOf[last.record.name];
    if (!last.complete)
        fail(path, "the file is truncated (" + std::to_string(size) + " bytes): record '" + last.record.name +
                       "'" + (tensorNames.empty() ? std::string() : " of tensor " + tensorNames) +
                       " is cut off (interrupted download?)");
    fail(path, "the file is truncated (" + std::to_string(size) +
                   " bytes): the zip directory at its end is missing (interrupted download?)");
}

} // namespace

std::vector<RawTensor> readTorchZipTensors(const std::string &path, bool *orderedDict)
{
    const MappedFile file(path);
    try {
        std::vector<RawTensor> out = readTorchZipTensors(path, file.data(), file.size(), orderedDict);
        file.throwIfDamaged();
        return out;
    } catch (const CheckpointError &) {
        file.throwIfDamaged(); // the real cause when the file shrank while being read
        throw;
    }
}

std::vector<RawTensor> readTorchZipTensors(const std::string &path, const std::uint8_t *data, std::uint64_t size,
                                           bool *orderedDict)
{
    if (!looksLikeZip(data, size)) {
        if (size >= 2 && data[0] == 0x80)
            fail(path, "a legacy (pre-1.6, non-zip) torch.save file; re-save it with a current torch.save");
        fail(path, "not a torch.save zip archive (no zip signature at the start)");
    }
    std::optional<ZipDirectory> dir;
    try {
        dir.emplace(path, data, size);
    } catch (const CheckpointError &e) {
        if (hasEndRecord(data, size))
            throw;
        explainTruncatedZip(path, data, size, e);
    }
    if (dir->prefix().empty() && !dir->find("data.pkl"))
        fail(path, "no data.pkl record: not a torch.save archive");
    const ZipRecord *pkl = dir->find(dir->prefix() + "data.pkl");
    const PickledStateDict sd = unpickleStateDict(path, data + pkl->dataOffset, pkl->size);
    if (orderedDict)
        *orderedDict = sd.ordered;
    std::vector<RawTensor> out;
    out.reserve(sd.tensors.size());
    for (const PickledTensor &t : sd.tensors) {
        const std::string recName = dir->prefix() + "data/" + t.storageKey;
        const ZipRecord *rec = dir->find(recName);
        if (!rec)
            fail(path, "tensor '" + t.name + "': its storage record '" + recName + "' is missing");
        const std::uint64_t esize = elementSize(t.dtype);
        if (static_cast<std::uint64_t>(t.storageNumel) > rec->size / esize)
            fail(path, "tensor '" + t.name + "': storage '" + t.storageKey + "' claims " +
                           std::to_string(t.storageNumel) + " " + dtypeName(t.dtype) + " elements but its record has " +
                           std::to_string(rec->size) + " bytes (storage size outside the record)");
        out.push_back({t.name, t.dtype, t.shape, t.strides,
                       rec->dataOffset + static_cast<std::uint64_t>(t.storageOffset) * esize, rec->dataOffset,
                       rec->size});
    }
    return out;
}

std::vector<RawTensor> readSafetensorsTensors(const std::string &path)
{
    const MappedFile file(path);
    try {
        std::vector<RawTensor> out = readSafetensorsTensors(path, file.data(), file.size());
        file.throwIfDamaged();
        return out;
    } catch (const CheckpointError &) {
        file.throwIfDamaged();
        throw;
    }
}

std::vector<RawTensor> readSafetensorsTensors(const std::string &path, const std::uint8_t *data, std::uint64_t size)
{
    std::vector<RawTensor> out;
    for (SafetensorsEntry &e : parseSafetensorsHeader(path, data, size)) {
        // Safetensors are row-major contiguous.
        std::vector<std::int64_t> strides(e.shape.size(), 1);
        for (std::size_t k = e.shape.size(); k-- > 1;)
            strides[k - 1] = strides[k] * e.shape[k];
        out.push_back({e.name, e.dtype, e.shape, strides, e.offset, e.offset, e.size});
    }
    return out;
}

CheckpointIndex CheckpointIndex::open(const std::string &dir)
{
    CheckpointIndex ix;
    ix.dir_ = dir;
    const std::string configPath = join(dir, "config.json");
    if (!fileExists(configPath))
        fail(dir, "no config.json: not a Hugging Face model directory");
    refuseLinkOutOfDirectory(dir, configPath);
    ix.config_ = ModelConfig::fromFile(configPath);

    // 1. Which files hold the weights (transformers' order of preference).
    struct Candidate {
        const char *index;
        const char *single;
        FileFormat format;
    };
    const Candidate candidates[] = {{"model.safetensors.index.json", "model.safetensors", FileFormat::Safetensors},
                                    {"pytorch_model.bin.index.json", "pytorch_model.bin", FileFormat::TorchZip}};
    std::vector<std::string> shardNames;
    std::map<std::string, std::string> weightMap; // stored name -> file, from the index
    std::string indexPath;
    for (const Candidate &c : candidates) {
        if (fileExists(join(dir, c.index))) {
            indexPath = join(dir, c.index);
            ix.format_ = c.format;
            ix.sharded_ = true;
            break;
        }
        if (fileExists(join(dir, c.single))) {
            shardNames.push_back(c.single);
            ix.format_ = c.format;
            break;
        }
    }
    if (indexPath.empty() && shardNames.empty())
        fail(dir, "no weights: expected model.safetensors[.index.json] or pytorch_model.bin[.index.json]");
    if (!indexPath.empty()) {
        refuseLinkOutOfDirectory(dir, indexPath);
        const nlohmann::json j = parseStrictJsonFile(indexPath);
        if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
            fail(indexPath, "no \"weight_map\" object");
        std::set<std::string> files;
        for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
            if (!it.value().is_string())
                fail(indexPath, "weight_map entry '" + it.key() + "' is not a file name");
            const std::string f = it.value().get<std::string>();
            if (f.empty() || f.find('/') != std::string::npos || f.find('\\') != std::string::npos || f == "." ||
                f == "..")
                fail(indexPath, "weight_map entry '" + it.key() + "' names '" + f + "', not a file in the directory");
            weightMap[it.key()] = f;
            files.insert(f);
        }
        if (files.empty())
            fail(indexPath, "weight_map is empty");
        shardNames.assign(files.begin(), files.end());
    }

    // 2. Every shard's tensor table.
    std::unordered_map<std::string, std::size_t> byStored; // stored name -> tensors_ index
    std::map<std::string, std::set<std::string>> namesInFile;
    for (const std::string &name : shardNames) {
        ShardFile shard;
        shard.fileName = name;
        shard.path = join(dir, name);
        shard.format = ix.format_;
        if (!fileExists(shard.path))
            fail(shard.path, indexPath.empty() ? "missing" : "missing (listed in " + indexPath + ")");
        refuseLinkOutOfDirectory(dir, shard.path);
        struct stat st {};
        ::stat(shard.path.c_str(), &st);
        shard.fileSize = static_cast<std::uint64_t>(st.st_size);
        const std::vector<RawTensor> raw = ix.format_ == FileFormat::TorchZip
                                               ? readTorchZipTensors(shard.path, &shard.orderedDict)
                                               : readSafetensorsTensors(shard.path);
        const std::size_t shardIndex = ix.shards_.size();
        std::vector<TensorEntry> entries;
        for (const RawTensor &r : raw) {
            const auto it = byStored.find(r.name);
            if (it != byStored.end())
                fail(shard.path, "tensor '" + r.name + "' is also in " + ix.shards_[ix.tensors_[it->second].shard].path);
            TensorEntry e;
            e.storedName = r.name;
            e.shard = shardIndex;
            e.dtype = r.dtype;
            e.shape = r.shape;
            e.strides = r.strides;
            e.offset = r.offset;
            e.recordOffset = r.recordOffset;
            e.recordSize = r.recordSize;
            // Model weights are plain arrays: a view reaching more elements than its record holds
            // (stride 0, overlapping) would make loading allocate more than the file contains.
            if (e.bytes() > r.recordSize)
                fail(shard.path, "tensor '" + r.name + "' is an expanded or overlapping view (" +
                                     std::to_string(e.bytes()) + " bytes over a " + std::to_string(r.recordSize) +
                                     "-byte record), not a weight");
            const auto canon = canonicalName(r.name);
            if (!canon)
                fail(shard.path, "unexpected tensor '" + r.name + "' (not a Leopard-LLaVA weight name)");
            if (ix.tensors_.empty() && entries.empty())
                ix.layout_ = canon->layout;
            else if (canon->layout != ix.layout_)
                fail(shard.path, "tensor '" + r.name + "' uses the " + layoutName(canon->layout) +
                                     " name layout, but other tensors use " + layoutName(ix.layout_));
            e.name = canon->name;
            e.used = !isKnownUnused(e.name);
            shard.tensorBytes += e.bytes();
            namesInFile[name].insert(r.name);
            byStored.emplace(r.name, ix.tensors_.size() + entries.size());
            entries.push_back(std::move(e));
        }
        // Load in file order: one forward pass over each mapped shard.
        std::stable_sort(entries.begin(), entries.end(),
                         [](const TensorEntry &a, const TensorEntry &b) { return a.offset < b.offset; });
        for (std::size_t k = 0; k < entries.size(); ++k)
            byStored[entries[k].storedName] = ix.tensors_.size() + k;
        shard.tensorCount = entries.size();
        ix.tensors_.insert(ix.tensors_.end(), entries.begin(), entries.end());
        ix.shards_.push_back(std::move(shard));
    }
    for (const auto &[stored, file] : weightMap)
        if (!namesInFile[file].count(stored))
            fail(join(dir, file), "has no tensor '" + stored + "', though " + indexPath + " says it is there");

    // 3. Against config.json: every expected tensor, with its shape; nothing unknown.
    std::unordered_map<std::string, std::size_t> byName;
    for (std::size_t k = 0; k < ix.tensors_.size(); ++k)
        byName.emplace(ix.tensors_[k].name, k);
    std::vector<std::string> problems;
    std::set<std::string> expectedNames;
    for (const ExpectedTensor &x : expectedTensors(ix.config_)) {
        expectedNames.insert(x.name);
        const auto it = byName.find(x.name);
        if (it == byName.end()) {
            problems.push_back("tensor '" + x.name + "' " + shapeString(x.shape) + " is missing from " +
                               (ix.sharded_ ? "every shard" : ix.shards_.front().path));
            continue;
        }
        const TensorEntry &e = ix.tensors_[it->second];
        if (e.shape != x.shape)
            problems.push_back(ix.shards_[e.shard].path + ": tensor '" + e.storedName + "' has shape " +
                               shapeString(e.shape) + ", config.json implies " + shapeString(x.shape));
    }
    for (const TensorEntry &e : ix.tensors_)
        if (e.used && !expectedNames.count(e.name))
            problems.push_back(ix.shards_[e.shard].path + ": unexpected tensor '" + e.storedName +
                               "' (config.json implies no such weight)");
    if (!problems.empty()) {
        std::string msg = problems.front();
        if (problems.size() > 1)
            msg += " (and " + std::to_string(problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") +
                   ", next: " + problems[1] + ")";
        throw CheckpointError(msg);
    }
    return ix;
}

const TensorEntry *CheckpointIndex::find(const std::string &name) const
{
    for (const TensorEntry &e : tensors_)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::uint64_t CheckpointIndex::tensorBytes() const
{
    std::uint64_t n = 0;
    for (const TensorEntry &e : tensors_)
        n += e.bytes();
    return n;
}

std::int64_t CheckpointIndex::parameterCount() const
{
    std::int64_t n = 0;
    for (const TensorEntry &e : tensors_)
        if (e.used)
            n += e.numel();
    return n;
}

} // namespace leopard::ckpt
