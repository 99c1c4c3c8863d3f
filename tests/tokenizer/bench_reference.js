// The reference side of the tokenizer benchmark: Hugging Face tokenizers (@anush008/tokenizers) encodes
// the whole file REPEATS times (no BOS); prints one JSON line with the median tokens per second.
// usage: node bench_reference.js NODE_MODULES_DIR TOKENIZER_DIR TEXT_FILE [REPEATS=5]
'use strict';
const fs = require('fs');
const path = require('path');
const [modulesDir, tokenizerDir, textFile, repeatsArg] = process.argv.slice(2);
const { Tokenizer } = require(path.resolve(modulesDir, '@anush008/tokenizers'));

async function main() {
  const repeats = Math.max(1, Number(repeatsArg || 5));
  const text = fs.readFileSync(textFile, 'utf8');
  const tokenizer = Tokenizer.fromFile(path.join(tokenizerDir, 'tokenizer.json'));
  const seconds = [];
  let tokens = 0;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    const enc = await tokenizer.encode(text, null, { addSpecialTokens: false });
    tokens = enc.getLength();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  console.log(JSON.stringify({ impl: 'HF tokenizers (@anush008/tokenizers 0.6.0)', bytes: Buffer.byteLength(text),
    tokens, repeats, median_seconds: Number(median.toFixed(4)), tokens_per_second: Math.round(tokens / median) }));
}
main().catch((e) => { console.error(e); process.exit(1); });
