// search-engine.js: search that runs on the person's device.
//
// The page has a plain GET form that works without any script:
//
//   <form role="search" action="/search/" data-search-index="/search/en/"
//         data-search-script="/js/search-engine.1a2b3c4d5e.js"
//         data-search-one="1 result" data-search-many="{n} results"
//         data-search-none="No results for “{q}”" data-search-error="..."
//         data-search-more="More results" [data-search-page]>
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
// data-search-for attribute says which query they are for. A text of the
// form that is not in the page's language has data-search-<name>-lang
// (and -dir) beside it, and is written with that lang (and dir). A form with data-search-page is the full
// search page: it reads q from the address, shows its results in place and
// keeps the address in step with the field.
//
// Every string shown comes from the form's data attributes ({n} and {q}
// are replaced); the script holds no text of its own. It fetches only the
// index files under data-search-index, which must be on the page's own
// origin, uses no inline script or style and no eval.
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
      return WORD.test(ch);
    }

    function isIdeo(ch) {
      return ch.codePointAt(0) >= 0x3040 && IDEO.test(ch);
    }

    // tokens splits text into folded words: [{w, s, e}] with each word's
    // start and end offsets in text.
    function tokens(text, elide) {
      var out = [];
      var w = "";
      var start = -1;
      var end = 0;
      function flush() {
        if (w !== "" && utf8Length(w) <= MAXWORD) {
          out.push({ w: w, s: start, e: end });
        }
        w = "";
        start = -1;
      }
      for (var i = 0; i < text.length; ) {
        var c = text.codePointAt(i);
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

    // parseQuery splits a query into words and quoted phrases. The last
    // word is "open" (matched as a prefix) when the query does not end in a
    // space or a quote.
    function parseQuery(q, stemmer, elide) {
      var words = [];
      var phrases = [];
      var parts = q.split('"');
      for (var i = 0; i < parts.length; i++) {
        var toks = tokens(parts[i], elide);
        if (i % 2 === 1) {
          if (toks.length === 1) {
            words.push({ w: toks[0].w, stem: stem(stemmer, toks[0].w), exact: true });
          } else if (toks.length > 1) {
            phrases.push(toks.map(function (t) { return stem(stemmer, t.w); }));
          }
          continue;
        }
        for (var j = 0; j < toks.length; j++) {
          words.push({ w: toks[j].w, stem: stem(stemmer, toks[j].w), exact: false });
        }
      }
      var open = /[\p{L}\p{N}\p{M}]$/u.test(q) && parts.length % 2 === 1;
      if (open && words.length > 0 && !words[words.length - 1].exact) {
        words[words.length - 1].open = true;
      }
      // The same word twice counts once.
      var seen = {};
      words = words.filter(function (w) {
        var k = w.stem + (w.open ? "*" : "");
        if (seen[k]) {
          return false;
        }
        seen[k] = true;
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
                for (var bit = 0; bit < 8; bit++) {
                  if (d[b] & (1 << bit)) {
                    ids[m++] = b * 8 + bit;
                  }
                }
              }
            } else {
              var rr = reader(d);
              var id = 0;
              for (var j = 0; j < h.df; j++) {
                id += rr.uint();
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

    // positionsOf reads, from a positions file, the positions of the term
    // at slot (with df documents): for each of its documents in order, the
    // list of its positions.
    function positionsOf(bytes, slot, df) {
      var r = reader(bytes);
      var n = r.uint();
      var skip = 0;
      var len = 0;
      for (var i = 0; i < n; i++) {
        var l = r.uint();
        if (i < slot) {
          skip += l;
        } else if (i === slot) {
          len = l;
        }
      }
      var d = reader(bytes.subarray(r.pos() + skip, r.pos() + skip + len));
      var out = [];
      for (var j = 0; j < df; j++) {
        var c = d.uint();
        var ps = new Array(c);
        var at = 0;
        for (var k = 0; k < c; k++) {
          at += d.uint();
          ps[k] = at;
        }
        out.push(ps);
      }
      return out;
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

    Engine.prototype.raw = function (path) {
      var self = this;
      if (!this.files.has(path)) {
        this.files.set(path, Promise.resolve(this.get(path)).then(function (b) {
          self.transferred += b.length;
          return inflate(b);
        }));
      }
      return this.files.get(path);
    };

    Engine.prototype.json = function (path) {
      var self = this;
      if (!this.parsed.has(path)) {
        this.parsed.set(path, this.raw(path).then(function (b) {
          return JSON.parse(decoder.decode(b));
        }));
      }
      return this.parsed.get(path).catch(function (e) {
        self.parsed.delete(path);
        self.files.delete(path);
        throw e;
      });
    };

    Engine.prototype.fragment = function (path) {
      var self = this;
      if (!this.parsed.has(path)) {
        this.parsed.set(path, this.raw(path).then(function (b) {
          return parseFragment(b, self.manifest.docs);
        }));
      }
      return this.parsed.get(path);
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
      function add(frag, key, weight) {
        if (frag.has(key) && !(seen[key] >= weight)) {
          seen[key] = weight;
          alts.push({ frag: frag, key: key, weight: weight });
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
            add(frags[i], cands[i], WEIGHT_PREFIX);
            return;
          }
        }
      });
    };

    // typos adds the terms of the word's lexicon (its first character) at
    // the smallest distance: 1 for stems of 4 to 7 characters, 2 from 8;
    // the one in most documents, and up to two more in at least a quarter
    // as many.
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
        best.sort(function (a, b) {
          return b[1] - a[1] || cmp(a[0], b[0]);
        });
        // Rarer terms would outrank the likeliest one by their weight
        // alone (a rare term scores high): keep the common ones.
        best = best.slice(0, 3).filter(function (t, i) {
          return i === 0 || t[1] * 4 >= best[0][1];
        });
        return Promise.all(best.map(function (t) {
          return self.termFrag(t[0]);
        })).then(function (frags) {
          best.forEach(function (t, i) {
            add(frags[i], t[0], WEIGHT_TYPO[bestD]);
          });
        });
      });
    };

    // phrase resolves, for a phrase of stems, to {docs, score}: the
    // documents that hold the stems at consecutive positions, and for each
    // the sum of the stems' impacts.
    Engine.prototype.phrase = function (stems) {
      var self = this;
      var levels = this.manifest.levels;
      var none = { docs: [], score: {} };
      if (stems.length === 0) {
        return Promise.resolve(none);
      }
      return Promise.all(stems.map(function (s) {
        return self.termFrag(s);
      })).then(function (frags) {
        if (!frags.every(function (f, i) { return f.has(stems[i]); })) {
          return none;
        }
        var posts = frags.map(function (f, i) {
          return f.postings(stems[i]);
        });
        // The documents that have every stem, with each stem's place in
        // its postings.
        var cands = [];
        var first = posts[0][0];
        var at = posts.map(function () { return 0; });
        for (var i = 0; i < first.length; i++) {
          var d = first[i];
          var idx = [i];
          var all = true;
          for (var k = 1; k < posts.length; k++) {
            var ids = posts[k][0];
            while (at[k] < ids.length && ids[at[k]] < d) {
              at[k]++;
            }
            if (at[k] >= ids.length || ids[at[k]] !== d) {
              all = false;
              break;
            }
            idx.push(at[k]);
          }
          if (all) {
            cands.push({ doc: d, idx: idx });
          }
        }
        if (cands.length === 0) {
          return none;
        }
        if (stems.length === 1) {
          var out1 = { docs: [], score: {} };
          cands.forEach(function (c) {
            out1.docs.push(c.doc);
            out1.score[c.doc] = levels[posts[0][1][c.idx[0]] - 1];
          });
          return out1;
        }
        var wheres = frags.map(function (f, i) {
          return f.where(stems[i]);
        });
        return Promise.all(wheres.map(function (w) {
          return self.raw(w.file);
        })).then(function (files) {
          var pos = wheres.map(function (w, i) {
            return positionsOf(files[i], w.slot, w.df);
          });
          var out = { docs: [], score: {} };
          cands.forEach(function (c) {
            var start = pos[0][c.idx[0]];
            var found = start.some(function (p) {
              for (var k = 1; k < stems.length; k++) {
                if (pos[k][c.idx[k]].indexOf(p + k) < 0) {
                  return false;
                }
              }
              return true;
            });
            if (found) {
              var sc = 0;
              for (var k = 0; k < stems.length; k++) {
                sc += levels[posts[k][1][c.idx[k]] - 1];
              }
              out.docs.push(c.doc);
              out.score[c.doc] = sc;
            }
          });
          return out;
        });
      });
    };

    // search runs a query. It resolves to {query, total, hits: [{doc,
    // score}], match} where hits are every matching document, best first,
    // and match(word) tells whether a folded word of a passage matches.
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
            return { docs: [], score: {} };
          }));
        }
        var clauses = query.words.map(function (w) {
          return self.alternatives(w);
        });
        var phrases = query.phrases.map(function (p) {
          return self.phrase(p);
        });
        return Promise.all([Promise.all(clauses), Promise.all(phrases)]).then(function (r) {
          return self.rank(m, query, r[0], r[1]);
        });
      });
    };

    Engine.prototype.rank = function (m, query, clauses, phrases) {
      var levels = m.levels;
      var n = m.docs;
      var score = new Float64Array(n);
      var matched = new Uint16Array(n);
      var required = 0;
      var must = new Uint16Array(n);
      var terms = {};
      var prefixes = [];
      var best = new Float64Array(n);
      var touched = [];
      function clause(alts) {
        touched.length = 0;
        alts.forEach(function (a) {
          var p = a.frag.postings(a.key);
          if (!p) {
            return;
          }
          var ids = p[0];
          var lv = p[1];
          for (var i = 0; i < ids.length; i++) {
            var v = a.weight * levels[lv[i] - 1];
            var d = ids[i];
            if (best[d] === 0) {
              touched.push(d);
            }
            if (v > best[d]) {
              best[d] = v;
            }
          }
        });
        touched.forEach(function (d) {
          score[d] += best[d];
          matched[d]++;
          best[d] = 0;
        });
        return touched.length;
      }
      clauses.forEach(function (alts, i) {
        clause(alts);
        alts.forEach(function (a) {
          terms[a.key] = true;
        });
        if (query.words[i].open) {
          prefixes.push(query.words[i].w);
        }
      });
      phrases.forEach(function (ph, i) {
        required++;
        ph.docs.forEach(function (d) {
          must[d]++;
          matched[d]++;
          score[d] += ph.score[d];
        });
        query.phrases[i].forEach(function (s) {
          terms[s] = true;
        });
      });
      var hits = [];
      for (var d = 0; d < n; d++) {
        if (matched[d] > 0 && must[d] === required) {
          hits.push({ doc: d, score: score[d], matched: matched[d] });
        }
      }
      hits.sort(function (a, b) {
        return b.matched - a.matched || b.score - a.score || a.doc - b.doc;
      });
      var stemmer = m.stemmer;
      return {
        query: query,
        total: hits.length,
        hits: hits,
        match: function (w) {
          if (terms[stem(stemmer, w)] || terms[w]) {
            return true;
          }
          for (var i = 0; i < prefixes.length; i++) {
            if (startsWith(w, prefixes[i])) {
              return true;
            }
          }
          return false;
        },
      };
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
      return Promise.all(res.hits.slice(from, to).map(function (h) {
        return self.doc(h.doc).then(function (doc) {
          return present(doc, res.match, elide);
        });
      }));
    };

    var WINDOW = 28; // words in a passage

    // marks splits text into [text, marked] pieces, marking its words for
    // which match is true.
    function marks(text, match, elide) {
      var toks = tokens(text, elide);
      var out = [];
      var at = 0;
      toks.forEach(function (t) {
        if (match(t.w)) {
          if (t.s > at) {
            out.push([text.slice(at, t.s), false]);
          }
          out.push([text.slice(t.s, t.e), true]);
          at = t.e;
        }
      });
      if (at < text.length) {
        out.push([text.slice(at), false]);
      }
      return out;
    }

    // passage picks the part of doc where the query's words are densest
    // and the window of WINDOW words within it that holds the most of them.
    function present(doc, match, elide) {
      var best = null;
      (doc.p || []).forEach(function (part) {
        var toks = tokens(part[2], elide);
        var hits = [];
        var distinct = {};
        toks.forEach(function (t, i) {
          if (match(t.w)) {
            hits.push(i);
            distinct[t.w] = true;
          }
        });
        var head = tokens(part[1], elide).filter(function (t) {
          if (match(t.w)) {
            distinct[t.w] = true;
            return true;
          }
          return false;
        }).length;
        var value = Object.keys(distinct).length * 10 + Math.min(hits.length, 5) + head * 3;
        if (value > 0 && (!best || value > best.value)) {
          best = { value: value, part: part, toks: toks, hits: hits };
        }
      });
      var r = {
        url: doc.u,
        title: marks(doc.t, match, elide),
        section: doc.s || "",
        passage: [],
      };
      if (!best) {
        var text = doc.d || (doc.p && doc.p.length ? doc.p[0][2] : "");
        r.passage = marks(clip(text, tokens(text, elide), 0), match, elide);
        return r;
      }
      if (best.part[0]) {
        r.url = doc.u + "#" + best.part[0];
        r.heading = marks(best.part[1], match, elide);
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
      r.passage = marks(clip(best.part[2], best.toks, start), match, elide);
      return r;
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
    input.setAttribute("autocomplete", "off");

    function links() {
      return Array.prototype.slice.call(box.querySelectorAll("a.search-result"));
    }

    function announce(name, vars) {
      if (status) {
        put(form, status, name, vars);
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
        li.appendChild(a);
        list.appendChild(li);
      });
      shown += items.length;
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
        return engine.results(res, 0, page ? PAGE : DROPDOWN).then(function (items) {
          if (mine !== seq) {
            return;
          }
          clear();
          if (res.total === 0) {
            var none = el("p", "search-none");
            put(form, none, "none", { q: q.trim() });
            box.appendChild(none);
          } else {
            render(items);
            updateMore(res);
          }
          announce(res.total === 1 ? "one" : "many", { n: res.total, q: q.trim() });
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
          open(false);
          input.focus();
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
        run(q);
      }
    } else if (input.value && document.activeElement === input) {
      // Typed while this file was loading.
      run(input.value);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[role=search][data-search-index]"), enhance);
})();
