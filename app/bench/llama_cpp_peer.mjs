// Prefill and decode tokens/s of llama.cpp (through the node-llama-cpp package's prebuilt binaries)
// on a GGUF file, the same way leopard-bench measures them: a prompt of N ordinary token ids, then
// greedy decoding of D tokens. Best-of and median over repeats are printed as JSON.
// usage: node llama_cpp_peer.mjs MODEL.gguf [--threads 2] [--prefill 256] [--decode 8] [--repeats 3]
// (run from a directory where `npm install node-llama-cpp` was done; see compare_llama_cpp.sh)
import {getLlama} from "node-llama-cpp";

const args = process.argv.slice(2);
const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
};
const modelPath = args[0];
const threads = opt("--threads", 2), prefill = opt("--prefill", 256), decode = opt("--decode", 8),
      repeats = opt("--repeats", 3);

const llama = await getLlama({gpu: false, build: "never"});
const model = await llama.loadModel({modelPath, gpuLayers: 0});

// The same deterministic ids as leopard-bench's textIds(): <|begin_of_text|> then an LCG over 0..127999.
function textIds(count) {
    const ids = [128000];
    let x = 0x9E3779B97F4A7C15n;
    const mask = (1n << 64n) - 1n;
    while (ids.length < count) {
        x = (x * 6364136223846793005n + 1442695040888963407n) & mask;
        const id = Number((x >> 33n) % 128000n);
        if (id !== 128200) ids.push(id);
    }
    return ids;
}

const median = (v) => {
    const s = [...v].sort((a, b) => a - b), n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

async function run(promptLength, newTokens) {
    const context = await model.createContext({contextSize: promptLength + newTokens + 16, threads,
                                               batchSize: Math.max(promptLength, 16), sequences: 1});
    const seq = context.getSequence();
    const t0 = performance.now();
    let first = 0, count = 0, last = 0;
    for await (const token of seq.evaluate(textIds(promptLength), {temperature: 0})) {
        const now = performance.now();
        if (count === 0) first = now;
        last = now;
        if (++count >= newTokens) break;
    }
    await context.dispose();
    return {prefill: promptLength / ((first - t0) / 1000), decode: (count - 1) / ((last - first) / 1000)};
}

await run(16, 2); // warm-up
const pre = [], dec = [];
for (let r = 0; r < repeats; ++r) {
    pre.push((await run(prefill, 1 + 1)).prefill);
    dec.push((await run(16, decode + 1)).decode);
}
console.log(JSON.stringify({
    peer: "llama.cpp via node-llama-cpp", model: modelPath, threads,
    prefill_tokens: prefill, decode_tokens: decode,
    prefill_tokens_per_s: {min: Math.min(...pre), median: median(pre), max: Math.max(...pre), samples: pre},
    decode_tokens_per_s: {min: Math.min(...dec), median: median(dec), max: Math.max(...dec), samples: dec},
}, null, 2));
await model.dispose();
