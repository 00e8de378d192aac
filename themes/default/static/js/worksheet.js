// worksheet.js: a worksheet page's first script, kept small because the
// page's head loads it (deferred).
//
// The page is a working form without any script. Once the page has
// loaded, so that nothing here holds up what it shows first, this file
// loads the modules the form's data-modules names, in parallel (each only
// registers itself in window.mutualWorksheet), and once all have run
// calls ns.start, the page's wiring (worksheet-page.js). A module that does
// not load leaves the form as it is: a plain form, or as much of the rest
// as start can do without it.
(function (ns) {
  "use strict";

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

  // boot loads the modules (in parallel; each only registers itself in
  // ns) and starts once all have run. A module that does not load leaves
  // the form as it is: a plain form.
  var booted = false;
  var started = false;
  function once() {
    if (!started) {
      started = true;
      if (typeof ns.start === "function") {
        ns.start();
      } else {
        // Without its wiring the form stays a form; say so where the
        // results would be.
        var results = document.querySelector("[data-results]");
        var status = results && results.querySelector("[data-status]");
        var strings = document.querySelector("[data-strings]");
        if (results) {
          results.setAttribute("data-scoring", "unavailable");
        }
        if (status && strings) {
          status.textContent = strings.getAttribute("data-text-unavailable") || status.textContent;
        }
      }
    }
  }
  function boot() {
    var form = document.querySelector("form[data-model]");
    if (!form || booted) {
      return;
    }
    booted = true;
    var urls = (form.getAttribute("data-modules") || "").split(" ").filter(Boolean);
    var waiting = urls.length;
    if (waiting === 0) {
      once();
      return;
    }
    urls.forEach(function (url) {
      load(url, function (ok) {
        if (!ok) {
          once(); // without its modules start() does what it can
        } else if (--waiting === 0) {
          once();
        }
      });
    });
  }

  if (document.readyState === "complete") {
    boot();
  } else {
    window.addEventListener("load", boot);
  }
})((window.mutualWorksheet = window.mutualWorksheet || {}));
