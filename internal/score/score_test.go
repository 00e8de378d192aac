package score

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"testing"
)

func rng(lo, hi int) *Range { return &Range{lo, hi} }

func val(v int) Score { return Score{Value: v, Valid: true} }

var empty = Score{}

// freq is an item on the built-in five-option scales (0..4).
func freq(key string, side Side, area string) Item {
	return Item{Key: key, Side: side, Area: area, Weight: 1, Min: 0, Max: 4}
}

func with(it Item, f func(*Item)) Item { f(&it); return it }

func TestRound(t *testing.T) {
	tests := []struct {
		x    float64
		want int
	}{
		{0, 0}, {0.4999999, 0}, {0.5, 1}, {-0.5, -1}, {1.5, 2}, {-1.5, -2},
		{2.5, 3}, {-2.5, -3}, {62.5, 63}, {-62.5, -63}, {62.49999999, 62},
		{-62.49999999, -62}, {99.5, 100}, {-99.5, -100}, {100, 100},
		{math.NaN(), 0}, {math.Inf(1), math.MaxInt}, {math.Inf(-1), math.MinInt},
	}
	for _, tt := range tests {
		if got := Round(tt.x); got != tt.want {
			t.Errorf("Round(%v) = %d, want %d", tt.x, got, tt.want)
		}
	}
}

// pairModel is the worksheet most cases share: two areas, pairs in each,
// and three bands in the order the example uses.
var pairModel = &Model{
	Items: []Item{
		freq("listen.give", Give, "emotional"),
		freq("listen.receive", Receive, "emotional"),
		freq("help.give", Give, "practical"),
		freq("help.receive", Receive, "practical"),
	},
	Areas: []string{"emotional", "practical"},
	Bands: []Band{
		{Balance: rng(-100, -16)},
		{Balance: rng(-15, 15), Give: rng(60, 100)},
		{},
	},
}

