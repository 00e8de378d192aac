// same-tokens.js checks compacted scripts against the parser Node ships
// (acorn, reached with node --expose-internals):
//
//   node --expose-internals same-tokens.js gen N SEED
//     prints a JSON array of N scripts made at random (SEED) of what makes
//     a "/" hard to read: blocks, labels, cases, objects, functions,
//     classes, arrows, templates, declarations, break and continue,
//     imports, regular expressions holding spaces, quotes and comment
//     markers, divisions, line breaks and comments;
//   node --expose-internals same-tokens.js check < pairs.json
//     reads [[script, compacted], ...] and, for each script acorn parses,
//     checks that the compacted one parses into the same tokens, with a
//     line break before the same ones (what automatic semicolon insertion
//     reads); it prints the first that differ and exits 1 when any does.
"use strict";
const fs = require("fs");

function gen(n, seed) {
  const r = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % k; // the high bits: the low ones repeat
  };
  const pick = (a) => a[r(a.length)];
  const regexes = ["/a, b/", "/ = /g", "/'/", '/"x"/', "/`/", "/[/]* x/", "/\\/\\/ c/", "/{ a }/", "/(a)/", "/[)]/", "/[}]/"];
  const re = () => pick(regexes);
  const sp = () => pick([" ", "", "\n", " /* c */ ", " // c\n", "\n\n  "]);
  function expr(d) {
    if (d > 3) return pick(["a", "1", "'s'", "o.a"]);
    switch (r(16)) {
      case 0: return "{}";
      case 1: return "{a:" + sp() + expr(d + 1) + "}";
      case 2: return "(" + expr(d + 1) + ")";
      case 3: return expr(d + 1) + sp() + "/" + sp() + expr(d + 1);
      case 4: return re() + ".test(s)";
      case 5: return "function" + sp() + "(){" + stmts(d + 1) + "}";
      case 6: return "class{}";
      case 7: return "() =>" + sp() + "{" + stmts(d + 1) + "}";
      case 8: return "`x${" + sp() + expr(d + 1) + sp() + "}y`";
      case 9: return expr(d + 1) + sp() + "?" + sp() + expr(d + 1) + sp() + ":" + sp() + expr(d + 1);
      case 10: return "[" + expr(d + 1) + "]";
      case 11: return "a++";
      case 12: return "typeof" + sp() + expr(d + 1);
      case 13: return "{get if() {" + stmts(d + 1) + "}, case: 1}";
      case 14: return "x" + sp() + "=" + sp() + expr(d + 1);
      default: return pick(["a", "b", "2", "s", "o"]);
    }
  }
  function stmt(d) {
    if (d > 3) return expr(d) + ";";
    switch (r(20)) {
      case 0: return "{" + stmts(d + 1) + "}" + sp() + re() + ".test(s)";
      case 1: return "l:" + sp() + "{" + stmts(d + 1) + "}" + sp() + re() + ".test(s)";
      case 2: return "switch (a) {case 1:" + sp() + "{" + stmts(d + 1) + "}" + sp() + re() + ".test(s)\ndefault:" + sp() + "{}" + sp() + re() + "}";
      case 3: return "if (a)" + sp() + "{" + stmts(d + 1) + "}" + sp() + "else {}" + sp() + re() + ".exec(s)";
      case 4: return "function f" + r(9) + "(){" + stmts(d + 1) + "}" + sp() + re() + ".test(s)";
      case 5: return "try {" + stmts(d + 1) + "} catch (e) {} finally {}" + sp() + re();
      case 6: return "do {" + stmts(d + 1) + "} while (a)" + sp() + re();
      case 7: return "class C" + r(9) + " { m() {" + stmts(d + 1) + "} static {} x = " + expr(d + 1) + "}" + sp() + re();
      case 8: return "x =" + sp() + expr(d + 1) + sp() + "\n" + pick(["/ 2 / 1", "/a/g", re()]);
      case 9: return "return" + sp() + expr(d + 1);
      case 10: return "for (const k of " + expr(d + 1) + ") {" + stmts(d + 1) + "}" + sp() + re();
      case 11: return "x = " + expr(d + 1) + sp() + "/ 2 / 1";
      case 12: return "let {a:" + sp() + "q" + r(99) + "} = o" + sp() + "\n" + re();
      case 13: return "y = async () => {" + sp() + "await" + sp() + expr(d + 1) + "}";
      case 14: return "while (a) {" + stmts(d + 1) + "}" + sp() + re();
      case 15: return pick(["var", "let", "const"]) + " v" + r(99) + pick(["", " = " + expr(d + 1)]) + pick([", w" + r(99), ""]) + sp() + "\n" + pick([re(), "/ 2 / 1", "function f" + r(99) + "() {}\n" + re()]);
      case 16: return "m: for (;;) { " + pick(["break", "continue"]) + pick([" m", ""]) + sp() + "\n" + re() + "}" + pick(["", "\ndebugger\n" + re()]);
      default: return expr(d) + pick([";", "\n"]);
    }
  }
  function stmts(d) {
    let s = "";
    for (let i = r(3); i > 0; i--) s += sp() + stmt(d) + sp();
    return s;
  }
  const out = [];
  const imports = ["import {a as b2} from 'x'", "import 'x'", "export * from 'x'", "import d2, * as ns from\n'x'"];
  for (let i = 0; i < n; i++) out.push((r(8) ? "" : pick(imports) + sp() + "\n" + re() + "\n") + "function z(){" + stmts(0) + "}");
  return out;
}

function tokens(src) {
  const acorn = require("internal/deps/acorn/acorn/dist/acorn");
  for (const sourceType of ["script", "module"]) {
    const t = [];
    try {
      acorn.parse(src, { ecmaVersion: "latest", sourceType, allowHashBang: true, allowReturnOutsideFunction: true, onToken: t });
    } catch (e) {
      continue;
    }
    return t.map((x, i) => {
      const v = x.value && x.value.pattern !== undefined ? "/" + x.value.pattern + "/" + x.value.flags : String(x.value);
      const nl = i > 0 && /[\n\r\u2028\u2029]/.test(src.slice(t[i - 1].end, x.start));
      return x.type.label + " " + JSON.stringify(v) + (nl ? " after a line break" : "");
    });
  }
  return null;
}

function check(pairs) {
  let bad = 0, parsed = 0;
  for (const [a, b] of pairs) {
    const ta = tokens(a);
    if (!ta) continue;
    parsed++;
    const tb = tokens(b);
    let i = 0;
    if (tb) while (i < ta.length && ta[i] === tb[i]) i++;
    if (tb && i === ta.length && i === tb.length) continue;
    if (++bad <= 3) {
      console.log("script:\n" + a + "\ncompacted:\n" + b + "\n" +
        (tb ? "token " + i + ": " + ta[i] + ", compacted: " + tb[i] : "the compacted script does not parse") + "\n");
    }
  }
  console.log(`${parsed} scripts parsed, ${bad} compacted otherwise`);
  return bad === 0;
}

if (process.argv[2] === "gen") {
  process.stdout.write(JSON.stringify(gen(+process.argv[3], +process.argv[4])));
} else if (!check(JSON.parse(fs.readFileSync(0, "utf8")))) {
  process.exitCode = 1;
}
