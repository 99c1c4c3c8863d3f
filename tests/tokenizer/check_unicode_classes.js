// Checks inference/tokenizer/unicode_tables.cpp against the reference engine itself: for every code
// point, asks Hugging Face tokenizers' Llama 3 pre-tokenizer (Oniguruma) which class it is in and
// compares with the committed tables. Letters glue to "a", numbers to "1", other symbols to "!";
// what glues to none of them is \s. (\r and \n are special in the pattern; the table has them as \s.)
// usage: node check_unicode_classes.js NODE_MODULES_DIR TOKENIZER_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const [modulesDir, tokenizerDir] = process.argv.slice(2);
const { Tokenizer } = require(path.resolve(modulesDir, '@anush008/tokenizers'));
const pre = Tokenizer.fromFile(path.join(tokenizerDir, 'tokenizer.json')).getPreTokenizer();
const pieces = (s) => pre.preTokenizeString(s).length;

// Parse the generated C++ tables back (same layout as gen_unicode_tables.mjs writes).
const src = fs.readFileSync(path.join(__dirname, '../../inference/tokenizer/unicode_tables.cpp'), 'utf8');
const numbers = (block) => block.match(/\d+/g).map(Number);
const index = numbers(src.match(/kClassBlockIndex\[\d+\] = \{([^}]*)\}/)[1]);
const blocks = [...src.matchAll(/\{([\d,]+)\},/g)].map((m) => numbers(m[1]));
const tableClass = (cp) => (blocks[index[cp >> 8]][(cp & 0xff) >> 2] >> ((cp & 3) * 2)) & 3;

const NAMES = ['other', 'letter', 'number', 'space'];
let mismatches = 0;
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0x0a || cp === 0x0d) continue;
  const c = String.fromCodePoint(cp);
  const engine = pieces('a' + c) === 1 ? 1 : pieces('1' + c) === 1 ? 2 : pieces('!' + c) === 1 ? 0 : 3;
  if (engine !== tableClass(cp) && ++mismatches <= 20)
    console.error(`U+${cp.toString(16).toUpperCase()}: engine ${NAMES[engine]}, table ${NAMES[tableClass(cp)]}`);
}
if (mismatches) {
  console.error(`check_unicode_classes: ${mismatches} code points differ`);
  process.exit(1);
}
console.error('check_unicode_classes: all 1,112,062 scalar values agree with the reference engine');
