// worksheet-scorer.js: the page's side of the scorer.
//
// The scorer (package score compiled to WebAssembly) runs in a Web Worker,
// js/scorer-worker.js, so that compiling and starting it never holds up the
// page. startScorer starts the worker with the page's model and returns an
// object whose score(answers) posts one request and returns its number;
// onState hears "ready" once the scorer runs and "failed" if it cannot,
// onResult(id, result) each result, in the order of the requests. Its
// call(fn, args, done) asks for a share code ("share", [answers]) or a
// comparison ("compare", [answers, code]) and passes the reply to done. A
// result is what the scorer returns, {error} included: checking it is the
// caller's job.
(function (ns) {
  "use strict";

  function absolute(url) {
    return new URL(url, document.baseURI).href;
  }

  ns.startScorer = function (opts, onState, onResult) {
    var worker;
    var waiting = {}; // call id -> done
    var failed = false;
    function fail() {
      if (!failed) {
        failed = true;
        onState("failed");
      }
    }
    if (typeof Worker !== "function" || typeof WebAssembly !== "object") {
      fail();
      return null;
    }
    try {
      worker = new Worker(absolute(opts.worker));
    } catch (e) {
      fail();
      return null;
    }
    worker.onmessage = function (e) {
      var m = e.data || {};
      if (m.type === "ready") {
        onState("ready");
      } else if (m.type === "failed") {
        fail();
      } else if (m.type === "result") {
        onResult(m.id, m.result);
      } else if (m.type === "reply" && waiting[m.id]) {
        var done = waiting[m.id];
        delete waiting[m.id];
        done(m.result);
      }
    };
    worker.onerror = function (e) {
      if (e && e.preventDefault) {
        e.preventDefault();
      }
      fail();
    };
    worker.postMessage({ type: "load", wasm: absolute(opts.wasm), exec: absolute(opts.exec), model: opts.model, worksheet: opts.worksheet });
    var next = 0;
    return {
      score: function (answers) {
        next++;
        worker.postMessage({ type: "score", id: next, answers: answers });
        return next;
      },
      call: function (fn, args, done) {
        next++;
        waiting[next] = done;
        worker.postMessage({ type: "call", id: next, fn: fn, args: args });
      },
    };
  };
})((window.mutualWorksheet = window.mutualWorksheet || {}));
