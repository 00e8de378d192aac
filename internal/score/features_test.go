package score

import (
	"math"
	"testing"
)

// lean is a felt-balance item on a scale from lo (I give far more) to hi
// (I receive far more).
func lean(key string, lo, hi int, area string) Item {
	return Item{Key: key, Side: Lean, Area: area, Weight: 1, Min: lo, Max: hi}
}

// box is a scored option of a checklist.
func box(list, opt string, side Side, weight float64) Item {
	return Item{Key: list + "." + opt, Side: side, Weight: weight, Min: 0, Max: 1, Checklist: list}
}

type computeCase struct {
	name string
	m    *Model
	a    Answers
	want Result
}

func runCompute(t *testing.T, tests []computeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.m, tt.a)
			if !equal(got, tt.want) {
				t.Errorf("Compute =\n%+v\nwant\n%+v", got, tt.want)
			}
			if err := tt.m.Validate(); err != nil {
				t.Errorf("the case's model is invalid: %v", err)
			}
		})
	}
}

func TestLean(t *testing.T) {
	sevenPoint := &Model{Items: []Item{lean("deal", -3, 3, "")}}
	oneToSeven := &Model{Items: []Item{lean("deal", 1, 7, "")}}
	none := []AreaResult{}
	runCompute(t, []computeCase{
		{"even on -3..3 is 0", sevenPoint, Answers{"deal": 0},
			Result{Answered: 1, Total: 1, Lean: val(0), Band: -1, Gap: -1, Areas: none}},
		{"the lowest value is -100: I give far more", sevenPoint, Answers{"deal": -3},
			Result{Answered: 1, Total: 1, Lean: val(-100), Band: -1, Gap: -1, Areas: none}},
		{"the highest value is 100", sevenPoint, Answers{"deal": 3},
			Result{Answered: 1, Total: 1, Lean: val(100), Band: -1, Gap: -1, Areas: none}},
		{"-1 on -3..3 is -1/3: -33", sevenPoint, Answers{"deal": -1},
			Result{Answered: 1, Total: 1, Lean: val(-33), Band: -1, Gap: -1, Areas: none}},
		{"the middle of 1..7 is 0", oneToSeven, Answers{"deal": 4},
			Result{Answered: 1, Total: 1, Lean: val(0), Band: -1, Gap: -1, Areas: none}},
		{"2 on 1..7 is (4-8)/6: -67", oneToSeven, Answers{"deal": 2},
			Result{Answered: 1, Total: 1, Lean: val(-67), Band: -1, Gap: -1, Areas: none}},
		{"reverse flips the sign", &Model{Items: []Item{with(lean("deal", 1, 7, ""), func(it *Item) { it.Reverse = true })}},
			Answers{"deal": 2}, Result{Answered: 1, Total: 1, Lean: val(67), Band: -1, Gap: -1, Areas: none}},
		{"-62.5 rounds to -63", &Model{Items: []Item{lean("a", 0, 8, ""), lean("b", 0, 8, "")}},
			Answers{"a": 0, "b": 3}, Result{Answered: 2, Total: 2, Lean: val(-63), Band: -1, Gap: -1, Areas: none}},
		{"62.5 rounds to 63", &Model{Items: []Item{lean("a", 0, 8, ""), lean("b", 0, 8, "")}},
			Answers{"a": 8, "b": 5}, Result{Answered: 2, Total: 2, Lean: val(63), Band: -1, Gap: -1, Areas: none}},
		{"weights: (2·-1 + 1·1)/3 = -33.3", &Model{Items: []Item{
			with(lean("a", -2, 2, ""), func(it *Item) { it.Weight = 2 }), lean("b", 1, 5, ""),
		}}, Answers{"a": -2, "b": 5}, Result{Answered: 2, Total: 2, Lean: val(-33), Band: -1, Gap: -1, Areas: none}},
		{"empty when none is answered; out of the scale is unanswered", sevenPoint, Answers{"deal": 4},
			Result{Total: 1, Band: -1, Needed: 1, Gap: -1, Areas: none}},
		{"lean stays out of give, receive and balance", &Model{Items: []Item{freq("g", Give, ""), freq("r", Receive, ""), lean("deal", -3, 3, "")}},
			Answers{"g": 4, "r": 0, "deal": 3},
			Result{Answered: 3, Total: 3, Give: val(100), Receive: val(0), Balance: val(-100), Lean: val(100), Band: -1, Gap: -1, Areas: none}},
		{"per area, beside the other scores", &Model{
			Items: []Item{lean("a1", -3, 3, "a"), lean("a2", -3, 3, "a"), lean("b1", -3, 3, "b"), freq("g", Give, "b"), freq("r", Receive, "b")},
			Areas: []string{"a", "b"},
		}, Answers{"a1": -3, "a2": 0, "b1": 2, "g": 2, "r": 3},
			Result{Answered: 5, Total: 5, Give: val(50), Receive: val(75), Balance: val(25), Lean: val(-11), Band: -1, // (-1 + 0 + 2/3)/3
				Areas: []AreaResult{{ID: "a", Lean: val(-50)}, {ID: "b", Give: val(50), Receive: val(75), Balance: val(25), Lean: val(67)}}, Gap: 1}},
		{"an alert on a lean item", &Model{Items: []Item{with(lean("deal", -3, 3, ""), func(it *Item) { it.Alert = rng(-3, -3) })}},
			Answers{"deal": -3}, Result{Answered: 1, Total: 1, Lean: val(-100), Alert: true, Band: -1, Gap: -1, Areas: none}},
		{"huge scales use the float path and stay within -100..100", &Model{Items: []Item{
			{Key: "a", Side: Lean, Weight: 1, Min: math.MinInt64, Max: math.MaxInt64},
			{Key: "b", Side: Lean, Weight: 1.0 / 3, Min: 0, Max: 2},
		}}, Answers{"a": math.MinInt64 + 1, "b": 0}, Result{Answered: 2, Total: 2, Lean: val(-100), Band: -1, Gap: -1, Areas: none}},
	})
}

