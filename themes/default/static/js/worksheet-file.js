// worksheet-file.js: "Keep a file" (the section data-part="file").
//
// "Save to a file" writes everything this browser keeps for the worksheet (answers,
// reflections, saved results, kept comparisons) as one JSON file, made in
// the page (a Blob behind a download link: no request). "Open a file" reads
// such a file and checks every part of it as package worksheet's ReadFile
// does (the format is documented there and in the README); a file of
// another worksheet, or one that is damaged, shows its sentence
// (data-file-problem) and changes nothing. An accepted file replaces the
// answers by the rule that restores them after a worksheet change
// (unchanged questions come back, the others are kept and counted), and
// adds its saved results and kept comparisons to those of this browser
// (on the same day, or for the same code, this browser's stay). Undo
// brings back what was there before, until the person answers again.
(function (ns) {
  "use strict";

  var FORMAT = "mutual-answers";
  var VERSION = 1;
  var MAX_SIZE = 5 * 1024 * 1024;
  var MAX_TEXT = 20000;
  var MAX_LIST = 200;
  var MAX_SNAPSHOTS = 1000;
  var MAX_COMPARISONS = 100;
  var ID = /^[a-z0-9-]+$/;
  var NAME = /^[a-z0-9-]+(\.(give|receive))?$/;
  var QFP = /^[0-9a-f]{10}$/;
  var FP = /^[A-Za-z0-9_-]{7}$/;
  var CODE = /^[A-Za-z0-9_-]+$/;
  var DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function isInt(v) {
    return typeof v === "number" && Math.floor(v) === v && isFinite(v);
  }

  function chars(s) {
    return Array.from(s).length; // code points, as Go counts runes
  }

  // Refused is thrown with the problem's name while a file is checked.
  function Refused(problem) {
    this.problem = problem;
  }

  function check(ok) {
    if (!ok) {
      throw new Refused("damaged");
    }
  }

  // readRecords checks a file's answers ({id: {fingerprint, values}}) and
  // returns them as the store keeps them ({id: {f, a}}).
  function readRecords(rs) {
    var out = {};
    if (rs === undefined || rs === null) {
      return out;
    }
    check(isObject(rs));
    Object.keys(rs).forEach(function (id) {
      var r = rs[id];
      check(ID.test(id) && isObject(r) && typeof r.fingerprint === "string" && QFP.test(r.fingerprint) && isObject(r.values));
      var a = {};
      Object.keys(r.values).forEach(function (name) {
        var v = r.values[name];
        check(NAME.test(name));
        if (v === null) {
          v = "";
        }
        if (Array.isArray(v)) {
          check(v.length <= MAX_LIST);
          v.forEach(function (x) {
            check(typeof x === "string" && ID.test(x) && x.length <= 200);
          });
        } else {
          check(typeof v === "string" && chars(v) <= MAX_TEXT);
        }
        a[name] = v;
      });
      out[id] = { f: r.fingerprint, a: a };
    });
    return out;
  }

  function writeRecords(records) {
    var out = {};
    Object.keys(records).forEach(function (id) {
      out[id] = { fingerprint: records[id].f, values: records[id].a };
    });
    return out;
  }

  function readScores(s) {
    check(isObject(s) && isInt(s.answered) && isInt(s.total) && s.answered >= 0 && s.answered <= s.total);
    var out = { answered: s.answered, total: s.total };
    ["give", "receive", "balance", "lean"].forEach(function (k, i) {
      var v = s[k] === undefined ? null : s[k];
      check(v === null || (isInt(v) && v >= (i < 2 ? 0 : -100) && v <= 100));
      out[k] = v;
    });
    return out;
  }

  function list(v, max) {
    if (v === undefined || v === null) {
      return [];
    }
    check(Array.isArray(v) && v.length <= max);
    return v;
  }

  // read checks a file's text and returns {slug, answers, snapshots,
  // comparisons} in the store's shapes, or throws Refused.
  function read(text) {
    var f;
    try {
      f = JSON.parse(text);
    } catch (e) {
      throw new Refused("not-answers");
    }
    if (!isObject(f) || f.format !== FORMAT) {
      throw new Refused("not-answers");
    }
    check(isInt(f.version) && f.version >= 1);
    if (f.version > VERSION) {
      throw new Refused("newer");
    }
    check(typeof f.worksheet === "string" && ID.test(f.worksheet));
    check(typeof f.fingerprint === "string" && FP.test(f.fingerprint));
    check(typeof f.saved === "string" && DATE.test(f.saved));
    check(f.title === undefined || f.title === null || (typeof f.title === "string" && f.title.length <= MAX_TEXT));
    var out = { slug: f.worksheet, answers: readRecords(f.answers), snapshots: [], comparisons: [] };
    list(f.snapshots, MAX_SNAPSHOTS).forEach(function (s) {
      check(isObject(s) && typeof s.date === "string" && DATE.test(s.date) && typeof s.fingerprint === "string" && FP.test(s.fingerprint));
      out.snapshots.push({ date: s.date, fingerprint: s.fingerprint, scores: readScores(s.scores), answers: readRecords(s.answers) });
    });
    list(f.comparisons, MAX_COMPARISONS).forEach(function (c) {
      check(isObject(c) && typeof c.code === "string" && c.code.length <= 4096 && CODE.test(c.code));
      check(typeof c.kept === "string" && DATE.test(c.kept));
      out.comparisons.push({ code: c.code, kept: c.kept });
    });
    return out;
  }

  // clean keeps the records (store shape) that a file may hold: what this
  // page writes, it can read back.
  function clean(records) {
    var out = {};
    Object.keys(records).forEach(function (id) {
      try {
        var one = {};
        one[id] = { fingerprint: records[id].f, values: records[id].a };
        out[id] = readRecords(one)[id];
      } catch (e) {
        // left out: not an answer this format holds
      }
    });
    return out;
  }

  // stored returns the list a part keeps under field, or [].
  function stored(page, part, field) {
    var v = page.store.get(part);
    return isObject(v) && v.v === 1 && Array.isArray(v[field]) ? v[field] : [];
  }

  (ns.parts = ns.parts || {}).file = function (page, section) {
    var t = ns.texts(section, ["saved", "undone"]);
    var undoBox = section.querySelector("[data-file-undo]");
    var undoButton = section.querySelector('[data-action="undo-open"]');
    var openButton = page.button("open-file");
    var undo = null;

    var statusEl = section.querySelector("[data-file-status]");
    function status(msg) {
      ns.write(statusEl, msg);
    }

    // problem shows the sentence for a refused file (name; "" hides them)
    // beside the buttons, and says it to screen readers too: the focus is
    // back on "Open a file", away from the sentence. A sentence hidden
    // leaves the live region too, where it would still say that nothing
    // was opened once a file has been.
    function problem(name) {
      Array.prototype.forEach.call(section.querySelectorAll("[data-file-problem]"), function (el) {
        var was = !el.hidden;
        var text = el.textContent.replace(/\s+/g, " ").trim();
        el.hidden = el.getAttribute("data-file-problem") !== name;
        if (!el.hidden) {
          var mark = el.querySelector("[lang]");
          page.announce({ text: text, lang: mark ? mark.getAttribute("lang") : "", dir: mark ? mark.getAttribute("dir") || "" : "" });
        } else if (was) {
          page.unsay(text);
        }
      });
    }

    function dropUndo() {
      undo = null;
      undoBox.hidden = true;
    }

    function save() {
      problem("");
      var day = page.today();
      var file = {
        format: FORMAT,
        version: VERSION,
        worksheet: page.slug,
        title: section.getAttribute("data-title") || "",
        fingerprint: page.fingerprint,
        saved: day,
        answers: writeRecords(clean(page.records())),
        snapshots: [],
        comparisons: [],
      };
      stored(page, "history", "snapshots").forEach(function (s) {
        try {
          check(isObject(s) && typeof s.date === "string" && DATE.test(s.date) && typeof s.fingerprint === "string" && FP.test(s.fingerprint));
          file.snapshots.push({ date: s.date, fingerprint: s.fingerprint, scores: readScores(s.scores), answers: writeRecords(clean(s.answers || {})) });
        } catch (e) {
          // a saved result this format cannot hold stays out
        }
      });
      stored(page, "compare", "comparisons").forEach(function (c) {
        if (isObject(c) && typeof c.code === "string" && c.code.length <= 4096 && CODE.test(c.code) && typeof c.kept === "string" && DATE.test(c.kept)) {
          file.comparisons.push({ code: c.code, kept: c.kept });
        }
      });
      var name = page.slug + "-" + day + ".json";
      var url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 60000);
      status(ns.fill(t.saved, { name: name }));
    }

    function open(input) {
      var file = input.files && input.files[0];
      input.value = ""; // the same file can be chosen again
      if (!file) {
        return;
      }
      status("");
      problem("");
      if (file.size > MAX_SIZE) {
        problem("damaged");
        return;
      }
      file.text().then(apply, function () {
        problem("damaged");
      });
    }

    function apply(text) {
      var f;
      try {
        f = read(text);
        if (f.slug !== page.slug) {
          throw new Refused("other-worksheet");
        }
      } catch (e) {
        problem(e instanceof Refused ? e.problem : "damaged");
        return;
      }
      var before = page.take();
      var missed = page.replace(f.answers);
      // Saved results and kept comparisons join this browser's.
      var snaps = stored(page, "history", "snapshots").slice();
      f.snapshots.forEach(function (s) {
        if (
          !snaps.some(function (o) {
            return o.date === s.date;
          })
        ) {
          snaps.push(s);
        }
      });
      snaps.sort(function (a, b) {
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      });
      if (snaps.length) {
        page.store.put("history", { v: 1, snapshots: snaps.slice(-MAX_SNAPSHOTS) });
      }
      var comps = stored(page, "compare", "comparisons").slice();
      f.comparisons.forEach(function (c) {
        if (
          !comps.some(function (o) {
            return o.code === c.code;
          })
        ) {
          comps.push(c);
        }
      });
      if (comps.length) {
        page.store.put("compare", { v: 1, comparisons: comps.slice(-MAX_COMPARISONS) });
      }
      page.emit("stored");
      // The answers back: those of unchanged questions. (Those of
      // questions this version lacks are kept, not counted.)
      var n = Object.keys(f.answers).filter(function (id) {
        var q = page.byId[id];
        return q && q.fp === f.answers[id].f && page.F.has(f.answers[id].a);
      }).length;
      var msg = [ns.plural(section, "data-text-opened-", n)];
      if (missed > 0) {
        msg.push(page.unrestored(missed));
      }
      status(msg);
      undo = before;
      undoBox.hidden = false;
    }

    function act(action, el) {
      if (action === "file-chosen") {
        open(el);
      } else if (action === "undo-open" && undo) {
        var state = undo;
        dropUndo();
        page.give(state);
        status(t.undone);
        openButton.focus();
      }
    }

    var input = section.querySelector("[data-file-input]");
    page.button("save-file").addEventListener("click", save);
    openButton.addEventListener("click", function () {
      input.click(); // the file chooser
    });
    section.addEventListener("click", function (e) {
      var b = e.target.closest("[data-action]");
      if (b && section.contains(b)) {
        act(b.getAttribute("data-action"), b);
      }
    });
    input.addEventListener("change", function () {
      act("file-chosen", input);
    });
    // Another tab changed the answers: "the file is open" is stale.
    page.on("hush", function () {
      status("");
    });
    page.on("answered", function () {
      if (undo) {
        dropUndo();
      }
    });
  };
})((window.mutualWorksheet = window.mutualWorksheet || {}));
