// worksheet-history.js: "Your results over time" (the section
// data-part="history").
//
// "Save today's result" (a button of the row after the results, shown
// once something is answered and the scorer runs) keeps a
// snapshot of the scorer's last result (answered, total, give, receive,
// balance, lean) with the answers it came from and the worksheet's scoring
// fingerprint, one per calendar day (saving again the same day replaces
// it), in the store's part "history":
//
//   {"v": 1, "snapshots": [{"date": "YYYY-MM-DD", "fingerprint": "...",
//     "scores": {...}, "answers": {"<question id>": {"f": ..., "a": ...}}}]}
//
// It shows them as a line chart (SVG: sizes are attributes and colours CSS
// classes, as the page's CSP allows no style attribute) and as a table of
// the same numbers, rows copied from the page's data-history-template; a
// snapshot saved under another fingerprint is marked as from an earlier
// version. A row's date opens its snapshot read-only (its scores and the
// answers whose question is unchanged), where it can also be deleted.
// Every word shown comes from the page.
(function (ns) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var ID = /^[a-z0-9-]+$/;
  var MAX = 1000;
  var SCORES = ["give", "receive", "balance", "lean"];

  // Scores are written as on the results (worksheet-results.js, loaded
  // before the parts).
  function num(v) {
    return ns.results.num(v);
  }

  function each(root, sel, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(sel), fn);
  }

  function setText(root, sel, text) {
    ns.results.setText(root, sel, text);
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function score(v, lo) {
    return v === null || (typeof v === "number" && Math.floor(v) === v && v >= lo && v <= 100);
  }

  // valid checks a stored snapshot as the answer file format does.
  function valid(s) {
    if (!isObject(s) || typeof s.date !== "string" || !DATE.test(s.date) || typeof s.fingerprint !== "string" || s.fingerprint.length > 64) {
      return false;
    }
    var r = s.scores;
    if (!isObject(r) || !(r.answered >= 0) || !(r.total >= r.answered)) {
      return false;
    }
    if (!score(r.give, 0) || !score(r.receive, 0) || !score(r.balance, -100) || !score(r.lean, -100) || !isObject(s.answers)) {
      return false;
    }
    return Object.keys(s.answers).every(function (id) {
      var rec = s.answers[id];
      return ID.test(id) && isObject(rec) && typeof rec.f === "string" && isObject(rec.a);
    });
  }

  // textOf is an element's text without the parts matching drop.
  function textOf(el, drop) {
    if (!el) {
      return "";
    }
    var c = el.cloneNode(true);
    each(c, drop, function (x) {
      x.parentNode.removeChild(x);
    });
    return c.textContent.replace(/\s+/g, " ").trim();
  }

  (ns.parts = ns.parts || {}).history = function (page, section) {
    var t = ns.texts(section, ["saved", "replaced", "nothing", "deleted", "restored", "full"]);
    var rows = section.querySelector("[data-history-rows]");
    var tpl = section.querySelector("template[data-history-template]");
    var chart = section.querySelector("[data-history-chart]");
    var view = section.querySelector("[data-snapshot-view]");
    var saveButton = page.button("snapshot");
    // The scores this worksheet has: those the table shows.
    var kinds = SCORES.filter(function (k) {
      return !!tpl.content.querySelector('[data-result="' + k + '"]');
    });
    var undoBox = section.querySelector("[data-history-undo]");
    var list = [];
    var opened = -1; // the row whose snapshot is open
    // deleted is the snapshot deleted last, until it is brought back,
    // another is deleted, or a result is saved for its day (which would
    // replace it): the undo box offers it back.
    var deleted = null;

    function read() {
      var v = page.store.get("history");
      list = [];
      if (isObject(v) && v.v === 1 && Array.isArray(v.snapshots)) {
        list = v.snapshots.filter(valid).slice(-MAX);
      }
      list.sort(function (a, b) {
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      });
    }

    function write() {
      return page.store.put("history", list.length ? { v: 1, snapshots: list } : null);
    }

    function status(msg) {
      page.status(msg);
    }

    // dated is text t with its {date}, in the text's language.
    function dated(t, ymd) {
      return ns.fill(t, { date: page.formatDate(ymd, "", t.lang || page.langOf(section)) });
    }

    function showButton() {
      saveButton.hidden = !(page.filled() && page.scoring() === "ready");
    }

    function render() {
      section.hidden = list.length === 0 && !deleted;
      undoBox.hidden = !deleted;
      if (deleted) {
        each(undoBox, '[data-slot="deleted"]', function (el) {
          ns.write(el, dated(t.deleted, deleted.date));
        });
      }
      while (rows.firstChild) {
        rows.removeChild(rows.firstChild);
      }
      list.forEach(function (s, i) {
        var tr = tpl.content.firstElementChild.cloneNode(true);
        rows.appendChild(tr); // first: its date takes the language of its place
        each(tr, '[data-slot="date"]', function (el) {
          page.writeDate(el, s.date, "medium");
        });
        each(tr, '[data-slot="earlier"]', function (el) {
          el.hidden = s.fingerprint === page.fingerprint;
        });
        kinds.forEach(function (k) {
          setText(tr, '[data-result="' + k + '"]', num(s.scores[k]));
        });
        each(tr, "[data-action]", function (b) {
          b.setAttribute("data-index", String(i));
        });
        tr.setAttribute("data-date", s.date);
      });
      draw();
    }

    // draw plots each score over the saved days: one line a score, a point
    // a day, on one axis from -100 to 100 (give and receive use its upper
    // half), with the days evenly spaced.
    function draw() {
      while (chart.firstChild) {
        chart.removeChild(chart.firstChild);
      }
      if (!list.length) {
        return;
      }
      var drawn = chart.getBoundingClientRect().width;
      var width = drawn >= 200 ? Math.round(drawn) : 320;
      var height = 170;
      var left = 34;
      var right = width - 10;
      var top = 8;
      var bottom = height - 24;
      var y = function (v) {
        return top + ((100 - v) / 200) * (bottom - top);
      };
      var x = function (i) {
        return list.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (list.length - 1);
      };
      chart.setAttribute("viewBox", "0 0 " + width + " " + height);
      var add = function (name, attrs, text) {
        var el = document.createElementNS(SVG, name);
        Object.keys(attrs).forEach(function (k) {
          el.setAttribute(k, String(attrs[k]));
        });
        if (text !== undefined) {
          el.textContent = text;
        }
        chart.appendChild(el);
        return el;
      };
      [100, 50, 0, -50, -100].forEach(function (v) {
        add("line", { class: v === 0 ? "ws-hist-zero" : "ws-hist-grid", x1: left, x2: right, y1: y(v), y2: y(v) });
        add("text", { class: "ws-chart-value", x: left - 6, y: y(v) + 4, "text-anchor": "end" }, num(v));
      });
      // Day labels: all when they fit, else the first, the last and some
      // between, evenly spaced; a label that would touch one already
      // drawn (measured, or taken as 48 units wide where it cannot be) is
      // left out, so the last one never runs into the one before.
      var every = Math.max(1, Math.ceil((list.length * 48) / Math.max(1, right - left)));
      var lang = page.langOf(chart);
      var taken = []; // [from, to] of the labels drawn
      var label = function (i, anchor) {
        var el = add("text", { class: "ws-chart-value", x: x(i), y: height - 6, "text-anchor": anchor }, page.formatDate(list[i].date, "short", lang));
        var w = 0;
        try {
          w = el.getComputedTextLength();
        } catch (e) {
          // not measurable here
        }
        w = w > 0 ? w : 48;
        var from = anchor === "start" ? x(i) : anchor === "end" ? x(i) - w : x(i) - w / 2;
        var free = taken.every(function (r) {
          return from + w + 6 <= r[0] || from >= r[1] + 6;
        });
        if (free) {
          taken.push([from, from + w]);
        } else {
          chart.removeChild(el);
        }
      };
      var last = list.length - 1;
      if (last === 0) {
        label(0, "middle");
      } else {
        label(0, "start");
        label(last, "end");
        for (var i = every; i < last; i += every) {
          label(i, "middle");
        }
      }
      kinds.forEach(function (k) {
        var d = "";
        var pen = false;
        list.forEach(function (s, i) {
          var v = s.scores[k];
          if (typeof v !== "number") {
            pen = false;
            return;
          }
          d += (pen ? " L" : " M") + x(i).toFixed(1) + " " + y(v).toFixed(1);
          pen = true;
          add("circle", { class: "ws-hist-dot ws-hist-" + k, cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 3.5 });
        });
        if (d) {
          add("path", { class: "ws-hist-line ws-hist-" + k, d: d.trim() });
        }
      });
    }

    function snapshot() {
      var r = page.result();
      if (!r || !(r.answered > 0)) {
        status(t.nothing);
        return;
      }
      var s = {
        date: page.today(),
        fingerprint: page.fingerprint,
        scores: { answered: r.answered, total: r.total },
        answers: page.records(),
      };
      SCORES.forEach(function (k) {
        s.scores[k] = typeof r[k] === "number" ? r[k] : null;
      });
      var replaced = false;
      list = list.filter(function (o) {
        var same = o.date === s.date;
        replaced = replaced || same;
        return !same;
      });
      list.push(s);
      list.sort(function (a, b) {
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      });
      list = list.slice(-MAX);
      if (deleted && deleted.date === s.date) {
        deleted = null;
      }
      var ok = write();
      render();
      status(!ok ? t.full : replaced ? t.replaced : t.saved);
    }

    function open(i) {
      var s = list[i];
      if (!s) {
        return;
      }
      each(view, '[data-slot="date"]', function (el) {
        page.writeDate(el, s.date);
      });
      each(view, 'p[data-slot="earlier"]', function (el) {
        el.hidden = s.fingerprint === page.fingerprint;
      });
      SCORES.forEach(function (k) {
        setText(view, '.ws-snapshot-scores [data-result="' + k + '"]', num(s.scores[k]));
      });
      var dl = view.querySelector('[data-slot="answers"]');
      while (dl.firstChild) {
        dl.removeChild(dl.firstChild);
      }
      var item = function (name, value) {
        var el = document.createElement(name);
        el.textContent = value;
        dl.appendChild(el);
      };
      page.questions.forEach(function (q) {
        var rec = s.answers[q.id];
        if (!rec || rec.f !== q.fp) {
          return;
        }
        Object.keys(q.inputs).forEach(function (name) {
          var v = rec.a[name];
          var inputs = q.inputs[name];
          var answers = [];
          inputs.forEach(function (input) {
            if (input.tagName === "TEXTAREA") {
              if (typeof v === "string" && v !== "") {
                answers.push(v);
              }
            } else if ((typeof v === "string" && input.value === v) || (Array.isArray(v) && v.indexOf(input.value) >= 0)) {
              answers.push(textOf(input.closest("label"), 'input, [aria-hidden="true"]'));
            }
          });
          if (!answers.length) {
            return;
          }
          var first = inputs[0];
          var question = first.tagName === "TEXTAREA" ? q.el.querySelector('label[for="' + first.id + '"]') : first.closest("fieldset") && first.closest("fieldset").querySelector("legend");
          item("dt", textOf(question, ".visually-hidden"));
          answers.forEach(function (a) {
            item("dd", a);
          });
        });
      });
      view.hidden = false;
      view.focus();
    }

    function remove(i) {
      var s = list[i];
      if (!s) {
        return;
      }
      list.splice(i, 1);
      var ok = write();
      deleted = ok ? s : null;
      render();
      view.hidden = true;
      status(ok ? dated(t.deleted, s.date) : t.full);
      var next = rows.querySelectorAll('[data-action="open"]')[Math.min(i, list.length - 1)];
      (next || (saveButton.hidden ? page.button("save-file") : saveButton)).focus();
    }

    // restore brings the deleted snapshot back, in its place by date.
    function restore() {
      var s = deleted;
      if (!s) {
        return;
      }
      if (!list.some(function (x) {
        return x.date === s.date;
      })) {
        list.push(s);
        list.sort(function (a, b) {
          return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
        });
        while (list.length > MAX) {
          list.shift();
        }
      }
      if (!write()) {
        read();
        status(t.full);
        return;
      }
      deleted = null;
      render();
      status(dated(t.restored, s.date));
      var at = list.indexOf(s);
      var row = rows.querySelectorAll('[data-action="open"]')[at];
      (row || saveButton).focus();
    }

    function act(action, el) {
      if (action === "open") {
        opened = el ? Number(el.getAttribute("data-index")) : -1;
        open(opened);
      } else if (action === "delete") {
        remove(opened);
      } else if (action === "undo-delete") {
        restore();
      } else if (action === "close") {
        view.hidden = true;
        var back = rows.querySelectorAll('[data-action="open"]')[opened];
        (back || saveButton).focus();
      }
    }

    var resizeTimer = 0;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(draw, 200);
    });
    section.addEventListener("click", function (e) {
      var b = e.target.closest("[data-action]");
      if (b && section.contains(b)) {
        act(b.getAttribute("data-action"), b);
      }
    });
    page.on("stored", function () {
      read();
      render();
    });
    saveButton.addEventListener("click", snapshot);
    page.on("scoring", showButton);
    page.on("filled", showButton);
    showButton();
    read();
    render();
  };
})((window.mutualWorksheet = window.mutualWorksheet || {}));
