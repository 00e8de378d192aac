// worksheet-compare.js: "Compare with them" (the section data-part="compare").
//
// "Compare with them" (a button of the row after the results) shows the
// share link. It keeps that link (the
// input carrying data-share-link) up to date with the person's answers:
// the page's address with "#compare=<code>", the code made by the scorer
// (mutualShare). When the address carries someone's code, or a kept
// comparison is shown, it asks the scorer to read the code and compare
// (mutualCompare), and shows the numbers it gets: both people's scores and
// the two gaps, overall and per area (blocks copied from the page's
// template, the areas in the order of their larger gap, with their labels
// and guide links from the results' area rows), and each pair question's
// four answers, with a sentence under the two that differ. Each gap is said
// in words (how many points less or more, or "about the same"). A link
// holding the person's own current code says so (data-compare-own) and
// compares nothing. A refused code shows the
// sentence for its problem (data-compare-problem), never a comparison.
//
// The other person's answers stay in the address: they are stored only
// when the person presses "Keep this comparison" (the store's part
// "compare": {"v": 1, "comparisons": [{"code", "kept": "YYYY-MM-DD"}]}).
// Every word shown comes from the page.
(function (ns) {
  "use strict";

  var EMPTY = "\u2014";
  var CODE = /^[A-Za-z0-9_-]{1,4096}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MAX_KEPT = 100;
  var SCORES = ["give", "receive", "balance", "lean"];
  // A gap of at most NEAR points either way reads "about the same".
  var NEAR = 5;

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

  // optionText is what an option says: its label's words, or for an
  // option shown as a number, what screen readers hear ("3 of 7").
  function optionText(input) {
    return textOf(input.closest("label"), 'input, [aria-hidden="true"]');
  }

  (ns.parts = ns.parts || {}).compare = function (page, section) {
    var t = ns.texts(section, ["overall", "copied", "select", "kept", "forgotten", "ready", "full", "not-removed"]);
    var share = section.querySelector("[data-share]");
    var input = section.querySelector("[data-share-link]");
    var shareStatus = section.querySelector("[data-share-status]");
    var box = section.querySelector("[data-compare]");
    var notice = section.querySelector("[data-compare-notice]");
    var fill = section.querySelector("[data-compare-fill]");
    var own = section.querySelector("[data-compare-own]");
    var keepButton = section.querySelector('[data-action="keep"]');
    var keptBox = section.querySelector("[data-kept]");
    var keptList = section.querySelector("[data-kept-list]");
    var keptTemplate = section.querySelector("template[data-kept-template]");
    var shareButton = section.querySelector('[data-action="share"]');
    var toggle = page.button("compare");
    var expanded = false; // "Compare with them" shows the share link
    if (shareButton && typeof navigator.share === "function") {
      shareButton.hidden = false;
    }
    var current = null; // {code, from: "link" | "kept"}
    var shareSeq = 0;
    var compareSeq = 0;
    var shown = false; // the comparison is on screen
    // forgotten is the kept comparison removed last ({code, kept, at}),
    // until it is brought back, another is removed or it is kept again:
    // the undo box offers it back.
    var forgotten = null;
    var keptUndo = section.querySelector("[data-kept-undo]");

    function kept() {
      var v = page.store.get("compare");
      if (!v || typeof v !== "object" || v.v !== 1 || !Array.isArray(v.comparisons)) {
        return [];
      }
      return v.comparisons.filter(function (c) {
        return c && typeof c.code === "string" && CODE.test(c.code) && typeof c.kept === "string" && DATE.test(c.kept);
      });
    }

    function putKept(list) {
      return page.store.put("compare", list.length ? { v: 1, comparisons: list.slice(-MAX_KEPT) } : null);
    }

    function isKept(code) {
      return kept().some(function (c) {
        return c.code === code;
      });
    }

    function fromAddress() {
      var h = location.hash;
      if (h.indexOf("#compare=") !== 0) {
        return null;
      }
      var code = h.slice("#compare=".length);
      try {
        code = decodeURIComponent(code);
      } catch (e) {
        // left as it is: the scorer refuses it
      }
      return code.replace(/\s+/g, "");
    }

    function choose() {
      var code = fromAddress();
      if (code !== null) {
        current = { code: code, from: "link" };
        return;
      }
      var list = kept();
      current = list.length ? { code: list[list.length - 1].code, from: "kept" } : null;
    }

    function link(code) {
      return location.href.split("#")[0] + "#compare=" + code;
    }

    // problem shows the sentence for a refused link (name; "" hides them),
    // and says it to screen readers once, when it appears: the sentence
    // sits after the results, far from where the person is.
    var said = ""; // the problem said last
    function problem(name) {
      var found = null;
      each(section, "[data-compare-problem]", function (el) {
        el.hidden = el.getAttribute("data-compare-problem") !== name;
        found = found || (el.hidden ? null : el);
      });
      if (name && !found) {
        problem("altered"); // a problem this page has no words for
        return;
      }
      if (found && said !== name) {
        var mark = found.querySelector("[lang]");
        page.announce({ text: found.textContent.replace(/\s+/g, " ").trim(), lang: mark ? mark.getAttribute("lang") : "", dir: mark ? mark.getAttribute("dir") || "" : "" });
      }
      said = name;
    }

    function update() {
      toggle.hidden = !page.filled() || page.scoring() === "unavailable";
      if (toggle.hidden) {
        expanded = false;
      }
      toggle.setAttribute("aria-expanded", String(expanded));
      share.hidden = !expanded;
      section.hidden = !(expanded || current || kept().length || forgotten);
      keptUndo.hidden = !forgotten;
      renderKept();
      var n = ++shareSeq;
      var m = ++compareSeq;
      // then compares, once this person's own code (mine, "" when none)
      // is known: a link holding exactly that code is their own.
      var then = function (mine) {
        if (m !== compareSeq) {
          return;
        }
        if (!current || (current.from === "link" && mine && mine === current.code)) {
          problem("");
          notice.hidden = true;
          hide();
          showOwn(!!current);
          renderKept();
          return;
        }
        showOwn(false);
        page.call("compare", [page.answers(), current.code], function (c) {
          if (m === compareSeq) {
            show(c);
            renderKept();
          }
        });
      };
      if (page.filled()) {
        page.call("share", [page.answers()], function (res) {
          if (n !== shareSeq) {
            return;
          }
          var ok = res && typeof res.code === "string";
          var before = input.value;
          input.value = ok ? link(res.code) : "";
          if (input.value !== before) {
            status(""); // "copied" was about the link before
          }
          then(ok ? res.code : "");
        });
      } else {
        if (input.value) {
          status("");
        }
        input.value = "";
        then("");
      }
    }

    // showOwn shows (on) or hides the sentence for a link made of this
    // person's own answers, saying it once when it appears.
    var ownSaid = false;
    function showOwn(on) {
      if (!own) {
        return;
      }
      own.hidden = !on;
      if (on && !ownSaid) {
        page.status(textsOf(own));
      }
      ownSaid = on;
    }

    function hide() {
      box.hidden = true;
      keepButton.hidden = true;
      shown = false;
    }

    function show(c) {
      if (!c || typeof c !== "object" || c.error !== undefined || !c.me || !c.them) {
        problem(c && typeof c.problem === "string" ? c.problem : "unavailable");
        notice.hidden = true;
        hide();
        return;
      }
      problem("");
      var mine = c.me.answered > 0;
      var wasHidden = notice.hidden;
      notice.hidden = current.from !== "link";
      fill.hidden = mine;
      // What is said to screen readers: the notice when it appears (that
      // someone else's answers came with the link matters before the
      // rest), then that the comparison is ready, together, since a live
      // region says only its last words.
      var say = wasHidden && !notice.hidden ? textsOf(notice) : [];
      if (!mine || !(c.them.answered > 0)) {
        hide();
        if (say.length) {
          page.status(say);
        }
        return;
      }
      render(c);
      keepButton.hidden = isKept(current.code);
      box.hidden = false;
      if (!shown) {
        shown = true;
        say.push(t.ready);
      }
      if (say.length) {
        page.status(say);
      }
    }

    // textsOf is the shown text of el as texts for page.status: its own
    // words in the page's language, and those of a child marked with a
    // lang (a text the page shows in another language) in that one.
    function textsOf(el) {
      var out = [];
      el.childNodes.forEach(function (n) {
        if (n.nodeType === 3) {
          if (n.nodeValue.trim()) {
            out.push({ text: n.nodeValue.trim(), lang: "", dir: "" });
          }
        } else if (n.nodeType === 1 && !n.hidden) {
          var inner = n.getAttribute("lang") ? [{ text: n.textContent.trim(), lang: n.getAttribute("lang"), dir: n.getAttribute("dir") || "" }] : textsOf(n);
          out = out.concat(inner.filter(function (x) { return x.text; }));
        }
      });
      return out;
    }

    function fillScores(el, me, them, gapGive, gapReceive) {
      SCORES.forEach(function (k) {
        setText(el, '[data-person="me"] [data-result="' + k + '"]', num(me && me[k]));
        setText(el, '[data-person="them"] [data-result="' + k + '"]', num(them && them[k]));
      });
      gap(el, "give", gapGive);
      gap(el, "receive", gapReceive);
    }

    // gap writes a gap (kind "give" or "receive", value v) as a sentence
    // that says the difference in words: "about the same" within NEAR
    // points of 0, else how many points less or more, in the plural form
    // the count needs; an em dash when either score is empty. The number
    // itself is data-value ("" when empty).
    function gap(el, kind, v) {
      var ok = typeof v === "number" && isFinite(v);
      each(el, '[data-result="gap-' + kind + '"]', function (dd) {
        dd.setAttribute("data-value", ok ? String(v) : "");
        if (!ok) {
          ns.write(dd, EMPTY);
        } else if (Math.abs(v) <= NEAR) {
          ns.write(dd, ns.text(section, "data-text-gap-" + kind + "-same"));
        } else {
          ns.write(dd, ns.plural(section, "data-text-gap-" + kind + (v < 0 ? "-less-" : "-more-"), Math.abs(v)));
        }
      });
    }

    // blocks makes the overall block and one per area, once.
    var blocks = null;
    function makeBlocks() {
      var holder = box.querySelector("[data-compare-blocks]");
      var tpl = box.querySelector("template[data-compare-block-template]");
      blocks = { total: null, areas: {} };
      if (!holder || !tpl) {
        return;
      }
      // label is a text (ns.text): the interface's "Overall", or an
      // area's label, in the worksheet's words as the results show it.
      var make = function (label) {
        var el = tpl.content.firstElementChild.cloneNode(true);
        each(el, '[data-slot="label"]', function (x) {
          ns.write(x, label);
        });
        holder.appendChild(el);
        return el;
      };
      blocks.total = make(t.overall);
      blocks.total.setAttribute("data-compare-total", "");
      // An area's felt balance shows only when its lean questions have an
      // area, as in the results.
      var areaLean = !!(page.results && page.results.querySelector('[data-area] [data-result="lean"]'));
      Array.prototype.forEach.call(page.results ? page.results.querySelectorAll("[data-area]") : [], function (row) {
        var id = row.getAttribute("data-area");
        var th = row.querySelector("th");
        var el = make({ text: th ? th.textContent : id, lang: "", dir: "" });
        el.setAttribute("data-compare-area", id);
        if (!areaLean) {
          each(el, "[data-lean]", function (x) {
            x.parentNode.removeChild(x);
          });
        }
        var see = row.getAttribute("data-see");
        each(el, '[data-slot="see"]', function (p) {
          var a = p.querySelector("a");
          if (see && a) {
            a.setAttribute("href", see);
            a.textContent = row.getAttribute("data-see-title") || see;
            p.hidden = false;
            ns.results.addresses(p);
          }
        });
        blocks.areas[id] = el;
      });
    }

    function render(c) {
      if (!blocks) {
        makeBlocks();
      }
      if (blocks.total) {
        fillScores(blocks.total, c.me, c.them, c.gapGive, c.gapReceive);
      }
      var areas = Array.isArray(c.areas) ? c.areas : [];
      areas.forEach(function (a, i) {
        var el = blocks.areas[a.id];
        if (el) {
          fillScores(el, (c.me.areas || [])[i], (c.them.areas || [])[i], a.gapGive, a.gapReceive);
        }
      });
      (Array.isArray(c.order) ? c.order : []).forEach(function (id) {
        var el = blocks.areas[id];
        if (el) {
          el.parentNode.appendChild(el); // largest gap first
        }
      });
      renderQuestions(c.theirs || {});
    }

    // Pair questions: one copy of the template each, made once.
    var pairs = null;
    function renderQuestions(theirs) {
      var list = box.querySelector("[data-compare-questions]");
      var tpl = box.querySelector("template[data-compare-template]");
      if (!list || !tpl) {
        return;
      }
      if (!pairs) {
        pairs = [];
        page.questions.forEach(function (q) {
          var give = q.inputs[q.id + ".give"];
          var receive = q.inputs[q.id + ".receive"];
          if (!give || !receive) {
            return;
          }
          var el = tpl.content.firstElementChild.cloneNode(true);
          el.setAttribute("data-compare-question", q.id);
          // A side's text is its legend's own text: the words "You" or
          // "Them" before it sit in an element of their own.
          var legend = function (inputs) {
            var fs = inputs[0].closest("fieldset");
            var lg = fs && fs.querySelector("legend");
            var words = "";
            Array.prototype.forEach.call(lg ? lg.childNodes : [], function (n) {
              if (n.nodeType === 3) {
                words += n.nodeValue;
              }
            });
            return words.replace(/\s+/g, " ").trim();
          };
          setText(el, '[data-slot="give"]', legend(give));
          setText(el, '[data-slot="receive"]', legend(receive));
          list.appendChild(el);
          pairs.push({ q: q, el: el });
        });
      }
      pairs.forEach(function (p) {
        var id = p.q.id;
        var mine = page.F.values(p.q) || {};
        side(p, "mine-give", id + ".give", mine[id + ".give"]);
        side(p, "mine-receive", id + ".receive", mine[id + ".receive"]);
        side(p, "theirs-give", id + ".give", theirs[id + ".give"]);
        side(p, "theirs-receive", id + ".receive", theirs[id + ".receive"]);
        each(p.el, "dl", function (dl) {
          var v = Array.prototype.map.call(dl.querySelectorAll("[data-side]"), function (d) {
            return d.getAttribute("data-value");
          });
          var differ = v.length === 2 && v[0] !== "" && v[1] !== "" && v[0] !== v[1];
          if (differ) {
            dl.setAttribute("data-differ", "");
          } else {
            dl.removeAttribute("data-differ");
          }
          // The words that say so, after the two answers: seen, printed
          // and read out, not only the line's colour.
          var note = dl.nextElementSibling;
          if (note && note.hasAttribute("data-differ-note")) {
            note.hidden = !differ;
          }
        });
      });
    }

    function side(p, which, name, value) {
      var el = p.el.querySelector('[data-side="' + which + '"]');
      if (!el) {
        return;
      }
      var v = value === undefined || value === null ? "" : String(value);
      var text = EMPTY;
      (p.q.inputs[name] || []).forEach(function (input) {
        if (v !== "" && input.value === v) {
          text = optionText(input);
        }
      });
      el.setAttribute("data-value", text === EMPTY ? "" : v);
      el.textContent = text;
    }

    // renderKept lists the kept comparisons, rebuilding the list only when
    // it changed (so a focused button stays), and marks the one shown.
    var keptShown = null;
    function renderKept() {
      var list = kept();
      keptBox.hidden = list.length === 0;
      var sig = list
        .map(function (c) {
          return c.code + " " + c.kept;
        })
        .join("\n");
      if (sig !== keptShown) {
        keptShown = sig;
        while (keptList.firstChild) {
          keptList.removeChild(keptList.firstChild);
        }
        list.forEach(function (c, i) {
          var li = keptTemplate.content.firstElementChild.cloneNode(true);
          li.setAttribute("data-code", c.code);
          keptList.appendChild(li); // first: its dates take the language of their place
          each(li, '[data-slot="date"]', function (el) {
            page.writeDate(el, c.kept);
          });
          each(li, "[data-action]", function (b) {
            b.setAttribute("data-index", String(i));
          });
        });
      }
      each(keptList, "li", function (li) {
        var on = !!current && current.code === li.getAttribute("data-code") && !box.hidden;
        each(li, '[data-slot="shown"]', function (el) {
          el.hidden = !on;
        });
        each(li, '[data-action="show"]', function (b) {
          b.hidden = on;
        });
      });
    }

    function status(msg) {
      ns.write(shareStatus, msg);
    }

    function copy() {
      input.focus();
      input.select();
      var legacy = function () {
        try {
          return document.execCommand("copy");
        } catch (e) {
          return false;
        }
      };
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(input.value).then(
          function () {
            status(t.copied);
          },
          function () {
            status(legacy() ? t.copied : t.select);
          }
        );
      } else {
        status(legacy() ? t.copied : t.select);
      }
    }

    function act(action, el) {
      var i = el ? Number(el.getAttribute("data-index")) : -1;
      var list = kept();
      if (action === "copy" && input.value) {
        copy();
      } else if (action === "share" && input.value && typeof navigator.share === "function") {
        navigator.share({ title: document.title, url: input.value }).catch(function () {});
      } else if (action === "keep" && current && current.code) {
        if (forgotten && forgotten.code === current.code) {
          forgotten = null;
          keptUndo.hidden = true;
        }
        if (!isKept(current.code)) {
          list.push({ code: current.code, kept: page.today() });
          if (!putKept(list)) {
            // Not kept (the store is full or gone): say so, and leave Keep
            // to try again.
            page.status(t.full);
            return;
          }
        }
        keepButton.hidden = true;
        renderKept();
        keptBox.focus();
        page.status(t.kept);
      } else if (action === "show" && list[i]) {
        current = { code: list[i].code, from: "kept" };
        update();
        box.focus();
      } else if (action === "forget" && list[i]) {
        var code = list[i].code;
        forgotten = { code: code, kept: list[i].kept, at: i };
        list.splice(i, 1);
        if (!putKept(list)) {
          // Not removed (the store refuses to write): the other person's
          // answers are still in this browser, so say so rather than
          // "removed", and leave the comparison listed.
          forgotten = null;
          update();
          page.status(t.notRemoved);
          return;
        }
        if (current && current.from === "kept" && current.code === code) {
          choose();
        }
        update();
        var next = keptList.querySelectorAll('[data-action="forget"]')[Math.min(i, list.length - 1)];
        (next || (section.hidden ? toggle : title)).focus();
        // The undo box shows the words; screen readers are told them
        // once, and the status line holds nothing older.
        page.status("");
        page.announce(t.forgotten);
      } else if (action === "undo-forget" && forgotten) {
        var back = forgotten;
        if (!isKept(back.code)) {
          list.splice(Math.min(back.at, list.length), 0, { code: back.code, kept: back.kept });
          if (!putKept(list)) {
            return;
          }
        }
        forgotten = null;
        update();
        var at = kept().findIndex(function (c) {
          return c.code === back.code;
        });
        var li = keptList.querySelectorAll("li")[at];
        var again = li && li.querySelector('[data-action="show"]:not([hidden])');
        (again || keptBox).focus();
        page.unsay(t.forgotten); // no longer true
        page.status(t.kept);
      }
    }

    var title = section.querySelector("h2");
    toggle.addEventListener("click", function () {
      expanded = !expanded;
      update();
      if (expanded) {
        input.focus();
        input.select();
      }
    });
    section.addEventListener("click", function (e) {
      var b = e.target.closest("[data-action]");
      if (b && section.contains(b)) {
        act(b.getAttribute("data-action"), b);
      }
    });
    page.on("hush", function () {
      status("");
    });
    page.on("result", update);
    page.on("filled", update);
    page.on("stored", function () {
      if (!current || (current.from === "kept" && !isKept(current.code))) {
        choose();
      }
      update();
    });
    // Another link pasted into the address is read; a jump to a part of
    // the page (the skip link, a heading) keeps the comparison shown.
    window.addEventListener("hashchange", function () {
      if (fromAddress() !== null) {
        choose();
        update();
      }
    });
    choose();
    update();
  };
})((window.mutualWorksheet = window.mutualWorksheet || {}));
