// Writes a deterministic mixed text of about SIZE_MB megabytes for the tokenizer benchmark: English
// prose, code, rare words, several scripts (long CJK runs take the BPE merge path), numbers, emoji,
// whitespace runs and the odd special-token string.
// usage: node bench_text.js OUT_FILE [SIZE_MB=4]
'use strict';
const fs = require('fs');
const [out, sizeArg] = process.argv.slice(2);
const target = Math.round(Number(sizeArg || 4) * 1024 * 1024);

let seed = 12345;
const rand = () => {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const S = String.fromCodePoint;

const WORDS = ('the of and to in is was for that with as on by at from his her it an were are which this be or ' +
  'has had not but what all their there can more one would about when also been into other who time its only ' +
  'new some could these may first then two after most over like such where many through before between under ' +
  'report figure table slide revenue growth quarter percent market customer product analysis document page ' +
  'results model image question answer chart value increase decrease total average year company performance ' +
  "data system language vision research don't it's we're they'll I'm you've she'd").split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo xe zu bra cre dri flo gru pla qua stri tho wy'.split(' ');
const SCRIPTS = [[0x430, 0x44f], [0x3b1, 0x3c9], [0x5d0, 0x5ea], [0x627, 0x64a], [0x915, 0x939], [0xac00, 0xd7a3]];

const sentence = () => {
  const n = int(5, 25);
  const w = [];
  for (let i = 0; i < n; i++) w.push(rand() < 0.05 ? String(int(0, 99999)) : pick(WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + pick(['.', '.', '.', ',', '?', '!', ':', ';']);
};
const rareWord = () => { let s = ''; for (let i = int(2, 5); i > 0; i--) s += pick(SYLLABLES); return s; };
const codeLine = () => {
  const indent = ' '.repeat(4 * int(0, 3));
  const id = () => rareWord() + (rand() < 0.3 ? '_' + rareWord() : '');
  return indent + pick([
    () => `${id()} = ${id()}(${id()}, ${int(0, 1000)})`,
    () => `if (${id()} < ${int(0, 64)}) { return ${id()}[${int(0, 9)}]; }`,
    () => `for (int i = 0; i < ${id()}.size(); ++i) {`,
    () => `def ${id()}(self, ${id()}: int = ${int(0, 9)}) -> str:`,
    () => `// ${sentence()}`,
    () => `std::vector<${pick(['int', 'float', 'std::string'])}> ${id()};`,
  ])();
};
const foreign = () => {
  const [lo, hi] = pick(SCRIPTS);
  const w = [];
  for (let i = int(3, 12); i > 0; i--) { let s = ''; for (let k = int(2, 8); k > 0; k--) s += S(int(lo, hi)); w.push(s); }
  return w.join(' ');
};
const cjk = () => { let s = ''; for (let i = int(10, 80); i > 0; i--) s += S(int(0x4e00, 0x9fff)); return s + '。'; };
const misc = () => pick([
  () => `${int(1, 28)}/${int(1, 12)}/${int(1990, 2030)} ${int(0, 23)}:${int(10, 59)}`,
  () => Array.from('😀👍🏽🎉🚀❤️').slice(0, int(1, 7)).join(''),
  () => `$${int(1, 999)}.${int(10, 99)} (+${int(1, 40)}.${int(0, 9)}%)`,
  () => '<|eot_id|>',
  () => ' '.repeat(int(2, 12)) + '\n'.repeat(int(1, 3)),
  () => 'https://example.com/' + rareWord() + '?id=' + int(1, 1e6),
])();

const parts = [];
let size = 0;
while (size < target) {
  const r = rand();
  let piece;
  if (r < 0.5) { piece = ''; for (let i = int(2, 6); i > 0; i--) piece += sentence() + ' '; piece += '\n\n'; }
  else if (r < 0.65) { piece = ''; for (let i = int(3, 12); i > 0; i--) piece += codeLine() + '\n'; }
  else if (r < 0.75) { piece = foreign() + '\n'; }
  else if (r < 0.82) { piece = cjk() + '\n'; }
  else if (r < 0.92) { piece = ''; for (let i = int(3, 10); i > 0; i--) piece += rareWord() + ' '; }
  else piece = misc() + ' ';
  parts.push(piece);
  size += Buffer.byteLength(piece);
}
fs.writeFileSync(out, parts.join(''));
