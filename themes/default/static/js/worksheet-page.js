// worksheet-page.js: a worksheet page's wiring, started by worksheet.js
// once every module has loaded.
//
// It joins the modules:
//   - worksheet-form.js (ns.form): the form's answers, question by question;
//   - worksheet-store.js (ns.Store): saving them in this browser: answers
//     whose question is unchanged come back after a reload, the others are
//     kept, and the page says how many were not restored;
//   - worksheet-scorer.js (ns.startScorer): the scorer, in a Web Worker;
//   - worksheet-results.js (ns.results): showing its results, and the
//     progress bar.
// It also runs "Clear my answers" (with Undo until the person answers
// again or leaves), "Print" and the bar's "See results" link.
//
// The row of buttons after the form and its results (data-more) and what
// they open (data-part: "compare", "history", "file") are run by modules
// of their own, listed in data-parts: worksheet-compare.js,
// worksheet-history.js and worksheet-file.js, with their styles
// (data-styles). This file loads them once the scorer has started (or
// failed), well after the first paint, and says that scoring is ready only
// then: so nothing is requested while a person fills in, compares, saves,
// opens a file or prints. It puts those styles right after the page's
// first stylesheet, so that the stylesheets the page links after it (a
// child theme's worksheet.css and custom.css) keep the last word. Each
// registers ns.parts[part](page, section); page is the API below
// (answers, storage, the scorer, events, undo).
//
// Every word it shows comes from the page (the data-text-* attributes of
// the data-strings element and of each part), with its language when it
// is not the page's (see text and write). It makes no request after
// the page has loaded other than those modules, uses no inline script or
// style, keeps working without storage or WebAssembly, and never lets bad
// saved data or a refused model stop the form.
(function (ns) {
  "use strict";

  // A text of the page is {text, lang, dir}: the words of el's attribute
  // name ("data-text-ready"), and their language and direction when they
  // are not the page's, from the attributes name + "-lang" and name +
  // "-dir", which the page carries only for such a text (one its
  // language lacks, in the default language's words; or, on a page shown
  // untranslated, one in the page's own language); else "".
  function text(el, name) {
    return {
      text: (el && el.getAttribute(name)) || "",
      lang: (el && el.getAttribute(name + "-lang")) || "",
      dir: (el && el.getAttribute(name + "-dir")) || "",
    };
  }
  ns.text = text;

  // texts are el's texts data-text-<name> for each name ("ready") as
  // {name: text}, by the names in camel case ("say-alert": sayAlert).
  ns.texts = function (el, names) {
    var t = {};
    names.forEach(function (name) {
      t[name.replace(/-(\w)/g, function (all, c) {
        return c.toUpperCase();
      })] = text(el, "data-text-" + name);
    });
    return t;
  };

  // fill is text t with its {name} markers replaced from values.
  ns.fill = function (t, values) {
    var s = String(t.text || "").replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
    return { text: s, lang: t.lang, dir: t.dir };
  };

  // write makes texts (a text, or a list of them shown one after the
  // other, spaced; a string is a text in the page's language) el's only
  // content, marked with their language, so that a screen reader reads
  // them with the right voice: el takes the lang (and dir) of texts that
  // are not in the page's language and loses them for texts that are, and
  // texts of different languages each get a span of their own. A live
  // region announces what write puts in it, as it announced a new
  // textContent. A live region given the very sentence it holds (a second
  // file refused for the same reason, today's result saved again in place
  // of the earlier one) is emptied, and given it again AGAIN ms later: some
  // screen reader and browser pairs announce only a change of text, and
  // would say the sentence once.
  var AGAIN = 100;
  var pending = typeof WeakMap === "function" ? new WeakMap() : null; // el -> {timer, text}
  function write(el, texts) {
    if (!el) {
      return;
    }
    var list = []
      .concat(texts)
      .map(function (t) {
        return typeof t === "string" ? { text: t, lang: "", dir: "" } : t;
      })
      .filter(function (t) {
        return t && t.text;
      });
    var p = pending && pending.get(el);
    if (p) {
      clearTimeout(p.timer);
      pending.delete(el);
    }
    var text = list
      .map(function (t) {
        return t.text;
      })
      .join(" ");
    if (pending && text && el.textContent === text && el.closest("[aria-live], [role=status], [role=alert]")) {
      el.textContent = "";
      pending.set(el, {
        text: text,
        timer: setTimeout(function () {
          pending.delete(el);
          put(el, list);
        }, AGAIN),
      });
      return;
    }
    put(el, list);
  }

  // said is the text live region el holds, or is about to hold again (see
  // write).
  function said(el) {
    var p = pending && pending.get(el);
    return p ? p.text : el.textContent;
  }

  // put makes texts (write's list) el's only content.
  function put(el, list) {
    var one = list.every(function (t) {
      return t.lang === list[0].lang && t.dir === list[0].dir;
    });
    var mark = function (e, t) {
      ["lang", "dir"].forEach(function (a) {
        if (t && t[a]) {
          e.setAttribute(a, t[a]);
        } else {
          e.removeAttribute(a);
        }
      });
    };
    mark(el, one ? list[0] : null);
    if (one) {
      el.textContent = list
        .map(function (t) {
          return t.text;
        })
        .join(" ");
      return;
    }
    el.textContent = "";
    list.forEach(function (t, i) {
      if (i > 0) {
        el.appendChild(document.createTextNode(" "));
      }
      if (!t.lang && !t.dir) {
        el.appendChild(document.createTextNode(t.text));
        return;
      }
      var span = document.createElement("span");
      mark(span, t);
      span.textContent = t.text;
      el.appendChild(span);
    });
  }
  ns.write = write;

  // plural is the text of el whose attributes prefix + a CLDR plural
  // category ("data-text-unrestored-one", "-few", "-other") hold its forms,
  // for the count n: the form Intl.PluralRules picks for the text's
  // language (prefix + "lang", else the page's), else "other"; "{n}"
  // becomes n.
  function plural(el, prefix, n) {
    var lang = (el && el.getAttribute(prefix + "lang")) || "";
    var cat = n === 1 ? "one" : "other";
    try {
      cat = new Intl.PluralRules(lang || document.documentElement.lang || undefined).select(n);
    } catch (e) {
      // an unknown language: English's rule
    }
    var msg = (el && (el.getAttribute(prefix + cat) || el.getAttribute(prefix + "other"))) || "";
    return { text: msg.split("{n}").join(String(n)), lang: lang, dir: (el && el.getAttribute(prefix + "dir")) || "" };
  }
  ns.plural = plural;

  function strings(el) {
    return ns.texts(el, ["not-saving", "cleared", "restored", "ready", "unavailable", "rejected", "say-progress", "say-give", "say-receive", "say-balance", "say-lean", "say-scores", "say-alert"]);
  }

  // fitRows stacks each row of choices that does not fit across its box,
  // like a long scale. Rows are chosen when the page is built, for the
  // usual text; a reader's own settings (text spacing, a minimum font
  // size) can make one wider than the screen. It measures every row
  // unstacked first, so a row stacked earlier goes back once it fits.
  function fitRows(form) {
    var rows = Array.prototype.slice.call(form.querySelectorAll(".ws-options.ws-row"));
    rows.forEach(function (row) {
      row.classList.remove("ws-fit-stack");
    });
    rows.filter(function (row) {
      return row.scrollWidth > row.clientWidth + 1;
    }).forEach(function (row) {
      row.classList.add("ws-fit-stack");
    });
  }

  // watchRows fits the rows now and again whenever the form changes size
  // (a narrower window, a larger text, a reader's stylesheet), in the next
  // frame rather than inside the observer, which must not resize what it
  // observes.
  function watchRows(form) {
    fitRows(form);
    var queued = false;
    function queue() {
      if (!queued) {
        queued = true;
        requestAnimationFrame(function () {
          queued = false;
          fitRows(form);
        });
      }
    }
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(queue).observe(form);
    } else {
      window.addEventListener("resize", queue);
    }
  }

  ns.start = function start() {
    var form = document.querySelector("form[data-model]");
    var text = strings(document.querySelector("[data-strings]"));
    var results = document.querySelector("[data-results]");
    if (!form || !ns.form || !ns.Store) {
      if (results) {
        results.setAttribute("data-scoring", "unavailable");
        write(results.querySelector("[data-status]"), text.unavailable);
      }
      return;
    }
    watchRows(form);
    var F = ns.form;
    var bar = form.querySelector("[data-bar]");
    var announcer = results && results.querySelector("[data-announce]");
    var questions = F.questions(form);
    var byId = Object.create(null);
    questions.forEach(function (q) {
      byId[q.id] = q;
    });
    // The rest starts in a task of its own, so that a phone is not held
    // up by the whole start at once. An answer given meanwhile is one given
    // before the page started: restore keeps it, and saves it.
    setTimeout(rest, 0);
    function rest() {
      var store = new ns.Store(form.getAttribute("data-store-key"), form.getAttribute("data-legacy-key"));
      var kept = Object.create(null); // saved answers of questions that have changed since
      var undo = null; // what "Clear my answers" took, until the next answer
      var scorer = null;
      var latest = 0; // the last request sent to the scorer
      var lastResult = null; // the last result shown
      var listeners = {}; // event -> [fn]
      var queued = []; // calls waiting for the scorer

      function on(ev, fn) {
        (listeners[ev] = listeners[ev] || []).push(fn);
      }

      function emit(ev, arg) {
        (listeners[ev] || []).slice().forEach(function (fn) {
          try {
            fn(arg);
          } catch (e) {
            // one part's trouble never stops the form
          }
        });
      }

      function status(msg) {
        write(results && results.querySelector("[data-status]"), msg);
      }

      // hush empties the status lines and the live region, so no message
      // outlives the state it was about (another tab changed the answers).
      function hush() {
        clearTimeout(announceTimer);
        write(announcer, "");
        write(moreStatus, "");
        emit("hush");
      }

      // announce says texts (write's) through the live region after wait ms.
      var announceTimer = 0;
      function announce(msg, wait) {
        if (!announcer) {
          return;
        }
        clearTimeout(announceTimer);
        announceTimer = setTimeout(function () {
          write(announcer, msg);
        }, wait);
      }

      // ---------- saving ----------

      function records() {
        var out = Object.create(null);
        Object.keys(kept).forEach(function (id) {
          out[id] = kept[id];
        });
        questions.forEach(function (q) {
          var v = F.values(q);
          if (v) {
            out[q.id] = { f: q.fp, a: v };
            delete kept[q.id]; // answered anew: the old answer is replaced
          }
        });
        return out;
      }

      // save saves the answers and reports whether they are saved. A store
      // that worked and now refuses (full) is said at once: the promise
      // turns into "this browser is not saving them", also announced; once
      // saving works again the promise is back. What was saved before stays.
      var promise = document.querySelector("[data-promise]");
      var promised = promise && {
        nodes: Array.prototype.map.call(promise.childNodes, function (n) {
          return n.cloneNode(true);
        }),
        lang: promise.getAttribute("lang"),
        dir: promise.getAttribute("dir"),
      };
      var refused = false; // the last save failed: this tab's answers are not all saved
      var seen = null; // the saved text as this page last wrote or read it
      function save() {
        var ok = store.save(records());
        seen = store.raw();
        showUnrestored();
        if (store.available && ok === refused) {
          refused = !ok;
          if (refused) {
            write(promise, text.notSaving);
            announce(text.notSaving, 0);
          } else if (promise) {
            promise.textContent = "";
            promised.nodes.forEach(function (n) {
              promise.appendChild(n.cloneNode(true));
            });
            ["lang", "dir"].forEach(function (a) {
              if (promised[a] === null) {
                promise.removeAttribute(a);
              } else {
                promise.setAttribute(a, promised[a]);
              }
            });
          }
        }
        return ok;
      }

      // applyRecords gives each question its saved record while the
      // question's fingerprint matches; the others are kept for a worksheet
      // changed back. It returns how many kept records belong to questions
      // still here, changed, and holding an answer.
      function applyRecords(saved) {
        var missed = 0;
        Object.keys(saved).forEach(function (id) {
          var rec = saved[id];
          var q = byId[id];
          if (q && rec.f === q.fp) {
            if (F.values(q) === null) {
              F.apply(q, rec.a); // unless the person answered before the page was ready
            }
            return;
          }
          kept[id] = rec;
          if (q && F.has(rec.a)) {
            missed++;
          }
        });
        return missed;
      }

      // sync makes the form show what is saved now, once another tab has
      // changed it (or this page comes back from the back/forward cache,
      // which another page may have changed meanwhile): the answers of
      // questions as they are, the others kept, as a reload would. So a
      // tab's next save never drops another's answers. Undo goes: what it
      // would bring back is not what is saved any more. A tab whose own
      // answers could not be saved (a full store) keeps them.
      function sync() {
        if (refused || store.raw() === seen) {
          return;
        }
        var saved = store.load();
        seen = store.raw();
        dropUndo();
        kept = Object.create(null);
        questions.forEach(function (q) {
          var rec = saved[q.id];
          F.set(q, rec && rec.f === q.fp ? rec.a : null);
        });
        Object.keys(saved).forEach(function (id) {
          var q = byId[id];
          if (!q || saved[id].f !== q.fp) {
            kept[id] = saved[id];
          }
        });
        F.fitTextareas(form);
        markFilled();
        showUnrestored();
        rescore();
        emit("answered");
      }

      function unrestored(n) {
        return plural(document.querySelector("[data-strings]"), "data-text-unrestored-", n);
      }

      function restore() {
        var saved = store.load();
        var migrated = false;
        // A checklist ticked before the page started may hold "None of
        // these" beside other boxes, since nothing kept them apart yet: the
        // boxes ticked stand, and "None of these" goes.
        Array.prototype.forEach.call(form.querySelectorAll('input[type="checkbox"][data-none]'), function (none) {
          if (none.checked && Array.prototype.some.call(form.elements, function (o) {
            return o !== none && o.type === "checkbox" && o.name === none.name && o.checked && !o.hasAttribute("data-none");
          })) {
            none.checked = false;
          }
        });
        // Answers given before the page started (its scripts came late) are
        // the person's latest: they stay, and are saved below.
        var early = questions.some(function (q) {
          return F.values(q) !== null;
        });
        if (Object.keys(saved).length === 0 && store.legacyKey) {
          var legacy = store.legacy();
          if (legacy) {
            questions.forEach(function (q) {
              var a = {};
              Object.keys(q.inputs).forEach(function (name) {
                if (Object.prototype.hasOwnProperty.call(legacy, name)) {
                  a[name] = legacy[name];
                }
              });
              if (Object.keys(a).length > 0) {
                saved[q.id] = { f: q.fp, a: a };
                migrated = true;
              }
            });
          }
        }
        // Answers of questions that changed, or left the worksheet, are
        // kept for a worksheet changed back; the page counts those whose
        // question is still here, changed.
        applyRecords(saved);
        seen = store.raw();
        if ((migrated || early) && save() && migrated) {
          store.dropLegacy();
        }
        showUnrestored();
      }

      // showUnrestored says how many answers this page does not show because
      // their questions changed (kept for a worksheet changed back), or
      // hides the note when there are none left: answering such a question
      // anew replaces its answer, and another tab may have changed them.
      function showUnrestored() {
        var note = form.querySelector("[data-restore-note]");
        if (!note) {
          return;
        }
        var missed = 0;
        Object.keys(kept).forEach(function (id) {
          if (byId[id] && F.has(kept[id].a)) {
            missed++;
          }
        });
        if (missed > 0) {
          write(note, unrestored(missed));
        }
        note.hidden = missed === 0;
      }

      // take returns everything the person has here: answers, kept answers
      // and the parts' storage; give puts such a state back. Clearing and
      // opening a file take one for Undo.
      var partStores = ["compare", "history"]; // the parts' storage
      function take() {
        var state = { answers: [], kept: kept, parts: {} };
        questions.forEach(function (q) {
          state.answers.push(F.values(q));
        });
        partStores.forEach(function (p) {
          state.parts[p] = store.get(p);
        });
        return state;
      }

      function give(state, which) {
        form.reset();
        kept = state.kept;
        questions.forEach(function (q, i) {
          F.apply(q, state.answers[i]);
        });
        (which || partStores).forEach(function (p) {
          store.put(p, state.parts[p]);
        });
        F.fitTextareas(form);
        save();
        markFilled();
        rescore();
        emit("stored");
      }

      // ---------- scoring ----------

      function rescore() {
        if (!scorer || !results) {
          return;
        }
        latest = scorer.score(F.scoring(form));
        results.setAttribute("aria-busy", "true");
      }

      function unavailable(msg) {
        scorer = null;
        queued.splice(0).forEach(function (c) {
          c.done({ error: "unavailable" });
        });
        emit("scoring", "unavailable");
        status(msg);
        if (results) {
          results.setAttribute("data-scoring", "unavailable");
          results.removeAttribute("aria-busy");
        }
        if (bar) {
          bar.hidden = true;
        }
      }

      var speak = false; // announce the next result (after an answer, not on load)
      function scored(id, r) {
        if (id !== latest || !scorer) {
          return; // a later answer is on its way
        }
        results.removeAttribute("aria-busy");
        if (!r || typeof r !== "object" || r.error !== undefined || typeof r.answered !== "number") {
          unavailable(text.rejected);
          return;
        }
        ns.results.show(results, bar, r);
        lastResult = r;
        emit("result", r);
        if (speak) {
          speak = false;
          announce(ns.results.say(text, results, r), 600);
        }
      }

      // ---------- answering ----------

      function markFilled() {
        var any = questions.some(function (q) {
          return F.values(q) !== null;
        });
        var was = form.getAttribute("data-filled");
        form.setAttribute("data-filled", any ? "true" : "false");
        // The printed page's date: today once anything is answered, else
        // a blank line to write it on.
        var printed = document.querySelector("[data-printed-date]");
        if (printed && any) {
          writeDate(printed, today());
        } else if (printed) {
          printed.textContent = "";
          printed.removeAttribute("lang");
        }
        if (was !== null && was !== String(any)) {
          emit("filled", any);
        }
      }

      function answered(e) {
        var t = e.target;
        var scoredInput = t.type === "radio" || t.type === "checkbox";
        if (e.type === "input" && scoredInput) {
          return; // its change event follows
        }
        if (t.type === "checkbox") {
          F.exclusive(t);
        }
        if (undo) {
          dropUndo();
        }
        // Ask the scorer first: it works in its own thread while this one
        // saves.
        if (scoredInput) {
          speak = true;
          rescore();
        }
        if (t.tagName === "TEXTAREA") {
          F.fitTextareas(form); // grows as the person writes; restored text waits for print
        }
        save();
        markFilled();
        emit("answered");
      }

      form.addEventListener("input", answered);
      form.addEventListener("change", answered);
      form.addEventListener("submit", function (e) {
        e.preventDefault(); // nothing is ever sent
      });

      // ---------- buttons ----------

      var cleared = form.querySelector("[data-cleared]");
      var clearButton = form.querySelector('[data-action="clear"]');
      var undoButton = form.querySelector('[data-action="undo"]');

      function dropUndo() {
        undo = null;
        if (cleared) {
          cleared.hidden = true;
        }
      }

      if (clearButton) {
        clearButton.addEventListener("click", function () {
          // Kept comparisons go too; saved results stay until deleted.
          var taken = take();
          kept = Object.create(null);
          form.reset();
          store.remove();
          seen = store.raw();
          store.put("compare", null);
          emit("stored");
          emit("answered");
          undo = taken;
          markFilled();
          rescore();
          if (cleared) {
            cleared.hidden = false;
          }
          if (undoButton) {
            undoButton.focus();
          }
          announce(text.cleared, 0);
        });
      }
      if (undoButton) {
        undoButton.addEventListener("click", function () {
          if (!undo) {
            return;
          }
          var taken = undo;
          dropUndo();
          give(taken, ["compare"]);
          if (clearButton) {
            clearButton.focus();
          }
          announce(text.restored, 0);
        });
      }
      // A printed reflection shows all of its text.
      window.addEventListener("beforeprint", function () {
        F.fitTextareas(form, true);
        markFilled(); // the date, if the day has changed since
      });
      window.addEventListener("afterprint", function () {
        F.fitTextareas(form);
      });
      var print = form.querySelector('[data-action="print"]');
      if (print) {
        print.addEventListener("click", function () {
          window.print();
        });
      }
      var see = form.querySelector("[data-see-results]");
      if (see && results) {
        see.addEventListener("click", function (e) {
          e.preventDefault();
          results.focus();
        });
      }
      Array.prototype.forEach.call(form.querySelectorAll("[data-actions]"), function (el) {
        el.hidden = false;
      });

      // ---------- the parts after the form ----------

      var more = document.querySelector("[data-more]");
      var moreStatus = more && more.querySelector("[data-more-status]");
      var page = {
        form: form,
        results: results,
        F: F,
        store: store,
        questions: questions,
        byId: byId,
        slug: form.getAttribute("data-slug") || "",
        fingerprint: form.getAttribute("data-fingerprint") || "",
        on: on,
        emit: emit,
        announce: function (msg) {
          announce(msg, 0);
        },
        // unsay empties the live region if it still holds msg (a text or
        // texts, as write takes them): a sentence about what has passed (a
        // file refused before one opened, a removal undone) that a screen
        // reader reading the results would otherwise still come upon. Only
        // that sentence: anything said since stays.
        unsay: function (msg) {
          var text = []
            .concat(msg)
            .map(function (t) {
              return typeof t === "string" ? t : t && t.text;
            })
            .filter(Boolean)
            .join(" ");
          if (announcer && text && said(announcer) === text) {
            write(announcer, "");
          }
        },
        // result is the scorer's last result, or null without a scorer.
        result: function () {
          return scorer ? lastResult : null;
        },
        scoring: function () {
          return results ? results.getAttribute("data-scoring") || "" : "";
        },
        answers: function () {
          return F.scoring(form);
        },
        filled: function () {
          return form.getAttribute("data-filled") === "true";
        },
        records: records,
        // call asks the scorer for a share code or a comparison; done gets
        // its reply, or {error: "unavailable"} when there is no scorer.
        call: function (fn, args, done) {
          if (scorer) {
            scorer.call(fn, args, done);
          } else if (!form.getAttribute("data-worker") || page.scoring() === "unavailable") {
            done({ error: "unavailable" });
          } else {
            queued.push({ fn: fn, args: args, done: done });
          }
        },
        // replace puts saved records (by question id) in place of the
        // person's answers, as a reload after a worksheet change would, and
        // returns how many answers of changed questions it could not give.
        replace: function (saved) {
          dropUndo();
          form.reset();
          kept = Object.create(null);
          var missed = applyRecords(saved);
          F.fitTextareas(form);
          save();
          markFilled();
          rescore();
          emit("answered");
          return missed;
        },
        unrestored: unrestored,
        take: take,
        give: give,
        today: today,
        formatDate: formatDate,
        writeDate: writeDate,
        langOf: langOf,
        // button returns the page's button with data-action="name" (a
        // detached one when the theme has none).
        button: function (name) {
          return document.querySelector('[data-action="' + name + '"]') || document.createElement("button");
        },
        // status shows a short message (a text, or texts: see write) under
        // that row (role="status").
        status: function (msg) {
          write(moreStatus, msg);
        },
      };

      // Each part (data-part) registered by its module starts once; one that
      // fails leaves the rest of the page as it is. Each starts in a task of
      // its own, so that the page answers the person between them (a phone
      // is not held up by all three at once); then comes then.
      function startParts(then) {
        if (more) {
          more.hidden = false;
        }
        var els = Array.prototype.slice.call(document.querySelectorAll("[data-part]"));
        (function next() {
          var el = els.shift();
          if (!el) {
            then();
            return;
          }
          var make = ns.parts && ns.parts[el.getAttribute("data-part")];
          if (typeof make === "function") {
            try {
              make(page, el);
            } catch (e) {
              el.hidden = true;
            }
          }
          setTimeout(next, 0);
        })();
      }

      // withParts loads the parts' modules (data-parts) and styles
      // (data-styles) once, starts the parts and then calls then. The page
      // asks for them once the scorer has started (or failed), well after
      // its first paint, and only then says it is ready, so that nothing is
      // requested after that.
      var loading = null; // null, [callbacks] while loading, or true
      function withParts(then) {
        if (loading === true) {
          then();
          return;
        }
        if (loading) {
          loading.push(then);
          return;
        }
        loading = [then];
        var urls = (form.getAttribute("data-parts") || "").split(" ").filter(Boolean);
        var styles = (form.getAttribute("data-styles") || "").split(" ").filter(Boolean);
        var waiting = urls.length + styles.length + 1;
        var done = function () {
          if (--waiting > 0) {
            return;
          }
          startParts(function () {
            var callbacks = loading;
            loading = true;
            callbacks.forEach(function (fn) {
              fn();
            });
          });
        };
        // The stylesheets come right after the page's first (the theme's
        // main.css), in order: the stylesheets the page links after it (a
        // child theme's worksheet.css and custom.css) keep the last word.
        var after = document.head.querySelector('link[rel~="stylesheet"]');
        styles.forEach(function (url) {
          var l = document.createElement("link");
          l.rel = "stylesheet";
          l.href = url;
          l.onload = l.onerror = done;
          document.head.insertBefore(l, after ? after.nextSibling : null);
          after = l;
        });
        urls.forEach(function (url) {
          load(url, done);
        });
        done();
      }

      if (!store.available) {
        var promise = document.querySelector("[data-promise]");
        if (promise && text.notSaving.text) {
          write(promise, text.notSaving);
        }
      }

      try {
        restore();
      } catch (e) {
        // Saved data that gets this far is ignored: the form starts empty.
      }
      markFilled();

      // Another tab's saving, and this page back from the back/forward
      // cache: see sync. The parts re-read what they keep ("stored").
      if (store.available) {
        window.addEventListener("storage", function (e) {
          if (e.storageArea !== store.storage) {
            return;
          }
          if (e.key === null || e.key === store.key || e.key.indexOf(store.key + "#") === 0) {
            // What this tab said last is about what it had before: another
            // tab changed it, so those words go (they would be stale).
            hush();
          }
          if (e.key === null || e.key === store.key) {
            sync();
          }
          if (e.key === null || e.key.indexOf(store.key + "#") === 0) {
            emit("stored");
          }
        });
        window.addEventListener("pageshow", function (e) {
          if (e.persisted) {
            sync();
            emit("stored");
          }
        });
      }

      var resizeTimer = 0;
      window.addEventListener("resize", function () {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(function () {
          if (results && results.getAttribute("data-scoring") === "ready") {
            rescore();
          }
        }, 200);
      });

      var worker = form.getAttribute("data-worker");
      if (!worker || !results) {
        withParts(function () {});
        return;
      }
      var starting = null;
      function failed() {
        withParts(function () {
          unavailable(text.unavailable);
        });
      }
      function startScoring() {
        if (!ns.startScorer || !ns.results) {
          failed();
          return;
        }
        starting = ns.startScorer(
          {
            worker: worker,
            wasm: form.getAttribute("data-wasm"),
            exec: form.getAttribute("data-wasm-exec"),
            model: form.getAttribute("data-model"),
            worksheet: form.getAttribute("data-slug"),
          },
          function (state) {
            if (state === "ready" && starting) {
              var ready = starting;
              withParts(function () {
                if (starting !== ready) {
                  return; // failed since
                }
                scorer = ready;
                status(text.ready);
                results.setAttribute("data-scoring", "ready");
                if (bar) {
                  bar.hidden = false;
                }
                rescore();
                emit("scoring", "ready");
                queued.splice(0).forEach(function (c) {
                  scorer.call(c.fn, c.args, c.done);
                });
              });
            } else if (state === "failed") {
              starting = null;
              failed();
            }
          },
          scored
        );
        if (!starting) {
          failed();
        }
      }
      // The worker starts in a task of its own, after the form is restored
      // and answers are being saved: one long task less at start.
      setTimeout(startScoring, 0);
    }
  };

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // today is the person's calendar day, YYYY-MM-DD.
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // formatDate writes a YYYY-MM-DD day in the page's language ("14 March
  // 2026" for en-GB), or in lang, the language of the text it goes into;
  // style "medium" abbreviates the month, "short" also leaves out the
  // year.
  function formatDate(ymd, style, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd || "");
    if (!m) {
      return String(ymd);
    }
    var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    try {
      var opts = { year: "numeric", month: "long", day: "numeric" };
      if (style === "medium") {
        opts.month = "short";
      } else if (style === "short") {
        opts = { month: "short", day: "numeric" };
      }
      return new Intl.DateTimeFormat(lang || document.documentElement.lang || undefined, opts).format(d);
    } catch (e) {
      return ymd;
    }
  }

  // langOf is the language of el's words: its lang, or its nearest
  // ancestor's, else the page's.
  function langOf(el) {
    var l = el && el.closest ? el.closest("[lang]") : null;
    return (l && l.getAttribute("lang")) || document.documentElement.getAttribute("lang") || "";
  }

  // dateLang is the language of a date el shows: that of the text just
  // before it, which the date completes ("Saved on", "Your answers of":
  // the language its mark gives when it is not the page's), else el's.
  // So on a page shown untranslated, or one whose texts fall back to the
  // default language, the date goes with its texts, not with the page.
  function dateLang(el) {
    for (var n = el.previousSibling; n; n = n.previousSibling) {
      if (n.nodeType === 3 && !/\S/.test(n.nodeValue)) {
        continue; // the space between them
      }
      if (n.nodeType === 1) {
        var marks = n.querySelectorAll("[lang]");
        var mark = n.hasAttribute("lang") ? n : marks[marks.length - 1];
        if (mark) {
          return mark.getAttribute("lang");
        }
      }
      break;
    }
    return langOf(el);
  }

  // writeDate makes a YYYY-MM-DD day el's text, in dateLang's language
  // (see formatDate for style), and marks el with it when its
  // surroundings are in another. el must be in the page already.
  function writeDate(el, ymd, style) {
    el.removeAttribute("lang");
    var lang = dateLang(el);
    el.textContent = formatDate(ymd, style, lang);
    if (lang && lang !== langOf(el)) {
      el.setAttribute("lang", lang);
    }
  }
  ns.writeDate = writeDate;

  // load adds a script to the page and calls done(ok) once it has run.
  function load(url, done) {
    var s = document.createElement("script");
    s.src = url;
    s.onload = function () {
      done(true);
    };
    s.onerror = function () {
      done(false);
    };
    document.head.appendChild(s);
  }
})((window.mutualWorksheet = window.mutualWorksheet || {}));