func TestCompute(t *testing.T) {
	tests := []struct {
		name string
		m    *Model
		a    Answers
		want Result
	}{
		{
			name: "nil model",
			m:    nil,
			want: Result{Band: -1, Gap: -1},
		},
		{
			name: "no items, no areas",
			m:    &Model{Bands: []Band{{}}},
			a:    Answers{"x": 1},
			want: Result{Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "no answers",
			m:    pairModel,
			want: Result{Total: 4, Band: -1, Needed: 2, Gap: -1, Areas: []AreaResult{{ID: "emotional"}, {ID: "practical"}}},
		},
		{
			name: "only give answered: no band yet, the receive side waits for an answer",
			m:    pairModel,
			a:    Answers{"listen.give": 3, "help.give": 4},
			want: Result{
				Answered: 2, Total: 4, Give: val(88), Band: -1, Needed: 1, Gap: -1,
				Areas: []AreaResult{{ID: "emotional", Give: val(75)}, {ID: "practical", Give: val(100)}},
			},
		},
		{
			name: "all answered: giving more, first band",
			m:    pairModel,
			a:    Answers{"listen.give": 4, "listen.receive": 1, "help.give": 4, "help.receive": 2},
			want: Result{
				Answered: 4, Total: 4, Give: val(100), Receive: val(38), Balance: val(-62), Band: 0,
				Areas: []AreaResult{
					{ID: "emotional", Give: val(100), Receive: val(25), Balance: val(-75)},
					{ID: "practical", Give: val(100), Receive: val(50), Balance: val(-50)},
				},
				Gap: 0,
			},
		},
		{
			name: "balanced and engaged: second band, gap tie goes to the first area",
			m:    pairModel,
			a:    Answers{"listen.give": 3, "listen.receive": 4, "help.give": 4, "help.receive": 3},
			want: Result{
				Answered: 4, Total: 4, Give: val(88), Receive: val(88), Balance: val(0), Band: 1,
				Areas: []AreaResult{
					{ID: "emotional", Give: val(75), Receive: val(100), Balance: val(25)},
					{ID: "practical", Give: val(100), Receive: val(75), Balance: val(-25)},
				},
				Gap: 0,
			},
		},
		{
			name: "balanced but low: a band whose only range fails falls through to the catch-all",
			m:    pairModel,
			a:    Answers{"listen.give": 1, "listen.receive": 1},
			want: Result{
				Answered: 2, Total: 4, Give: val(25), Receive: val(25), Balance: val(0), Band: 2,
				Areas: []AreaResult{
					{ID: "emotional", Give: val(25), Receive: val(25), Balance: val(0)},
					{ID: "practical"},
				},
				Gap: 0, // a gap of 0 is still the biggest one there is
			},
		},
		{
			name: "biggest gap is the second area; an area without balance is skipped",
			m: &Model{
				Items: []Item{
					freq("a.give", Give, "a"), freq("a.receive", Receive, "a"),
					freq("b.give", Give, "b"), freq("b.receive", Receive, "b"),
					freq("c.give", Give, "c"),
				},
				Areas: []string{"c", "a", "b"},
			},
			a: Answers{"a.give": 2, "a.receive": 3, "b.give": 4, "b.receive": 1, "c.give": 0},
			want: Result{
				Answered: 5, Total: 5, Give: val(50), Receive: val(50), Balance: val(0), Band: -1,
				Areas: []AreaResult{
					{ID: "c", Give: val(0)},
					{ID: "a", Give: val(50), Receive: val(75), Balance: val(25)},
					{ID: "b", Give: val(100), Receive: val(25), Balance: val(-75)},
				},
				Gap: 2,
			},
		},
		{
			name: "weights: 100·(2·1 + 1·0)/3 = 66.67",
			m: &Model{Items: []Item{
				with(freq("a", Give, ""), func(it *Item) { it.Weight = 2 }),
				freq("b", Give, ""),
			}},
			a:    Answers{"a": 4, "b": 0},
			want: Result{Answered: 2, Total: 2, Give: val(67), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "reverse item: 1 on 0..4 reversed is 0.75",
			m:    &Model{Items: []Item{with(freq("a", Receive, ""), func(it *Item) { it.Reverse = true })}},
			a:    Answers{"a": 1},
			want: Result{Answered: 1, Total: 1, Receive: val(75), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "unanswered items leave the denominator",
			m:    &Model{Items: []Item{freq("a", Give, ""), freq("b", Give, ""), freq("c", Give, "")}},
			a:    Answers{"b": 3},
			want: Result{Answered: 1, Total: 3, Give: val(75), Band: -1, Needed: 1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "half rounds up: (1 + 0.25)/2 = 62.5",
			m:    &Model{Items: []Item{freq("a", Give, ""), freq("b", Give, "")}},
			a:    Answers{"a": 4, "b": 1},
			want: Result{Answered: 2, Total: 2, Give: val(63), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "half with weights 0.3 and 0.5 on a three-option scale: 50/0.8 = 62.5",
			m: &Model{Items: []Item{
				{Key: "a", Side: Give, Weight: 0.3, Min: 0, Max: 2},
				{Key: "b", Side: Give, Weight: 0.5, Min: 0, Max: 2},
			}},
			a:    Answers{"a": 0, "b": 2},
			want: Result{Answered: 2, Total: 2, Give: val(63), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "half with weight 0.1 on scales 0..4 and 1..5: 87.5",
			m: &Model{Items: []Item{
				{Key: "a", Side: Receive, Weight: 0.1, Min: 0, Max: 4},
				{Key: "b", Side: Receive, Weight: 0.1, Min: 1, Max: 5},
			}},
			a:    Answers{"a": 4, "b": 4},
			want: Result{Answered: 2, Total: 2, Receive: val(88), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "half with weights 1.5 and 1.5 on 1..5 and 0..2: 12.5",
			m: &Model{Items: []Item{
				{Key: "a", Side: Give, Weight: 1.5, Min: 1, Max: 5},
				{Key: "b", Side: Give, Weight: 1.5, Min: 0, Max: 2},
			}},
			a:    Answers{"a": 2, "b": 0},
			want: Result{Answered: 2, Total: 2, Give: val(13), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "negative balance from halves: give 62.5 -> 63, receive 12.5 -> 13, balance -50",
			m: &Model{Items: []Item{
				{Key: "g1", Side: Give, Weight: 2, Min: 0, Max: 4},
				{Key: "g2", Side: Give, Weight: 2, Min: 0, Max: 4},
				{Key: "r1", Side: Receive, Weight: 0.5, Min: 0, Max: 4},
				{Key: "r2", Side: Receive, Weight: 0.5, Min: 0, Max: 4},
			}},
			a: Answers{"g1": 4, "g2": 1, "r1": 1, "r2": 0},
			want: Result{Answered: 4, Total: 4, Give: val(63), Receive: val(13), Balance: val(-50),
				Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "band ranges on give and receive only; order decides",
			m: &Model{
				Items: []Item{freq("g", Give, ""), freq("r", Receive, "")},
				Bands: []Band{
					{Give: rng(0, 49), Receive: rng(0, 49)},
					{Receive: rng(50, 100)},
					{Give: rng(50, 100)},
				},
			},
			a: Answers{"g": 4, "r": 2},
			want: Result{Answered: 2, Total: 2, Give: val(100), Receive: val(50), Balance: val(-50),
				Band: 1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "no band matches",
			m: &Model{
				Items: []Item{freq("g", Give, ""), freq("r", Receive, "")},
				Bands: []Band{{Balance: rng(1, 100)}, {Balance: rng(-100, -1)}},
			},
			a: Answers{"g": 2, "r": 2},
			want: Result{Answered: 2, Total: 2, Give: val(50), Receive: val(50), Balance: val(0),
				Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "alert on the give side of a pair, whatever the band",
			m: &Model{
				Items: []Item{
					with(freq("no.give", Give, ""), func(it *Item) { it.Alert = rng(0, 1) }),
					with(freq("no.receive", Receive, ""), func(it *Item) { it.Alert = rng(0, 1) }),
				},
				Bands: []Band{{}},
			},
			a: Answers{"no.give": 1, "no.receive": 4},
			want: Result{Answered: 2, Total: 2, Give: val(25), Receive: val(100), Balance: val(75),
				Band: 0, Alert: true, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "alert on the receive side of a pair alone",
			m: &Model{Items: []Item{
				with(freq("no.give", Give, ""), func(it *Item) { it.Alert = rng(0, 1) }),
				with(freq("no.receive", Receive, ""), func(it *Item) { it.Alert = rng(0, 1) }),
			}},
			a: Answers{"no.receive": 0},
			want: Result{Answered: 1, Total: 2, Receive: val(0), Band: -1, Needed: 1, Alert: true, Gap: -1,
				Areas: []AreaResult{}},
		},
		{
			name: "answer outside the alert range: no alert",
			m:    &Model{Items: []Item{with(freq("a", Receive, ""), func(it *Item) { it.Alert = rng(0, 1) })}},
			a:    Answers{"a": 2},
			want: Result{Answered: 1, Total: 1, Receive: val(50), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "answers outside the scale are unanswered and raise no alert",
			m: &Model{Items: []Item{
				with(freq("a", Receive, ""), func(it *Item) { it.Alert = rng(-5, 0) }),
				freq("b", Receive, ""),
				freq("c", Give, ""),
			}},
			a:    Answers{"a": -1, "b": 5, "c": 2, "unknown": 3},
			want: Result{Answered: 1, Total: 3, Give: val(50), Band: -1, Needed: 1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "items of an undeclared area count in the totals only",
			m: &Model{
				Items: []Item{freq("a", Give, "ghost"), freq("b", Receive, "real")},
				Areas: []string{"real"},
			},
			a: Answers{"a": 4, "b": 0},
			want: Result{Answered: 2, Total: 2, Give: val(100), Receive: val(0), Balance: val(-100), Band: -1,
				Areas: []AreaResult{{ID: "real", Receive: val(0)}}, Gap: -1},
		},
		{
			name: "invalid items are ignored",
			m: &Model{Items: []Item{
				{Key: "zero", Side: Give, Weight: 0, Min: 0, Max: 4},
				{Key: "nan", Side: Give, Weight: math.NaN(), Min: 0, Max: 4},
				{Key: "inf", Side: Give, Weight: math.Inf(1), Min: 0, Max: 4},
				{Key: "flat", Side: Give, Weight: 1, Min: 2, Max: 2},
				{Key: "side", Side: "both", Weight: 1, Min: 0, Max: 4},
				freq("ok", Give, ""),
			}},
			a:    Answers{"zero": 4, "nan": 4, "inf": 4, "flat": 2, "side": 4, "ok": 0},
			want: Result{Answered: 1, Total: 1, Give: val(0), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "weights that are no short decimal use the float path",
			m: &Model{Items: []Item{
				{Key: "a", Side: Give, Weight: 1.0 / 3, Min: 0, Max: 4},
				{Key: "b", Side: Give, Weight: 2.0 / 3, Min: 0, Max: 4},
			}},
			a:    Answers{"a": 4, "b": 1}, // 100·(1/3 + 2/3·1/4)/1 = 50
			want: Result{Answered: 2, Total: 2, Give: val(50), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
		{
			name: "huge scales use the float path",
			m: &Model{Items: []Item{
				{Key: "a", Side: Give, Weight: 1, Min: math.MinInt64, Max: math.MaxInt64},
				{Key: "b", Side: Give, Weight: 1e300, Min: 0, Max: 1},
			}},
			a:    Answers{"a": math.MaxInt64, "b": 0},
			want: Result{Answered: 2, Total: 2, Give: val(0), Band: -1, Gap: -1, Areas: []AreaResult{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.m, tt.a)
			if !equal(got, tt.want) {
				t.Errorf("Compute =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func equal(a, b Result) bool {
	if a.Answered != b.Answered || a.Total != b.Total || a.Give != b.Give || a.Receive != b.Receive ||
		a.Balance != b.Balance || a.Lean != b.Lean || a.Band != b.Band || a.Needed != b.Needed || a.Alert != b.Alert || a.Gap != b.Gap ||
		len(a.Areas) != len(b.Areas) || (a.Areas == nil) != (b.Areas == nil) {
		return false
	}
	for i := range a.Areas {
		if a.Areas[i] != b.Areas[i] {
			return false
		}
	}
	return true
}

// reference is the score of one side by the formulas in exact
// rational arithmetic, reading each weight as the shortest decimal that
// prints it. items must be valid (see Item.valid).
func reference(items []Item, a Answers, side Side) (Score, *big.Rat) {
	answeredList := map[string]bool{}
	for _, it := range items {
		if it.Checklist != "" && (a[it.Key] == 1 || a[it.Checklist] == 1) {
			answeredList[it.Checklist] = true
		}
	}
	num, den := new(big.Rat), new(big.Rat)
	answered := false
	for _, it := range items {
		if it.Side != side {
			continue
		}
		v, ok := a[it.Key]
		switch {
		case it.Checklist != "":
			if !answeredList[it.Checklist] {
				continue
			}
			if v != 1 {
				v = 0
			}
		case !ok || v == NA || v < it.Min || v > it.Max || (len(it.Values) > 0 && !slices.Contains(it.Values, v)):
			continue
		}
		answered = true
		w, _ := new(big.Rat).SetString(strconv.FormatFloat(it.Weight, 'g', -1, 64))
		span := new(big.Rat).SetInt(new(big.Int).Sub(big.NewInt(int64(it.Max)), big.NewInt(int64(it.Min))))
		n := new(big.Rat).SetInt(new(big.Int).Sub(big.NewInt(int64(v)), big.NewInt(int64(it.Min))))
		n.Quo(n, span)
		if side == Lean {
			n.Sub(n.Add(n, n), big.NewRat(1, 1)) // t = 2n - 1
			if it.Reverse {
				n.Neg(n)
			}
		} else if it.Reverse {
			n.Sub(big.NewRat(1, 1), n)
		}
		num.Add(num, n.Mul(n, w))
		den.Add(den, w)
	}
	if !answered {
		return Score{}, nil
	}
	x := num.Mul(num, big.NewRat(100, 1))
	x.Quo(x, den)
	// Half away from zero: floor(|x| + 1/2), with the sign of x.
	h := new(big.Rat).Abs(x)
	h.Add(h, big.NewRat(1, 2))
	q := new(big.Int).Quo(h.Num(), h.Denom())
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return val(int(q.Int64())), x
}

// TestHalves checks every two-item combination of decimal weights and scales
// of three and five options, on the give side and as lean items, against
// exact rational arithmetic, and that many of them are true halves (of
// either sign).
func TestHalves(t *testing.T) {
	weights := []float64{2, 0.5, 1, 1.5, 0.1, 0.3, 0.7, 3}
	scales := [][2]int{{0, 2}, {0, 4}, {1, 5}, {-2, 2}}
	halves, negHalves := 0, 0
	for _, side := range []Side{Give, Lean} {
		for _, w1 := range weights {
			for _, w2 := range weights {
				for _, s1 := range scales {
					for _, s2 := range scales {
						for _, rev := range []bool{false, true} {
							items := []Item{
								{Key: "a", Side: side, Weight: w1, Min: s1[0], Max: s1[1], Reverse: rev},
								{Key: "b", Side: side, Weight: w2, Min: s2[0], Max: s2[1]},
							}
							m := &Model{Items: items}
							for v1 := s1[0]; v1 <= s1[1]; v1++ {
								for v2 := s2[0]; v2 <= s2[1]; v2++ {
									a := Answers{"a": v1, "b": v2}
									want, x := reference(items, a, side)
									if x.Denom().Cmp(big.NewInt(2)) == 0 {
										halves++
										if x.Sign() < 0 {
											negHalves++
										}
									}
									r := Compute(m, a)
									got := r.Give
									if side == Lean {
										got = r.Lean
									}
									if got != want {
										t.Fatalf("%s: weights %v, %v scales %v, %v reverse %v answers %v: score = %v, want %v (exact %s)",
											side, w1, w2, s1, s2, rev, a, got, want, x.RatString())
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if halves < 200 || negHalves < 50 {
		t.Errorf("only %d true halves checked, %d of them negative", halves, negHalves)
	}
	t.Logf("%d true halves checked, %d of them negative", halves, negHalves)
}

func TestValidate(t *testing.T) {
	ok := freq("ok", Give, "")
	tests := []struct {
		name string
		m    *Model
		want string
	}{
		{"valid", pairModel, ""},
		{"nil", nil, "score: no model"},
		{"no key", &Model{Items: []Item{with(ok, func(it *Item) { it.Key = "" })}}, "score: an item has no key"},
		{"twice", &Model{Items: []Item{ok, ok}}, `score: item "ok" appears twice`},
		{"side", &Model{Items: []Item{with(ok, func(it *Item) { it.Side = "" })}},
			`score: item "ok": side must be "give", "receive" or "lean"`},
		{"weight", &Model{Items: []Item{with(ok, func(it *Item) { it.Weight = -1 })}},
			`score: item "ok": weight must be a number > 0`},
		{"nan weight", &Model{Items: []Item{with(ok, func(it *Item) { it.Weight = math.NaN() })}},
			`score: item "ok": weight must be a number > 0`},
		{"scale", &Model{Items: []Item{with(ok, func(it *Item) { it.Max = 0 })}},
			`score: item "ok": max must be greater than min`},
		{"alert", &Model{Items: []Item{with(ok, func(it *Item) { it.Alert = rng(2, 1) })}},
			`score: item "ok": alert range has min > max`},
		{"band", &Model{Bands: []Band{{}, {Receive: rng(9, 0)}}}, "score: a band range has min > max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.m.Validate()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate() = %q, want %q", got, tt.want)
			}
		})
	}
}
