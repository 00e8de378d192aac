//go:build js && wasm

// Command scorer is the worksheet page's scoring engine: package score
// compiled to WebAssembly (GOOS=js GOARCH=wasm), built by
// internal/scorer/build.sh and embedded by package internal/scorer.
//
// It registers three global functions and then waits for calls:
//
//	mutualScore(model, answers) -> result
//	mutualShare(model, worksheet, answers) -> {code}
//	mutualCompare(model, worksheet, answers, code) -> comparison
//
// model is JSON.parse of the page's data-model attribute (score.Model by its
// json tags); worksheet is the worksheet's slug; answers is a plain object
// {key: number or "na"} (a missing key, null or undefined is an unanswered
// item; "na" is "does not apply"; a checklist is answered by {<checklist
// id>: 1} and its ticked boxes by {<item key>: 1}). The result is a plain
// object
//
//	{answered, total, give, receive, balance, lean, band, needed, alert,
//	 areas: [{id, give, receive, balance, lean}], gap}
//
// where an empty score is null, band and gap are -1 when none, and needed
// is how many more answers the band waits for (0 once enough are in).
//
// mutualShare returns the share code of the answers (score.EncodeCode).
// mutualCompare reads the other person's code (score.DecodeCode) and
// compares (score.Compare), the answers being the viewer's own:
//
//	{theirs: {key: number or "na"}, me: result, them: result,
//	 gapGive, gapReceive, areas: [{id, gapGive, gapReceive}],
//	 order: [area id, ...]}
//
// theirs are the decoded answers, in the form mutualScore takes; areas
// follow the model's order and order lists their ids by the larger absolute
// gap (score.Comparison.Order). A code it refuses gives
// {error, problem}, problem being a score.CodeProblem ("altered", ...).
//
// Input that is not a valid model, or an answer that is neither an integer
// nor "na", gives {error: "message"} instead; the module never crashes, so
// later calls still work.
//
// This adapter only converts values: every rule lives in package score. It
// reads js.Value fields by hand because encoding/json, fmt and reflect would
// more than double the module (see the size test in internal/scorer).
package main

import (
	"math"
	"syscall/js"

	"mutual/internal/score"
)

func main() {
	js.Global().Set("mutualScore", export("mutualScore", 2, "(model, answers)", func(args []js.Value) any {
		m := validModel(args[0])
		return result(score.Compute(m, readAnswers(m, args[1])))
	}))
	js.Global().Set("mutualShare", export("mutualShare", 3, "(model, worksheet, answers)", func(args []js.Value) any {
		m := validModel(args[0])
		code, err := score.EncodeCode(m, str(args[1], "worksheet"), readAnswers(m, args[2]))
		if err != nil {
			panic(badInput(err.Error()))
		}
		return object("code", code)
	}))
	js.Global().Set("mutualCompare", export("mutualCompare", 4, "(model, worksheet, answers, code)", func(args []js.Value) any {
		m := validModel(args[0])
		mine := readAnswers(m, args[2])
		theirs, err := score.DecodeCode(m, str(args[1], "worksheet"), str(args[3], "code"))
		if ce, ok := err.(*score.CodeError); ok {
			return object("error", "mutualCompare: "+err.Error(), "problem", string(ce.Problem))
		} else if err != nil {
			panic(badInput(err.Error()))
		}
		return comparison(m, theirs, score.Compare(m, mine, theirs))
	}))
	select {}
}

// badInput is a panic value carrying a message for the page.
type badInput string

// export wraps f as a JS function of n arguments. Any panic, from a
// malformed value or a bug, becomes {error} so the page can show "scoring
// unavailable" and carry on.
func export(name string, n int, params string, f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				msg := name + ": internal error"
				switch r := r.(type) {
				case badInput:
					msg = name + ": " + string(r)
				case error: // a *js.ValueError or a runtime error
					msg = name + ": internal error: " + r.Error()
				}
				out = object("error", msg)
			}
		}()
		if len(args) != n {
			panic(badInput("want " + string(rune('0'+n)) + " arguments " + params))
		}
		return f(args)
	})
}

func validModel(v js.Value) *score.Model {
	m := readModel(v)
	if err := m.Validate(); err != nil {
		panic(badInput(err.Error()))
	}
	return m
}

func isObject(v js.Value) bool { return v.Type() == js.TypeObject }

// absent reports an omitted field (json omitempty) or a null.
func absent(v js.Value) bool { return v.IsUndefined() || v.IsNull() }

func readModel(v js.Value) *score.Model {
	if !isObject(v) {
		panic(badInput("model is not an object"))
	}
	m := &score.Model{}
	items := list(v.Get("items"), "items")
	m.Items = make([]score.Item, items.Length())
	for i := range m.Items {
		m.Items[i] = readItem(items.Index(i))
	}
	areas := list(v.Get("areas"), "areas")
	m.Areas = make([]string, areas.Length())
	for i := range m.Areas {
		m.Areas[i] = str(areas.Index(i), "areas")
	}
	if w := v.Get("wording"); !absent(w) {
		m.Wording = str(w, "wording")
	}
	bands := list(v.Get("bands"), "bands")
	m.Bands = make([]score.Band, bands.Length())
	for i := range m.Bands {
		b := bands.Index(i)
		if !isObject(b) {
			panic(badInput("a band is not an object"))
		}
		m.Bands[i] = score.Band{
			Balance: rng(b.Get("balance"), "band balance"),
			Give:    rng(b.Get("give"), "band give"),
			Receive: rng(b.Get("receive"), "band receive"),
			Lean:    rng(b.Get("lean"), "band lean"),
		}
	}
	return m
}

