// worksheet-store.js: a worksheet's saved answers in this browser.
//
// Answers live in localStorage under one key per worksheet page,
// "mutual:<page path>" (data-store-key: the path holds the site's base
// path, so two sites on one origin keep apart), as
//
//   {"v": 2, "q": {"<question id>": {"f": "<fingerprint>", "a": {<answers>}}}}
//
// one record per question, with the fingerprint of the question it was
// given to (see worksheet-form.js for the answers). The page restores a
// record only while its question's fingerprint matches, and keeps the
// others until the person clears them, so a worksheet changed back brings
// them back.
//
// Before, answers were saved under "mutual:<slug>:<fingerprint of the
// whole worksheet>" as {"radios": {...}, "texts": {...}}. legacy() reads
// that record (data-legacy-key, given only to a site at the root of its
// origin, the only one whose key was its own), so it can be moved over.
//
// The parts of the page that keep more (worksheet-compare.js: kept
// comparisons; worksheet-history.js: saved results) keep it under the same
// key followed by "#<part>" ("mutual:/worksheets/x/#history"), through
// get, put and drop; what they keep is theirs to check.
//
// Nothing here trusts what it reads: a missing or disabled localStorage,
// invalid JSON, records of the wrong shape and a full store are all met
// by doing nothing; no error leaves this file.
(function (ns) {
  "use strict";

  var own = Object.prototype.hasOwnProperty;
  var ID = /^[a-z0-9-]+$/; // question ids

  // open returns localStorage if it works here (it throws in some private
  // modes and when disabled), else null.
  function open(key) {
    try {
      var s = window.localStorage;
      var probe = key + ":probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function Store(key, legacyKey) {
    this.key = key;
    this.legacyKey = legacyKey || "";
    this.storage = key ? open(key) : null;
    this.available = !!this.storage;
  }

  // read returns the JSON value under key, or null.
  Store.prototype.read = function (key) {
    if (!this.storage || !key) {
      return null;
    }
    try {
      var raw = this.storage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;
    }
  };

  // raw returns the text saved under the worksheet's key, or null: what
  // the page compares to tell whether another tab has changed it.
  Store.prototype.raw = function () {
    if (!this.storage) {
      return null;
    }
    try {
      return this.storage.getItem(this.key);
    } catch (e) {
      return null;
    }
  };

  // load returns the saved records by question id (an object without a
  // prototype); records that are not {f: string, a: object} under an id a
  // question can have are left out.
  Store.prototype.load = function () {
    var out = Object.create(null);
    var saved = this.read(this.key);
    if (!isObject(saved) || saved.v !== 2 || !isObject(saved.q)) {
      return out;
    }
    Object.keys(saved.q).forEach(function (id) {
      var r = saved.q[id];
      if (ID.test(id) && isObject(r) && typeof r.f === "string" && isObject(r.a)) {
        out[id] = { f: r.f, a: r.a };
      }
    });
    return out;
  };

  // save writes the records (by question id); with none it removes the key.
  // It reports whether the records are stored.
  Store.prototype.save = function (records) {
    if (!this.storage) {
      return false;
    }
    try {
      if (Object.keys(records).length === 0) {
        this.storage.removeItem(this.key);
      } else {
        var q = {};
        Object.keys(records).forEach(function (id) {
          q[id] = records[id];
        });
        this.storage.setItem(this.key, JSON.stringify({ v: 2, q: q }));
      }
      return true;
    } catch (e) {
      return false; // full or gone: the form still works, unsaved
    }
  };

  // remove forgets the worksheet's answers, the legacy record included.
  Store.prototype.remove = function () {
    if (!this.storage) {
      return;
    }
    try {
      this.storage.removeItem(this.key);
      if (this.legacyKey) {
        this.storage.removeItem(this.legacyKey);
      }
    } catch (e) {
      // gone already
    }
  };

  // get returns the JSON value a part keeps, or null.
  Store.prototype.get = function (part) {
    return this.read(this.key + "#" + part);
  };

  // put keeps a part's value (null removes it) and reports whether it is
  // stored.
  Store.prototype.put = function (part, value) {
    if (!this.storage) {
      return false;
    }
    try {
      if (value === null || value === undefined) {
        this.storage.removeItem(this.key + "#" + part);
      } else {
        this.storage.setItem(this.key + "#" + part, JSON.stringify(value));
      }
      return true;
    } catch (e) {
      return false;
    }
  };

  // legacy returns the answers saved the earlier way, as answers by input
  // name (strings only), or null.
  Store.prototype.legacy = function () {
    var saved = this.read(this.legacyKey);
    if (!isObject(saved)) {
      return null;
    }
    var out = Object.create(null);
    var any = false;
    [saved.radios, saved.texts].forEach(function (group) {
      if (!isObject(group)) {
        return;
      }
      Object.keys(group).forEach(function (name) {
        var v = group[name];
        if (typeof v === "number" && isFinite(v)) {
          v = String(v);
        }
        if (typeof v === "string" && !own.call(out, name)) {
          out[name] = v;
          any = true;
        }
      });
    });
    return any ? out : null;
  };

  // dropLegacy removes the legacy record once its answers are saved anew.
  Store.prototype.dropLegacy = function () {
    if (!this.storage || !this.legacyKey) {
      return;
    }
    try {
      this.storage.removeItem(this.legacyKey);
    } catch (e) {
      // gone already
    }
  };

  ns.Store = Store;
})((window.mutualWorksheet = window.mutualWorksheet || {}));
