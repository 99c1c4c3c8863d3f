// Differential fuzzing input: COUNT random strings (seeded) built from the pieces the Llama 3 regex
// is most sensitive to plus random scalar values from every plane, and the ids Hugging Face tokenizers
// gives for them. Writes IN (a JSON string per line) and WANT (a JSON id array per line).
// usage: node fuzz_reference.js NODE_MODULES_DIR TOKENIZER_JSON SEED COUNT IN WANT
'use strict';
const fs = require('fs');
const path = require('path');
const [modulesDir, tokenizerJson, seedArg, countArg, inPath, wantPath] = process.argv.slice(2);
const { Tokenizer } = require(path.resolve(modulesDir, '@anush008/tokenizers'));

let seed = Number(seedArg);
const rand = () => {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
const BITS = ["'", 's', 'S', 't', 're', 'LL', 'll', 'd', 'm', 've', 'ſ', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0',
  '\u3000', '1', '٣', 'a', 'é', '中', '😀', '!', '<|eot_id|>', '<|', '<unk>', '\t\t', '<|im_start|>', '\u0301',
  '\u200b', '\u2028', '\u0085', 'x'];

(async () => {
  const tokenizer = Tokenizer.fromFile(tokenizerJson);
  const lines = [], want = [];
  for (let i = 0; i < Number(countArg); i++) {
    let s = '';
    for (let k = int(1, 30); k > 0; k--) {
      if (rand() < 0.6) { s += BITS[int(0, BITS.length - 1)]; continue; }
      let cp = rand() < 0.5 ? int(0, 0x2ffff) : int(0, 0x10ffff);
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x20;
      s += String.fromCodePoint(cp);
    }
    lines.push(JSON.stringify(s));
    want.push(JSON.stringify(Array.from((await tokenizer.encode(s, null, { addSpecialTokens: false })).getIds())));
  }
  fs.writeFileSync(inPath, lines.join('\n') + '\n');
  fs.writeFileSync(wantPath, want.join('\n') + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
