package scorer

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mutual/internal/score"
)

// jsResult is the object mutualScore returns, as JSON.
type jsResult struct {
	Answered *int     `json:"answered"`
	Total    *int     `json:"total"`
	Give     *int     `json:"give"`
	Receive  *int     `json:"receive"`
	Balance  *int     `json:"balance"`
	Lean     *int     `json:"lean"`
	Band     *int     `json:"band"`
	Needed   *int     `json:"needed"`
	Alert    *bool    `json:"alert"`
	Areas    []jsArea `json:"areas"`
	Gap      *int     `json:"gap"`
	Error    *string  `json:"error"`
}

type jsArea struct {
	ID      string `json:"id"`
	Give    *int   `json:"give"`
	Receive *int   `json:"receive"`
	Balance *int   `json:"balance"`
	Lean    *int   `json:"lean"`
}

// nodeCall is one call of mutualScore: the JSON of its arguments, and either
// the result Go computes for it or the error text it must return.
type nodeCall struct {
	name string
	args string // JSON array
	want *score.Result
	err  string
}

// TestWasmMatchesGo runs the scorer built from cmd/scorer under Node and
// checks it against score.Compute field by field, for hand-written cases,
// a few hundred generated ones, and malformed input that must give {error}
// without breaking later calls.
func TestWasmMatchesGo(t *testing.T) {
	calls := append(valid(t), invalid()...)
	var in []wasmCall
	for _, c := range calls {
		in = append(in, wasmCall{Fn: "mutualScore", Args: json.RawMessage(c.args)})
	}
	raw := runNode(t, in)
	for i, c := range calls {
		var got jsResult
		if err := json.Unmarshal(raw[i], &got); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, raw[i])
		}
		compare(t, c, got)
	}
}

// wasmCall is one call of a function the module registers.
type wasmCall struct {
	Fn   string          `json:"fn"`
	Args json.RawMessage `json:"args"`
}

// runNode runs the calls in the module built from cmd/scorer under Node
// and returns the JSON of each result. Without node the test skips, except
// under CI=true.
func runNode(t *testing.T, calls []wasmCall) []json.RawMessage {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node is needed to run the scorer: %v", err)
		}
		t.Skipf("node not found, WebAssembly cross-check skipped: %v", err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(wasmExec); err != nil { // Go before 1.24
		wasmExec = filepath.Join(strings.TrimSpace(string(goroot)), "misc", "wasm", "wasm_exec.js")
	}
	wasm := buildWasm(t, "../../cmd/scorer")
	in, err := json.Marshal(calls)
	if err != nil {
		t.Fatal(err)
	}
	harness, _ := filepath.Abs("testdata/node/run.js")
	cmd := exec.Command(node, harness, wasmExec, wasm)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.Bytes())
	}
	var got struct {
		InstantiateMs float64           `json:"instantiateMs"`
		Results       []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
	t.Logf("instantiate and run main: %.0f ms; %d calls", got.InstantiateMs, len(got.Results))
	if len(got.Results) != len(calls) {
		t.Fatalf("%d results for %d calls", len(got.Results), len(calls))
	}
	return got.Results
}

func compare(t *testing.T, c nodeCall, got jsResult) {
	t.Helper()
	if c.want == nil {
		if got.Error == nil || *got.Error != c.err {
			t.Errorf("%s: error %v, want %q", c.name, str(got.Error), c.err)
		}
		return
	}
	w := c.want
	if got.Error != nil {
		t.Errorf("%s: error %q", c.name, *got.Error)
		return
	}
	field := func(name string, g *int, want score.Score) {
		if (g != nil) != want.Valid || (g != nil && *g != want.Value) {
			t.Errorf("%s: %s = %s, Go says %s", c.name, name, num(g), scoreText(want))
		}
	}
	count := func(name string, g *int, want int) {
		if g == nil || *g != want {
			t.Errorf("%s: %s = %s, Go says %d", c.name, name, num(g), want)
		}
	}
	count("answered", got.Answered, w.Answered)
	count("total", got.Total, w.Total)
	field("give", got.Give, w.Give)
	field("receive", got.Receive, w.Receive)
	field("balance", got.Balance, w.Balance)
	field("lean", got.Lean, w.Lean)
	count("band", got.Band, w.Band)
	count("needed", got.Needed, w.Needed)
	count("gap", got.Gap, w.Gap)
	if got.Alert == nil || *got.Alert != w.Alert {
		t.Errorf("%s: alert = %v, Go says %v", c.name, got.Alert, w.Alert)
	}
	if got.Areas == nil || len(got.Areas) != len(w.Areas) {
		t.Errorf("%s: %d areas (nil %v), Go says %d", c.name, len(got.Areas), got.Areas == nil, len(w.Areas))
		return
	}
	for i, a := range w.Areas {
		g := got.Areas[i]
		if g.ID != a.ID {
			t.Errorf("%s: area %d id %q, Go says %q", c.name, i, g.ID, a.ID)
		}
		field("areas["+a.ID+"].give", g.Give, a.Give)
		field("areas["+a.ID+"].receive", g.Receive, a.Receive)
		field("areas["+a.ID+"].balance", g.Balance, a.Balance)
		field("areas["+a.ID+"].lean", g.Lean, a.Lean)
	}
}