func TestChecklist(t *testing.T) {
	// "Which of these happened this week?": two boxes count for give (one
	// twice), one for receive, one is only recorded (not in the model).
	week := &Model{Items: []Item{
		box("week", "cooked", Give, 2),
		box("week", "called", Give, 1),
		box("week", "was-called", Receive, 1),
	}}
	none := []AreaResult{}
	runCompute(t, []computeCase{
		{"unanswered: nothing counts", week, Answers{},
			Result{Total: 3, Band: -1, Needed: 2, Gap: -1, Areas: none}},
		{"unticked boxes alone do not answer it", week, Answers{"week.cooked": 0, "week.called": 0},
			Result{Total: 3, Band: -1, Needed: 2, Gap: -1, Areas: none}},
		{"None of these answers it: every box counts 0", week, Answers{"week": 1},
			Result{Answered: 3, Total: 3, Give: val(0), Receive: val(0), Balance: val(0), Band: -1, Gap: -1, Areas: none}},
		{"an option that is only recorded answers it too", week, Answers{"week": 1, "week.other": 1},
			Result{Answered: 3, Total: 3, Give: val(0), Receive: val(0), Balance: val(0), Band: -1, Gap: -1, Areas: none}},
		{"a ticked box answers it by itself: 100·2/3", week, Answers{"week.cooked": 1},
			Result{Answered: 3, Total: 3, Give: val(67), Receive: val(0), Balance: val(-67), Band: -1, Gap: -1, Areas: none}},
		{"every box ticked", week, Answers{"week": 1, "week.cooked": 1, "week.called": 1, "week.was-called": 1},
			Result{Answered: 3, Total: 3, Give: val(100), Receive: val(100), Balance: val(0), Band: -1, Gap: -1, Areas: none}},
		{"a value other than 1 neither ticks nor answers", week, Answers{"week": 2, "week.called": 3},
			Result{Total: 3, Band: -1, Needed: 2, Gap: -1, Areas: none}},
		{"two checklists are answered apart", &Model{Items: []Item{box("a", "x", Give, 1), box("b", "y", Give, 1)}},
			Answers{"a.x": 1}, Result{Answered: 1, Total: 2, Give: val(100), Band: -1, Gap: -1, Areas: none}},
		{"boxes beside scale items, in an area", &Model{
			Items: []Item{with(box("week", "cooked", Give, 1), func(it *Item) { it.Area = "home" }), freq("often", Give, "home")},
			Areas: []string{"home"},
		}, Answers{"week": 1, "often": 4},
			Result{Answered: 2, Total: 2, Give: val(50), Band: -1, Gap: -1, Areas: []AreaResult{{ID: "home", Give: val(50)}}}},
	})
	// A box that breaks the invariants is ignored by Compute.
	for _, bad := range []Item{
		with(box("w", "x", Give, 1), func(it *Item) { it.Max = 2 }),
		with(box("w", "x", Give, 1), func(it *Item) { it.Side = Lean }),
		with(box("w", "x", Give, 1), func(it *Item) { it.NA = true }),
		with(box("w", "x", Give, 1), func(it *Item) { it.Alert = rng(1, 1) }),
	} {
		r := Compute(&Model{Items: []Item{bad}}, Answers{"w": 1, "w.x": 1})
		if r.Total != 0 || r.Give.Valid || r.Alert {
			t.Errorf("invalid box %+v counted: %+v", bad, r)
		}
	}
}

