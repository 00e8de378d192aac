// scorer-worker.js: the worksheet scorer, in a Web Worker.
//
// The page (worksheet-scorer.js) sends {type: "load", wasm, exec, model,
// worksheet} once: this worker loads Go's wasm_exec.js (exec), fetches and
// starts scorer.wasm (wasm), which registers mutualScore, mutualShare and
// mutualCompare, keeps the model (the page's data-model text) and the
// worksheet's slug and answers {type: "ready"}, or {type: "failed"} when
// any of that goes wrong. Then each {type: "score", id, answers} gets
// {type: "result", id, result}: what mutualScore(model, answers) returns;
// each {type: "call", id, fn: "share" | "compare", args} gets {type:
// "reply", id, result}: what mutualShare(model, worksheet, ...args) or
// mutualCompare(model, worksheet, ...args) returns. A function that throws
// gives {error}. The one fetch is part of loading the page; nothing else is
// requested.
"use strict";

var model = null;
var worksheet = "";
var score = null;

function instantiate(url, imports) {
  var spare = null;
  var response = fetch(url).then(function (r) {
    if (!r.ok) {
      throw new Error("scorer: HTTP " + r.status);
    }
    spare = r.clone();
    return r;
  });
  if (typeof WebAssembly.instantiateStreaming !== "function") {
    return response
      .then(function (r) {
        return r.arrayBuffer();
      })
      .then(function (bytes) {
        return WebAssembly.instantiate(bytes, imports);
      });
  }
  // A server that sends the wrong content type fails the streaming
  // compile; the clone of the same response then gives the bytes, without
  // a second request.
  return WebAssembly.instantiateStreaming(response, imports).catch(function (err) {
    if (!spare) {
      throw err;
    }
    return spare.arrayBuffer().then(function (bytes) {
      return WebAssembly.instantiate(bytes, imports);
    });
  });
}

function load(m) {
  try {
    model = JSON.parse(m.model || "{}");
    worksheet = String(m.worksheet || "");
    importScripts(m.exec); // defines Go
  } catch (e) {
    postMessage({ type: "failed" });
    return;
  }
  var go = new self.Go();
  instantiate(m.wasm, go.importObject)
    .then(function (source) {
      go.run(source.instance); // returns when main blocks, mutualScore registered
      if (typeof self.mutualScore !== "function") {
        throw new Error("scorer did not start");
      }
      score = self.mutualScore;
      postMessage({ type: "ready" });
    })
    .catch(function () {
      postMessage({ type: "failed" });
    });
}

self.onmessage = function (e) {
  var m = e.data || {};
  if (m.type === "load" && !score) {
    load(m);
  } else if (m.type === "score") {
    var result;
    try {
      result = score ? score(model, m.answers) : { error: "the scorer is not running" };
    } catch (err) {
      result = { error: String(err) };
    }
    postMessage({ type: "result", id: m.id, result: result });
  } else if (m.type === "call") {
    var fn = { share: self.mutualShare, compare: self.mutualCompare }[m.fn];
    var reply;
    try {
      reply = score && fn ? fn.apply(null, [model, worksheet].concat(m.args || [])) : { error: "the scorer is not running" };
    } catch (err) {
      reply = { error: String(err) };
    }
    postMessage({ type: "reply", id: m.id, result: reply });
  }
};
