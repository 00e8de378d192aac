// same-result.js runs scripts under Node and prints what each gives:
// node same-result.js < scripts.json, where scripts.json is an array of
// strings; it prints an array of the same length, each the script's
// completion value and the variables it left (or the error it threw), as
// text. Each runs in a new context whose names a, b, c, d, o, s, x, y, z,
// f, g and h hold values, so the snippets of TestCompactJS run; a snippet
// with a return statement runs as a function's body.
"use strict";
const fs = require("fs");
const vm = require("vm");
const prelude =
  "var a = 6, b = 2, c = 3, d = 4, x = 1, y = 2, z = 0, g = 5, h = 7, o = {a: 1}, t, m, re, w, l, k;\n" +
  "var s = \"a, b = c // d /* e */ 'f' `g` x\";\n" +
  "function f(v) { return v; }\n";
function show(v) {
  if (typeof v === "function") return "function " + v.name;
  if (v instanceof RegExp) return "regexp " + String(v);
  if (v && typeof v === "object") {
    try { return JSON.stringify(v, (k, x) => (x instanceof RegExp ? String(x) : x)); } catch (e) { return "object"; }
  }
  return typeof v + " " + String(v);
}
function run(code) {
  const ctx = vm.createContext({});
  vm.runInContext(prelude, ctx);
  let value;
  try {
    try {
      value = vm.runInContext(code, ctx, { timeout: 1000 });
    } catch (e) {
      if (!e || e.name !== "SyntaxError" || !/return/.test(e.message)) throw e;
      value = vm.runInContext("(function () {\n" + code + "\n})()", ctx, { timeout: 1000 });
    }
  } catch (e) {
    return "throws " + (e && e.name) + ": " + (e && e.message);
  }
  const vars = {};
  for (const k of Object.keys(ctx).sort()) vars[k] = show(ctx[k]);
  return show(value) + " " + JSON.stringify(vars);
}
const scripts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(scripts.map(run)) + "\n");