func TestNA(t *testing.T) {
	na := func(it Item) Item { it.NA = true; return it }
	none := []AreaResult{}
	runCompute(t, []computeCase{
		{"does not apply is answered and never scores", &Model{Items: []Item{na(freq("a", Give, "")), freq("b", Give, "")}},
			Answers{"a": NA, "b": 2}, Result{Answered: 2, Total: 2, Give: val(50), Band: -1, Gap: -1, Areas: none}},
		{"alone it leaves the score empty", &Model{Items: []Item{na(freq("a", Give, ""))}, Bands: []Band{{}}},
			Answers{"a": NA}, Result{Answered: 1, Total: 1, Band: -1, Gap: -1, Areas: none}},
		{"never raises the alert", &Model{Items: []Item{with(na(freq("a", Receive, "")), func(it *Item) { it.Alert = rng(math.MinInt64, 1) })}},
			Answers{"a": NA}, Result{Answered: 1, Total: 1, Band: -1, Gap: -1, Areas: none}},
		{"on an item without that option it is unanswered", &Model{Items: []Item{freq("a", Give, "")}},
			Answers{"a": NA}, Result{Total: 1, Band: -1, Needed: 1, Gap: -1, Areas: none}},
		{"one side of a pair", &Model{Items: []Item{na(freq("p.give", Give, "")), na(freq("p.receive", Receive, ""))}},
			Answers{"p.give": NA, "p.receive": 3}, Result{Answered: 2, Total: 2, Receive: val(75), Band: -1, Gap: -1, Areas: none}},
		{"a lean item", &Model{Items: []Item{na(lean("deal", -3, 3, ""))}},
			Answers{"deal": NA}, Result{Answered: 1, Total: 1, Band: -1, Gap: -1, Areas: none}},
	})
}

