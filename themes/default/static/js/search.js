// search.js: the part of search every page loads, kept small so that it
// costs the page's first paint nothing.
//
// The page has a plain GET form that works without any script (see
// search-engine.js for the form's contract). This file only:
//
//   - makes "/" focus the search field (the last one on the page, the
//     search page's own rather than the header's), unless the person is
//     typing in a field;
//   - loads search-engine.js (the URL in the form's data-search-script),
//     which turns the form into instant results, the first time the person
//     reaches for search: focusing or touching the field, typing in it or
//     pressing "/"; and once the page has loaded, when a field is already
//     focused or filled. The search page (a form with data-search-page)
//     loads search-engine.js itself;
//   - says on the search page that search could not load when
//     search-engine.js has not run once the page has loaded (the network
//     gone a moment, a file missing from the upload, a blocker): the words
//     of the address back in the field and the form's data-search-error
//     text in its status line, rather than an empty, silent page. Enter
//     then submits the form, which loads the page, and the engine, again.
//
// The page loads it with async: it may run before the body is parsed, so
// it listens on the document rather than on the fields, and looks at the
// fields themselves only once the page has loaded. What the person types
// while search-engine.js loads stays in the field, and search-engine.js
// shows the results for it once it has run; Enter before then submits the
// form to the search page, as without JavaScript.
(function () {
  "use strict";

  if (typeof document === "undefined") {
    return;
  }

  var FORMS = "form[role=search][data-search-index][data-search-script]";

  // field is the search field of form f, or null when f is not one this
  // file can enhance: no field or no results element, or an index or a
  // script on another origin.
  function field(f) {
    var input = f.querySelector('input[name="q"]');
    if (!input || !f.querySelector("[data-search-results]")) {
      return null;
    }
    var base = new URL(f.getAttribute("data-search-index"), document.baseURI);
    var script = new URL(f.getAttribute("data-search-script"), document.baseURI);
    if (base.origin !== window.location.origin || script.origin !== window.location.origin) {
      return null;
    }
    return input;
  }

  function fields() {
    return Array.prototype.map.call(document.querySelectorAll(FORMS), field).filter(Boolean);
  }

  function engineSrc(input) {
    return new URL(input.form.getAttribute("data-search-script"), document.baseURI).href;
  }

  function present(src) {
    return Array.prototype.some.call(document.scripts, function (s) { return s.src === src; });
  }

  // failed shows the search page's form that search could not load,
  // unless search-engine.js has taken it over after all.
  function failed() {
    fields().forEach(function (input) {
      var f = input.form;
      var status = f.querySelector("[data-search-status]");
      if (!f.hasAttribute("data-search-page") || f.classList.contains("search-enhanced") || !status) {
        return;
      }
      var q = new URL(window.location.href).searchParams.get("q");
      if (q && !input.value) {
        input.value = q;
      }
      status.textContent = f.getAttribute("data-search-error") || "";
      ["lang", "dir"].forEach(function (a) {
        var v = f.getAttribute("data-search-error-" + a);
        if (v) {
          status.setAttribute(a, v);
        }
      });
    });
  }

  // load adds search-engine.js to the page, unless it is there already
  // (the search page loads it itself).
  var loading = false;
  function load(input) {
    var src = engineSrc(input);
    if (loading || present(src)) {
      return;
    }
    loading = true;
    var s = document.createElement("script");
    s.src = src;
    s.addEventListener("error", failed);
    document.head.appendChild(s);
  }

  // reach loads the engine when an event happens on a search field.
  function reach(e) {
    var t = e.target;
    if (t && t.tagName === "INPUT" && t.name === "q" && t.form && t.form.matches(FORMS) && field(t.form) === t) {
      load(t);
    }
  }
  document.addEventListener("focusin", reach);
  document.addEventListener("pointerdown", reach);
  document.addEventListener("input", reach);

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    var t = e.target;
    var tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) {
      return;
    }
    var list = fields();
    if (list.length === 0) {
      return;
    }
    e.preventDefault();
    var input = list[list.length - 1];
    input.focus();
    input.select();
    load(input);
  });

  function loaded() {
    fields().forEach(function (input) {
      var page = input.form.hasAttribute("data-search-page");
      if (page && present(engineSrc(input))) {
        // The page's own script: loaded and run, or failed, by now (an
        // async script holds the load event).
        if (!input.form.classList.contains("search-enhanced")) {
          failed();
        }
      } else if (page || input.value || document.activeElement === input) {
        load(input);
      }
    });
  }
  if (document.readyState === "complete") {
    loaded();
  } else {
    window.addEventListener("load", loaded);
  }
})();
