// worksheet-form.js: a worksheet form's answers, read and written question
// by question.
//
// A question is the element carrying data-question (its id) and data-fp
// (its fingerprint); its answers are the values of the inputs inside it,
// by input name: a radio's value ("3", "na"), the values of the ticked
// boxes of a checklist (["cooked", "none"]), a reflection's text. That
// object is what the store saves and what apply takes back, so apply
// trusts nothing in it: a value is set only when it is a string (or a list
// of strings) that names an input or option the question has.
//
// scoring turns the form into the answers the scorer takes (see
// cmd/scorer): numbers by radio name, "na" for "does not apply", and for a
// checklist {<id>: 1} once any box is ticked plus {<id>.<option>: 1} per
// ticked option.
(function (ns) {
  "use strict";

  // MAX_TEXT is the longest reflection apply writes back; longer stored
  // text did not come from this page.
  var MAX_TEXT = 20000;
  var own = Object.prototype.hasOwnProperty;

  // questions lists the form's questions in page order.
  function questions(form) {
    var out = [];
    Array.prototype.forEach.call(form.querySelectorAll("[data-question]"), function (el) {
      var inputs = Object.create(null); // name -> inputs
      Array.prototype.forEach.call(el.querySelectorAll("input, textarea"), function (input) {
        if (input.name) {
          (inputs[input.name] = inputs[input.name] || []).push(input);
        }
      });
      out.push({ id: el.getAttribute("data-question"), fp: el.getAttribute("data-fp") || "", el: el, inputs: inputs });
    });
    return out;
  }

  // values returns a question's answers by input name, or null when it has
  // none.
  function values(q) {
    var v = {};
    var any = false;
    Object.keys(q.inputs).forEach(function (name) {
      q.inputs[name].forEach(function (input) {
        if (input.type === "radio" && input.checked) {
          v[name] = input.value;
          any = true;
        } else if (input.type === "checkbox" && input.checked) {
          (v[name] = v[name] || []).push(input.value);
          any = true;
        } else if (input.tagName === "TEXTAREA" && input.value !== "") {
          v[name] = input.value;
          any = true;
        }
      });
    });
    return any ? v : null;
  }

  // apply sets a question's inputs from saved answers and returns how many
  // it set. Anything that is not an answer this question can have is
  // ignored.
  function apply(q, saved) {
    var set = 0;
    if (!saved || typeof saved !== "object" || Array.isArray(saved)) {
      return 0;
    }
    Object.keys(q.inputs).forEach(function (name) {
      if (!own.call(saved, name)) {
        return;
      }
      var v = saved[name];
      q.inputs[name].forEach(function (input) {
        if (input.tagName === "TEXTAREA") {
          if (typeof v === "string" && v.length <= MAX_TEXT) {
            input.value = v;
            set++;
          }
        } else if (input.type === "radio") {
          if (typeof v === "string" && input.value === v) {
            input.checked = true;
            set++;
          }
        } else if (input.type === "checkbox") {
          if (Array.isArray(v) && v.indexOf(input.value) >= 0) {
            input.checked = true;
            set++;
          }
        }
      });
    });
    return set;
  }

  // set makes a question's inputs hold exactly the saved answers (none
  // when saved is null): the boxes and radios they name checked, the
  // others cleared, a reflection's text replaced only when it differs (so
  // that a person writing in it keeps their place). Like apply, it sets
  // only what this question can have.
  function set(q, saved) {
    var ok = !!saved && typeof saved === "object" && !Array.isArray(saved);
    Object.keys(q.inputs).forEach(function (name) {
      var v = ok && own.call(saved, name) ? saved[name] : undefined;
      q.inputs[name].forEach(function (input) {
        if (input.tagName === "TEXTAREA") {
          var s = typeof v === "string" && v.length <= MAX_TEXT ? v : "";
          if (input.value !== s) {
            input.value = s;
          }
        } else if (input.type === "radio") {
          input.checked = typeof v === "string" && input.value === v;
        } else if (input.type === "checkbox") {
          input.checked = Array.isArray(v) && v.indexOf(input.value) >= 0;
        }
      });
    });
  }

  // has reports whether saved answers hold anything.
  function has(saved) {
    if (!saved || typeof saved !== "object") {
      return false;
    }
    return Object.keys(saved).some(function (k) {
      var v = saved[k];
      return (typeof v === "string" && v !== "") || (Array.isArray(v) && v.length > 0);
    });
  }

  // scoring reads the form as the scorer's answers.
  function scoring(form) {
    var answers = {};
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
      if (input.type === "radio") {
        answers[input.name] = input.value === "na" ? "na" : Number(input.value);
      } else if (input.type === "checkbox") {
        answers[input.name] = 1;
        if (input.value !== "none") {
          answers[input.name + "." + input.value] = 1;
        }
      }
    });
    return answers;
  }

  // exclusive keeps a checklist's "None of these" box apart from the
  // others: ticking it clears them, ticking another clears it.
  function exclusive(box) {
    if (box.type !== "checkbox" || !box.checked) {
      return;
    }
    var none = box.hasAttribute("data-none");
    Array.prototype.forEach.call(box.form.elements, function (other) {
      if (other !== box && other.type === "checkbox" && other.name === box.name && other.hasAttribute("data-none") !== none) {
        other.checked = false;
      }
    });
  }

  // fitTextareas gives each reflection as many rows as its text needs
  // (rows is an attribute, not a style): on screen up to 40, the box
  // scrolling beyond; for print (print true, before printing) as many as
  // it takes, each line counted at 50 characters, so that a printed
  // worksheet shows all of it even where the print style cannot size the
  // box to its text (field-sizing).
  function fitTextareas(form, print) {
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (el) {
      var lines = el.value.split("\n");
      if (print) {
        var rows = 1;
        lines.forEach(function (line) {
          rows += Math.max(1, Math.ceil(line.length / 50));
        });
        el.rows = Math.max(3, rows);
        return;
      }
      var wrapped = Math.ceil(el.value.length / 60);
      el.rows = Math.min(40, Math.max(3, lines.length + 1, wrapped + 1));
    });
  }

  ns.form = { questions: questions, values: values, apply: apply, set: set, has: has, scoring: scoring, exclusive: exclusive, fitTextareas: fitTextareas };
})((window.mutualWorksheet = window.mutualWorksheet || {}));
