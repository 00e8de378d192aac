// worksheet.js: scoring, saving and printing for a worksheet page.
//
// The page is a working form without this script. The script adds:
//   - scoring: it loads the WebAssembly scorer (data-wasm on the form; Go's
//     wasm_exec.js, loaded before this file, defines Go), which registers
//     mutualScore(model, answers); every change rescores and updates the
//     elements carrying data-result, the area table and chart, the band, the
//     biggest gap and the safety notice;
//   - saving: answers (radios and reflections) live in localStorage under
//     "mutual:<slug>:<fingerprint>" only, restored on load; keys of the same
//     worksheet with another fingerprint (an older version of its questions)
//     are deleted, so old answers never land in changed questions;
//   - the "Clear my answers" and "Print" buttons.
// It makes no request after the page has loaded (the scorer's fetch is part
// of loading), uses no inline script or style (the page's CSP forbids both),
// and keeps working when storage or WebAssembly is unavailable.
(function () {
  "use strict";

  var form = document.querySelector("form[data-model]");
  if (!form) {
    return;
  }
  var results = document.querySelector("[data-results]");
  var model = parseModel(form.getAttribute("data-model"));
  var prefix = "mutual:" + form.getAttribute("data-slug") + ":";
  var storageKey = prefix + form.getAttribute("data-fingerprint");
  var storage = openStorage();
  var keys = {};
  model.items.forEach(function (item) {
    keys[item.key] = true;
  });
  var score = null; // mutualScore once the scorer runs
  var EMPTY = "\u2014"; // em dash: an empty score
  var SVG = "http://www.w3.org/2000/svg";

  function parseModel(text) {
    try {
      var m = JSON.parse(text || "{}");
      return { items: m.items || [], areas: m.areas || [], bands: m.bands || [] };
    } catch (e) {
      return { items: [], areas: [], bands: [] };
    }
  }

  // ---------- storage ----------

  // openStorage returns localStorage if it works here (it throws in some
  // private modes and when disabled), else null.
  function openStorage() {
    try {
      var s = window.localStorage;
      var probe = prefix + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function forgetStale() {
    if (!storage) {
      return;
    }
    try {
      var stale = [];
      for (var i = 0; i < storage.length; i++) {
        var k = storage.key(i);
        if (k && k.indexOf(prefix) === 0 && k !== storageKey) {
          stale.push(k);
        }
      }
      stale.forEach(function (k) {
        storage.removeItem(k);
      });
    } catch (e) {
      // storage went away; nothing to clean
    }
  }

  // answersOf reads the form: checked radios and non-empty reflections.
  function answersOf() {
    var radios = {};
    var texts = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === "radio" && el.checked) {
        radios[el.name] = el.value;
      } else if (el.tagName === "TEXTAREA" && el.value !== "") {
        texts[el.name] = el.value;
      }
    });
    return { radios: radios, texts: texts };
  }

  function save() {
    if (!storage) {
      return;
    }
    var a = answersOf();
    try {
      if (Object.keys(a.radios).length === 0 && Object.keys(a.texts).length === 0) {
        storage.removeItem(storageKey);
      } else {
        storage.setItem(storageKey, JSON.stringify(a));
      }
    } catch (e) {
      // full or gone: the form still works, unsaved
    }
  }

  function restore() {
    if (!storage) {
      return;
    }
    var saved;
    try {
      saved = JSON.parse(storage.getItem(storageKey) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") {
      return;
    }
    Object.keys(saved.radios || {}).forEach(function (name) {
      var value = String(saved.radios[name]);
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.type === "radio" && el.name === name && el.value === value) {
          el.checked = true;
        }
      });
    });
    Object.keys(saved.texts || {}).forEach(function (name) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.tagName === "TEXTAREA" && el.name === name) {
          el.value = String(saved.texts[name]);
        }
      });
    });
  }

  // ---------- scorer ----------

  // loadScorer instantiates the WebAssembly module with one fetch. If the
  // server sends the wrong content type, instantiateStreaming fails; the
  // clone of the same response then gives the bytes, without a second
  // request.
  function loadScorer(url) {
    if (typeof WebAssembly !== "object" || typeof window.Go !== "function" || typeof fetch !== "function") {
      return Promise.reject(new Error("WebAssembly is unavailable"));
    }
    var go = new window.Go();
    var spare = null;
    var response = fetch(url).then(function (r) {
      if (!r.ok) {
        throw new Error("scorer: HTTP " + r.status);
      }
      spare = r.clone();
      return r;
    });
    var instantiated;
    if (typeof WebAssembly.instantiateStreaming === "function") {
      instantiated = WebAssembly.instantiateStreaming(response, go.importObject).catch(function (err) {
        if (!spare) {
          throw err;
        }
        return spare.arrayBuffer().then(function (bytes) {
          return WebAssembly.instantiate(bytes, go.importObject);
        });
      });
    } else {
      instantiated = response
        .then(function (r) {
          return r.arrayBuffer();
        })
        .then(function (bytes) {
          return WebAssembly.instantiate(bytes, go.importObject);
        });
    }
    return instantiated.then(function (source) {
      go.run(source.instance); // returns when main blocks, mutualScore registered
      if (typeof window.mutualScore !== "function") {
        throw new Error("scorer did not start");
      }
      return window.mutualScore;
    });
  }

  function answerValues() {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === "radio" && el.checked && keys[el.name]) {
        answers[el.name] = Number(el.value);
      }
    });
    return answers;
  }

  // ---------- results ----------

  function show(v) {
    return v === null || v === undefined ? EMPTY : String(v);
  }

  function setText(root, selector, text) {
    var el = root.querySelector(selector);
    if (el) {
      el.textContent = text;
    }
  }

  function status(text) {
    var el = results && results.querySelector("[data-status]");
    if (el) {
      el.textContent = text;
    }
  }

  function direction(balance) {
    return balance < 0 ? "you give more than you receive" : "you receive more than you give";
  }

  function rescore() {
    if (!score || !results) {
      return null;
    }
    var r;
    try {
      r = score(model, answerValues());
    } catch (e) {
      score = null;
      unavailable();
      return null;
    }
    results.setAttribute("data-answered", String(r.answered));
    setText(results, '[data-result="progress"]', r.answered + " of " + r.total);
    setText(results, '.ws-scores [data-result="give"]', show(r.give));
    setText(results, '.ws-scores [data-result="receive"]', show(r.receive));
    setText(results, '.ws-scores [data-result="balance"]', show(r.balance));

    var alert = results.querySelector('[data-result="alert"]');
    if (alert) {
      alert.hidden = !r.alert;
    }

    var band = results.querySelector('[data-result="band"]');
    if (band) {
      band.setAttribute("data-band-index", String(r.band));
      Array.prototype.forEach.call(band.querySelectorAll("[data-band]"), function (el) {
        el.hidden = el.getAttribute("data-band") !== String(r.band);
      });
      var none = band.querySelector("[data-band-none]");
      if (none) {
        none.hidden = r.band >= 0;
      }
    }

    (r.areas || []).forEach(function (a) {
      var row = results.querySelector('[data-area="' + a.id + '"]');
      if (row) {
        setText(row, '[data-result="give"]', show(a.give));
        setText(row, '[data-result="receive"]', show(a.receive));
        setText(row, '[data-result="balance"]', show(a.balance));
      }
    });

    var gap = results.querySelector('[data-result="gap"]');
    if (gap) {
      var area = r.gap >= 0 && r.areas ? r.areas[r.gap] : null;
      var shown = area && area.balance !== null && area.balance !== 0;
      gap.hidden = !shown;
      Array.prototype.forEach.call(gap.querySelectorAll("[data-gap]"), function (el) {
        var on = shown && el.getAttribute("data-gap") === area.id;
        el.hidden = !on;
        if (on) {
          setText(el, "[data-gap-direction]", direction(area.balance));
        }
      });
    }

    drawChart(r.areas || []);
    return r;
  }

  // drawChart draws give and receive bars per area, 0 to 100. Sizes are SVG
  // attributes; colours come from CSS classes (no style attributes).
  var lastAreas = null;
  function drawChart(areas) {
    lastAreas = areas;
    var svg = results.querySelector("[data-chart]");
    if (!svg) {
      return;
    }
    var labels = {};
    Array.prototype.forEach.call(results.querySelectorAll("[data-area]"), function (row) {
      var th = row.querySelector("th");
      labels[row.getAttribute("data-area")] = th ? th.textContent : row.getAttribute("data-area");
    });
    var sides = [];
    if (results.querySelector('.ws-scores [data-result="give"]')) {
      sides.push("give");
    }
    if (results.querySelector('.ws-scores [data-result="receive"]')) {
      sides.push("receive");
    }
    // One viewBox unit per CSS pixel, so labels keep their size on phones.
    var drawn = svg.getBoundingClientRect().width;
    var width = drawn >= 160 ? Math.round(drawn) : 320;
    var barMax = width - 34;
    var barH = 10;
    var rowH = 20 + sides.length * (barH + 4);
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    svg.setAttribute("viewBox", "0 0 " + width + " " + Math.max(10, areas.length * rowH));
    areas.forEach(function (a, i) {
      var y = i * rowH;
      var label = document.createElementNS(SVG, "text");
      label.setAttribute("class", "ws-chart-label");
      label.setAttribute("x", "0");
      label.setAttribute("y", String(y + 14));
      label.textContent = labels[a.id] || a.id;
      svg.appendChild(label);
      sides.forEach(function (side, j) {
        var by = y + 18 + j * (barH + 4);
        var track = document.createElementNS(SVG, "rect");
        track.setAttribute("class", "ws-chart-track");
        track.setAttribute("x", "0");
        track.setAttribute("y", String(by));
        track.setAttribute("width", String(barMax));
        track.setAttribute("height", String(barH));
        svg.appendChild(track);
        var v = a[side];
        if (v !== null && v !== undefined) {
          var bar = document.createElementNS(SVG, "rect");
          bar.setAttribute("class", "ws-chart-bar ws-chart-" + side);
          bar.setAttribute("x", "0");
          bar.setAttribute("y", String(by));
          bar.setAttribute("width", String((barMax * v) / 100));
          bar.setAttribute("height", String(barH));
          svg.appendChild(bar);
        }
        var value = document.createElementNS(SVG, "text");
        value.setAttribute("class", "ws-chart-value");
        value.setAttribute("x", String(barMax + 6));
        value.setAttribute("y", String(by + barH - 1));
        value.textContent = show(v);
        svg.appendChild(value);
      });
    });
  }

  // announce tells screen readers the gist, once typing or clicking pauses.
  var announceTimer = 0;
  function announce(r) {
    var el = results && results.querySelector("[data-announce]");
    if (!el || !r) {
      return;
    }
    var parts = [r.answered + " of " + r.total + " answered."];
    var scores = [];
    if (results.querySelector('.ws-scores [data-result="give"]')) {
      scores.push("you give " + show(r.give));
    }
    if (results.querySelector('.ws-scores [data-result="receive"]')) {
      scores.push("you receive " + show(r.receive));
    }
    if (results.querySelector('.ws-scores [data-result="balance"]')) {
      scores.push("balance " + show(r.balance));
    }
    var line = scores.join(", ");
    parts.push(line.charAt(0).toUpperCase() + line.slice(1) + ".");
    var chosen = r.band >= 0 && results.querySelector('[data-band="' + r.band + '"] h3');
    if (chosen) {
      parts.push(chosen.textContent + ".");
    }
    if (r.alert) {
      parts.push("Please read the support notice at the top of the results.");
    }
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () {
      el.textContent = parts.join(" ");
    }, 600);
  }

  function unavailable() {
    status("Scoring is unavailable in this browser; your answers still work on paper or on screen.");
    if (results) {
      results.setAttribute("data-scoring", "unavailable");
    }
  }

  function answeredAny() {
    var a = answersOf();
    return Object.keys(a.radios).length + Object.keys(a.texts).length > 0;
  }

  function markFilled() {
    form.setAttribute("data-filled", answeredAny() ? "true" : "false");
    fitTextareas();
  }

  // fitTextareas gives each reflection as many rows as its text needs, so
  // a printed worksheet shows all of it (rows is an attribute, not a style).
  function fitTextareas() {
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (el) {
      var lines = el.value.split("\n").length;
      var wrapped = Math.ceil(el.value.length / 60);
      el.rows = Math.min(40, Math.max(4, lines + 1, wrapped + 1));
    });
  }

  // ---------- wiring ----------

  function changed() {
    save();
    markFilled();
    announce(rescore());
  }

  var resizeTimer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (lastAreas) {
        drawChart(lastAreas);
      }
    }, 200);
  });

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (e) {
    e.preventDefault(); // nothing is ever sent
  });

  var actions = form.querySelector("[data-actions]");
  if (actions) {
    actions.hidden = false;
  }
  var clear = form.querySelector('[data-action="clear"]');
  if (clear) {
    clear.addEventListener("click", function () {
      form.reset();
      if (storage) {
        try {
          storage.removeItem(storageKey);
        } catch (e) {
          // already gone
        }
      }
      markFilled();
      var r = rescore();
      var el = results && results.querySelector("[data-announce]");
      if (el) {
        clearTimeout(announceTimer);
        el.textContent = "Your answers are cleared.";
      } else if (r) {
        announce(r);
      }
    });
  }
  var print = form.querySelector('[data-action="print"]');
  if (print) {
    print.addEventListener("click", function () {
      window.print();
    });
  }

  if (!storage) {
    var promise = document.querySelector("[data-promise]");
    if (promise) {
      promise.textContent =
        "Your answers stay on this device: nothing you choose or write is sent anywhere. This browser is not saving them, so they are gone when you leave the page.";
    }
  }

  forgetStale();
  restore();
  markFilled();

  var wasm = form.getAttribute("data-wasm");
  if (wasm && model.items.length > 0 && results) {
    loadScorer(wasm).then(
      function (fn) {
        score = fn;
        status("Scores update as you answer.");
        results.setAttribute("data-scoring", "ready");
        rescore();
      },
      function () {
        unavailable();
      }
    );
  }
})();
