#include "inference/checkpoint/safe_unpickler.h"
#include "inference/checkpoint/error.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>

namespace leopard::ckpt {
namespace {

// The allowed globals, as tags. Nothing else can ever be on the stack as a "callable".
enum class Global { OrderedDict, RebuildTensorV2, RebuildParameter, Storage };

struct Value;
using Ref = std::shared_ptr<Value>;

struct Value {
    enum Kind { None, Bool, Int, Float, Str, Tuple, List, Dict, GlobalRef, Storage, Tensor } kind = None;
    bool b = false;
    std::int64_t i = 0;
    double f = 0;
    std::string s;                      // Str; for GlobalRef the dotted name; Storage: key
    std::vector<Ref> items;             // Tuple, List
    std::vector<std::pair<Ref, Ref>> dict;
    bool ordered = false;               // Dict came from collections.OrderedDict
    Global global = Global::OrderedDict;
    DType dtype = DType::F32;           // GlobalRef(Storage) and Storage
    std::string location;               // Storage
    std::int64_t numel = 0;             // Storage
    PickledTensor tensor;               // Tensor (name unset)
    int depth = 1;                      // nesting depth, bounded so destruction cannot recurse deeply
};

const char *kindName(Value::Kind k)
{
    switch (k) {
    case Value::None: return "None";
    case Value::Bool: return "bool";
    case Value::Int: return "int";
    case Value::Float: return "float";
    case Value::Str: return "str";
    case Value::Tuple: return "tuple";
    case Value::List: return "list";
    case Value::Dict: return "dict";
    case Value::GlobalRef: return "global";
    case Value::Storage: return "storage";
    case Value::Tensor: return "tensor";
    }
    return "?";
}

std::string opcodeName(std::uint8_t op)
{
    // Names of the standard pickle opcodes we refuse, so the message says what was found.
    static const std::map<std::uint8_t, const char *> names = {
        {'0', "POP"}, {'1', "POP_MARK"}, {'2', "DUP"}, {'F', "FLOAT"}, {'I', "INT"}, {'L', "LONG"},
        {'P', "PERSID"}, {'S', "STRING"}, {'V', "UNICODE"}, {'d', "DICT"}, {'g', "GET"}, {'i', "INST"},
        {'l', "LIST"}, {'o', "OBJ"}, {'p', "PUT"}, {'T', "BINSTRING"}, {'U', "SHORT_BINSTRING"},
        {0x81, "NEWOBJ"}, {0x82, "EXT1"}, {0x83, "EXT2"}, {0x84, "EXT4"}, {0x8b, "LONG4"},
        {'B', "BINBYTES"}, {'C', "SHORT_BINBYTES"}, {0x8c, "SHORT_BINUNICODE"}, {0x8d, "BINUNICODE8"},
        {0x8e, "BINBYTES8"}, {0x8f, "EMPTY_SET"}, {0x90, "ADDITEMS"}, {0x91, "FROZENSET"}, {0x92, "NEWOBJ_EX"},
        {0x93, "STACK_GLOBAL"}, {0x94, "MEMOIZE"}, {0x95, "FRAME"}, {0x96, "BYTEARRAY8"},
        {0x97, "NEXT_BUFFER"}, {0x98, "READONLY_BUFFER"}, {'G', "BINFLOAT"}};
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", op);
    const auto it = names.find(op);
    return it == names.end() ? std::string("unknown opcode ") + hex
                             : std::string("opcode ") + it->second + " (" + hex + ")";
}

class Machine {
public:
    Machine(const std::string &file, const std::uint8_t *data, std::size_t size)
        : file_(file), p_(data), size_(size)
    {
    }

    // Every container is also kept in containers_: memo references (BINGET) can put a list inside
    // itself, and such a cycle of shared_ptrs would never be freed. Emptying them all breaks any cycle.
    ~Machine()
    {
        for (const Ref &v : containers_) {
            v->items.clear();
            v->dict.clear();
        }
    }
    Machine(const Machine &) = delete;
    Machine &operator=(const Machine &) = delete;

