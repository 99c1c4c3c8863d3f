#include "inference/tokenizer/bpe.h"

#include <algorithm>

namespace leopard::tokenizer_detail {

bool BpeModel::addMerge(std::string_view left, std::string_view right, std::uint32_t rank)
{
    const std::int32_t a = find(left);
    const std::int32_t b = find(right);
    joinBuffer_.assign(left.data(), left.size()).append(right.data(), right.size());
    const std::string &joined = joinBuffer_;
    const std::int32_t merged = find(joined);
    if (a < 0 || b < 0 || merged < 0)
        return false;
    merges_.insertOrAssign(a, b, Merge{rank, merged});
    return true;
}

int BpeModel::finishSingleBytes()
{
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const std::int32_t id = find(std::string_view(&c, 1));
        if (id < 0)
            return b;
        byteIds_[b] = id;
    }
    return -1;
}

// The same algorithm as tokenizers' Word::merge_all: a min-heap of candidate merges ordered by
// (rank, position); entries made stale by an earlier merge are skipped when popped.
void BpeModel::mergeWord(const unsigned char *s, std::size_t n, std::vector<std::int32_t> &out) const
{
    struct Symbol {
        std::int32_t id;
        std::int32_t prev;
        std::int32_t next;
        bool alive;
    };
    struct Candidate {
        std::uint32_t rank;
        std::int32_t pos;
        std::int32_t newId;
    };
    // "a < b" means b is popped first: lower rank, then leftmost.
    const auto later = [](const Candidate &a, const Candidate &b) {
        return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos;
    };
    thread_local std::vector<Symbol> symbols;
    thread_local std::vector<Candidate> heap;
    symbols.resize(n);
    heap.clear();
    const std::int32_t count = static_cast<std::int32_t>(n);
    for (std::int32_t i = 0; i < count; ++i)
        symbols[i] = Symbol{byteIds_[s[i]], i - 1, i + 1 < count ? i + 1 : -1, true};
    for (std::int32_t i = 0; i + 1 < count; ++i) {
        if (const Merge *m = merges_.find(symbols[i].id, symbols[i + 1].id))
            heap.push_back(Candidate{m->rank, i, m->newId});
    }
    std::make_heap(heap.begin(), heap.end(), later);
    const auto push = [&](const Candidate &c) {
        heap.push_back(c);
        std::push_heap(heap.begin(), heap.end(), later);
    };
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const Candidate top = heap.back();
        heap.pop_back();
        Symbol &cur = symbols[top.pos];
        if (!cur.alive || cur.next < 0)
            continue;
        Symbol &right = symbols[cur.next];
        const Merge *now = merges_.find(cur.id, right.id);
        if (now == nullptr || now->newId != top.newId)
            continue; // stale: one side has changed since this candidate was queued
        cur.id = top.newId;
        right.alive = false;
        cur.next = right.next;
        if (cur.next >= 0)
            symbols[cur.next].prev = top.pos;
        if (cur.prev >= 0) {
            if (const Merge *m = merges_.find(symbols[cur.prev].id, cur.id))
                push(Candidate{m->rank, cur.prev, m->newId});
        }
        if (cur.next >= 0) {
            if (const Merge *m = merges_.find(cur.id, symbols[cur.next].id))
                push(Candidate{m->rank, top.pos, m->newId});
        }
    }
    for (std::int32_t i = 0; i >= 0; i = symbols[i].next)
        out.push_back(symbols[i].id);
}

} // namespace leopard::tokenizer_detail