func TestBands(t *testing.T) {
	receiveOnly := &Model{
		Items: []Item{freq("a", Receive, ""), freq("b", Receive, "")},
		Bands: []Band{{Give: rng(0, 100)}, {Receive: rng(0, 49)}, {Receive: rng(50, 100)}},
	}
	mixed := &Model{
		Items: []Item{freq("g", Give, ""), freq("r", Receive, ""), lean("deal", -3, 3, "")},
		Bands: []Band{
			{Lean: rng(-100, -30)},
			{Balance: rng(-100, -16)},
			{Give: rng(0, 100), Lean: rng(30, 100)},
			{},
		},
	}
	none := []AreaResult{}
	runCompute(t, []computeCase{
		{"a receive-only worksheet shows a band written on receive", receiveOnly, Answers{"a": 1},
			Result{Answered: 1, Total: 2, Receive: val(25), Band: 1, Gap: -1, Areas: none}},
		{"the give band needs a give score", receiveOnly, Answers{"a": 4, "b": 4},
			Result{Answered: 2, Total: 2, Receive: val(100), Band: 2, Gap: -1, Areas: none}},
		{"nothing answered: no band, not even the catch-all", mixed, Answers{},
			Result{Total: 3, Band: -1, Needed: 3, Gap: -1, Areas: none}},
		{"a lean band", mixed, Answers{"deal": -2, "g": 4, "r": 4},
			Result{Answered: 3, Total: 3, Give: val(100), Receive: val(100), Balance: val(0), Lean: val(-67), Band: 0, Gap: -1, Areas: none}},
		{"one side answered: no band yet, the other two sides wait for an answer each", mixed, Answers{"g": 4},
			Result{Answered: 1, Total: 3, Give: val(100), Band: -1, Needed: 2, Gap: -1, Areas: none}},
		{"a balance band", mixed, Answers{"g": 4, "r": 0, "deal": 0},
			Result{Answered: 3, Total: 3, Give: val(100), Receive: val(0), Balance: val(-100), Lean: val(0), Band: 1, Gap: -1, Areas: none}},
		{"give and lean, receive not yet: the band waits for it", mixed, Answers{"g": 2, "deal": 3},
			Result{Answered: 2, Total: 3, Give: val(50), Lean: val(100), Band: -1, Needed: 1, Gap: -1, Areas: none}},
		{"give and lean together", mixed, Answers{"g": 2, "deal": 3, "r": 2},
			Result{Answered: 3, Total: 3, Give: val(50), Receive: val(50), Balance: val(0), Lean: val(100), Band: 2, Gap: -1, Areas: none}},
		{"the catch-all holds once each side is answered", mixed, Answers{"deal": 0, "g": 2, "r": 2},
			Result{Answered: 3, Total: 3, Give: val(50), Receive: val(50), Balance: val(0), Lean: val(0), Band: 3, Gap: -1, Areas: none}},
	})
	// Enough answered: half of each side's items, rounded up ("does not
	// apply" counts, a checklist answers all its boxes), before any band.
	na := func(it Item) Item { return with(it, func(i *Item) { i.NA = true }) }
	half := &Model{
		Items: []Item{freq("g1", Give, ""), freq("g2", Give, ""), freq("g3", Give, ""), na(freq("r", Receive, "")),
			box("l", "x", Receive, 1), box("l", "y", Receive, 1)},
		Bands: []Band{{}},
	}
	runCompute(t, []computeCase{
		{"3 give items need 2, 3 receive items need 2", half, Answers{"g1": 4},
			Result{Answered: 1, Total: 6, Give: val(100), Band: -1, Needed: 3, Gap: -1, Areas: none}},
		{"a checklist answers its boxes", half, Answers{"g1": 4, "g2": 0, "l": 1},
			Result{Answered: 4, Total: 6, Give: val(50), Receive: val(0), Balance: val(-50), Band: 0, Gap: -1, Areas: none}},
		{"does not apply counts as answered", half, Answers{"g1": 4, "g2": 0, "g3": 0, "r": NA},
			Result{Answered: 4, Total: 6, Give: val(33), Band: -1, Needed: 1, Gap: -1, Areas: none}},
	})
	// Pick on its own, for each kind of range and emptiness.
	for _, tc := range []struct {
		b                            Band
		give, receive, balance, lean Score
		want                         bool
	}{
		{Band{}, empty, empty, empty, empty, false},
		{Band{}, empty, empty, empty, val(-5), true},
		{Band{}, empty, val(0), empty, empty, true},
		{Band{Balance: rng(-100, 100)}, val(1), empty, empty, empty, false},
		{Band{Balance: rng(-10, 10)}, val(50), val(55), val(5), empty, true},
		{Band{Balance: rng(-10, 10)}, val(50), val(70), val(20), empty, false},
		{Band{Lean: rng(-100, 0)}, val(50), val(70), val(20), empty, false},
		{Band{Lean: rng(-100, 0)}, empty, empty, empty, val(0), true},
		{Band{Give: rng(0, 10), Receive: rng(0, 10)}, val(5), empty, empty, empty, false},
	} {
		got := Pick([]Band{tc.b}, tc.give, tc.receive, tc.balance, tc.lean) == 0
		if got != tc.want {
			t.Errorf("band %+v with give %v receive %v balance %v lean %v: holds = %v, want %v",
				tc.b, tc.give, tc.receive, tc.balance, tc.lean, got, tc.want)
		}
	}
}

