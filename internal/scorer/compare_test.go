package scorer

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"mutual/internal/score"
)

// jsComparison is what mutualCompare returns, as JSON.
type jsComparison struct {
	Theirs     map[string]any `json:"theirs"`
	Me         jsResult       `json:"me"`
	Them       jsResult       `json:"them"`
	GapGive    *int           `json:"gapGive"`
	GapReceive *int           `json:"gapReceive"`
	Areas      []struct {
		ID         string `json:"id"`
		GapGive    *int   `json:"gapGive"`
		GapReceive *int   `json:"gapReceive"`
	} `json:"areas"`
	Order   []string `json:"order"`
	Error   *string  `json:"error"`
	Problem *string  `json:"problem"`
}

// TestWasmShareAndCompare runs mutualShare and mutualCompare under Node:
// the codes are those score.EncodeCode makes, and the comparisons those
// score.Compare computes from the decoded code, for hand-made and generated
// worksheets and pairs of people; refused codes give their problem, and
// malformed calls an error that leaves the module working.
func TestWasmShareAndCompare(t *testing.T) {
	type pair struct {
		name         string
		m            *score.Model
		mine, theirs score.Answers
	}
	m := &score.Model{
		Items: []score.Item{
			{Key: "listen.give", Side: score.Give, Area: "emotional", Weight: 1, Max: 4},
			{Key: "listen.receive", Side: score.Receive, Area: "emotional", Weight: 1, Max: 4},
			{Key: "help.give", Side: score.Give, Area: "practical", Weight: 2, Max: 4, NA: true},
			{Key: "help.receive", Side: score.Receive, Area: "practical", Weight: 1, Max: 4, NA: true},
			{Key: "deal", Side: score.Lean, Weight: 1, Min: -3, Max: 3, Area: "practical"},
			{Key: "odd", Side: score.Give, Weight: 1, Min: 0, Max: 10, Values: []int{10, 5, 0}},
			{Key: "wide", Side: score.Receive, Weight: 1, Min: 1, Max: 100},
			{Key: "week.cooked", Side: score.Give, Weight: 1, Max: 1, Checklist: "week"},
			{Key: "week.drove", Side: score.Receive, Weight: 1, Max: 1, Checklist: "week"},
		},
		Areas:   []string{"emotional", "practical", "none"},
		Wording: "abc",
	}
	pairs := []pair{
		{"nothing", m, score.Answers{}, score.Answers{}},
		{"both", m, score.Answers{"listen.give": 4, "listen.receive": 1, "help.give": score.NA, "deal": -2, "odd": 5, "week": 1},
			score.Answers{"listen.give": 2, "listen.receive": 3, "help.receive": 0, "help.give": 4, "deal": 3, "wide": 57, "week.drove": 1}},
		{"only theirs", m, score.Answers{}, score.Answers{"listen.give": 2, "odd": 10}},
	}
	r := rand.New(rand.NewPCG(13, 2026))
	for i := range 60 {
		a, b := score.Answers{}, score.Answers{}
		for _, it := range m.Items {
			for _, ans := range []score.Answers{a, b} {
				switch r.IntN(4) {
				case 0:
				case 1:
					ans[it.Key] = score.NA
				default:
					ans[it.Key] = it.Min + r.IntN(it.Max-it.Min+1)
				}
			}
		}
		pairs = append(pairs, pair{"generated " + strconv.Itoa(i), m, a, b})
	}

	var calls []wasmCall
	add := func(fn string, args ...any) {
		b, err := json.Marshal(args)
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, wasmCall{Fn: fn, Args: b})
	}
	codes := make([]string, len(pairs))
	for i, p := range pairs {
		code, err := score.EncodeCode(p.m, "give-and-take", p.theirs)
		if err != nil {
			t.Fatal(err)
		}
		codes[i] = code
		add("mutualShare", p.m, "give-and-take", jsAnswers(p.theirs))
		add("mutualCompare", p.m, "give-and-take", jsAnswers(p.mine), code)
	}
	good := codes[1]
	if good[12] == 'A' {
		t.Fatal("pick another character to alter")
	}
	other, _ := score.EncodeCode(m, "weekly-gestures", score.Answers{})
	refused := []struct {
		code    string
		problem score.CodeProblem
	}{
		{"", score.NotACode},
		{"#compare=", score.NotACode},
		{good[:len(good)-4], score.Truncated},
		{good[:12] + "A" + good[13:], score.Altered},
		{other, score.OtherWorksheet},
	}
	for _, c := range refused {
		add("mutualCompare", m, "give-and-take", map[string]any{}, c.code)
	}
	bad := []struct {
		args []any
		err  string
	}{
		{[]any{m, "give-and-take"}, "mutualShare: want 3 arguments (model, worksheet, answers)"},
		{[]any{m, 7, map[string]any{}}, "mutualShare: worksheet is not a string"},
		{[]any{map[string]any{"items": []any{map[string]any{"key": "a", "side": "give", "weight": 1, "min": 0, "max": 4, "values": []int{0, 9}}}}, "w", nil},
			`mutualShare: score: item "a": values must be distinct, from min to max, with both`},
		{[]any{map[string]any{"items": []any{}, "wording": 3}, "w", nil}, "mutualShare: wording is not a string"},
	}
	for _, b := range bad {
		add("mutualShare", b.args...)
	}
	add("mutualCompare", m, "give-and-take", map[string]any{}, 42)
	add("mutualShare", m, "give-and-take", map[string]any{}) // still works after the errors

	raw := runNode(t, calls)
	next := 0
	result := func() json.RawMessage { next++; return raw[next-1] }
	for i, p := range pairs {
		var share struct{ Code, Error *string }
		if err := json.Unmarshal(result(), &share); err != nil || share.Code == nil || *share.Code != codes[i] {
			t.Errorf("%s: mutualShare gives %v (error %v), Go's code is %q", p.name, str(share.Code), str(share.Error), codes[i])
		}
		var got jsComparison
		if err := json.Unmarshal(result(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Error != nil {
			t.Errorf("%s: mutualCompare: %s", p.name, *got.Error)
			continue
		}
		theirs, _ := score.DecodeCode(p.m, "give-and-take", codes[i])
		want := score.Compare(p.m, p.mine, theirs)
		wm, wt := want.Me, want.Them
		compare(t, nodeCall{name: p.name + " me", want: &wm}, got.Me)
		compare(t, nodeCall{name: p.name + " them", want: &wt}, got.Them)
		gap := func(what string, g *int, s score.Score) {
			if (g != nil) != s.Valid || (g != nil && *g != s.Value) {
				t.Errorf("%s: %s = %s, Go says %s", p.name, what, num(g), scoreText(s))
			}
		}
		gap("gapGive", got.GapGive, want.Total.Give)
		gap("gapReceive", got.GapReceive, want.Total.Receive)
		if len(got.Areas) != len(want.Areas) {
			t.Fatalf("%s: %d areas", p.name, len(got.Areas))
		}
		for j, a := range want.Areas {
			if got.Areas[j].ID != p.m.Areas[j] {
				t.Errorf("%s: area %d is %q", p.name, j, got.Areas[j].ID)
			}
			gap("area gapGive", got.Areas[j].GapGive, a.Give)
			gap("area gapReceive", got.Areas[j].GapReceive, a.Receive)
		}
		var order []string
		for _, j := range want.Order {
			order = append(order, p.m.Areas[j])
		}
		if !slices.Equal(got.Order, order) {
			t.Errorf("%s: order %v, Go says %v", p.name, got.Order, order)
		}
		wantTheirs := map[string]any{}
		for k, v := range jsAnswers(theirs) {
			if n, ok := v.(int); ok {
				v = float64(n)
			}
			wantTheirs[k] = v
		}
		if len(got.Theirs) != len(wantTheirs) {
			t.Errorf("%s: theirs %v, want %v", p.name, got.Theirs, wantTheirs)
		}
		for k, v := range wantTheirs {
			if got.Theirs[k] != v {
				t.Errorf("%s: theirs[%s] = %v, want %v", p.name, k, got.Theirs[k], v)
			}
		}
	}
	for _, c := range refused {
		var got jsComparison
		json.Unmarshal(result(), &got)
		if got.Problem == nil || *got.Problem != string(c.problem) || got.Error == nil {
			t.Errorf("code %q: problem %v, want %q", c.code, str(got.Problem), c.problem)
		}
	}
	for _, b := range bad {
		var got struct{ Error *string }
		json.Unmarshal(result(), &got)
		if got.Error == nil || *got.Error != b.err {
			t.Errorf("mutualShare%v: error %v, want %q", b.args[1:], str(got.Error), b.err)
		}
	}
	var got struct{ Error *string }
	json.Unmarshal(result(), &got)
	if want := "mutualCompare: code is not a string"; got.Error == nil || *got.Error != want {
		t.Errorf("a code that is a number: %v", str(got.Error))
	}
	var last struct{ Code *string }
	json.Unmarshal(result(), &last)
	if want, _ := score.EncodeCode(m, "give-and-take", nil); last.Code == nil || *last.Code != want {
		t.Errorf("after the errors mutualShare gives %v, want %q", str(last.Code), want)
	}
}