func readItem(v js.Value) score.Item {
	if !isObject(v) {
		panic(badInput("an item is not an object"))
	}
	it := score.Item{
		Key:    str(v.Get("key"), "item key"),
		Side:   score.Side(str(v.Get("side"), "item side")),
		Weight: num(v.Get("weight"), "item weight"),
		Min:    integer(v.Get("min"), "item min"),
		Max:    integer(v.Get("max"), "item max"),
		Alert:  rng(v.Get("alert"), "item alert"),
	}
	if a := v.Get("area"); !absent(a) {
		it.Area = str(a, "item area")
	}
	it.Reverse = boolean(v.Get("reverse"), "item reverse")
	it.NA = boolean(v.Get("na"), "item na")
	if c := v.Get("checklist"); !absent(c) {
		it.Checklist = str(c, "item checklist")
	}
	if vs := v.Get("values"); !absent(vs) {
		vs = list(vs, "item values")
		it.Values = make([]int, vs.Length())
		for i := range it.Values {
			it.Values[i] = integer(vs.Index(i), "item values")
		}
	}
	return it
}

// boolean reads an optional boolean field (false when left out).
func boolean(v js.Value, what string) bool {
	if absent(v) {
		return false
	}
	if v.Type() != js.TypeBoolean {
		panic(badInput(what + " is not a boolean"))
	}
	return v.Bool()
}

// readAnswers reads the answer of every item of m, and whether each
// checklist is answered; other keys are ignored.
func readAnswers(m *score.Model, v js.Value) score.Answers {
	a := score.Answers{}
	if absent(v) {
		return a
	}
	if !isObject(v) {
		panic(badInput("answers is not an object"))
	}
	for _, it := range m.Items {
		keys := []string{it.Key}
		if it.Checklist != "" {
			keys = append(keys, it.Checklist)
		}
		for _, k := range keys {
			if x := v.Get(k); !absent(x) {
				a[k] = answer(x, "answer \""+k+"\"")
			}
		}
	}
	return a
}

// answer reads one answer: an integer, or "na" for "does not apply".
func answer(v js.Value, what string) int {
	if v.Type() == js.TypeString && v.String() == "na" {
		return score.NA
	}
	return integer(v, what)
}

// list returns an array field, treating an omitted or null one (a nil Go
// slice in JSON) as empty.
func list(v js.Value, what string) js.Value {
	if absent(v) {
		return js.Global().Get("Array").New()
	}
	if !js.Global().Get("Array").Call("isArray", v).Bool() {
		panic(badInput(what + " is not an array"))
	}
	return v
}

func str(v js.Value, what string) string {
	if v.Type() != js.TypeString {
		panic(badInput(what + " is not a string"))
	}
	return v.String()
}

func num(v js.Value, what string) float64 {
	if v.Type() != js.TypeNumber {
		panic(badInput(what + " is not a number"))
	}
	return v.Float()
}

// integer reads a number that must be a whole number in the int range.
func integer(v js.Value, what string) int {
	f := num(v, what)
	if f != math.Trunc(f) || f < -(1<<53) || f > 1<<53 {
		panic(badInput(what + " is not an integer"))
	}
	return int(f)
}

// rng reads an optional [min, max] range.
func rng(v js.Value, what string) *score.Range {
	if absent(v) {
		return nil
	}
	v = list(v, what)
	if v.Length() != 2 {
		panic(badInput(what + " is not a [min, max] pair"))
	}
	return &score.Range{integer(v.Index(0), what), integer(v.Index(1), what)}
}

func scoreValue(s score.Score) any {
	if !s.Valid {
		return nil
	}
	return s.Value
}

// object builds a plain JS object with its keys in the given order, so the
// result reads the same every time (a Go map would shuffle them).
func object(kv ...any) js.Value {
	o := js.Global().Get("Object").New()
	for i := 0; i < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

func result(r score.Result) js.Value {
	areas := js.Global().Get("Array").New()
	for _, a := range r.Areas {
		areas.Call("push", object(
			"id", a.ID,
			"give", scoreValue(a.Give),
			"receive", scoreValue(a.Receive),
			"balance", scoreValue(a.Balance),
			"lean", scoreValue(a.Lean),
		))
	}
	return object(
		"answered", r.Answered,
		"total", r.Total,
		"give", scoreValue(r.Give),
		"receive", scoreValue(r.Receive),
		"balance", scoreValue(r.Balance),
		"lean", scoreValue(r.Lean),
		"band", r.Band,
		"needed", r.Needed,
		"alert", r.Alert,
		"areas", areas,
		"gap", r.Gap,
	)
}

// answersObject is decoded answers in the form mutualScore takes, keys in
// model order (a checklist's id before its first box).
func answersObject(m *score.Model, a score.Answers) js.Value {
	o := js.Global().Get("Object").New()
	for _, it := range m.Items {
		for _, k := range [...]string{it.Checklist, it.Key} {
			v, ok := a[k]
			switch {
			case k == "" || !ok:
			case v == score.NA:
				o.Set(k, "na")
			default:
				o.Set(k, v)
			}
		}
	}
	return o
}

func comparison(m *score.Model, theirs score.Answers, c score.Comparison) js.Value {
	areas := js.Global().Get("Array").New()
	for i, g := range c.Areas {
		areas.Call("push", object("id", m.Areas[i], "gapGive", scoreValue(g.Give), "gapReceive", scoreValue(g.Receive)))
	}
	order := js.Global().Get("Array").New()
	for _, i := range c.Order {
		order.Call("push", m.Areas[i])
	}
	return object(
		"theirs", answersObject(m, theirs),
		"me", result(c.Me),
		"them", result(c.Them),
		"gapGive", scoreValue(c.Total.Give),
		"gapReceive", scoreValue(c.Total.Receive),
		"areas", areas,
		"order", order,
	)
}