// TestValues: on a scale whose options have gaps, an answer between them
// is unanswered, like one outside the scale.
func TestValues(t *testing.T) {
	m := &Model{Items: []Item{
		{Key: "a", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{0, 5, 10}},
		{Key: "b", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{10, 5, 0}, NA: true},
	}}
	runCompute(t, []computeCase{
		{"options", m, Answers{"a": 5, "b": 10}, Result{Answered: 2, Total: 2, Give: val(75), Band: -1, Gap: -1, Areas: []AreaResult{}}},
		{"between options", m, Answers{"a": 4, "b": 10}, Result{Answered: 1, Total: 2, Give: val(100), Band: -1, Gap: -1, Areas: []AreaResult{}}},
		{"does not apply", m, Answers{"a": 0, "b": NA}, Result{Answered: 2, Total: 2, Give: val(0), Band: -1, Gap: -1, Areas: []AreaResult{}}},
	})
}

func TestValidateFeatures(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    *Model
		want string
	}{
		{"lean", &Model{Items: []Item{lean("deal", -3, 3, "")}, Bands: []Band{{Lean: rng(-100, 0)}}}, ""},
		{"checklist", &Model{Items: []Item{box("w", "x", Give, 1), box("w", "y", Receive, 2)}}, ""},
		{"lean box", &Model{Items: []Item{with(box("w", "x", Give, 1), func(it *Item) { it.Side = Lean })}},
			`score: item "w.x": a checklist box scores give or receive`},
		{"box scale", &Model{Items: []Item{with(box("w", "x", Give, 1), func(it *Item) { it.Min, it.Max = 0, 4 })}},
			`score: item "w.x": a checklist box runs from 0 to 1`},
		{"box na", &Model{Items: []Item{with(box("w", "x", Give, 1), func(it *Item) { it.NA = true })}},
			`score: item "w.x": a checklist box has no "does not apply" and no alert`},
		{"box alert", &Model{Items: []Item{with(box("w", "x", Give, 1), func(it *Item) { it.Alert = rng(1, 1) })}},
			`score: item "w.x": a checklist box has no "does not apply" and no alert`},
		{"checklist named like an item", &Model{Items: []Item{freq("w", Give, ""), box("w", "x", Give, 1)}},
			`score: checklist "w" has the key of an item`},
		{"lean band", &Model{Bands: []Band{{Lean: rng(5, -5)}}}, "score: a band range has min > max"},
		{"values", &Model{Items: []Item{{Key: "a", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{10, 0, 5}}}}, ""},
		{"values without max", &Model{Items: []Item{{Key: "a", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{0, 5}}}},
			`score: item "a": values must be distinct, from min to max, with both`},
		{"values beyond max", &Model{Items: []Item{{Key: "a", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{0, 10, 11}}}},
			`score: item "a": values must be distinct, from min to max, with both`},
		{"values twice", &Model{Items: []Item{{Key: "a", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{0, 10, 10}}}},
			`score: item "a": values must be distinct, from min to max, with both`},
		{"box values", &Model{Items: []Item{with(box("w", "x", Give, 1), func(it *Item) { it.Values = []int{0, 1} })}},
			`score: item "w.x": a checklist box has no values`},
	} {
		err := tc.m.Validate()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: Validate() = %q, want %q", tc.name, got, tc.want)
		}
	}
}
