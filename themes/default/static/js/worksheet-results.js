// worksheet-results.js: a scorer result, shown in the page.
//
// show(results, bar, r) writes the result r of mutualScore (without
// {error}: the caller checks that) into the results section: the numbers
// in the elements carrying data-result (and data-part for the two numbers
// of progress), per area inside data-area, the band, the biggest gap, the
// safety notice and the chart; and the same numbers into the progress bar
// (data-bar). An empty score is an em dash; a negative one starts with the
// minus sign U+2212. say(strings, results, r) is what screen readers hear.
// Sizes are SVG attributes and colours CSS classes: the page's CSP allows
// no style attribute.
(function (ns) {
  "use strict";

  var EMPTY = "\u2014";
  var MINUS = "\u2212";
  var SVG = "http://www.w3.org/2000/svg";

  function num(v) {
    if (typeof v !== "number" || !isFinite(v)) {
      return EMPTY;
    }
    return v < 0 ? MINUS + String(-v) : String(v);
  }

  function setText(root, selector, text) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), function (el) {
      el.textContent = text;
    });
  }

  function show(results, bar, r) {
    var areas = Array.isArray(r.areas) ? r.areas : [];
    results.setAttribute("data-answered", String(r.answered));
    var progress = results.querySelector('[data-result="progress"]');
    if (progress) {
      setText(progress, '[data-part="answered"]', String(r.answered));
      setText(progress, '[data-part="total"]', String(r.total));
    }
    var scores = results.querySelector(".ws-scores") || results;
    ["give", "receive", "balance", "lean"].forEach(function (k) {
      setText(scores, '[data-result="' + k + '"]', num(r[k]));
    });
    if (bar) {
      setText(bar, '[data-bar="answered"]', String(r.answered));
      setText(bar, '[data-bar="total"]', String(r.total));
      ["give", "receive", "balance", "lean"].forEach(function (k) {
        setText(bar, '[data-bar="' + k + '"]', num(r[k]));
      });
    }

    var alert = results.querySelector('[data-result="alert"]');
    if (alert) {
      alert.hidden = r.alert !== true;
    }

    var band = results.querySelector('[data-result="band"]');
    if (band) {
      band.setAttribute("data-band-index", String(r.band));
      Array.prototype.forEach.call(band.querySelectorAll("[data-band]"), function (el) {
        el.hidden = el.getAttribute("data-band") !== String(r.band);
      });
      // Before enough is answered for a band (r.needed > 0), how many
      // more answers it waits for; before any answer, the invitation.
      var needed = typeof r.needed === "number" && r.needed > 0 && r.answered > 0 ? r.needed : 0;
      var none = band.querySelector("[data-band-none]");
      if (none) {
        none.hidden = r.band >= 0 || needed > 0;
      }
      var wait = band.querySelector("[data-band-needed]");
      if (wait) {
        wait.hidden = r.band >= 0 || needed === 0;
        if (needed > 0) {
          ns.write(wait, ns.plural(wait, "data-text-band-needed-", needed));
        }
      }
    }

    areas.forEach(function (a) {
      Array.prototype.forEach.call(results.querySelectorAll("[data-area]"), function (row) {
        if (row.getAttribute("data-area") === a.id) {
          ["give", "receive", "balance", "lean"].forEach(function (k) {
            setText(row, '[data-result="' + k + '"]', num(a[k]));
          });
        }
      });
    });

    var gap = results.querySelector('[data-result="gap"]');
    if (gap) {
      var area = r.gap >= 0 ? areas[r.gap] : null;
      var shown = !!area && typeof area.balance === "number" && area.balance !== 0;
      gap.hidden = !shown;
      Array.prototype.forEach.call(gap.querySelectorAll("[data-gap]"), function (el) {
        var on = shown && el.getAttribute("data-gap") === area.id;
        el.hidden = !on;
        if (on) {
          Array.prototype.forEach.call(el.querySelectorAll("[data-gap-direction]"), function (d) {
            d.hidden = d.getAttribute("data-gap-direction") !== (area.balance < 0 ? "give" : "receive");
          });
        }
      });
    }

    addresses(results);
    drawChart(results, areas);
  }

  // addresses gives each link of el to a page of the site (a band's
  // guides, the biggest gap's) its full address in data-url, which the
  // print stylesheet shows after it: paper cannot follow a link. The
  // browser makes it from the page's own address, so the HTML need not
  // carry one a link (the Markdown's links have theirs from the build).
  function addresses(el) {
    Array.prototype.forEach.call(el.querySelectorAll('a[href^="/"]:not([data-url])'), function (a) {
      var h = a.getAttribute("href");
      if (h.charAt(1) !== "/" && h.charAt(1) !== "\\") {
        a.setAttribute("data-url", a.href);
      }
    });
  }

  // chartWidth is the width in CSS pixels svg is drawn at, without making
  // the browser lay out the page at once to learn it (which would hold up
  // the page while a result comes in, and lay out a results section not
  // yet on screen): a ResizeObserver tells it after each layout that
  // changes it, and then draw runs again, before that layout is painted.
  // Until the first layout, and when the chart is not shown, it is 0.
  // Without ResizeObserver it asks the browser.
  var charts = typeof WeakMap === "function" ? new WeakMap() : null; // svg -> {width, draw}
  function chartWidth(svg, draw) {
    if (typeof ResizeObserver !== "function" || !charts) {
      return svg.getBoundingClientRect().width;
    }
    var c = charts.get(svg);
    if (!c) {
      c = { width: 0, draw: draw };
      charts.set(svg, c);
      new ResizeObserver(function () {
        var w = svg.getBoundingClientRect().width; // laid out just now: nothing to wait for
        if (Math.round(w) !== Math.round(c.width)) {
          c.width = w;
          c.draw();
        }
      }).observe(svg);
    }
    c.draw = draw;
    return c.width;
  }

  // drawChart draws give and receive bars per area, 0 to 100.
  function drawChart(results, areas) {
    var svg = results.querySelector("[data-chart]");
    if (!svg) {
      return;
    }
    var drawn = chartWidth(svg, function () {
      drawChart(results, areas);
    });
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
    var width = drawn >= 160 ? Math.round(drawn) : 320;
    var barMax = width - 34;
    var barH = 9;
    var rowH = 19 + sides.length * (barH + 3);
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
        var by = y + 17 + j * (barH + 3);
        var track = document.createElementNS(SVG, "rect");
        track.setAttribute("class", "ws-chart-track");
        track.setAttribute("x", "0");
        track.setAttribute("y", String(by));
        track.setAttribute("width", String(barMax));
        track.setAttribute("height", String(barH));
        svg.appendChild(track);
        var v = a[side];
        if (typeof v === "number") {
          var bar = document.createElementNS(SVG, "rect");
          bar.setAttribute("class", "ws-chart-bar ws-chart-" + side);
          bar.setAttribute("x", "0");
          bar.setAttribute("y", String(by));
          bar.setAttribute("width", String((barMax * Math.max(0, Math.min(100, v))) / 100));
          bar.setAttribute("height", String(barH));
          svg.appendChild(bar);
        }
        var value = document.createElementNS(SVG, "text");
        value.setAttribute("class", "ws-chart-value");
        value.setAttribute("x", String(barMax + 6));
        value.setAttribute("y", String(by + barH - 1));
        value.textContent = num(v);
        svg.appendChild(value);
      });
    });
  }

  // say is the gist of a result for screen readers, in the page's words:
  // texts (see ns.text) that ns.write puts one after the other: the
  // progress, each score the page has words for (sayGive...), the band's
  // title (the worksheet's words, in the language of the element
  // holding them) and the safety notice.
  function say(strings, results, r) {
    var values = { answered: String(r.answered), total: String(r.total), give: num(r.give), receive: num(r.receive), balance: num(r.balance), lean: num(r.lean) };
    var scores = ["sayGive", "sayReceive", "sayBalance", "sayLean"];
    var has = function (k) {
      return strings[k] && strings[k].text;
    };
    if (!scores.some(has) && has("sayScores")) {
      // A layout made before one text per score: its one data-text-say-scores.
      scores = ["sayScores"];
    }
    var parts = ["sayProgress"].concat(scores).map(function (k) {
      return ns.fill(strings[k] || { text: "" }, values);
    });
    var chosen = r.band >= 0 && results.querySelector('[data-band="' + r.band + '"] h3');
    if (chosen) {
      var lang = chosen.closest("[lang]");
      parts.push({ text: chosen.textContent + ".", lang: lang && lang !== document.documentElement ? lang.getAttribute("lang") : "", dir: "" });
    }
    if (r.alert === true) {
      parts.push(strings.sayAlert);
    }
    return parts.map(function (t) {
      return { text: String(t.text || "").replace(/\s+/g, " ").trim(), lang: t.lang, dir: t.dir };
    });
  }

  ns.results = { show: show, drawChart: drawChart, say: say, num: num, setText: setText, addresses: addresses };

  // The results' chart is watched from now on, well before the first
  // result: its width is known by then, and the chart drawn once for it.
  if (typeof document !== "undefined") {
    var chart = document.querySelector("[data-results] [data-chart]");
    if (chart && typeof ResizeObserver === "function") {
      chartWidth(chart, function () {});
    }
  }
})((window.mutualWorksheet = window.mutualWorksheet || {}));
