// same-search.js compares two builds of search-engine.js under Node, the
// source and its compacted copy: node same-search.js A.js B.js < corpus.txt
// runs fold, tokens, stem, parseQuery and distance of each on the corpus
// (and on every character of the Basic Multilingual Plane) and prints the
// first answers that differ; it exits 1 when any does.
"use strict";
const fs = require("fs");
const path = require("path");
const a = require(path.resolve(process.argv[2]));
const b = require(path.resolve(process.argv[3]));
const text = fs.readFileSync(0, "utf8");
const lines = text.split("\n").filter((l) => l.trim() !== "");
const words = [...new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w))];
const chars = [];
for (let c = 0; c < 0x10000; c++) {
  if (c < 0xd800 || c >= 0xe000) chars.push(String.fromCharCode(c));
}
function run(core) {
  return {
    fold: chars.map(core.fold).concat(lines.map(core.fold)),
    tokens: lines.map((l) => core.tokens(l, false)).concat(lines.map((l) => core.tokens(l, true))),
    stem: ["en", "fr", "es", "pt", "de", ""].map((s) => words.map((w) => core.stem(s, w))),
    parseQuery: lines.map((l) => core.parseQuery(l, "en", true)),
    distance: words.slice(1).map((w, i) => core.distance(words[i], w, 3)),
  };
}
const ra = run(a), rb = run(b);
let bad = 0;
for (const k of Object.keys(ra)) {
  const x = ra[k], y = rb[k];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const sx = JSON.stringify(x[i]), sy = JSON.stringify(y[i]);
    if (sx !== sy && bad++ < 10) {
      console.log(k + "[" + i + "]: " + sx + " != " + sy);
    }
  }
}
console.log(bad + " differences, " + lines.length + " lines, " + words.length + " words");
process.exit(bad ? 1 : 0);
