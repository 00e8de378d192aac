// worksheet.js: a worksheet page's first script, kept small because the
// page's head loads it (async: it may run before the body is parsed, and
// touches the page only once it has loaded).
//
// The page is a working form without any script. Once the page has
// loaded and shown its first content, so that nothing here holds up what
// it shows first, this file loads the modules the form's data-modules
// names, in parallel (each only registers itself in
// window.mutualWorksheet), and once all have run
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
  // ns) and starts once each has run or failed to load: a module that does
  // not load leaves start to do what it can without it (the others may
  // still be on their way when it fails).
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
        var msg = strings && strings.getAttribute("data-text-unavailable");
        if (status && msg) {
          status.textContent = msg;
          ["lang", "dir"].forEach(function (a) {
            var v = strings.getAttribute("data-text-unavailable-" + a); // a text not in the page's language
            if (v) {
              status.setAttribute(a, v);
            }
          });
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
      load(url, function () {
        if (--waiting === 0) {
          once();
        }
      });
    });
  }

  // afterPaint boots once the page has loaded and shown its first content
  // (the browser's first-contentful-paint entry), so that the modules are
  // neither fetched nor run before the page's first paint. A hidden page (a
  // background tab) paints nothing and a browser without paint timing says
  // nothing: they boot at once; and whatever happens, the page boots three
  // seconds after it has loaded.
  function afterPaint() {
    var PO = window.PerformanceObserver;
    var types = PO && PO.supportedEntryTypes;
    if (document.visibilityState === "hidden" || !types || types.indexOf("paint") < 0) {
      boot();
      return;
    }
    var po = new PO(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length > 0) {
        po.disconnect();
        window.setTimeout(boot, 0);
      }
    });
    po.observe({ type: "paint", buffered: true });
    window.setTimeout(boot, 3000);
  }

  if (document.readyState === "complete") {
    afterPaint();
  } else {
    window.addEventListener("load", afterPaint);
  }
})((window.mutualWorksheet = window.mutualWorksheet || {}));
