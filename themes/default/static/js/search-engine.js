// search-engine.js: search that runs on the person's device.
//
// The page has a plain GET form that works without any script:
//
//   <form role="search" action="/search/" data-search-index="/search/en/"
//         data-search-script="/js/search-engine.1a2b3c4d5e.js"
//         data-search-one="1 result" data-search-many="{n} results"
//         data-search-none="No results for “{q}”" data-search-error="..."
//         data-search-more="More results"
//         data-search-corrected="Showing results for {q}" [data-search-page]>
//     <input type="search" name="q">
//     <p data-search-status aria-live="polite"></p>
//     <div data-search-results></div>
//   </form>
//
// Pages load search.js, which makes "/" focus the field and loads this
// file (data-search-script) the first time the person reaches for search;
// the search page loads it itself. This file turns the form into instant
// results as the person types (and shows those of what is in the field
// when it arrives, if the field has the focus): the
// element carrying data-search-results holds one link per result, best
// first (the contract themes and tests rely on), each with the title, the
// section and the best matching passage with the query's words in <mark>,
// linking to the heading the passage is under. The arrow keys move
// between the field and the results, Enter follows a
// result, Escape closes them; the number of results is announced through
// the data-search-status element, and the results element's
// data-search-for attribute says which query they are for. When a
// misspelled word was corrected, a p.search-corrected above the results
// names the query they answer (data-search-corrected, its {q} in
// <strong>), and the status says it after the count. A text of the
// form that is not in the page's language has data-search-<name>-lang
// (and -dir) beside it, and is written with that lang (and dir). A form with data-search-page is the full
// search page: it reads q from the address, shows its results in place and
// keeps the address in step with the field; reached by a search (not by
// Back, Forward or a reload), it puts the focus in its field, and its
// results begin with a p.search-printed of data-search-printed (with {q}
// in <strong>: what the results are for), which the theme shows only in
// print. A line that repeats the query shows at most its first 100
// characters (shorten).
//
// Every string shown comes from the form's data attributes ({n} and {q}
// are replaced); the script holds no text of its own. It fetches only the
// index files under data-search-index, which must be on the page's own
// origin, and the pages of results shown whose passage marks none of the
// query's words (the index holds only the opening of each part of a
// page): on the same origin, once each, read (never run) for their
// elements with data-search-body (a guide has one; a worksheet its
// introduction and each section), whose whole text gives such a result its
// passage a moment later, in place. It uses no inline script or style and
// no eval.
//
// The query engine (everything in `core`) is free of the DOM: Node's tests
// require() this file and run it against an index that internal/search
// wrote. Folding, tokenizing and stemming here must match internal/search
// exactly; the Go tests check that they do.
(function () {
  "use strict";

  var core = (function () {
    // ---------- folding (fold.go) ----------

    var LATIN1 = ["ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"];
    var EXTA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttt" +
      "uuuuuuuuuuuuwwyyyzzzzzzs";

    // foldCode returns the folded form of one lowercased code point.
    function foldCode(c) {
      if (c < 0x80) {
        return String.fromCharCode(c);
      }
      if (c >= 0xdf && c <= 0xff) {
        var s = LATIN1[c - 0xdf];
        if (s !== "") {
          return s;
        }
      } else if (c >= 0x100 && c <= 0x17f) {
        if (c === 0x132 || c === 0x133) {
          return "ij";
        }
        if (c === 0x152 || c === 0x153) {
          return "oe";
        }
        return EXTA.charAt(c - 0x100);
      } else if (c >= 0x300 && c <= 0x36f) {
        return "";
      } else if (c === 0xaa) {
        return "a";
      } else if (c === 0xba) {
        return "o";
      } else if (c === 0x2bc) {
        return "";
      } else if (c === 0x218 || c === 0x219) {
        return "s";
      } else if (c === 0x21a || c === 0x21b) {
        return "t";
      } else if (c === 0x3c2) {
        return "\u03c3";
      }
      return String.fromCodePoint(c);
    }

    // foldChar lowercases and folds one character (a code point as a string).
    function foldChar(ch) {
      var c = ch.codePointAt(0);
      if (c < 0x80) {
        return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
      }
      var lo = ch.toLowerCase();
      var out = "";
      for (var i = 0; i < lo.length; ) {
        var d = lo.codePointAt(i);
        out += foldCode(d);
        i += d > 0xffff ? 2 : 1;
      }
      return out;
    }

    // fold lowercases and folds a string, character by character.
    function fold(s) {
      var out = "";
      for (var i = 0; i < s.length; ) {
        var c = s.codePointAt(i);
        var n = c > 0xffff ? 2 : 1;
        out += foldChar(s.substr(i, n));
        i += n;
      }
      return out;
    }

    // ---------- tokenizing (token.go) ----------

    var WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}]/u;
    var IDEO = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    var MAXWORD = 48;
    var ELISIONS = { l: 1, d: 1, j: 1, m: 1, n: 1, s: 1, t: 1, c: 1, qu: 1, jusqu: 1, lorsqu: 1, puisqu: 1, quoiqu: 1 };

    function utf8Length(s) {
      var n = 0;
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i);
        if (c < 0x80) {
          n += 1;
        } else if (c < 0x800) {
          n += 2;
        } else if (c >= 0xd800 && c <= 0xdbff) {
          n += 4;
          i++;
        } else {
          n += 3;
        }
      }
      return n;
    }

    function isWord(ch) {
      var c = ch.charCodeAt(0);
      if (c < 0x80) {
        return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
      }
      if (c >= 0x2000 && c <= 0x206f) {
        // General Punctuation (the ellipsis that ends every opening of a
        // page in the index) holds no letter, digit or mark: no need to
        // build WORD, which takes a first query milliseconds.
        return false;
      }
      return WORD.test(ch);
    }

    function isIdeo(ch) {
      return ch.codePointAt(0) >= 0x3040 && IDEO.test(ch);
    }

    // tokens splits text into folded words: [{w, s, e}] with each word's
    // start and end offsets in text.
    //
    // A run of ASCII letters and digits, most of a text in most
    // languages, is folded at once (lowercased, as foldChar would each
    // of its letters), not one character at a time: results tokenize the
    // titles, headings and openings of a page of them, on a page just
    // loaded, where each step of this loop costs. Every other character
    // takes the path of the rules above, with the run so far moved into
    // the word first (take).
    function tokens(text, elide) {
      var out = [];
      var w = "";
      var run = -1; // where a run of ASCII letters and digits not yet in w began
      var start = -1;
      var end = 0;
      function take(to) {
        if (run >= 0) {
          w += text.slice(run, to).toLowerCase();
          run = -1;
        }
      }
      function flush() {
        if (w !== "" && (w.length <= MAXWORD / 3 || utf8Length(w) <= MAXWORD)) {
          out.push({ w: w, s: start, e: end });
        }
        w = "";
        start = -1;
      }
      for (var i = 0; i < text.length; ) {
        var c = text.charCodeAt(i);
        if (c < 0x80 && c !== 39) {
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
            if (run < 0) {
              if (w === "" && start < 0) {
                start = i;
              }
              run = i;
            }
            i++;
            end = i;
          } else {
            if (run >= 0 || w !== "" || start >= 0) {
              take(i);
              flush();
            }
            i++;
          }
          continue;
        }
        take(i);
        c = text.codePointAt(i);
        var n = c > 0xffff ? 2 : 1;
        var ch = text.substr(i, n);
        var at = i;
        i += n;
        if (isIdeo(ch)) {
          flush();
          w = foldChar(ch);
          start = at;
          end = i;
          flush();
        } else if (isWord(ch)) {
          if (w === "" && start < 0) {
            start = at;
          }
          w += foldChar(ch);
          end = i;
        } else if ((ch === "'" || ch === "\u2019") && w !== "" && i < text.length &&
          isWord(String.fromCodePoint(text.codePointAt(i))) && !isIdeo(String.fromCodePoint(text.codePointAt(i)))) {
          if (elide && ELISIONS[w] === 1) {
            w = "";
            start = -1;
          }
        } else {
          flush();
        }
      }
      take(text.length);
      flush();
      return out;
    }

    // ---------- stemming (stem.go) ----------

    function cons(w, i) {
      var c = w.charAt(i);
      if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") {
        return false;
      }
      if (c === "y") {
        return i === 0 || !cons(w, i - 1);
      }
      return true;
    }

    function measure(w) {
      var m = 0;
      var i = 0;
      var n = w.length;
      while (i < n && cons(w, i)) {
        i++;
      }
      while (i < n) {
        while (i < n && !cons(w, i)) {
          i++;
        }
        if (i === n) {
          break;
        }
        while (i < n && cons(w, i)) {
          i++;
        }
        m++;
      }
      return m;
    }

    function hasVowel(w) {
      for (var i = 0; i < w.length; i++) {
        if (!cons(w, i)) {
          return true;
        }
      }
      return false;
    }

    function doubleCons(w) {
      var n = w.length;
      return n >= 2 && w.charAt(n - 1) === w.charAt(n - 2) && cons(w, n - 1);
    }

    function cvc(w) {
      var n = w.length;
      if (n < 3 || !cons(w, n - 1) || cons(w, n - 2) || !cons(w, n - 3)) {
        return false;
      }
      var c = w.charAt(n - 1);
      return c !== "w" && c !== "x" && c !== "y";
    }

    function ends(w, s) {
      return w.length >= s.length && w.slice(w.length - s.length) === s;
    }

    function stemEN(w) {
      if (ends(w, "sses") || ends(w, "ies")) {
        w = w.slice(0, -2);
      } else if (ends(w, "ss")) {
        // kept
      } else if (ends(w, "s")) {
        w = w.slice(0, -1);
      }
      if (ends(w, "eed")) {
        if (measure(w.slice(0, -3)) > 0) {
          w = w.slice(0, -1);
        }
      } else {
        var cut = "";
        if (ends(w, "ed") && hasVowel(w.slice(0, -2))) {
          cut = "ed";
        }
        if (ends(w, "ing") && hasVowel(w.slice(0, -3))) {
          cut = "ing";
        }
        if (cut !== "") {
          w = w.slice(0, w.length - cut.length);
          if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
            w += "e";
          } else if (doubleCons(w) && "lsz".indexOf(w.charAt(w.length - 1)) < 0) {
            w = w.slice(0, -1);
          } else if (measure(w) === 1 && cvc(w)) {
            w += "e";
          }
        }
      }
      if (ends(w, "y") && hasVowel(w.slice(0, -1))) {
        w = w.slice(0, -1) + "i";
      }
      if (ends(w, "e")) {
        var s = w.slice(0, -1);
        var m = measure(s);
        if (m > 1 || (m === 1 && !cvc(s))) {
          w = s;
        }
      }
      if (ends(w, "ll") && measure(w) > 1) {
        w = w.slice(0, -1);
      }
      return w;
    }

    function stemFR(w) {
      if (w.length >= 4) {
        if (ends(w, "aux")) {
          w = w.slice(0, -3) + "al";
        } else if (ends(w, "x") || ends(w, "s")) {
          w = w.slice(0, -1);
        }
      }
      for (var k = 0; k < 2 && w.length >= 4 && ends(w, "e"); k++) {
        w = w.slice(0, -1);
      }
      var n = w.length;
      if (n >= 4 && w.charAt(n - 1) === w.charAt(n - 2) && "aeiouy".indexOf(w.charAt(n - 1)) < 0) {
        w = w.slice(0, -1);
      }
      return w;
    }

    function dropVowel(w) {
      var n = w.length;
      if (n >= 5 && "aoe".indexOf(w.charAt(n - 1)) >= 0) {
        return w.slice(0, -1);
      }
      return w;
    }

    function stemES(w) {
      if (w.length >= 5 && ends(w, "s")) {
        w = w.slice(0, -1);
      }
      return dropVowel(w);
    }

    function stemPT(w) {
      if (w.length >= 5) {
        if (ends(w, "oes") || ends(w, "aes") || ends(w, "aos")) {
          w = w.slice(0, -3) + "ao";
        } else if (ends(w, "ns")) {
          w = w.slice(0, -2) + "m";
        } else if (ends(w, "ais") || ends(w, "eis") || ends(w, "ois") || ends(w, "uis")) {
          w = w.slice(0, -2) + "l";
        } else if (ends(w, "s")) {
          w = w.slice(0, -1);
        }
      }
      return dropVowel(w);
    }

    function stemDE(w) {
      var n = w.length;
      if (n > 5 && ends(w, "ern")) {
        w = w.slice(0, -3);
      } else if (n > 4 && (ends(w, "em") || ends(w, "en") || ends(w, "er") || ends(w, "es"))) {
        w = w.slice(0, -2);
      } else if (n > 3 && ends(w, "e")) {
        w = w.slice(0, -1);
      } else if (n > 3 && ends(w, "s") && "bdfghklmnrt".indexOf(w.charAt(n - 2)) >= 0) {
        w = w.slice(0, -1);
      }
      n = w.length;
      if (n > 5 && ends(w, "est")) {
        w = w.slice(0, -3);
      } else if (n > 4 && (ends(w, "er") || ends(w, "en"))) {
        w = w.slice(0, -2);
      } else if (n > 5 && ends(w, "st") && "bdfghklmnt".indexOf(w.charAt(n - 3)) >= 0) {
        w = w.slice(0, -2);
      }
      return w;
    }

    var STEMMERS = { en: stemEN, fr: stemFR, es: stemES, pt: stemPT, de: stemDE };

    // stem returns the stem of a folded word for the named stemmer.
    function stem(name, w) {
      var f = STEMMERS[name];
      if (!f || w.length < 4 || !/^[a-z]+$/.test(w)) {
        return w;
      }
      return f(w);
    }

    // ---------- queries ----------

    // parseQuery splits a query into words and phrases. A phrase is what
    // is between quotes (two or more words: one word in quotes is a word
    // matched exactly, without the words it begins or a correction), or a
    // word joined by hyphens ("give-and-take": HYPHENS between two word
    // characters), whose parts must follow each other as they do in
    // "give-and-take" or "give and take". A quote is the straight one or a
    // typographic double quote (QUOTES: what a phone's keyboard types, “”,
    // „“, «»); single quotes are apostrophes too ("don’t"), so not quotes.
    // A quote left open (an odd number of them) closes at the end of the
    // query: a phrase being typed; with no word after it, it is as if it
    // were not there ("thank you\"" is the words thank and you). The last
    // word is "open" (matched as a prefix too) when the query ends in a
    // letter or digit: a phrase that ends the query this way has an open
    // last word (phrase.open, the word as typed), so that a phrase matches
    // as it is typed ("give-and-ta", "\"giving ba"). Each word has its
    // places in q ("at": [start, end] of each time it is typed), for the
    // line that names a corrected query; a hyphenated word's phrase keeps
    // its words (phrase.words) and is marked phrase.hyphen: when no page
    // has the compound, its words are searched for instead (see search).
    var QUOTES = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/; // each one UTF-16 unit, as the offsets count
    var HYPHENS = { "-": true, "\u2010": true, "\u2011": true };
    function parseQuery(q, stemmer, elide) {
      var words = [];
      var phrases = [];
      var parts = q.split(QUOTES);
      var last = q.charCodeAt(q.length - 1);
      var openEnd = last < 0x80 ? /[A-Za-z0-9]/.test(q.charAt(q.length - 1)) : /[\p{L}\p{N}\p{M}]$/u.test(q);
      function word(t, off, exact) {
        return { w: t.w, stem: stem(stemmer, t.w), exact: exact, at: [[off + t.s, off + t.e]] };
      }
      function phrase(toks, off, open, hyphen) {
        var ws = toks.map(function (t) {
          return word(t, off, false);
        });
        var p = ws.map(function (w) {
          return w.stem;
        });
        p.words = ws;
        p.open = open ? ws[ws.length - 1].w : null;
        p.hyphen = hyphen;
        return p;
      }
      for (var i = 0, off = 0; i < parts.length; off += parts[i].length + 1, i++) {
        var part = parts[i];
        var toks = tokens(part, elide);
        // The part's last word is being typed.
        var open = openEnd && i === parts.length - 1 && toks.length > 0;
        if (i % 2 === 1) {
          if (toks.length === 1) {
            var w = word(toks[0], off, true);
            w.open = open;
            words.push(w);
          } else if (toks.length > 1) {
            phrases.push(phrase(toks, off, open, false));
          }
          continue;
        }
        for (var j = 0; j < toks.length; ) {
          var k = j + 1;
          while (k < toks.length && toks[k].s - toks[k - 1].e === 1 && HYPHENS[part.charAt(toks[k - 1].e)] === true) {
            k++;
          }
          if (k - j > 1) {
            phrases.push(phrase(toks.slice(j, k), off, open && k === toks.length, true));
          } else {
            w = word(toks[j], off, false);
            w.open = open && k === toks.length;
            words.push(w);
          }
          j = k;
        }
      }
      // The same word twice counts once.
      var seen = {};
      words = words.filter(function (w) {
        var k = w.stem + (w.open ? "*" : "");
        if (seen[k]) {
          seen[k].at = seen[k].at.concat(w.at);
          return false;
        }
        seen[k] = w;
        return true;
      });
      return { words: words, phrases: phrases };
    }

    // cmp compares strings by code points, the order of their UTF-8 bytes.
    function cmp(a, b) {
      var i = 0;
      var j = 0;
      while (i < a.length && j < b.length) {
        var x = a.codePointAt(i);
        var y = b.codePointAt(j);
        if (x !== y) {
          return x < y ? -1 : 1;
        }
        i += x > 0xffff ? 2 : 1;
        j += y > 0xffff ? 2 : 1;
      }
      return (a.length - i > 0 ? 1 : 0) - (b.length - j > 0 ? 1 : 0);
    }

    // which returns the index of the fragment of list ([[first, file]...])
    // that holds key.
    function which(list, key) {
      var lo = 0;
      var hi = list.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (cmp(list[mid][0], key) <= 0) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    function startsWith(s, p) {
      return s.length >= p.length && s.slice(0, p.length) === p;
    }

    // distance is the optimal string alignment distance between a and b
    // (insertions, deletions, substitutions and swaps of neighbours, by
    // code point), or max+1 once it is sure to exceed max.
    function distance(a, b, max) {
      a = Array.from(a);
      b = Array.from(b);
      if (Math.abs(a.length - b.length) > max) {
        return max + 1;
      }
      var prev2 = null;
      var prev = [];
      for (var j = 0; j <= b.length; j++) {
        prev.push(j);
      }
      for (var i = 1; i <= a.length; i++) {
        var row = [i];
        var best = i;
        for (j = 1; j <= b.length; j++) {
          var cost = a[i - 1] === b[j - 1] ? 0 : 1;
          var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
          if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            v = Math.min(v, prev2[j - 2] + 1);
          }
          row.push(v);
          best = Math.min(best, v);
        }
        if (best > max) {
          return max + 1;
        }
        prev2 = prev;
        prev = row;
      }
      return prev[b.length];
    }

    // ---------- index files ----------

    function reader(bytes) {
      var pos = 0;
      return {
        uint: function () {
          var v = 0;
          var mul = 1;
          var b;
          do {
            b = bytes[pos++];
            v += (b & 0x7f) * mul;
            mul *= 128;
          } while (b & 0x80);
          return v;
        },
        bytes: function (n) {
          var s = bytes.subarray(pos, pos + n);
          pos += n;
          return s;
        },
        pos: function () {
          return pos;
        },
      };
    }

    var decoder = new TextDecoder();

    // parseFragment reads a term fragment (see fragment in
    // internal/search/write.go): a map from term to its postings, decoded
    // on demand, and where its positions are.
    function parseFragment(bytes, docs) {
      var r = reader(bytes);
      var n = r.uint();
      var files = [];
      var nfiles = r.uint();
      for (var f = 0; f < nfiles; f++) {
        files.push(decoder.decode(r.bytes(r.uint())));
      }
      var heads = [];
      var inFile = [];
      var prev = new Uint8Array(0);
      for (var i = 0; i < n; i++) {
        var shared = r.uint();
        var suffix = r.bytes(r.uint());
        var key = new Uint8Array(shared + suffix.length);
        key.set(prev.subarray(0, shared));
        key.set(suffix, shared);
        prev = key;
        var h = { key: decoder.decode(key), df: r.uint(), kind: r.uint(), len: r.uint(), file: r.uint() };
        // The term's place among the terms of its positions file.
        h.slot = inFile[h.file] || 0;
        inFile[h.file] = h.slot + 1;
        heads.push(h);
      }
      var at = r.pos();
      var terms = new Map();
      var keys = [];
      heads.forEach(function (h) {
        h.at = at;
        at += h.len + h.df;
        terms.set(h.key, h);
        keys.push(h.key);
      });
      return {
        keys: keys,
        has: function (k) {
          return terms.has(k);
        },
        df: function (k) {
          var h = terms.get(k);
          return h ? h.df : 0;
        },
        // postings returns [docIds, levels] of k, or null.
        postings: function (k) {
          var h = terms.get(k);
          if (!h) {
            return null;
          }
          if (!h.ids) {
            var ids = new Int32Array(h.df);
            var d = bytes.subarray(h.at, h.at + h.len);
            if (h.kind === 1) {
              var m = 0;
              for (var b = 0; b < d.length && m < h.df; b++) {
                for (var x = d[b], bit = b * 8; x !== 0; x >>= 1, bit++) {
                  if (x & 1) {
                    ids[m++] = bit;
                  }
                }
              }
            } else {
              // reader's uint, written out: a call for each page costs.
              var at = 0;
              var id = 0;
              for (var j = 0; j < h.df; j++) {
                var v = 0;
                var mul = 1;
                var c;
                do {
                  c = d[at++];
                  v += (c & 0x7f) * mul;
                  mul *= 128;
                } while (c & 0x80);
                id += v;
                ids[j] = id;
              }
            }
            h.ids = ids;
            h.levels = bytes.subarray(h.at + h.len, h.at + h.len + h.df);
          }
          return [h.ids, h.levels];
        },
        // where returns the positions file of k and its place there, or
        // null.
        where: function (k) {
          var h = terms.get(k);
          return h ? { file: files[h.file], slot: h.slot, df: h.df } : null;
        },
        docs: docs,
      };
    }

    function isGzip(b) {
      return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
    }

    // inflate undoes a gzip compression of an index file that a host
    // applied without saying so (a host that says so, with
    // Content-Encoding, gives plain bytes, returned as they are).
    function inflate(bytes) {
      if (!isGzip(bytes) || typeof DecompressionStream === "undefined") {
        return Promise.resolve(bytes);
      }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (b) {
        return new Uint8Array(b);
      });
    }

    // ---------- the engine ----------

    var WEIGHT_PREFIX = 0.75;

    // idf is BM25's inverse document frequency of a term in df of n
    // documents, as the index's impacts use it (search/write.go).
    function idf(n, df) {
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    var WEIGHT_TYPO = [1, 0.5, 0.35];
    var MAX_EXPANSIONS = 64;
    var OPEN_PHRASE = 16; // the most terms a phrase's open last word stands for
    // CHECK_BUNDLES bounds the bundles that settle may load to put the
    // hits with the query's words in their title or headings first.
    var CHECK_BUNDLES = 8;

    // Engine runs queries against the index whose files get(path) returns
    // (a promise of the stored bytes; path is relative to the index
    // folder, "manifest.json" first).
    function Engine(get) {
      this.get = get;
      this.transferred = 0; // stored bytes fetched so far
      this.files = new Map(); // path -> promise of inflated bytes
      this.parsed = new Map(); // path -> promise of parsed file
      this.manifest = null;
    }

    // keep holds promise p of path's file in map until p fails: a file
    // that could not be fetched or read (the network gone for a moment)
    // is asked for again by the next query, rather than failing every
    // query from memory until the page is loaded again, as the error
    // message's "Try again" promises.
    function keep(map, path, p) {
      map.set(path, p);
      p.catch(function () {
        if (map.get(path) === p) {
          map.delete(path);
        }
      });
      return p;
    }

    Engine.prototype.raw = function (path) {
      var self = this;
      if (!this.files.has(path)) {
        keep(this.files, path, Promise.resolve(this.get(path)).then(function (b) {
          self.transferred += b.length;
          return inflate(b);
        }));
      }
      return this.files.get(path);
    };

    // parse returns the promise of path's file as parse reads its bytes;
    // a file that cannot be read is fetched again next time (its bytes
    // may have been cut short on the way).
    Engine.prototype.parse = function (path, parse) {
      var self = this;
      if (!this.parsed.has(path)) {
        var raw = this.raw(path);
        keep(this.parsed, path, raw.then(parse).catch(function (e) {
          if (self.files.get(path) === raw) {
            self.files.delete(path);
          }
          throw e;
        }));
      }
      return this.parsed.get(path);
    };

    Engine.prototype.json = function (path) {
      return this.parse(path, function (b) {
        return JSON.parse(decoder.decode(b));
      });
    };

    Engine.prototype.fragment = function (path) {
      var self = this;
      return this.parse(path, function (b) {
        return parseFragment(b, self.manifest.docs);
      });
    };

    Engine.prototype.ready = function () {
      var self = this;
      if (!this.manifestP) {
        this.manifestP = this.json("manifest.json").then(function (m) {
          if (m.format !== 2) {
            throw new Error("search index format " + m.format);
          }
          self.manifest = m;
          return m;
        });
        this.manifestP.catch(function () {
          self.manifestP = null;
        });
      }
      return this.manifestP;
    };

    // termFrag returns the promise of the term fragment that holds key.
    Engine.prototype.termFrag = function (key) {
      var list = this.manifest.terms;
      return this.fragment(list[which(list, key)][1]);
    };

    // prefixFrags returns the fragment paths that may hold terms starting
    // with p, or null when there are more than two.
    Engine.prototype.prefixFrags = function (p) {
      var list = this.manifest.terms;
      var i = which(list, p);
      var out = [list[i][1]];
      for (var j = i + 1; j < list.length && startsWith(list[j][0], p); j++) {
        out.push(list[j][1]);
        if (out.length > 2) {
          return null;
        }
      }
      return out;
    };

    // alternatives finds the terms a query word matches, each with a
    // weight: its stem (1), terms it begins while typed (prefix), the term
    // it overshoots while typed ("receivin" -> "receiv"), and, for a word
    // with none of those, the closest terms of its lexicon (typo).
    Engine.prototype.alternatives = function (word) {
      var self = this;
      var m = this.manifest;
      var alts = [];
      var seen = {};
      function add(frag, key, weight, kind) {
        if (frag.has(key) && !(seen[key] >= weight)) {
          seen[key] = weight;
          alts.push({ frag: frag, key: key, weight: weight, kind: kind || "" });
        }
      }
      var loads = [this.termFrag(word.stem)];
      var prefix = word.open ? this.prefixFrags(word.w) : null;
      if (prefix) {
        prefix.forEach(function (p) {
          loads.push(self.fragment(p));
        });
      }
      return Promise.all(loads).then(function (frags) {
        add(frags[0], word.stem, 1);
        // alts.prefix: the word also matches the words it begins (what
        // the passage marks follows).
        alts.prefix = !!(word.open && prefix);
        if (word.open && prefix) {
          var cands = [];
          frags.slice(1).forEach(function (f) {
            f.keys.forEach(function (k) {
              if (k !== word.stem && startsWith(k, word.w)) {
                cands.push({ f: f, k: k });
              }
            });
          });
          cands.sort(function (a, b) {
            return b.f.df(b.k) - a.f.df(a.k) || cmp(a.k, b.k);
          });
          // The words a prefix begins count as one word: each weighs no
          // more than its most common form would (the stem, or the most
          // common term begun), so that a rare form, whose impact is high
          // for its rarity alone ("cuiden" in one page), does not outrank
          // the pages with the common one ("cuidar" in a title).
          var common = cands.length ? cands[0].f.df(cands[0].k) : 0;
          if (frags[0].has(word.stem)) {
            common = Math.max(common, frags[0].df(word.stem));
          }
          cands.slice(0, MAX_EXPANSIONS).forEach(function (c) {
            add(c.f, c.k, WEIGHT_PREFIX * Math.min(1, idf(m.docs, common) / idf(m.docs, c.f.df(c.k))));
          });
        }
        if (alts.length > 0 || word.exact) {
          return alts;
        }
        if (word.open) {
          return self.overshoot(word, add).then(function () {
            return alts.length > 0 ? alts : self.typos(word, add).then(function () {
              return alts;
            });
          });
        }
        return self.typos(word, add).then(function () {
          return alts;
        });
      });
    };

    // INFLECTIONS are the endings, per stemmer, that a word being typed
    // may have begun.
    var INFLECTIONS = {
      en: ["ing", "ed", "es"],
      fr: ["es", "x"],
      es: ["es", "as", "os"],
      pt: ["es", "as", "os", "ns"],
      de: ["ern", "em", "est", "es"],
    };

    // overshoot: a word being typed past the end of a stem, into the start
    // of an ending the stemmer strips ("receivin"), matches the longest
    // term it starts with, up to three letters shorter.
    Engine.prototype.overshoot = function (word, add) {
      var self = this;
      var cands = [];
      var chars = Array.from(word.w);
      var ends = INFLECTIONS[this.manifest.stemmer] || [];
      for (var k = 1; k <= 3 && chars.length - k >= 4; k++) {
        var tail = chars.slice(chars.length - k).join("");
        if (ends.some(function (e) { return startsWith(e, tail); })) {
          cands.push(chars.slice(0, chars.length - k).join(""));
        }
      }
      return Promise.all(cands.map(function (c) {
        return self.termFrag(c);
      })).then(function (frags) {
        for (var i = 0; i < cands.length; i++) {
          if (frags[i].has(cands[i])) {
            add(frags[i], cands[i], WEIGHT_PREFIX, "over");
            return;
          }
        }
      });
    };

    // typos adds the term of the word's lexicon (its first character) at
    // the smallest distance (1 for stems of 4 to 7 characters, 2 from 8);
    // of those, the one closest to the word as typed, then the one in most
    // documents, then the first in byte order: one correction, which the
    // results name ("Showing results for ..."). The stems alone do not
    // choose well: "listning" stems to "listn", one letter from both
    // "list" and "listen", and "list" is as common; the word typed is
    // three letters from "listen" and four from "list".
    Engine.prototype.typos = function (word, add) {
      var self = this;
      var s = word.stem;
      var n = Array.from(s).length;
      if (n < 4) {
        return Promise.resolve();
      }
      var max = n >= 8 ? 2 : 1;
      var first = String.fromCodePoint(s.codePointAt(0));
      var lex = this.manifest.lexicons;
      var file = null;
      for (var i = 0; i < lex.length; i++) {
        if (lex[i][0] === first) {
          file = lex[i][1];
        }
      }
      if (!file) {
        return Promise.resolve();
      }
      return this.json(file).then(function (terms) {
        var best = [];
        var bestD = max + 1;
        terms.forEach(function (t) {
          var d = distance(s, t[0], Math.min(max, bestD));
          if (d < bestD) {
            best = [];
            bestD = d;
          }
          if (d === bestD && d <= max) {
            best.push(t);
          }
        });
        if (best.length === 0) {
          return;
        }
        var typed = {};
        best.forEach(function (t) {
          typed[t[0]] = distance(word.w, t[0], 16);
        });
        best.sort(function (a, b) {
          return typed[a[0]] - typed[b[0]] || b[1] - a[1] || cmp(a[0], b[0]);
        });
        var t = best[0];
        return self.termFrag(t[0]).then(function (frag) {
          add(frag, t[0], WEIGHT_TYPO[bestD], "typo");
        });
      });
    };

    // phrase resolves, for a phrase of stems, to {docs, scores}: the
    // documents that hold the stems at consecutive positions, in order,
    // and for each the sum of the stems' impacts.
    //
    // The common words of a phrase ("the") are in nearly every page,
    // hundreds of times: the documents that hold every stem come from the
    // rarest stem's postings, and each stem's positions are read straight
    // from its file, one candidate at a time, into one reused array (never
    // an array per document), skipping the documents that are not
    // candidates. Reading them all into arrays first made "the weekly
    // rhythm" spend most of its time collecting the garbage.
    Engine.prototype.phrase = function (stems) {
      var self = this;
      var levels = this.manifest.levels;
      var none = { docs: [], scores: [] };
      if (stems.length === 0) {
        return Promise.resolve(none);
      }
      return Promise.all(stems.map(function (s) {
        return self.termFrag(s);
      })).then(function (frags) {
        if (!frags.every(function (f, i) { return f.has(stems[i]); })) {
          return none;
        }
        var n = stems.length;
        var ids = [];
        var lvs = [];
        var rarest = 0;
        for (var k = 0; k < n; k++) {
          var p = frags[k].postings(stems[k]);
          ids.push(p[0]);
          lvs.push(p[1]);
          if (p[0].length < ids[rarest].length) {
            rarest = k;
          }
        }
        // The documents that have every stem (cand), with each stem's
        // place in its postings (idx[c*n+k]).
        var first = ids[rarest];
        var cand = new Int32Array(first.length);
        var idx = new Int32Array(first.length * n);
        var at = new Int32Array(n);
        var nc = 0;
        for (var i = 0; i < first.length; i++) {
          var d = first[i];
          var all = true;
          for (k = 0; k < n; k++) {
            var list = ids[k];
            var j = at[k];
            while (j < list.length && list[j] < d) {
              j++;
            }
            at[k] = j;
            if (j >= list.length || list[j] !== d) {
              all = false;
              break;
            }
            idx[nc * n + k] = j;
          }
          if (all) {
            cand[nc++] = d;
          }
        }
        if (nc === 0) {
          return none;
        }
        function sum(c) {
          var sc = 0;
          for (var k = 0; k < n; k++) {
            sc += levels[lvs[k][idx[c * n + k]] - 1];
          }
          return sc;
        }
        if (n === 1) {
          var out1 = { docs: [], scores: [] };
          for (var c = 0; c < nc; c++) {
            out1.docs.push(cand[c]);
            out1.scores.push(sum(c));
          }
          return out1;
        }
        var wheres = frags.map(function (f, i) {
          return f.where(stems[i]);
        });
        return Promise.all(wheres.map(function (w) {
          return self.raw(w.file);
        })).then(function (files) {
          var readers = wheres.map(function (w, k) {
            return new Positions(files[k], w.slot);
          });
          var out = { docs: [], scores: [] };
          for (var c = 0; c < nc; c++) {
            // The stem with the fewest positions in the document leads:
            // the phrase is there if, for one of its positions q, every
            // stem k is at q-lead+k.
            var lead = 0;
            for (var k = 0; k < n; k++) {
              readers[k].read(idx[c * n + k]);
              if (readers[k].n < readers[lead].n) {
                lead = k;
              }
            }
            if (phraseAt(readers, lead)) {
              out.docs.push(cand[c]);
              out.scores.push(sum(c));
            }
          }
          return out;
        });
      });
    };

    // phraseAt tells whether the positions the readers hold (one reader
    // per stem of a phrase, at the same document) have the stems at
    // consecutive positions, trying the positions of the stem at lead.
    function phraseAt(readers, lead) {
      var n = readers.length;
      var next = phraseNext.length >= n ? phraseNext : (phraseNext = new Int32Array(2 * n));
      for (var k = 0; k < n; k++) {
        next[k] = 0;
      }
      var ps = readers[lead].pos;
      for (var i = 0; i < readers[lead].n; i++) {
        var base = ps[i] - lead;
        var ok = true;
        for (k = 0; k < n && ok; k++) {
          if (k === lead) {
            continue;
          }
          var r = readers[k];
          var want = base + k;
          var j = next[k];
          while (j < r.n && r.pos[j] < want) {
            j++;
          }
          next[k] = j;
          if (j >= r.n) {
            // The positions only grow: no later one can match either.
            return false;
          }
          ok = r.pos[j] === want;
        }
        if (ok) {
          return true;
        }
      }
      return false;
    }
    var phraseNext = new Int32Array(8);

    // Positions reads, from a positions file, the positions of the term at
    // slot, one document after the other: read(j) holds in pos[0:n] the
    // positions in its j-th document (j never smaller than the last).
    function Positions(bytes, slot) {
      var r = reader(bytes);
      var count = r.uint();
      var skip = 0;
      for (var i = 0; i < count; i++) {
        var l = r.uint();
        if (i < slot) {
          skip += l;
        }
      }
      this.bytes = bytes;
      this.at = r.pos() + skip; // where document this.doc's positions start
      this.doc = 0;
      this.pos = new Int32Array(64);
      this.n = 0;
    }

    Positions.prototype.read = function (j) {
      var b = this.bytes;
      var at = this.at;
      var v;
      var shift;
      var c;
      // Skip the documents before the j-th: a count, then as many
      // numbers; a number is its bytes up to one below 0x80.
      for (; this.doc < j; this.doc++) {
        c = 0;
        shift = 1;
        do {
          v = b[at++];
          c += (v & 0x7f) * shift;
          shift *= 128;
        } while (v & 0x80);
        while (c > 0) {
          // (past the end of a cut file, too: never a loop without end)
          if (!(b[at++] >= 0x80)) {
            c--;
          }
        }
      }
      c = 0;
      shift = 1;
      do {
        v = b[at++];
        c += (v & 0x7f) * shift;
        shift *= 128;
      } while (v & 0x80);
      if (this.pos.length < c) {
        this.pos = new Int32Array(Math.max(c, 2 * this.pos.length));
      }
      var pos = this.pos;
      var p = 0;
      for (var k = 0; k < c; k++) {
        var x = 0;
        shift = 1;
        do {
          v = b[at++];
          x += (v & 0x7f) * shift;
          shift *= 128;
        } while (v & 0x80);
        p += x;
        pos[k] = p;
      }
      this.n = c;
      this.doc = j + 1;
      this.at = at;
    };

    // openPhrase is phrase for a phrase whose last word is being typed
    // (p.open): the phrase with, in its last place, its stem or one of the
    // terms the word begins (as alternatives finds them for a word typed,
    // no correction), each weighted as alternatives weighs it. A document
    // has the best of them.
    Engine.prototype.openPhrase = function (p) {
      var self = this;
      var head = p.slice(0, p.length - 1);
      return this.alternatives({ w: p.open, stem: p[p.length - 1], exact: true, open: true }).then(function (alts) {
        return Promise.all(alts.slice(0, OPEN_PHRASE).map(function (a) {
          return self.phrase(head.concat([a.key]));
        })).then(function (found) {
          var best = new Map();
          found.forEach(function (f, i) {
            for (var j = 0; j < f.docs.length; j++) {
              var v = alts[i].weight * f.scores[j];
              if (!(best.get(f.docs[j]) >= v)) {
                best.set(f.docs[j], v);
              }
            }
          });
          var docs = Array.from(best.keys()).sort(function (a, b) {
            return a - b;
          });
          return {
            docs: docs,
            scores: docs.map(function (d) {
              return best.get(d);
            }),
            keys: alts.slice(0, OPEN_PHRASE).map(function (a) {
              return a.key;
            }),
          };
        });
      });
    };

    // search runs a query. It resolves to {query, total, hits: [{doc,
    // score}], match} where hits are every matching document, best first,
    // and match(word) tells whether a folded word of a passage matches.
    // A hyphenated word that no document holds as such ("give-and-tkae")
    // is searched for as its words, as if typed with spaces.
    Engine.prototype.search = function (q) {
      var self = this;
      return this.ready().then(function (m) {
        var query = parseQuery(q, m.stemmer, !!m.elide);
        if (!m.terms.length) {
          // An index of no documents (a language without pages of its
          // own): nothing to load, nothing found.
          return self.rank(m, query, query.words.map(function () {
            return [];
          }), query.phrases.map(function () {
            return { docs: [], scores: [] };
          }));
        }
        var clauses = query.words.map(function (w) {
          return self.alternatives(w);
        });
        var phrases = query.phrases.map(function (p) {
          return p.open ? self.openPhrase(p) : self.phrase(p);
        });
        return Promise.all(phrases).then(function (found) {
          var kept = [];
          var keptFound = [];
          query.phrases.forEach(function (p, i) {
            if (!p.hyphen || found[i].docs.length > 0) {
              kept.push(p);
              keptFound.push(found[i]);
              return;
            }
            p.words.forEach(function (w, k) {
              w.open = k === p.words.length - 1 && p.open !== null;
              var same = query.words.filter(function (x) {
                return x.stem === w.stem && !x.open === !w.open;
              })[0];
              if (same) {
                same.at = same.at.concat(w.at);
              } else {
                query.words.push(w);
                clauses.push(self.alternatives(w));
              }
            });
          });
          query.phrases = kept;
          return Promise.all(clauses).then(function (r) {
            return self.rank(m, query, r, keptFound);
          });
        });
      });
    };

    // ---------- the order of the hits ----------

    // Ranking holds the hits of a query and puts them in the order of the
    // results only as far as results ask: more matched words first, then
    // the higher sum of impacts, then the earlier document. That is a
    // total order, and the hits come out as a sort of them all would give
    // them, whatever was asked before.
    //
    // A query's words are often in most of the pages (9,967 hits of
    // 10,021 pages for "partner listens" in make bench's corpus) and
    // results show a few. On a page just loaded, the engine's code runs
    // in the JavaScript engine's interpreter, where each step of a loop
    // over the hits costs: so the hits are numbers, not objects, and the
    // browser's own sort (of numbers, with no function to call) does the
    // work of finding the best. Each hit has a key, a number no greater
    // than the key of any hit that comes after it; a threshold t among
    // the sorted keys then picks the first hits in one pass (those of
    // keys <= t), and only those are sorted by the order itself.
    //
    // The key of a hit that matches `matched` words (and phrases) with a
    // sum of impacts score, where every sum is smaller than big, a power
    // of two, is -(matched*big + score): the smaller the better. The
    // exact number orders hits as the results do but for the document;
    // as a float it is rounded, which never swaps two hits (rounding
    // keeps x <= y) but may give them one key, and a threshold takes or
    // leaves them together. A NaN score (an index out of shape) has the
    // key 0, the last.
    //
    // Measured with make bench's queries on its 10,000-page corpus, each
    // in a fresh Node process (internal/search/testdata/run.js), the
    // engine before and after in turn, medians of 10 (2026-11-30, the
    // nested-VM machine): "partner listens" 76.7 -> 42.5 ms, "gratitude
    // apology" 28.1 -> 13.0, "repairs trust" 30.7 -> 12.5, "the weekly
    // rhythm" 65.8 -> 32.2, with this order of the hits, rank's sums (see
    // rank), phrase's positions, tokens' runs and which together. Sorting
    // every hit as an object was the largest part.
    //
    // order holds the hits' documents; keys their keys (keys[i] is the
    // key of order[i] as given); key their keys by document.
    function Ranking(order, keys, key, matched, score) {
      this.order = order;
      this.sortedKeys = keys.sort(); // ascending (no NaN among them)
      this.key = key;
      this.matched = matched;
      this.score = score;
      this.sorted = 0; // order[0:sorted] is in the results' order
      this.hits = [];
    }

    // upTo puts the first k hits (or all) in order.
    Ranking.prototype.upTo = function (k) {
      var order = this.order;
      var total = order.length;
      if (k > total) {
        k = total;
      }
      if (k <= this.sorted) {
        return;
      }
      // At least twice what is in order already, so that paging through
      // every result costs one sort, not one pass per page.
      var to = Math.min(total, Math.max(k, 2 * this.sorted));
      var t = this.sortedKeys[to - 1];
      var key = this.key;
      var matched = this.matched;
      var score = this.score;
      // The hits of keys below t, then those of key t, then the others,
      // each in the order they were in (that of the documents, at first).
      if (!this.tie) {
        this.tie = new Int32Array(total);
        this.rest = new Int32Array(total);
      }
      var tie = this.tie;
      var rest = this.rest;
      var from = this.sorted;
      var below = from;
      var ties = 0;
      var others = 0;
      for (var i = from; i < total; i++) {
        var d = order[i];
        var kd = key[d];
        if (kd < t) {
          order[below++] = d;
        } else if (kd === t) {
          tie[ties++] = d;
        } else {
          rest[others++] = d;
        }
      }
      order.set(tie.subarray(0, ties), below);
      order.set(rest.subarray(0, others), below + ties);
      function before(a, b) {
        return matched[b] - matched[a] || (score[a] > score[b] ? -1 : score[a] < score[b] ? 1 : a - b);
      }
      order.subarray(from, below).sort(before);
      // Hits of one key most often have the same words and sum (in make
      // bench's corpus, 1,454 of the 9,967 hits of "partner listens"
      // share the best key): in the order of the documents, they are in
      // order already.
      var alike = true;
      var first = tie[0];
      for (i = 1; i < ties && alike; i++) {
        alike = matched[tie[i]] === matched[first] && score[tie[i]] === score[first];
      }
      if (!alike) {
        order.subarray(below, below + ties).sort(before);
      }
      this.sorted = below + ties;
    };

    // hit returns the hit at place i: {doc, score, matched}, the same
    // object each time (settle writes on it).
    Ranking.prototype.hit = function (i) {
      var h = this.hits[i];
      if (!h) {
        this.upTo(i + 1);
        var d = this.order[i];
        h = this.hits[i] = { doc: d, score: this.score[d], matched: this.matched[d] };
      }
      return h;
    };

    // rank orders the documents that match: those that match more of the
    // query's words (and its phrases, which are required) first, then by
    // the sum of their impacts. The order is settled further, as results
    // are shown, by where the words are (settle).
    Engine.prototype.rank = function (m, query, clauses, phrases) {
      var levels = m.levels;
      var n = m.docs;
      var matched = new Uint16Array(n);
      var required = 0;
      var must = new Uint16Array(n);
      // What each of the query's words, then each phrase, adds to a
      // document's sum of impacts, in that order: {code, table} (table[code[d]])
      // or {value} (value[d]). A word that is one term keeps its level in
      // each document as a small integer, its weighted level in a table of
      // a few numbers; the sums are made once, for the hits. Adding
      // fractions here for each posting (two words in 9,300 pages each)
      // took 12 to 14 of the 40 ms of a page's first query, "partner
      // listens", 2 to 3 since: until the JavaScript engine optimizes
      // this code, each arithmetic on a fraction allocates a number.
      var parts = [];
      var best = null;
      var touched = [];
      function clause(alts) {
        var i;
        var d;
        var v;
        if (alts.length === 1) {
          var p1 = alts[0].frag.postings(alts[0].key);
          if (p1) {
            var ids1 = p1[0];
            var lv1 = p1[1];
            var code = new Uint8Array(n);
            var table = new Float64Array(256);
            for (i = 1; i <= levels.length; i++) {
              v = alts[0].weight * levels[i - 1];
              table[i] = v > 0 ? v : 0;
            }
            for (i = 0; i < ids1.length; i++) {
              d = ids1[i];
              code[d] = lv1[i];
              matched[d]++;
            }
            parts.push({ code: code, table: table, value: null });
          }
          return;
        }
        if (!best) {
          best = new Float64Array(n);
        }
        var value = new Float64Array(n);
        touched.length = 0;
        for (var a = 0; a < alts.length; a++) {
          var p = alts[a].frag.postings(alts[a].key);
          if (!p) {
            continue;
          }
          var ids = p[0];
          var lv = p[1];
          var weight = alts[a].weight;
          for (i = 0; i < ids.length; i++) {
            v = weight * levels[lv[i] - 1];
            d = ids[i];
            if (best[d] === 0) {
              touched.push(d);
            }
            if (v > best[d]) {
              best[d] = v;
            }
          }
        }
        for (i = 0; i < touched.length; i++) {
          d = touched[i];
          value[d] += best[d];
          matched[d]++;
          best[d] = 0;
        }
        parts.push({ code: null, table: null, value: value });
      }
      var stemmer = m.stemmer;
      // The stems of the words of the texts results look at, once each.
      var stems = new Map();
      function stemOf(w) {
        var st = stems.get(w);
        if (st === undefined) {
          st = stem(stemmer, w);
          stems.set(w, st);
        }
        return st;
      }
      // matchers[i](w) tells whether a folded word of a text matches the
      // query's word i: one of its terms (its stem, the terms it begins
      // while typed, its correction), or, while typed, a word it begins.
      var matchers = [];
      var corrections = [];
      clauses.forEach(function (alts, i) {
        clause(alts);
        var keys = {};
        alts.forEach(function (a) {
          keys[a.key] = true;
          if (a.kind === "typo") {
            corrections.push({ word: query.words[i], term: a.key, frag: a.frag });
          }
        });
        var prefix = alts.prefix ? query.words[i].w : null;
        matchers.push(function (w) {
          return keys[w] === true || keys[stemOf(w)] === true || (prefix !== null && startsWith(w, prefix));
        });
      });
      // lastOf[j](w) tells whether w may end phrase j where its last word
      // is being typed: a term or a word it begins.
      var lastOf = [];
      phrases.forEach(function (ph, i) {
        var open = query.phrases[i].open || null;
        var ends = {};
        (ph.keys || []).forEach(function (s) {
          ends[s] = true;
        });
        lastOf.push(function (w) {
          return open !== null && (ends[w] === true || ends[stemOf(w)] === true || startsWith(w, open));
        });
      });
      phrases.forEach(function (ph, i) {
        required++;
        var value = new Float64Array(n);
        for (var j = 0; j < ph.docs.length; j++) {
          var d = ph.docs[j];
          must[d]++;
          matched[d]++;
          value[d] += ph.scores[j];
        }
        parts.push({ code: null, table: null, value: value });
        var keys = {};
        query.phrases[i].forEach(function (s) {
          keys[s] = true;
        });
        var last = lastOf[i];
        matchers.push(function (w) {
          return keys[w] === true || keys[stemOf(w)] === true || last(w);
        });
      });
      // Every sum of impacts is below big, with room to spare for
      // rounding: a word weighs at most the highest level, a phrase that
      // times its words.
      var most = query.words.length;
      query.phrases.forEach(function (p) {
        most += p.length;
      });
      most *= Math.max.apply(null, levels);
      var big = 1;
      while (big <= 2 * most) {
        big *= 2;
      }
      var order = new Int32Array(n);
      var sortKeys = new Float64Array(n);
      var key = new Float64Array(n);
      var score = new Float64Array(n);
      var total = 0;
      var d;
      var k;
      var sum;
      if (parts.length > 0 && parts.length <= 2 && levels.length < 32 && parts.every(function (pt) {
        return pt.code !== null;
      })) {
        // One or two words of one term each, as most queries are: a hit's
        // sum depends only on its two levels (pair, below 1024), its key
        // on those and its count of words, and both are worked out once
        // for each pair (sums, keys; known says which), not for each hit.
        var code1 = parts[0].code;
        var table1 = parts[0].table;
        var code2 = parts.length > 1 ? parts[1].code : null;
        var table2 = parts.length > 1 ? parts[1].table : null;
        var sums = new Float64Array(1024);
        var keys = new Float64Array(3 * 1024);
        var known = new Uint8Array(3 * 1024);
        for (d = 0; d < n; d++) {
          var mc = matched[d];
          if (mc > 0 && must[d] === required) {
            var pair = code2 !== null ? code1[d] * 32 + code2[d] : code1[d] * 32;
            var at = mc * 1024 + pair;
            if (mc > 2 || known[at] === 0) {
              sum = 0;
              sum += table1[pair >> 5];
              if (code2 !== null) {
                sum += table2[pair & 31];
              }
              k = -(mc * big + sum);
              k = k <= 0 ? k : 0;
              if (mc <= 2) {
                sums[pair] = sum;
                keys[at] = k;
                known[at] = 1;
              }
              score[d] = sum;
            } else {
              score[d] = sums[pair];
              k = keys[at];
            }
            key[d] = k;
            order[total] = d;
            sortKeys[total++] = k;
          }
        }
      } else {
        for (d = 0; d < n; d++) {
          if (matched[d] > 0 && must[d] === required) {
            sum = 0;
            for (k = 0; k < parts.length; k++) {
              var pt = parts[k];
              sum += pt.code !== null ? pt.table[pt.code[d]] : pt.value[d];
            }
            score[d] = sum;
            // The hit's key (see Ranking), written out: a function called
            // for each hit costs more than what it computes.
            k = -(matched[d] * big + sum);
            order[total] = d;
            sortKeys[total++] = key[d] = k <= 0 ? k : 0;
          }
        }
      }
      var ranked = new Ranking(order.subarray(0, total), sortKeys.subarray(0, total), key, matched, score);
      // The hits whose place settle decides: the best ones, as far as
      // CHECK_BUNDLES bundles hold them (a pure function of the hits, so
      // that the order never depends on what happens to be loaded).
      var size = m.bundles ? m.bundles.size : 1;
      ranked.upTo(CHECK_BUNDLES * size + 1);
      var bundles = {};
      var nb = 0;
      var checked = 0;
      for (; checked < total; checked++) {
        var bn = Math.floor(ranked.order[checked] / size);
        if (!bundles[bn]) {
          if (nb === CHECK_BUNDLES) {
            break;
          }
          bundles[bn] = true;
          nb++;
        }
      }
      var words = query.words.length;
      // which returns the indexes of the matchers that a folded word
      // matches (the same empty list for none), each word's once: the
      // titles, headings and openings that results look at say the same
      // words many times.
      var memo = new Map();
      var NONE = [];
      function which(w) {
        var r = memo.get(w);
        if (r === undefined) {
          r = NONE;
          for (var i = 0; i < matchers.length; i++) {
            if (matchers[i](w)) {
              if (r === NONE) {
                r = [];
              }
              r.push(i);
            }
          }
          memo.set(w, r);
        }
        return r;
      }
      return {
        query: query,
        total: total,
        // hit returns the hit i places from the best, i < total: {doc,
        // score, matched}, the same object each time.
        hit: function (i) {
          return ranked.hit(i);
        },
        checked: checked,
        corrections: corrections,
        // where counts the query's words and phrases that a document's
        // entry holds in its title or a heading (a phrase whole there:
        // "give-and-take" counts in a title "Give and take").
        where: function (e, elide) {
          var found = [];
          var c = 0;
          var all = words + query.phrases.length;
          for (var k = -1; k < e.p.length && c < all; k++) {
            var text = k < 0 ? e.t : e.p[k][1];
            if (!text) {
              continue;
            }
            var toks = tokens(text, elide);
            for (var t = 0; t < toks.length; t++) {
              var ix = which(toks[t].w);
              for (var j = 0; j < ix.length; j++) {
                var i = ix[j];
                if (i < words && !found[i]) {
                  found[i] = true;
                  c++;
                }
              }
              if (all > words && ix.length > 0) {
                phraseIn(toks, t, found);
              }
            }
            c = 0;
            for (i = 0; i < all; i++) {
              if (found[i]) {
                c++;
              }
            }
          }
          return c;
        },
        // matchers: one per word, then one per phrase; which(w), the
        // indexes of those that match w.
        matchers: matchers,
        which: which,
        match: function (w) {
          return which(w).length > 0;
        },
        // isWord tells whether a folded word matches one of the query's
        // words (not its phrases).
        isWord: function (w) {
          var ix = which(w);
          return ix.length > 0 && ix[0] < words;
        },
        // phraseAt returns how many of toks, from i on, are one of the
        // query's phrases (the longest), or 0; with found, it also sets
        // found[words + k] for each phrase k that starts there.
        phraseAt: phraseIn,
        final: [],
        next: 0,
      };

      // phraseIn is res.phraseAt.
      function phraseIn(toks, i, found) {
        var most = 0;
        query.phrases.forEach(function (p, j) {
          if (i + p.length > toks.length || (p.length <= most && !found)) {
            return;
          }
          for (var k = 0; k < p.length; k++) {
            var w = toks[i + k].w;
            if (w !== p[k] && stemOf(w) !== p[k] && !(k === p.length - 1 && lastOf[j](w))) {
              return;
            }
          }
          if (found) {
            found[words + j] = true;
          }
          most = Math.max(most, p.length);
        });
        return most;
      }
    };

    // settle resolves once res.final, the hits in the order results show
    // them, holds the first `to` hits (or all). Among the hits that match
    // as many of the query's words, those whose title or headings hold
    // more of the words come first, then the higher sum of impacts: for
    // the first res.checked hits. The impacts alone cannot say where a
    // word is (a short page that mentions it once can score as high as a
    // long one with it in its title), the entries in the bundles can. The
    // hits past res.checked keep the impacts' order. Bundles load only as
    // far as the results shown need: a hit with all its words in its
    // title or headings takes its place as soon as it is seen.
    //
    // Calls on one result run one after the other (res.settling): the page
    // asks for its results and for the corrected query at once, and two
    // walks over the same group would both put its hits in res.final.
    Engine.prototype.settle = function (res, to) {
      var self = this;
      var run = (res.settling || Promise.resolve()).then(function () {
        return self.settleNow(res, to);
      });
      res.settling = run.catch(function () {});
      return run;
    };

    Engine.prototype.settleNow = function (res, to) {
      var self = this;
      var final = res.final;
      var elide = !!this.manifest.elide;
      to = Math.min(to, res.total);
      if (final.length >= to) {
        return Promise.resolve();
      }
      if (res.next >= res.checked) {
        while (final.length < to) {
          final.push(res.hit(res.next++));
        }
        return Promise.resolve();
      }
      // The group of hits with as many words as the hit at res.next, within
      // the checked ones: res.group = {end, scan, rest}.
      var g = res.group;
      if (!g) {
        var end = res.next;
        var most = res.hit(res.next).matched;
        while (end < res.checked && res.hit(end).matched === most) {
          end++;
        }
        g = res.group = { end: end, scan: res.next, rest: [], most: most };
      }
      var batch = [];
      for (var i = g.scan; i < Math.min(g.end, g.scan + Math.max(to - final.length, 1)); i++) {
        batch.push(res.hit(i));
      }
      return Promise.all(batch.map(function (h) {
        return self.doc(h.doc);
      })).then(function (entries) {
        batch.forEach(function (h, i) {
          h.where = res.where(entries[i], elide);
          if (h.where >= g.most) {
            final.push(h);
          } else {
            g.rest.push(h);
          }
        });
        g.scan += batch.length;
        if (g.scan >= g.end) {
          g.rest.sort(function (a, b) {
            return b.where - a.where || b.score - a.score || a.doc - b.doc;
          });
          g.rest.forEach(function (h) {
            final.push(h);
          });
          res.next = g.end;
          res.group = null;
        }
        return self.settleNow(res, to);
      });
    };

    // doc returns a promise of document d's entry ({u, t, s, d, p}: URL,
    // title, section, description, parts as [anchor, heading, text]).
    Engine.prototype.doc = function (d) {
      var b = this.manifest.bundles;
      var n = Math.floor(d / b.size);
      var file = "d/" + b.hashes[Math.floor(n / b.group)] + "-" + n + ".json";
      return this.json(file).then(function (bundle) {
        var e = bundle[d % b.size];
        var parts = [];
        for (var i = 0; i + 2 < e[4].length; i += 3) {
          parts.push([e[4][i], e[4][i + 1], e[4][i + 2]]);
        }
        return { u: e[0], t: e[1], s: e[2], d: e[3], p: parts };
      });
    };

    // results resolves to the displayable results from..to of a search
    // result: {url, title, section, heading, passage} where title, heading
    // (of the passage's part; absent before the first heading) and passage
    // are lists of [text, marked] pieces.
    Engine.prototype.results = function (res, from, to) {
      var self = this;
      var elide = !!this.manifest.elide;
      return this.settle(res, to).then(function () {
        return Promise.all(res.final.slice(from, to).map(function (h) {
          return self.doc(h.doc).then(function (doc) {
            var r = present(doc, res, elide);
            r.marked = hasMark(r.passage);
            r.doc = doc;
            return r;
          });
        }));
      });
    };

    // refine makes result r (one of results', whose passage marks no
    // word: the index holds only each part's opening) again from its
    // page's whole text, parts as partsOf reads them, the way present
    // does; it returns null when that passage marks no word either.
    Engine.prototype.refine = function (res, r, parts) {
      var doc = r.doc;
      if (!doc || !parts || !parts.length) {
        return null;
      }
      var out = present({ u: doc.u, t: doc.t, s: doc.s, d: doc.d, p: parts }, res, !!this.manifest.elide);
      if (!hasMark(out.passage)) {
        return null;
      }
      out.marked = true;
      out.doc = doc;
      return out;
    };

    // corrected resolves to the query as the results answer it when a word
    // of it was corrected (a misspelling that matched no term of its own),
    // or to null: {text, words} where text is q with each corrected word
    // replaced by a form of its correction, and words those forms. The
    // index holds stems ("receiv"); the form is a word of the first
    // results' titles, headings and passages whose stem is the correction,
    // the one closest to what was typed (then the most frequent), so that
    // the line reads "receive"; without one, the stem.
    Engine.prototype.corrected = function (res, q) {
      var self = this;
      if (!res.corrections.length) {
        return Promise.resolve(null);
      }
      var elide = !!this.manifest.elide;
      var stemmer = this.manifest.stemmer;
      var forms = res.corrections.map(function () {
        return {};
      });
      var order = 0;
      function read(entries) {
        entries.forEach(function (e) {
          var texts = [e.t, e.d];
          e.p.forEach(function (part) {
            texts.push(part[1], part[2]);
          });
          texts.forEach(function (t) {
            (t ? tokens(t, elide) : []).forEach(function (tok) {
              var st = stem(stemmer, tok.w);
              res.corrections.forEach(function (c, i) {
                if (st === c.term || tok.w === c.term) {
                  var f = t.slice(tok.s, tok.e);
                  var seen = forms[i][f] || (forms[i][f] = { n: 0, first: order++, d: distance(c.word.w, tok.w, 8) });
                  seen.n++;
                }
              });
            });
          });
        });
      }
      return this.settle(res, NAME_FROM).then(function () {
        return Promise.all(res.final.slice(0, NAME_FROM).map(function (h) {
          return self.doc(h.doc);
        }));
      }).then(function (entries) {
        read(entries);
        // A correction none of those results shows (the query's other
        // words chose them): the two documents where its impact is
        // highest.
        return Promise.all(res.corrections.map(function (c, i) {
          if (Object.keys(forms[i]).length) {
            return [];
          }
          var p = c.frag.postings(c.term);
          var ds = Array.prototype.map.call(p[0], function (d, j) {
            return [p[1][j], -d];
          }).sort(function (a, b) {
            return b[0] - a[0] || b[1] - a[1];
          }).slice(0, 2);
          return Promise.all(ds.map(function (x) {
            return self.doc(-x[1]);
          }));
        }));
      }).then(function (more) {
        more.forEach(read);
        var edits = [];
        var words = res.corrections.map(function (c, i) {
          var names = Object.keys(forms[i]);
          names.sort(function (a, b) {
            var x = forms[i][a];
            var y = forms[i][b];
            return x.d - y.d || y.n - x.n || x.first - y.first;
          });
          var w = names.length ? names[0] : c.term;
          // A word the site capitalizes only as the start of a title or a
          // sentence ("Reciprocity at work"), typed in lower case, is
          // named in lower case: "Showing results for reciprocity".
          var typed = q.slice(c.word.at[0][0], c.word.at[0][1]);
          if (typed === typed.toLowerCase() && w.slice(1) === w.slice(1).toLowerCase()) {
            w = w.toLowerCase();
          }
          c.word.at.forEach(function (at) {
            edits.push([at[0], at[1], w]);
          });
          return w;
        });
        edits.sort(function (a, b) {
          return b[0] - a[0];
        });
        var text = q;
        edits.forEach(function (e) {
          text = text.slice(0, e[0]) + e[2] + text.slice(e[1]);
        });
        return { text: text.trim(), words: words };
      });
    };

    var WINDOW = 28; // words in a passage
    var NAME_FROM = 8; // results whose words name a correction

    // marks splits text into [text, marked] pieces, marking the query's
    // phrases where text holds them (one piece from the phrase's first
    // word to its last) and the query's words (each a piece). A word of a
    // phrase elsewhere is not marked: the phrase's "the" is not the
    // query's everywhere.
    function marks(text, res, elide) {
      var toks = tokens(text, elide);
      var out = [];
      var at = 0;
      function mark(s, e) {
        if (s > at) {
          out.push([text.slice(at, s), false]);
        }
        out.push([text.slice(s, e), true]);
        at = e;
      }
      for (var i = 0; i < toks.length; i++) {
        var n = res.phraseAt(toks, i);
        if (n > 0) {
          mark(toks[i].s, toks[i + n - 1].e);
          i += n - 1;
        } else if (res.isWord(toks[i].w)) {
          mark(toks[i].s, toks[i].e);
        }
      }
      if (at < text.length) {
        out.push([text.slice(at), false]);
      }
      return out;
    }

    // present makes a document's result. Its passage is taken from what
    // the index holds of the page: its description and, for each part
    // (the text before the first heading, then each heading's), the
    // heading and the opening of its text. The candidate that holds the
    // most of the query's words (counting a word once however often it
    // comes, its other forms, the words it begins while typed and its
    // correction included) wins, a part's heading counting with its
    // opening, and a part before the description (it links to its
    // heading); then the one where they come most often, a word in a
    // heading counting three times (as the index weighs headings), an
    // earlier part before a later one. The passage is
    // the window of WINDOW words of the winner that holds most of them,
    // linked to its heading. With none, the description (or the first
    // part's opening) shows unmarked.
    function present(doc, res, elide) {
      var which = res.which;
      var words = res.query.words.length;
      var best = null;
      function consider(part, isDesc) {
        var toks = tokens(part[2], elide);
        var hits = [];
        var found = {};
        // see counts, in toks, the query's words and its phrases where
        // the text holds them whole: a phrase's words elsewhere count
        // for nothing, as marks marks nothing there ("thank you" is not
        // found in a part that says only "you").
        function see(toks, at) {
          var seen = 0;
          for (var i = 0; i < toks.length; i++) {
            var ix = which(toks[i].w);
            var hit = res.phraseAt(toks, i, found) > 0;
            for (var j = 0; j < ix.length; j++) {
              if (ix[j] < words) {
                found[ix[j]] = true;
                hit = true;
              }
            }
            if (hit) {
              seen++;
              if (at) {
                at.push(i);
              }
            }
          }
          return seen;
        }
        see(toks, hits);
        var head = part[1] ? see(tokens(part[1], elide), null) : 0;
        var distinct = Object.keys(found).length;
        if (distinct === 0) {
          return;
        }
        var value = distinct * 100 + (isDesc ? 0 : 50) + Math.min(hits.length + 3 * head, 30);
        if (!best || value > best.value) {
          best = { value: value, part: part, toks: toks, hits: hits, desc: isDesc };
        }
      }
      (doc.p || []).forEach(function (part) {
        consider(part, false);
      });
      if (doc.d) {
        consider(["", "", doc.d], true);
      }
      var r = {
        url: doc.u,
        title: marks(doc.t, res, elide),
        section: doc.s || "",
        passage: [],
      };
      if (!best) {
        var text = doc.d || (doc.p && doc.p.length ? doc.p[0][2] : "");
        r.passage = marks(clip(text, tokens(text, elide), 0), res, elide);
        return r;
      }
      if (best.part[0]) {
        r.url = doc.u + "#" + best.part[0];
        r.heading = marks(best.part[1], res, elide);
      }
      // The window with the most hits, starting a few words before them.
      var start = 0;
      var most = -1;
      best.hits.forEach(function (h) {
        var c = 0;
        for (var i = 0; i < best.hits.length; i++) {
          if (best.hits[i] >= h && best.hits[i] < h + WINDOW - 4) {
            c++;
          }
        }
        if (c > most) {
          most = c;
          start = Math.max(0, h - 4);
        }
      });
      r.passage = marks(clip(best.part[2], best.toks, start), res, elide);
      return r;
    }

    function hasMark(pieces) {
      return pieces.some(function (p) {
        return p[1];
      });
    }

    // partsOf reads the elements of a page marked data-search-body (one
    // element, or a list of them read in order as one text) into parts as
    // internal/search/html.go reads the rendered body: every h1-h6 with
    // an id starts a part [anchor, heading, text]; the text before the
    // first such heading is a part without one (left out when empty). Text
    // is collapsed; block elements and <br> separate words; comments,
    // pre, script, style, template and elements with aria-hidden="true"
    // are left out. Two attributes serve a layout whose text the index
    // takes from elsewhere (a worksheet's, from its file): an element with
    // data-search-skip is left out (answer options, labels the index does
    // not hold), and one with data-search-part and an id starts a part
    // the way a heading does, anchored at its id, whose heading is its
    // first legend child's text and whose text is the rest of it
    // (headings within it start no part). It uses only what a DOM node
    // has (nodeType, nodeName, firstChild, nextSibling, getAttribute,
    // nodeValue).
    function partsOf(roots) {
      var parts = [];
      var anchor = "";
      var heading = "";
      var reading = false; // the heading's text
      var text = [];
      var started = false;
      function finish() {
        var t = collapseText(text.join(""));
        if (started || t) {
          parts.push([anchor, collapseText(heading), t]);
        }
        text = [];
      }
      function out(s) {
        if (reading) {
          heading += s;
        } else {
          text.push(s);
        }
      }
      function start(c) {
        finish();
        started = true;
        anchor = c.getAttribute("id");
        heading = "";
      }
      function walk(n, inHead) {
        for (var c = n.firstChild; c; c = c.nextSibling) {
          visit(c, inHead);
        }
      }
      function visit(c, inHead) {
        if (c.nodeType === 3) {
          out(c.nodeValue);
          return;
        }
        if (c.nodeType !== 1) {
          return;
        }
        var name = c.nodeName.toLowerCase();
        if (name === "script" || name === "style" || name === "template" || c.getAttribute("aria-hidden") === "true" ||
          c.getAttribute("data-search-skip") !== null) {
          return;
        }
        if (name === "pre") {
          text.push(" ");
          return;
        }
        if (/^h[1-6]$/.test(name) && !inHead && c.getAttribute("id")) {
          start(c);
          reading = true;
          walk(c, true);
          reading = false;
          return;
        }
        if (c.getAttribute("data-search-part") !== null && !inHead && c.getAttribute("id")) {
          start(c);
          var legend = true;
          for (var k = c.firstChild; k; k = k.nextSibling) {
            if (legend && k.nodeType === 1 && k.nodeName.toLowerCase() === "legend") {
              legend = false;
              reading = true;
              walk(k, true);
              reading = false;
            } else {
              visit(k, true);
            }
          }
          text.push(" ");
          return;
        }
        var block = BLOCKS.test(name);
        if (block) {
          out(" ");
        }
        walk(c, inHead);
        if (block) {
          out(" ");
        }
      }
      if (roots.nodeType) {
        roots = [roots];
      }
      for (var i = 0; i < roots.length; i++) {
        visit(roots[i], false);
      }
      finish();
      return parts;
    }

    var BLOCKS = /^(p|div|br|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|blockquote|section|article|aside|header|footer|nav|figure|figcaption|h[1-6]|hr|details|summary|fieldset|legend|caption)$/;

    function collapseText(s) {
      return s.replace(/[ \n\t\r\f]+/g, " ").replace(/^ | $/g, "");
    }

    // clip returns WINDOW words of text from word start on, with an
    // ellipsis where it cuts.
    function clip(text, toks, start) {
      if (toks.length === 0) {
        return text.slice(0, 200);
      }
      var end = Math.min(toks.length, start + WINDOW);
      if (end - start < WINDOW) {
        start = Math.max(0, end - WINDOW);
      }
      var s = start === 0 ? 0 : toks[start].s;
      var e = end === toks.length ? text.length : toks[end - 1].e;
      return (start > 0 ? "\u2026 " : "") + text.slice(s, e).trim() + (end < toks.length ? " \u2026" : "");
    }

    return {
      fold: fold,
      tokens: tokens,
      stem: stem,
      parseQuery: parseQuery,
      distance: distance,
      cmp: cmp,
      inflate: inflate,
      Engine: Engine,
      partsOf: partsOf,
    };
  })();

  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }
  if (typeof document === "undefined") {
    return;
  }
  // Once a page: the search page loads this file itself, and search.js
  // may too.
  if (window.mutualSearchEngine) {
    return;
  }
  window.mutualSearchEngine = true;

  // ---------- the page ----------

  var DROPDOWN = 8; // results in the header
  var PAGE = 10; // results per "more" on the search page
  var DELAY = 90; // ms of quiet typing before a query runs

  var SHOWN = 100; // the most characters of a query a line repeats

  // shorten returns q, or, when it is longer than SHOWN characters (a
  // paste of a whole paragraph), its first SHOWN characters and an
  // ellipsis: lines that repeat what was searched for do not fill the
  // page with it (the field and the address keep it whole). A character
  // is what a reader sees as one (a grapheme: an emoji with its modifiers,
  // a letter with its accents), never half a surrogate pair.
  function shorten(q) {
    if (q.length <= SHOWN) {
      return q;
    }
    var cut = 0;
    var n = 0;
    if (typeof Intl === "object" && typeof Intl.Segmenter === "function") {
      var it = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(q)[Symbol.iterator]();
      for (var g = it.next(); !g.done && n < SHOWN; g = it.next(), n++) {
        cut = g.value.index + g.value.segment.length;
      }
    } else {
      for (; cut < q.length && n < SHOWN; n++) {
        cut += q.codePointAt(cut) > 0xffff ? 2 : 1;
      }
    }
    return cut >= q.length ? q : q.slice(0, cut).replace(/\s+$/, "") + "\u2026";
  }

  function text(form, name, vars) {
    var s = form.getAttribute("data-search-" + name) || "";
    return s.replace(/\{(n|q)\}/g, function (_, k) {
      return vars && vars[k] !== undefined ? String(vars[k]) : "";
    });
  }

  // put makes the text of data-search-<name> node's content, with the
  // language (and direction) the form gives it when it is not the page's
  // (data-search-<name>-lang and -dir: a text the site's language lacks
  // comes in the default language's words, to be read in its voice), or
  // none for a text in the page's language. Without a name, node is
  // emptied.
  function put(form, node, name, vars) {
    node.textContent = name ? text(form, name, vars) : "";
    ["lang", "dir"].forEach(function (a) {
      var v = name && form.getAttribute("data-search-" + name + "-" + a);
      if (v) {
        node.setAttribute(a, v);
      } else {
        node.removeAttribute(a);
      }
    });
  }

  // line makes a tag ("p", "span") of the text data-search-<name> with
  // its {q} in a <strong> holding q (in the page's language, when the
  // text is not).
  function line(tag, form, cls, name, q) {
    var p = el(tag, cls);
    put(form, p, name);
    var s = form.getAttribute("data-search-" + name) || "";
    var i = s.indexOf("{q}");
    if (i >= 0) {
      p.textContent = s.slice(0, i);
      var b = el("strong");
      b.textContent = q;
      if (p.hasAttribute("lang")) {
        b.setAttribute("lang", document.documentElement.lang);
      }
      p.appendChild(b);
      p.appendChild(document.createTextNode(s.slice(i + 3)));
    }
    return p;
  }

  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  function pieces(parent, list) {
    list.forEach(function (p) {
      if (p[1]) {
        var m = el("mark");
        m.textContent = p[0];
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(p[0]));
      }
    });
  }

  var engines = {};

  function engineFor(base) {
    if (!engines[base]) {
      engines[base] = new core.Engine(function (path) {
        var init = path === "manifest.json" ? { cache: "no-cache", credentials: "same-origin" } : { credentials: "same-origin" };
        return fetch(new URL(path, base).href, init).then(function (r) {
          if (!r.ok) {
            throw new Error(r.status + " " + path);
          }
          return r.arrayBuffer();
        }).then(function (b) {
          return new Uint8Array(b);
        });
      });
    }
    return engines[base];
  }

  // pages holds, for each page URL (without its #anchor) a result asked
  // for, the promise of the parts of its data-search-body elements
  // (core.partsOf), or of null when the page is on another origin, cannot
  // be fetched or has no such element: fetched once a page load.
  var pages = new Map();

  function bodyParts(href) {
    var u = new URL(href, document.baseURI);
    u.hash = "";
    if (u.origin !== window.location.origin) {
      return Promise.resolve(null);
    }
    if (!pages.has(u.href)) {
      pages.set(u.href, fetch(u.href, { credentials: "same-origin" }).then(function (r) {
        var type = r.headers.get("Content-Type") || "";
        if (!r.ok || type.indexOf("text/html") !== 0 || new URL(r.url || u.href).origin !== window.location.origin) {
          return null;
        }
        return r.text().then(function (html) {
          // An inert document: its scripts do not run, its images do
          // not load.
          var doc = new DOMParser().parseFromString(html, "text/html");
          var body = doc.querySelectorAll("[data-search-body]");
          return body.length ? core.partsOf(body) : null;
        });
      }).catch(function () {
        return null;
      }));
    }
    return pages.get(u.href);
  }

  // arrived tells whether the search page was just reached by a search
  // (a form sent with Enter, a link with ?q=), not by Back, Forward or a
  // reload (which keep the focus where it was, as a page does), with
  // nothing focused yet, and with a keyboard likely at hand (not a touch
  // screen, where focusing the field would open the on-screen keyboard
  // over the results).
  function arrived() {
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return !!nav && nav.type === "navigate" && (!document.activeElement || document.activeElement === document.body) &&
      !(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
  }

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    var box = form.querySelector("[data-search-results]");
    var status = form.querySelector("[data-search-status]");
    var attr = form.getAttribute("data-search-index");
    if (!input || !box || !attr) {
      return;
    }
    var base = new URL(attr, document.baseURI);
    if (base.origin !== window.location.origin) {
      return;
    }
    var engine = engineFor(base.href);
    var page = form.hasAttribute("data-search-page");
    var seq = 0;
    var timer = 0;
    var shown = 0;
    var current = null;
    var list = null;
    var more = null;

    form.classList.add("search-enhanced");
    if (!box.id) {
      box.id = "search-results-" + Math.random().toString(36).slice(2, 8);
    }
    input.setAttribute("aria-controls", box.id);
    // Off: the browser's list of what was typed before would cover the
    // results. It also keeps the browser from saving the field's words
    // when the page is left, and so from giving them back on Back (a page
    // not kept whole in its back/forward cache): in the header, it is
    // lifted as the page is left, and put back if the page comes back
    // whole.
    input.setAttribute("autocomplete", "off");
    if (!page) {
      window.addEventListener("pagehide", function () {
        input.removeAttribute("autocomplete");
      });
      window.addEventListener("pageshow", function () {
        input.setAttribute("autocomplete", "off");
      });
    }

    function links() {
      return Array.prototype.slice.call(box.querySelectorAll("a.search-result"));
    }

    // announce says name's text in the status element, and then the
    // line that names a corrected query, if any (hidden there: the
    // results show it).
    function announce(name, vars, fixed) {
      if (!status) {
        return;
      }
      put(form, status, name, vars);
      if (fixed) {
        var s = el("span", "visually-hidden");
        s.textContent = " ";
        s.appendChild(line("span", form, "", "corrected", shorten(fixed.text)));
        status.appendChild(s);
      }
    }

    function open(yes) {
      if (page) {
        box.hidden = false;
        return;
      }
      box.hidden = !yes;
      form.classList.toggle("search-open", yes);
    }

    function clear() {
      box.textContent = "";
      list = null;
      more = null;
      shown = 0;
    }

    function render(items) {
      if (!list) {
        list = el("ol", "search-results-list");
        box.appendChild(list);
      }
      items.forEach(function (r) {
        var li = el("li");
        var a = el("a", "search-result");
        fill(a, r);
        r.el = a;
        li.appendChild(a);
        list.appendChild(li);
      });
      shown += items.length;
    }

    // fill makes link a show result r.
    function fill(a, r) {
      a.textContent = "";
      a.href = r.url;
      var t = el("span", "search-result-title");
      pieces(t, r.title);
      a.appendChild(t);
      if (r.section || r.heading) {
        var s = el("span", "search-result-section");
        s.textContent = r.section;
        if (r.heading) {
          if (r.section) {
            s.appendChild(document.createTextNode(" \u203a "));
          }
          pieces(s, r.heading);
        }
        a.appendChild(s);
      }
      if (r.passage.length) {
        var p = el("span", "search-result-passage");
        pieces(p, r.passage);
        a.appendChild(p);
      }
    }

    // refine looks, for each of the results shown whose passage marks no
    // word, in its page's whole text (the index holds only each part's
    // opening) and shows the passage there that does, in place: the
    // link's focus, the list and the count stay as they are.
    function refine(items, res, mine) {
      items.forEach(function (r) {
        if (r.marked || !r.el) {
          return;
        }
        bodyParts(r.url).then(function (parts) {
          if (mine !== seq || !parts || !r.el.isConnected) {
            return;
          }
          var better = engine.refine(res, r, parts);
          if (better) {
            fill(r.el, better);
          }
        });
      });
    }

    function showMore() {
      var mine = seq;
      var res = current;
      engine.results(res, shown, shown + PAGE).then(function (items) {
        if (mine !== seq) {
          return;
        }
        var first = links().length;
        render(items);
        refine(items, res, mine);
        updateMore(res);
        var l = links();
        if (l[first]) {
          l[first].focus();
        }
      });
    }

    function updateMore(res) {
      if (!page) {
        return;
      }
      if (shown < res.total) {
        if (!more) {
          more = el("button", "search-more");
          more.type = "button";
          put(form, more, "more");
          more.addEventListener("click", showMore);
        }
        box.appendChild(more);
      } else if (more) {
        more.remove();
      }
    }

    // fallback shows the link to the default language's search
    // ([data-search-fallback], on a language's search page when the
    // language shows pages it has not translated, which its index leaves
    // out) with the words searched for, or hides it when there are none.
    function fallback(q) {
      var p = form.querySelector("[data-search-fallback]");
      var a = p && p.querySelector("a[href]");
      if (!a) {
        return;
      }
      var url = new URL(a.getAttribute("href"), document.baseURI);
      url.searchParams.set("q", q.trim());
      a.setAttribute("href", url.pathname + url.search);
      p.hidden = !q.trim();
    }

    function run(q) {
      var mine = ++seq;
      if (page) {
        var url = new URL(window.location.href);
        if (q) {
          url.searchParams.set("q", q);
        } else {
          url.searchParams.delete("q");
        }
        window.history.replaceState(null, "", url.href);
        fallback(q);
      }
      if (!q.trim()) {
        clear();
        announce();
        open(false);
        return;
      }
      engine.search(q).then(function (res) {
        if (mine !== seq) {
          return null;
        }
        current = res;
        return Promise.all([engine.results(res, 0, page ? PAGE : DROPDOWN), engine.corrected(res, q)]).then(function (r) {
          if (mine !== seq) {
            return;
          }
          var items = r[0];
          var fixed = r[1];
          clear();
          if (res.total === 0) {
            var none = el("p", "search-none");
            put(form, none, "none", { q: shorten(q.trim()) });
            box.appendChild(none);
          } else {
            if (page && form.hasAttribute("data-search-printed")) {
              // Shown only in print (main.css), where the field and the
              // count are not: what the results are for.
              box.appendChild(line("p", form, "search-printed", "printed", shorten(q.trim())));
            }
            if (fixed) {
              box.appendChild(line("p", form, "search-corrected", "corrected", shorten(fixed.text)));
            }
            render(items);
            updateMore(res);
            refine(items, res, mine);
          }
          announce(res.total === 1 ? "one" : "many", { n: res.total, q: shorten(q.trim()) }, res.total > 0 ? fixed : null);
          box.setAttribute("data-search-for", q);
          open(true);
        });
      }).catch(function () {
        if (mine !== seq) {
          return;
        }
        clear();
        var err = el("p", "search-none");
        put(form, err, "error");
        box.appendChild(err);
        announce("error");
        open(true);
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        run(input.value);
      }, DELAY);
    });

    input.addEventListener("focus", function () {
      if (!page && shown > 0) {
        open(true);
      } else if (!page && input.value.trim() && box.getAttribute("data-search-for") !== input.value) {
        // Words the browser gave back (Back to this page).
        run(input.value);
      }
    });

    form.addEventListener("submit", function (e) {
      if (page) {
        e.preventDefault();
        window.clearTimeout(timer);
        run(input.value);
      }
    });

    form.addEventListener("keydown", function (e) {
      var l = links();
      var i = l.indexOf(document.activeElement);
      if (e.key === "ArrowDown") {
        if (l.length === 0) {
          return;
        }
        e.preventDefault();
        open(true);
        l[Math.min(i + 1, l.length - 1)].focus();
      } else if (e.key === "ArrowUp") {
        if (i < 0) {
          return;
        }
        e.preventDefault();
        if (i === 0) {
          input.focus();
        } else {
          l[i - 1].focus();
        }
      } else if (e.key === "Escape") {
        if (!page && !box.hidden) {
          e.preventDefault();
          // The field first: focusing it opens the results it has (from
          // a result, Escape closed them, and the focus opened them again).
          input.focus();
          open(false);
        } else if (document.activeElement === input && input.value) {
          e.preventDefault();
          input.value = "";
          run("");
        }
      }
    });

    if (!page) {
      form.addEventListener("focusout", function (e) {
        if (!e.relatedTarget || !form.contains(e.relatedTarget)) {
          open(false);
        }
      });
      document.addEventListener("pointerdown", function (e) {
        if (!form.contains(e.target)) {
          open(false);
        }
      });
    }

    if (page) {
      Array.prototype.forEach.call(document.querySelectorAll("[data-search-nojs]"), function (n) {
        n.hidden = true;
      });
      form.hidden = false;
      var q = new URL(window.location.href).searchParams.get("q") || "";
      if (q) {
        input.value = q;
        if (arrived()) {
          // Where the results are, rather than at the top of the page,
          // before the count is written: a screen reader says the
          // field, then the count once, as the status announces it.
          input.focus();
          input.setSelectionRange(q.length, q.length);
        }
        run(q);
      }
    } else if (input.value && document.activeElement === input) {
      // Typed while this file was loading.
      run(input.value);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[role=search][data-search-index]"), enhance);
})();
