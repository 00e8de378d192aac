// run.js drives search-engine.js's query engine under Node for the Go tests and
// the benchmark: node run.js SEARCH_JS INDEX_DIR < request.json
//
// The request is {"sessions": [[query, ...], ...], "show": N, "pages": {URL:
// [[anchor, heading, text], ...]}, "fail": [prefix, ...]} ("pages" and "fail"
// optional: with "fail", in each session the first read of each file whose
// path begins with one of the prefixes fails, as a fetch does when the
// network is gone for a moment, and a query that fails answers {q, error}
// instead of ending the run) or one of
// {"fold": [string, ...]}, {"tokens": [string, ...], "elide": bool},
// {"stem": [[stemmer, word], ...]}. Each session starts a fresh engine (an
// empty cache, as a new page load); for each query it prints the results
// (the first N), the stored bytes the query fetched, its time (ms) and its
// time without the time spent reading files (compute_ms): how long results
// take once the files have arrived, and the query as its results answer it
// when a word was corrected (corrected, else "").
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.resolve(process.argv[2]));
const dir = process.argv[3];

async function main() {
  const req = JSON.parse(fs.readFileSync(0, "utf8"));
  if (req.fold) {
    return req.fold.map(core.fold);
  }
  if (req.tokens) {
    return req.tokens.map((s) => core.tokens(s, !!req.elide).map((t) => t.w));
  }
  if (req.stem) {
    return req.stem.map(([name, w]) => core.stem(name, w));
  }
  const out = [];
  for (const session of req.sessions) {
    const files = [];
    let reading = 0n;
    const failed = new Set();
    const engine = new core.Engine(async (p) => {
      if ((req.fail || []).some((f) => p.startsWith(f)) && !failed.has(p)) {
        failed.add(p);
        throw new Error("cannot fetch " + p);
      }
      const t = process.hrtime.bigint();
      const b = fs.readFileSync(path.join(dir, p));
      reading += process.hrtime.bigint() - t;
      files.push(p);
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    });
    const answers = [];
    for (const q of session) {
      const before = engine.transferred;
      const nfiles = files.length;
      const read0 = reading;
      const t0 = process.hrtime.bigint();
      let res, items, corrected;
      try {
        res = await engine.search(q);
        // At once, as the page asks for them.
        [items, corrected] = await Promise.all([engine.results(res, 0, req.show || 10), engine.corrected(res, q)]);
      } catch (e) {
        if (!req.fail) {
          throw e;
        }
        answers.push({ q, error: String(e && e.message ? e.message : e) });
        continue;
      }
      // With pages (a page's URL: its parts, as the page's
      // data-search-body holds them), a result whose passage marks no word
      // is made again from its page's parts, as the page does.
      if (req.pages) {
        items.forEach((r, i) => {
          const parts = r.marked ? null : req.pages[r.url.split("#")[0]];
          const better = parts && engine.refine(res, r, parts);
          if (better) {
            items[i] = better;
          }
        });
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const computeMs = ms - Number(reading - read0) / 1e6;
      const flat = (pieces) => pieces.map(([t, m]) => (m ? "[" + t + "]" : t)).join("");
      answers.push({
        q,
        total: res.total,
        bytes: engine.transferred - before,
        files: files.slice(nfiles),
        ms,
        compute_ms: computeMs,
        corrected: corrected ? corrected.text : "",
        results: items.map((r) => ({ url: r.url, title: flat(r.title), section: r.section, heading: flat(r.heading || []), passage: flat(r.passage) })),
      });
    }
    out.push(answers);
  }
  return out;
}

main().then(
  (v) => process.stdout.write(JSON.stringify(v)),
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exit(1);
  },
);
