// Live reload for `mutual serve`. Served only by the development server,
// never part of a built site. It listens to the server's event stream:
//   reload  reload the page
//   css     swap the stylesheets in place (scroll and answers are kept)
//   error   show the build errors in an overlay
//   ok      the build is good again: drop the overlay and reload
//   warnings  a good build's warnings: show them in a panel at the foot of
//           the page (an empty list removes it)
// Each event's data is JSON (a build id, or a list of error or warning
// lines), and a refused stream is retried later and later (see backoff).
// It builds everything with DOM APIs and styles it from overlay.css, so it
// runs under the site's Content Security Policy.
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script ? new URL(".", script.src) : new URL("/_mutual/", location.href);
  var overlay = null;
  var panel = null; // the warnings panel, while there are warnings to show
  var resizes = null; // what tells the page the panel's height
  var ownPadding = null; // the body's own inline padding-bottom, while the panel keeps room
  var focusFrom = null; // where the keyboard's focus was before it went into the panel
  var buildID = null; // the build this page belongs to, learned on first contact
  var source = null;
  var leaving = false; // a reload was asked for: the events that follow wait for the new page

  function reload() {
    leaving = true;
    location.reload();
  }

  // Every event's data is JSON: a build id, or the list of error lines.
  function parse(e) {
    try { return JSON.parse(e.data); } catch (err) { return null; }
  }

  // How long to wait before connecting again after the server refused the
  // stream (503: too many open pages) or answered something else: doubling
  // from one second up to half a minute, with some randomness so that many
  // tabs do not come back at the same moment. A stream that opens resets it.
  var delay = 0;
  function backoff() {
    delay = delay ? Math.min(delay * 2, 30000) : 1000;
    return delay * (0.8 + 0.4 * Math.random());
  }

  function connect() {
    source = new EventSource(new URL("events", base).href);
    source.addEventListener("open", function () { delay = 0; });
    source.addEventListener("reload", reload);
    source.addEventListener("css", function (e) {
      buildID = parse(e);
      swapStylesheets();
    });
    source.addEventListener("error", function (e) {
      // The same name is used by EventSource for connection errors; those
      // carry no data.
      if (typeof e.data !== "string") { return; }
      var lines = parse(e);
      if (Array.isArray(lines)) {
        showErrors(lines.map(String), false);
      }
    });
    // No build has worked since the server started: there is no site
    // behind the overlay, only the server's "Not found" page.
    source.addEventListener("unbuilt", function (e) {
      var lines = parse(e);
      if (Array.isArray(lines)) {
        showErrors(lines.map(String), true);
      }
    });
    source.addEventListener("warnings", function (e) {
      // A page on its way out gets them again when it connects.
      if (leaving) { return; }
      var lines = parse(e);
      if (Array.isArray(lines)) {
        showWarnings(lines.map(String));
      }
    });
    source.addEventListener("ok", function (e) {
      var id = parse(e);
      if (overlay || (buildID !== null && buildID !== id)) {
        reload();
        return;
      }
      buildID = id;
    });
    source.onerror = function () {
      // The browser retries by itself while the server is away (one second,
      // as the server asks), unless the answer was not an event stream: a
      // refusal. Then wait longer each time before starting over.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, backoff());
      }
    };
  }

  // Stylesheet names carry a content hash (main.3fa2.css), so a changed
  // stylesheet has a new name: read the new names from a fresh copy of this
  // page and swap the links, adding the new ones before removing the old to
  // avoid a flash of unstyled page.
  function swapStylesheets() {
    fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var want = links(fresh);
        var have = links(document);
        var wanted = {};
        want.forEach(function (l) { wanted[l.getAttribute("href")] = true; });
        var present = {};
        have.forEach(function (l) { present[l.getAttribute("href")] = true; });
        var anchor = have.length ? have[have.length - 1] : null;
        var pending = 0;
        var stale = have.filter(function (l) { return !wanted[l.getAttribute("href")]; });
        function done() {
          if (--pending <= 0) {
            stale.forEach(function (l) { l.remove(); });
          }
        }
        want.forEach(function (l) {
          if (present[l.getAttribute("href")]) { return; }
          var n = document.createElement("link");
          for (var i = 0; i < l.attributes.length; i++) {
            n.setAttribute(l.attributes[i].name, l.attributes[i].value);
          }
          pending++;
          n.addEventListener("load", done);
          n.addEventListener("error", done);
          if (anchor) { anchor.after(n); anchor = n; } else { document.head.appendChild(n); }
        });
        if (pending === 0) { pending = 1; done(); }
      })
      .catch(function () { location.reload(); });
  }

  function links(doc) {
    return Array.prototype.filter.call(
      doc.querySelectorAll('link[rel~="stylesheet"]'),
      function (l) { return !l.hasAttribute("data-mutual"); }
    );
  }

  // ensureStylesheet adds overlay.css once, and calls then (if given) when
  // it has loaded, or failed to.
  var styled = false;
  var whenStyled = [];
  function ensureStylesheet(then) {
    if (then) {
      if (styled) { then(); } else { whenStyled.push(then); }
    }
    if (document.querySelector("link[data-mutual]")) { return; }
    var l = document.createElement("link");
    l.rel = "stylesheet";
    l.href = new URL("overlay.css", base).href;
    l.setAttribute("data-mutual", "");
    function done() {
      styled = true;
      whenStyled.splice(0).forEach(function (f) { f(); });
    }
    l.addEventListener("load", done);
    l.addEventListener("error", done);
    document.head.appendChild(l);
  }

  // lineList is an ordered list of lines as mutual prints them, each in
  // its code element.
  function lineList(lines) {
    var list = document.createElement("ol");
    lines.forEach(function (line) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = line;
      item.appendChild(code);
      list.appendChild(item);
    });
    return list;
  }

  // showErrors shows a failed build's error lines; unbuilt says no build
  // has worked yet, so that there is no last good version to see.
  function showErrors(lines, unbuilt) {
    if (!document.body) {
      // A theme may load this file with async in <head> (.HeadLinks): it
      // may then run, and hear from the server, before the body is there.
      document.addEventListener("DOMContentLoaded", function () { showErrors(lines, unbuilt); });
      return;
    }
    ensureStylesheet();
    // A keyboard in the old overlay or the panel goes on in the new overlay.
    var hadFocus = (overlay !== null && overlay.contains(document.activeElement)) ||
      (panel !== null && panel.contains(document.activeElement));
    if (overlay) { overlay.remove(); }
    // A failed build's errors are what matters now; the warnings were the
    // last good build's, and come back with the next one.
    dropPanel();
    overlay = document.createElement("section");
    overlay.id = "mutual-overlay";
    inEnglish(overlay);
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "mutual-overlay-title");

    var title = document.createElement("h2");
    title.id = "mutual-overlay-title";
    title.textContent = lines.length === 1 ? "The site has an error" : "The site has " + lines.length + " errors";
    var note = document.createElement("p");
    note.textContent = unbuilt ?
      "No version of the site could be built yet, so there is no page to show. Fix the files named below (file:line:column) and save; this page updates by itself." :
      "You are seeing the last good version. Fix the file and save; this page updates by itself.";
    var list = lineList(lines);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", function () {
      var inside = overlay.contains(document.activeElement);
      overlay.hidden = true;
      if (inside) { focusBack(); }
    });
    trackFocus(overlay);
    overlay.append(title, note, list, close);
    document.body.appendChild(overlay);
    if (hadFocus) { refocus(close); }
  }

  // trackFocus keeps, in focusFrom, where the keyboard's focus was before
  // it went into el (the panel or the overlay), for focusBack: nothing
  // when it came from nowhere (a click).
  function trackFocus(el) {
    el.addEventListener("focusin", function (e) {
      var from = e.relatedTarget;
      if (from && from.closest && from.closest("#mutual-warnings, #mutual-overlay")) { return; }
      focusFrom = from && from !== document.body ? from : null;
    });
  }

  // refocus moves the focus to el, a new panel's or overlay's button that
  // takes the place of the one it was on, keeping where it came from.
  function refocus(el) {
    var from = focusFrom;
    el.focus();
    focusFrom = from;
  }

  // inEnglish marks what mutual adds to a page as English, left to right:
  // its words, like the terminal's and the error and warning lines it
  // shows, are mutual's own, not the site's, and a screen reader on a
  // Spanish or Arabic page reads them with an English voice.
  function inEnglish(el) {
    el.lang = "en";
    el.dir = "ltr";
  }

  // The warnings panel. A good build's warnings, as mutual build prints
  // them, in a bar at the foot of the page: it is fixed to the bottom of
  // the screen while the page scrolls, and the body keeps its height as
  // padding after the page's end, so scrolled to the end nothing is under
  // it (whatever overflow the theme sets on html or body). Its title is a
  // button that opens and closes the list (Escape closes it too); Dismiss
  // hides it until the warnings change and gives the keyboard's focus back
  // to where it came from. It opens by itself for new warnings, except
  // on a narrow screen, where it starts closed. What the person chose is
  // kept for this tab (sessionStorage), so the reload after each save does
  // not undo it.
  var memoryKey = "mutual-serve-warnings";
  var narrow = "(max-width: 40rem)";

  function recall() {
    try {
      return JSON.parse(sessionStorage.getItem(memoryKey)) || {};
    } catch (err) {
      return {};
    }
  }

  function remember(text, state) {
    try {
      sessionStorage.setItem(memoryKey, JSON.stringify({ text: text, state: state }));
    } catch (err) { /* storage off: the choice lasts until the next reload */ }
  }

  function showWarnings(lines) {
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", function () { showWarnings(lines); });
      return;
    }
    if (overlay) { return; } // a failed build shows its errors
    var text = lines.join("\n");
    var shown = panel ? panel.getAttribute("data-text") : null;
    var open;
    if (panel && shown === text) { return; }
    // A new list replaces the panel; keyboard focus inside it moves to the
    // new title rather than to the top of the page.
    var hadFocus = panel !== null && panel.contains(document.activeElement);
    dropPanel();
    announce(text, lines.length);
    var memory = recall();
    if (lines.length === 0 || (memory.text === text && memory.state === "dismissed")) {
      if (hadFocus) { focusBack(); }
      return;
    }
    if (memory.text === text && (memory.state === "open" || memory.state === "closed")) {
      open = memory.state === "open";
    } else {
      open = !(window.matchMedia && window.matchMedia(narrow).matches);
    }
    var el = document.createElement("aside");
    el.id = "mutual-warnings";
    inEnglish(el);
    el.setAttribute("data-text", text);
    el.setAttribute("aria-labelledby", "mutual-warnings-title");

    var bar = document.createElement("div");
    bar.className = "mutual-warnings-bar";
    var title = document.createElement("h2");
    title.id = "mutual-warnings-title";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "mutual-warnings-toggle";
    toggle.textContent = lines.length === 1 ? "1 warning" : lines.length + " warnings";
    toggle.setAttribute("aria-controls", "mutual-warnings-list");
    title.appendChild(toggle);
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "mutual-warnings-dismiss";
    dismiss.textContent = "Dismiss";
    dismiss.setAttribute("aria-describedby", "mutual-warnings-title");
    bar.append(title, dismiss);

    var body = document.createElement("div");
    body.id = "mutual-warnings-list";
    // It scrolls when the list is long: focusable, so that the keyboard
    // can scroll it too.
    body.tabIndex = 0;
    var note = document.createElement("p");
    note.textContent = "The site built, but mutual found something to look at. Fix it and save; this list updates by itself.";
    var list = lineList(lines);
    body.append(note, list);

    function setOpen(yes) {
      toggle.setAttribute("aria-expanded", yes ? "true" : "false");
      body.hidden = !yes;
    }
    setOpen(open);
    toggle.addEventListener("click", function () {
      var yes = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(yes);
      remember(text, yes ? "open" : "closed");
    });
    dismiss.addEventListener("click", function () {
      var inside = el.contains(document.activeElement);
      remember(text, "dismissed");
      dropPanel();
      if (inside) { focusBack(); }
    });
    trackFocus(el);
    el.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        remember(text, "closed");
        toggle.focus();
      }
    });
    el.append(bar, body);
    // Unstyled, the panel would show for a moment at the end of the page:
    // it waits for its stylesheet.
    el.hidden = true;
    ensureStylesheet(function () { el.hidden = false; keepRoom(); });
    document.body.appendChild(el);
    panel = el;
    if (hadFocus) { refocus(toggle); }
    if (window.ResizeObserver) {
      resizes = new ResizeObserver(keepRoom);
      resizes.observe(el);
    }
  }

  // keepRoom gives the body, after its own padding, the panel's height as
  // padding at its end: scrolled to the end, the page's last line is above
  // the panel. The page's own bars stuck to the bottom of the screen (the
  // default theme's worksheet progress bar) can sit above the panel:
  // overlay.css lifts them by its height, kept in --mutual-warnings-height.
  // Both are set with CSSOM, which the Content Security Policy allows.
  function keepRoom() {
    if (!panel) { return; }
    var b = document.body;
    if (ownPadding === null) { ownPadding = b.style.paddingBottom; }
    b.style.paddingBottom = ownPadding;
    var own = getComputedStyle(b).paddingBottom;
    var h = panel.offsetHeight;
    b.style.paddingBottom = h > 0 ? "calc(" + own + " + " + h + "px)" : ownPadding;
    document.documentElement.style.setProperty("--mutual-warnings-height", h + "px");
  }

  // focusBack moves the keyboard's focus, which was in the panel or the
  // overlay as it went, back to where it came from; or, when it came from nowhere (a
  // click), to the page's main part, without scrolling: not to the body,
  // where the next Tab would start over at the page's top.
  function focusBack() {
    var to = focusFrom;
    focusFrom = null;
    if (to && to.isConnected) {
      to.focus();
      if (document.activeElement === to) { return; }
    }
    var main = document.querySelector("main, [role=main]");
    if (!main) { return; }
    if (main.tabIndex < 0 && !main.hasAttribute("tabindex")) { main.setAttribute("tabindex", "-1"); }
    main.focus({ preventScroll: true });
  }

  // announce tells a screen reader, once per change in this tab, what a
  // sighted person sees appear or go at the foot of the page: "2 warnings",
  // "No warnings left". The page reloads after each save, so the list last
  // announced is kept in sessionStorage, beside the panel's state. The live
  // region is added empty and filled a moment later, as screen readers
  // announce changes to a region, not a region that arrives full. It is
  // hidden from the eye with CSSOM properties (allowed by the Content
  // Security Policy, unlike a style attribute), as overlay.css may still be
  // loading.
  var saidKey = "mutual-serve-warnings-said";
  var status = null;
  function announce(text, n) {
    var said = null;
    try { said = sessionStorage.getItem(saidKey); } catch (err) { /* off: say it */ }
    if (said === text || (said === null && n === 0)) { return; }
    try { sessionStorage.setItem(saidKey, text); } catch (err) { /* off */ }
    if (!status) {
      status = document.createElement("div");
      status.id = "mutual-status";
      status.setAttribute("role", "status");
      inEnglish(status);
      var st = status.style;
      st.position = "absolute";
      st.width = "1px";
      st.height = "1px";
      st.margin = "-1px";
      st.padding = "0";
      st.overflow = "hidden";
      st.clipPath = "inset(50%)";
      st.whiteSpace = "nowrap";
      st.border = "0";
      document.body.appendChild(status);
    }
    var message = n === 0 ? "No warnings left" : (n === 1 ? "1 warning" : n + " warnings") + " in the site's build";
    setTimeout(function () { status.textContent = message; }, 300);
  }

  function dropPanel() {
    if (resizes) { resizes.disconnect(); resizes = null; }
    document.documentElement.style.removeProperty("--mutual-warnings-height");
    if (ownPadding !== null) {
      document.body.style.paddingBottom = ownPadding;
      ownPadding = null;
    }
    if (panel) { panel.remove(); panel = null; }
  }

  connect();
})();
