// llama.cpp (through the node-llama-cpp package's prebuilt CPU binaries) on a GGUF file, measured the
// way leopard-bench measures the same stages, for compare_llama_cpp.sh. Prints one JSON document.
//
//   node llama_cpp_peer.mjs greedy MODEL.gguf --prompt-ids 128000,791,... [--new 16] [--threads 1]
//       the greedy ids after the prompt (temperature 0, no stop), with an fp32 KV cache: the
//       same-function check against `leopard-bench greedy` wants as little rounding as the engine allows.
//   node llama_cpp_peer.mjs time MODEL.gguf [--threads 1] [--prefill 512,2048] [--decode-context 16,2048,8500]
//       [--decode 128] [--repeats 3] [--batch 512] [--skip-id 128200]
//       prefill: a fresh sequence per sample (history cleared, the context kept), tokens/s up to the
//       first generated token. decode: per context length one context; a warm-up prefills the prompt
//       and decodes 8 tokens, then every sample feeds the previous answer's last id and times
//       `--decode` tokens after the first, as leopard-bench's decode stage does on its conversation.
//       The KV cache type and flash attention stay node-llama-cpp's defaults (what its users run).
//
// Run from a directory where `npm install node-llama-cpp` was done (compare_llama_cpp.sh does that).
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {readFileSync} from "node:fs";

const [mode, modelPath, ...rest] = process.argv.slice(2);
const opt = (name, def) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : def;
};
const ints = (s) => String(s).split(",").filter((x) => x !== "").map(Number);
if (!["greedy", "time"].includes(mode) || !modelPath) {
    console.error("usage: node llama_cpp_peer.mjs greedy|time MODEL.gguf [options] (see the file's head)");
    process.exit(2);
}
const threads = Number(opt("--threads", 1));
const skipId = Number(opt("--skip-id", 128200));

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await llama.loadModel({modelPath, gpuLayers: 0});
// Its package.json is not among the package's exports: read it next to the entry point (dist/index.js).
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("node-llama-cpp")), "utf8"));
const about = {
    engine: "llama.cpp via node-llama-cpp " + pkg.version,
    llama_cpp_release: llama.llamaCppRelease,
    system_info: llama.systemInfo,
    model: modelPath,
    threads,
};

// The same deterministic ids as leopard-bench's textPromptIds() (bench_greedy.cpp):
// <|begin_of_text|> then a 64-bit LCG over 0..127999, the image token id skipped.
function textIds(count) {
    const ids = [128000];
    let x = 0x9E3779B97F4A7C15n;
    const mask = (1n << 64n) - 1n;
    while (ids.length < count) {
        x = (x * 6364136223846793005n + 1442695040888963407n) & mask;
        const id = Number((x >> 33n) % 128000n);
        if (id !== skipId) ids.push(id);
    }
    return ids;
}

const figures = (v) => {
    const s = [...v].sort((a, b) => a - b), n = s.length;
    return {min: s[0], median: n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, max: s[n - 1], samples: v};
};

// Evaluates `tokens` after what the sequence holds and takes `count` greedy tokens; the last one is
// not fed back (as leopard's generator leaves it). Times the first token and the rest.
async function generate(seq, tokens, count) {
    const out = [];
    const t0 = performance.now();
    let first = 0, last = 0;
    for await (const token of seq.evaluate(tokens, {temperature: 0})) {
        last = performance.now();
        if (out.length === 0) first = last;
        out.push(token);
        if (out.length >= count) break;
    }
    return {ids: out, firstSeconds: (first - t0) / 1000, restSeconds: (last - first) / 1000};
}

async function context(size, extra = {}) {
    return model.createContext({contextSize: size, batchSize: Number(opt("--batch", 512)), sequences: 1,
                                threads: {ideal: threads, min: threads}, ...extra});
}

if (mode === "greedy") {
    const prompt = ints(opt("--prompt-ids", ""));
    const count = Number(opt("--new", 16));
    if (prompt.length === 0) {
        console.error("greedy: --prompt-ids a,b,c is required");
        process.exit(2);
    }
    const ctx = await context(prompt.length + count + 64,
                              {experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32"});
    const g = await generate(ctx.getSequence(), prompt, count);
    console.log(JSON.stringify({...about, prompt_ids: prompt, greedy_ids: g.ids, kv_cache: "F32",
                                flash_attention: ctx.flashAttention}));
    await ctx.dispose();
} else {
    const repeats = Number(opt("--repeats", 3)), decode = Number(opt("--decode", 128));
    const stages = [];
    let flash = null;
    for (const [i, length] of ints(opt("--prefill", "512,2048")).entries()) {
        const ctx = await context(length + 64);
        flash = ctx.flashAttention;
        const seq = ctx.getSequence();
        await generate(seq, textIds(16), 2); // warm-up: weights paged in, threads started
        const samples = [];
        for (let r = 0; r < repeats; ++r) {
            await seq.clearHistory();
            samples.push(length / (await generate(seq, textIds(length), 1)).firstSeconds);
        }
        stages.push({name: i === 0 ? "prefill" : `prefill_${length}`, prompt_tokens: length, unit: "tokens/s",
                     ...figures(samples)});
        console.error(`llama.cpp prefill ${length}: ${figures(samples).median.toFixed(2)} tokens/s (median)`);
        await ctx.dispose();
    }
    const warm = 8;
    for (const [i, length] of ints(opt("--decode-context", "16,2048,8500")).entries()) {
        const ctx = await context(length + warm + (decode + 1) * repeats + 64);
        const seq = ctx.getSequence();
        let g = await generate(seq, textIds(length), warm);
        const start = length + warm;
        const samples = [];
        for (let r = 0; r < repeats; ++r) {
            const held = seq.nextTokenIndex;
            g = await generate(seq, [g.ids[g.ids.length - 1]], decode + 1);
            if (held + 1 + decode !== seq.nextTokenIndex) // the prompt was not re-evaluated, nothing lost
                throw new Error(`decode: the sequence holds ${seq.nextTokenIndex} tokens, expected ${held + 1 + decode}`);
            samples.push(decode / g.restSeconds);
        }
        stages.push({name: i === 0 ? "decode" : `decode_ctx_${length}`, context_positions: length, decoded_tokens: decode,
                     positions: [start, seq.nextTokenIndex + 1], unit: "tokens/s", ...figures(samples)});
        console.error(`llama.cpp decode after ${length}: ${figures(samples).median.toFixed(2)} tokens/s (median)`);
        await ctx.dispose();
    }
    console.log(JSON.stringify({...about, flash_attention: flash, kv_cache: "node-llama-cpp default (F16)", stages},
                               null, 2));
}
await model.dispose();