    Ref run();

private:
    [[noreturn]] void refuse(const std::string &what) const
    {
        fail(file_, "data.pkl offset " + std::to_string(opStart_) + ": " + what);
    }
    const std::uint8_t *take(std::size_t n, const char *what)
    {
        if (n > size_ - pos_)
            refuse(std::string("pickle ends inside ") + what + " (truncated data.pkl)");
        const std::uint8_t *r = p_ + pos_;
        pos_ += n;
        return r;
    }
    std::uint32_t u32(const char *what)
    {
        const std::uint8_t *b = take(4, what);
        return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
               (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
    }
    std::string line(const char *what)
    {
        std::size_t end = pos_;
        while (end < size_ && p_[end] != '\n' && end - pos_ < 256)
            ++end;
        if (end >= size_ || p_[end] != '\n')
            refuse(std::string("malformed or truncated ") + what);
        std::string s(reinterpret_cast<const char *>(p_ + pos_), end - pos_);
        pos_ = end + 1;
        return s;
    }
    Ref pop(const char *op)
    {
        if (stack_.size() <= markFloor())
            refuse(std::string(op) + " on an empty stack");
        Ref v = std::move(stack_.back());
        stack_.pop_back();
        return v;
    }
    Ref &top(const char *op)
    {
        if (stack_.size() <= markFloor())
            refuse(std::string(op) + " on an empty stack");
        return stack_.back();
    }
    std::size_t markFloor() const { return marks_.empty() ? 0 : marks_.back(); }
    std::vector<Ref> popMark(const char *op)
    {
        if (marks_.empty())
            refuse(std::string(op) + " without a MARK");
        const std::size_t m = marks_.back();
        marks_.pop_back();
        std::vector<Ref> items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(m)),
                               std::make_move_iterator(stack_.end()));
        stack_.resize(m);
        return items;
    }
    Ref make(Value::Kind k)
    {
        auto v = std::make_shared<Value>();
        v->kind = k;
        if (k == Value::Tuple || k == Value::List || k == Value::Dict)
            containers_.push_back(v);
        return v;
    }
    Ref makeInt(std::int64_t i)
    {
        Ref v = make(Value::Int);
        v->i = i;
        return v;
    }
    // Containers deeper than this are refused: a state dict is 4 levels deep, and a hostile pickle
    // must not build a million-deep chain whose destructor would overflow the stack.
    static constexpr int kMaxDepth = 32;
    void nest(Value &container, const Ref &child)
    {
        if (child->depth + 1 > container.depth)
            container.depth = child->depth + 1;
        if (container.depth > kMaxDepth)
            refuse("containers nested more than " + std::to_string(kMaxDepth) + " deep");
    }
    Ref tuple(std::vector<Ref> items)
    {
        Ref v = make(Value::Tuple);
        for (const Ref &x : items)
            nest(*v, x);
        v->items = std::move(items);
        return v;
    }
    void setItems(Ref &dict, std::vector<Ref> &kv, const char *op)
    {
        if (dict->kind != Value::Dict)
            refuse(std::string(op) + " on a " + kindName(dict->kind) + ", not a dict");
        if (kv.size() % 2)
            refuse(std::string(op) + " with an odd number of items");
        for (std::size_t k = 0; k < kv.size(); k += 2) {
            nest(*dict, kv[k]);
            nest(*dict, kv[k + 1]);
            dict->dict.emplace_back(std::move(kv[k]), std::move(kv[k + 1]));
        }
    }

    Ref global(const std::string &module, const std::string &name);
    Ref reduce(const Ref &callable, const Ref &args);
    Ref persistentLoad(const Ref &pid);
    std::vector<std::int64_t> intTuple(const Ref &v, const char *what);