func num(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

func str(p *string) string {
	if p == nil {
		return "none"
	}
	return strconv.Quote(*p)
}

func scoreText(s score.Score) string {
	if !s.Valid {
		return "empty"
	}
	return strconv.Itoa(s.Value)
}

func rng(lo, hi int) *score.Range { return &score.Range{lo, hi} }

// valid returns calls whose model is the JSON package worksheet would embed
// (encoding/json of score.Model), with the result Compute gives.
func valid(t *testing.T) []nodeCall {
	type tc struct {
		name string
		m    score.Model
		a    score.Answers
	}
	pair := score.Model{
		Items: []score.Item{
			{Key: "listen.give", Side: score.Give, Area: "emotional", Weight: 1, Max: 4, Alert: rng(0, 0)},
			{Key: "listen.receive", Side: score.Receive, Area: "emotional", Weight: 1, Max: 4},
			{Key: "help.give", Side: score.Give, Area: "practical", Weight: 2, Max: 4},
			{Key: "help.receive", Side: score.Receive, Area: "practical", Weight: 0.5, Max: 4, Reverse: true},
			{Key: "thanks", Side: score.Receive, Weight: 1.5, Min: 1, Max: 3},
		},
		Areas: []string{"emotional", "practical"},
		Bands: []score.Band{
			{Balance: rng(-100, -16)},
			{Balance: rng(-15, 15), Give: rng(60, 100)},
			{},
		},
	}
	features := score.Model{
		Items: []score.Item{
			{Key: "deal", Side: score.Lean, Area: "emotional", Weight: 1, Min: -3, Max: 3, NA: true},
			{Key: "effort", Side: score.Lean, Weight: 2, Min: 1, Max: 5, Reverse: true},
			{Key: "week.cooked", Side: score.Give, Area: "practical", Weight: 1, Max: 1, Checklist: "week"},
			{Key: "week.drove", Side: score.Receive, Weight: 2, Max: 1, Checklist: "week"},
			{Key: "often.give", Side: score.Give, Weight: 1, Max: 4, NA: true, Alert: rng(0, 0)},
			{Key: "often.receive", Side: score.Receive, Weight: 1, Max: 4, NA: true, Alert: rng(0, 0)},
		},
		Areas: []string{"emotional", "practical"},
		Bands: []score.Band{{Lean: rng(-100, -34)}, {Receive: rng(0, 30)}, {Balance: rng(-100, -20)}, {}},
	}
	cases := []tc{
		{"empty model", score.Model{}, nil},
		{"no answers", pair, score.Answers{}},
		{"give only", pair, score.Answers{"listen.give": 3}},
		{"alert", pair, score.Answers{"listen.give": 0, "listen.receive": 4}},
		{"half", pair, score.Answers{"listen.give": 4, "help.give": 1, "listen.receive": 2}},
		{"all", pair, score.Answers{"listen.give": 4, "listen.receive": 1, "help.give": 3, "help.receive": 1, "thanks": 3}},
		{"out of range", pair, score.Answers{"listen.give": 5, "thanks": 0, "other": 2}},
		{"thirds", score.Model{Items: []score.Item{
			{Key: "a", Side: score.Give, Weight: 1.0 / 3, Max: 4},
			{Key: "b", Side: score.Give, Weight: 2.0 / 3, Max: 4},
		}}, score.Answers{"a": 4, "b": 1}},
		{"features: nothing", features, score.Answers{}},
		{"features: lean", features, score.Answers{"deal": -2, "effort": 2}},
		{"features: lean -62.5", score.Model{Items: []score.Item{
			{Key: "a", Side: score.Lean, Weight: 1, Max: 8}, {Key: "b", Side: score.Lean, Weight: 1, Max: 8},
		}}, score.Answers{"a": 0, "b": 3}},
		{"features: na", features, score.Answers{"deal": score.NA, "often.give": score.NA, "often.receive": 0}},
		{"features: none of these", features, score.Answers{"week": 1}},
		{"features: a ticked box", features, score.Answers{"week.drove": 1}},
		{"features: everything", features, score.Answers{"deal": 3, "effort": 5, "week": 1, "week.cooked": 1, "often.give": 4, "often.receive": 2}},
		{"features: na where the scale has none", features, score.Answers{"effort": score.NA}},
	}
	// Generated worksheets: decimal and non-decimal weights, scales of 3 to
	// 7 options, reverse items, areas, alerts and bands, partly answered.
	r := rand.New(rand.NewPCG(3, 2026))
	weights := []float64{1, 2, 0.5, 1.5, 0.1, 0.3, 3, 1.0 / 3, 0.7, 1e-3}
	areas := []string{"a", "b", "c"}
	for i := range 300 {
		m := score.Model{Areas: areas[:r.IntN(4)]}
		a := score.Answers{}
		for j := range 1 + r.IntN(12) {
			lo := r.IntN(3) - 1
			it := score.Item{
				Key:     "q" + strconv.Itoa(j),
				Side:    []score.Side{score.Give, score.Receive}[r.IntN(2)],
				Area:    []string{"", "a", "b", "c"}[r.IntN(4)],
				Weight:  weights[r.IntN(len(weights))],
				Reverse: r.IntN(3) == 0,
				Min:     lo,
				Max:     lo + 2 + r.IntN(5),
			}
			if r.IntN(5) == 0 {
				it.Alert = rng(it.Min, it.Min+1)
			}
			m.Items = append(m.Items, it)
			if r.IntN(4) != 0 {
				a[it.Key] = it.Min + r.IntN(it.Max-it.Min+2) // sometimes one past Max
			}
		}
		// Lean items and checklist boxes, some "does not apply" answers.
		for j := range r.IntN(3) {
			it := score.Item{Key: "l" + strconv.Itoa(j), Side: score.Lean, Area: []string{"", "a", "b"}[r.IntN(3)],
				Weight: weights[r.IntN(len(weights))], Reverse: r.IntN(3) == 0, Min: -r.IntN(4), NA: r.IntN(2) == 0}
			it.Max = it.Min + 1 + r.IntN(6)
			m.Items = append(m.Items, it)
			switch r.IntN(4) {
			case 0:
			case 1:
				a[it.Key] = score.NA
			default:
				a[it.Key] = it.Min + r.IntN(it.Max-it.Min+1)
			}
		}
		for j := range r.IntN(4) {
			key := "c." + strconv.Itoa(j)
			m.Items = append(m.Items, score.Item{Key: key, Side: []score.Side{score.Give, score.Receive}[r.IntN(2)],
				Area: []string{"", "c"}[r.IntN(2)], Weight: weights[r.IntN(len(weights))], Max: 1, Checklist: "c"})
			if r.IntN(3) == 0 {
				a[key] = 1
			}
		}
		if r.IntN(3) == 0 {
			a["c"] = 1
		}
		for range r.IntN(4) {
			lo := r.IntN(100) - 50
			m.Bands = append(m.Bands, score.Band{Balance: rng(lo, lo+r.IntN(60)), Give: []*score.Range{nil, rng(40, 100)}[r.IntN(2)],
				Lean: []*score.Range{nil, rng(-100, r.IntN(100))}[r.IntN(2)]})
		}
		m.Bands = append(m.Bands, score.Band{})
		cases = append(cases, tc{"generated " + strconv.Itoa(i), m, a})
	}
	var calls []nodeCall
	for _, c := range cases {
		args, err := json.Marshal([]any{c.m, jsAnswers(c.a)})
		if err != nil {
			t.Fatal(err)
		}
		want := score.Compute(&c.m, c.a)
		calls = append(calls, nodeCall{name: c.name, args: string(args), want: &want})
	}
	return calls
}

// jsAnswers is the answers object a page passes: numbers, and "na" for
// "does not apply".
func jsAnswers(a score.Answers) map[string]any {
	if a == nil {
		return nil
	}
	out := map[string]any{}
	for k, v := range a {
		if v == score.NA {
			out[k] = "na"
		} else {
			out[k] = v
		}
	}
	return out
}

// invalid returns malformed calls and the error each must give. Each is
// followed by a valid call in the list, which shows the module survived.
func invalid() []nodeCall {
	item := `{"key":"a","side":"give","weight":1,"min":0,"max":4}`
	ok := score.Compute(&score.Model{Items: []score.Item{{Key: "a", Side: score.Give, Weight: 1, Max: 4}}}, score.Answers{"a": 2})
	okCall := nodeCall{name: "valid call after an error", args: `[{"items":[` + item + `]},{"a":2}]`, want: &ok}
	bad := []nodeCall{
		{name: "no arguments", args: `[]`, err: "mutualScore: want 2 arguments (model, answers)"},
		{name: "model null", args: `[null,{}]`, err: "mutualScore: model is not an object"},
		{name: "items not array", args: `[{"items":{}},{}]`, err: "mutualScore: items is not an array"},
		{name: "item without key", args: `[{"items":[{"side":"give","weight":1,"min":0,"max":4}]},{}]`,
			err: "mutualScore: item key is not a string"},
		{name: "weight as string", args: `[{"items":[{"key":"a","side":"give","weight":"1","min":0,"max":4}]},{}]`,
			err: "mutualScore: item weight is not a number"},
		{name: "fractional max", args: `[{"items":[{"key":"a","side":"give","weight":1,"min":0,"max":4.5}]},{}]`,
			err: "mutualScore: item max is not an integer"},
		{name: "short alert", args: `[{"items":[{"key":"a","side":"give","weight":1,"min":0,"max":4,"alert":[1]}]},{}]`,
			err: "mutualScore: item alert is not a [min, max] pair"},
		{name: "invalid model", args: `[{"items":[{"key":"a","side":"give","weight":0,"min":0,"max":4}]},{}]`,
			err: `mutualScore: score: item "a": weight must be a number > 0`},
		{name: "answer as string", args: `[{"items":[` + item + `]},{"a":"2"}]`,
			err: `mutualScore: answer "a" is not a number`},
		{name: "fractional answer", args: `[{"items":[` + item + `]},{"a":2.5}]`,
			err: `mutualScore: answer "a" is not an integer`},
		{name: "answers not object", args: `[{"items":[` + item + `]},7]`, err: "mutualScore: answers is not an object"},
		{name: "band not object", args: `[{"items":[],"bands":[3]},{}]`, err: "mutualScore: a band is not an object"},
		{name: "answer beyond 2^53", args: `[{"items":[` + item + `]},{"a":18014398509481984}]`,
			err: `mutualScore: answer "a" is not an integer`},
		{name: "max beyond 2^53", args: `[{"items":[{"key":"a","side":"give","weight":1,"min":0,"max":1152921504606846976}]},{}]`,
			err: "mutualScore: item max is not an integer"},
		{name: "answer as another word", args: `[{"items":[` + item + `]},{"a":"n/a"}]`,
			err: `mutualScore: answer "a" is not a number`},
		{name: "tampered answer object", args: `[{"items":[` + item + `]},{"a":{"toString":1}}]`,
			err: `mutualScore: answer "a" is not a number`},
		{name: "na not a boolean", args: `[{"items":[{"key":"a","side":"give","weight":1,"min":0,"max":4,"na":"yes"}]},{}]`,
			err: "mutualScore: item na is not a boolean"},
		{name: "checklist box on 0..4", args: `[{"items":[{"key":"c.a","side":"give","weight":1,"min":0,"max":4,"checklist":"c"}]},{}]`,
			err: `mutualScore: score: item "c.a": a checklist box runs from 0 to 1`},
		{name: "lean band not a pair", args: `[{"items":[],"bands":[{"lean":[1,2,3]}]},{}]`,
			err: "mutualScore: band lean is not a [min, max] pair"},
	}
	var calls []nodeCall
	for _, b := range bad {
		calls = append(calls, b, okCall)
	}
	return calls
}