    const std::string &file_;
    const std::uint8_t *p_;
    std::size_t size_;
    std::size_t pos_ = 0;
    std::size_t opStart_ = 0;
    std::vector<Ref> stack_;
    std::vector<std::size_t> marks_;
    std::unordered_map<std::uint32_t, Ref> memo_;
    std::vector<Ref> containers_;
};

Ref Machine::global(const std::string &module, const std::string &name)
{
    Ref g = make(Value::GlobalRef);
    g->s = module + "." + name;
    if (module == "collections" && name == "OrderedDict") {
        g->global = Global::OrderedDict;
    } else if (module == "torch._utils" && name == "_rebuild_tensor_v2") {
        g->global = Global::RebuildTensorV2;
    } else if (module == "torch._utils" && name == "_rebuild_parameter") {
        g->global = Global::RebuildParameter;
    } else if (module == "torch" && dtypeFromTorchStorage(name)) {
        g->global = Global::Storage;
        g->dtype = *dtypeFromTorchStorage(name);
    } else {
        refuse("pickle global '" + g->s + "' is not allowed (a checkpoint may only name collections.OrderedDict, "
               "torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and torch.*Storage); "
               "refusing to load it");
    }
    return g;
}

std::vector<std::int64_t> Machine::intTuple(const Ref &v, const char *what)
{
    if (v->kind != Value::Tuple)
        refuse(std::string(what) + " is a " + kindName(v->kind) + ", not a tuple");
    if (v->items.size() > 64)
        refuse(std::string(what) + " has " + std::to_string(v->items.size()) + " dimensions");
    std::vector<std::int64_t> out;
    for (const Ref &x : v->items) {
        if (x->kind != Value::Int || x->i < 0)
            refuse(std::string(what) + " holds something other than a non-negative int");
        out.push_back(x->i);
    }
    return out;
}

Ref Machine::persistentLoad(const Ref &pid)
{
    // torch.save: ('storage', torch.<T>Storage, key, location, numel)
    if (pid->kind != Value::Tuple || pid->items.size() != 5 || pid->items[0]->kind != Value::Str ||
        pid->items[0]->s != "storage")
        refuse("persistent id is not a ('storage', type, key, location, numel) tuple");
    const Ref &type = pid->items[1];
    if (type->kind != Value::GlobalRef || type->global != Global::Storage)
        refuse("persistent id names a storage type that is not a torch.*Storage");
    if (pid->items[2]->kind != Value::Str || pid->items[3]->kind != Value::Str || pid->items[4]->kind != Value::Int ||
        pid->items[4]->i < 0)
        refuse("malformed storage persistent id (key, location or size)");
    const std::string &key = pid->items[2]->s;
    if (key.empty() || key.find('/') != std::string::npos || key.find("..") != std::string::npos)
        refuse("storage key '" + key + "' is not a plain record name");
    Ref s = make(Value::Storage);
    s->dtype = type->dtype;
    s->s = key;
    s->location = pid->items[3]->s;
    s->numel = pid->items[4]->i;
    return s;
}

Ref Machine::reduce(const Ref &callable, const Ref &args)
{
    if (callable->kind != Value::GlobalRef)
        refuse("REDUCE of a " + std::string(kindName(callable->kind)) + " (only allowed globals can be called)");
    if (args->kind != Value::Tuple)
        refuse("REDUCE of '" + callable->s + "' with non-tuple arguments");
    const std::vector<Ref> &a = args->items;
    switch (callable->global) {
    case Global::OrderedDict: {
        Ref d = make(Value::Dict);
        d->ordered = true;
        if (a.empty())
            return d;
        refuse("REDUCE of 'collections.OrderedDict' with arguments (torch.save passes none)");
    }
    case Global::RebuildTensorV2: {
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        if (a.size() != 6 && a.size() != 7)
            refuse("'torch._utils._rebuild_tensor_v2' called with " + std::to_string(a.size()) + " arguments");
        if (a[0]->kind != Value::Storage)
            refuse("'torch._utils._rebuild_tensor_v2' called on a " + std::string(kindName(a[0]->kind)) +
                   ", not a storage");
        if (a[1]->kind != Value::Int || a[1]->i < 0)
            refuse("tensor storage offset is not a non-negative int");
        Ref t = make(Value::Tensor);
        PickledTensor &pt = t->tensor;
        pt.storageKey = a[0]->s;
        pt.location = a[0]->location;
        pt.dtype = a[0]->dtype;
        pt.storageNumel = a[0]->numel;
        pt.storageOffset = a[1]->i;
        pt.shape = intTuple(a[2], "tensor size");
        pt.strides = intTuple(a[3], "tensor stride");
        if (pt.shape.size() != pt.strides.size())
            refuse("tensor size and stride have different lengths");
        // Bounds: the furthest element must lie inside the storage (checked without overflow), and
        // the element count must stay far from overflowing (2^48 elements is beyond any model).
        bool empty = false;
        std::int64_t count = 1;
        for (std::int64_t d : pt.shape) {
            empty = empty || d == 0;
            if (d != 0 && count > (std::int64_t(1) << 48) / d)
                refuse("tensor size " + std::to_string(d) + " makes more than 2^48 elements");
            count *= d;
        }
        std::int64_t last = pt.storageOffset;
        if (!empty) {
            for (std::size_t k = 0; k < pt.shape.size(); ++k) {
                const std::int64_t span = pt.shape[k] - 1;
                if (pt.strides[k] != 0 && span > (INT64_MAX - last) / pt.strides[k])
                    refuse("tensor size/stride overflow");
                last += span * pt.strides[k];
            }
            if (last >= pt.storageNumel)
                refuse("tensor (storage offset " + std::to_string(pt.storageOffset) + ", size/stride) reaches element " +
                       std::to_string(last) + " outside its storage '" + pt.storageKey + "' of " +
                       std::to_string(pt.storageNumel) + " elements");
        }
        if (a[5]->kind != Value::Dict || !a[5]->dict.empty())
            refuse("tensor with backward hooks");
        return t;
    }
    case Global::RebuildParameter: {
        // (data, requires_grad, backward_hooks)
        if (a.size() != 3 || a[0]->kind != Value::Tensor)
            refuse("'torch._utils._rebuild_parameter' not called on a tensor");
        Ref t = make(Value::Tensor);
        t->tensor = a[0]->tensor;
        t->tensor.parameter = true;
        return t;
    }
    case Global::Storage:
        break;
    }
    refuse("REDUCE of '" + callable->s + "' is not allowed (storages are only read as persistent ids)");
}

Ref Machine::run()
{
    while (true) {
        opStart_ = pos_;
        const std::uint8_t op = *take(1, "an opcode (no STOP)");
        switch (op) {
        case 0x80: { // PROTO
            const std::uint8_t proto = *take(1, "PROTO");
            if (proto > 2)
                refuse("pickle protocol " + std::to_string(proto) + " (torch.save writes protocol 2)");
            break;
        }
        case '.': // STOP
            if (stack_.size() != 1 || !marks_.empty())
                refuse("STOP with " + std::to_string(stack_.size()) + " values on the stack");
            return stack_.back();
        case '(': marks_.push_back(stack_.size()); break;
        case 'c': {
            const std::string module = line("GLOBAL module");
            const std::string name = line("GLOBAL name");
            stack_.push_back(global(module, name));
            break;
        }
        case '}': stack_.push_back(make(Value::Dict)); break;
        case ']': stack_.push_back(make(Value::List)); break;
        case ')': stack_.push_back(tuple({})); break;
        case 'N': stack_.push_back(make(Value::None)); break;
        case 0x88: case 0x89: {
            Ref v = make(Value::Bool);
            v->b = op == 0x88;
            stack_.push_back(v);
            break;
        }
        case 'X': {
            const std::uint32_t n = u32("BINUNICODE length");
            Ref v = make(Value::Str);
            v->s.assign(reinterpret_cast<const char *>(take(n, "BINUNICODE")), n);
            stack_.push_back(v);
            break;
        }
        case 'K': stack_.push_back(makeInt(*take(1, "BININT1"))); break;
        case 'M': {
            const std::uint8_t *b = take(2, "BININT2");
            stack_.push_back(makeInt(b[0] | (b[1] << 8)));
            break;
        }
        case 'J': stack_.push_back(makeInt(static_cast<std::int32_t>(u32("BININT")))); break;
        case 0x8a: { // LONG1: n little-endian two's-complement bytes
            const std::uint8_t n = *take(1, "LONG1 length");
            if (n > 8)
                refuse("LONG1 of " + std::to_string(n) + " bytes (integer too large)");
            const std::uint8_t *b = take(n, "LONG1");
            std::uint64_t v = 0;
            for (int k = 0; k < n; ++k)
                v |= static_cast<std::uint64_t>(b[k]) << (8 * k);
            if (n > 0 && n < 8 && (b[n - 1] & 0x80))
                v |= ~std::uint64_t(0) << (8 * n);
            stack_.push_back(makeInt(static_cast<std::int64_t>(v)));
            break;
        }
        case 'G': { // BINFLOAT: big-endian IEEE double (appears in _metadata of some state dicts)
            const std::uint8_t *b = take(8, "BINFLOAT");
            std::uint64_t bits = 0;
            for (int k = 0; k < 8; ++k)
                bits = (bits << 8) | b[k];
            Ref v = make(Value::Float);
            std::memcpy(&v->f, &bits, 8);
            stack_.push_back(v);
            break;
        }
        case 'q': memo_[*take(1, "BINPUT")] = top("BINPUT"); break;
        case 'r': memo_[u32("LONG_BINPUT")] = top("LONG_BINPUT"); break;
        case 'h': case 'j': {
            const std::uint32_t k = op == 'h' ? *take(1, "BINGET") : u32("LONG_BINGET");
            const auto it = memo_.find(k);
            if (it == memo_.end())
                refuse("memo entry " + std::to_string(k) + " fetched before it was stored");
            stack_.push_back(it->second);
            break;
        }
        case 't': stack_.push_back(tuple(popMark("TUPLE"))); break;
        case 0x85: case 0x86: case 0x87: {
            const std::size_t n = op - 0x84u;
            if (stack_.size() < markFloor() + n)
                refuse("TUPLE" + std::to_string(n) + " with too few values on the stack");
            std::vector<Ref> items(stack_.end() - static_cast<std::ptrdiff_t>(n), stack_.end());
            stack_.resize(stack_.size() - n);
            stack_.push_back(tuple(std::move(items)));
            break;
        }
        case 'R': {
            Ref args = pop("REDUCE");
            Ref callable = pop("REDUCE");
            stack_.push_back(reduce(callable, args));
            break;
        }
        case 'Q': {
            Ref pid = pop("BINPERSID");
            stack_.push_back(persistentLoad(pid));
            break;
        }
        case 's': {
            Ref value = pop("SETITEM");
            Ref key = pop("SETITEM");
            std::vector<Ref> kv{key, value};
            setItems(top("SETITEM"), kv, "SETITEM");
            break;
        }
        case 'u': {
            std::vector<Ref> kv = popMark("SETITEMS");
            setItems(top("SETITEMS"), kv, "SETITEMS");
            break;
        }
        case 'a': {
            Ref v = pop("APPEND");
            Ref &list = top("APPEND");
            if (list->kind != Value::List)
                refuse("APPEND to a " + std::string(kindName(list->kind)));
            nest(*list, v);
            list->items.push_back(v);
            break;
        }
        case 'e': {
            std::vector<Ref> vs = popMark("APPENDS");
            Ref &list = top("APPENDS");
            if (list->kind != Value::List)
                refuse("APPENDS to a " + std::string(kindName(list->kind)));
            for (Ref &v : vs) {
                nest(*list, v);
                list->items.push_back(std::move(v));
            }
            break;
        }
        case 'b': {
            // BUILD: only the state a state_dict() OrderedDict carries ({'_metadata': ...}); it is
            // version bookkeeping and is dropped.
            Ref state = pop("BUILD");
            Ref &obj = top("BUILD");
            if (obj->kind != Value::Dict || !obj->ordered || state->kind != Value::Dict)
                refuse("BUILD of a " + std::string(kindName(obj->kind)) + " (only an OrderedDict's _metadata is accepted)");
            for (const auto &kv : state->dict)
                if (kv.first->kind != Value::Str || kv.first->s != "_metadata")
                    refuse("BUILD sets an attribute other than _metadata on an OrderedDict");
            break;
        }
        default:
            refuse(opcodeName(op) + " is not allowed in a checkpoint pickle");
        }
    }
}

} // namespace

PickledStateDict unpickleStateDict(const std::string &file, const std::uint8_t *data, std::size_t size)
{
    Machine m(file, data, size);
    const Ref root = m.run();
    if (root->kind != Value::Dict)
        fail(file, "data.pkl holds a " + std::string(kindName(root->kind)) + ", not a state dict");
    PickledStateDict out;
    out.ordered = root->ordered;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto &kv : root->dict) {
        if (kv.first->kind != Value::Str)
            fail(file, "state dict key is a " + std::string(kindName(kv.first->kind)) + ", not a string");
        if (kv.second->kind != Value::Tensor)
            fail(file, "state dict entry '" + kv.first->s + "' is a " + kindName(kv.second->kind) + ", not a tensor");
        PickledTensor t = kv.second->tensor;
        t.name = kv.first->s;
        // Python would keep the later value; torch.save of a real dict never writes a key twice, so a
        // duplicate is a crafted file in which two readers could see different weights: refused.
        if (!seen.emplace(t.name, out.tensors.size()).second)
            fail(file, "state dict key '" + t.name + "' appears twice in data.pkl (torch.save never writes that); "
                       "refusing the file");
        out.tensors.push_back(std::move(t));
    }
    return out;
}

} // namespace leopard::ckpt
