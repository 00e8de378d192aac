package score

import "math"

// Score is one rounded score. Valid is false when the score is empty: no item
// it depends on was answered. Pages show an empty score as an em dash.
type Score struct {
	Value int
	Valid bool
}

// AreaResult holds the scores of one area, over that area's items only.
type AreaResult struct {
	ID                     string
	Give, Receive, Balance Score
}

// Result is what a set of answers means for a worksheet.
type Result struct {
	Answered, Total        int // scored items answered / all scored items (a pair counts as 2)
	Give, Receive, Balance Score
	Band                   int  // index into Model.Bands, -1 when none (always -1 when Balance is empty)
	Alert                  bool // an answered item with an alert range holds a value in it
	Areas                  []AreaResult
	Gap                    int // index into Areas of the biggest |balance| (ties: first), -1 when none
}

// Round rounds x to the nearest integer, halves away from zero (2.5 -> 3,
// -2.5 -> -3). NaN rounds to 0; values beyond the int range saturate.
func Round(x float64) int {
	r := math.Round(x)
	switch {
	case r != r:
		return 0
	case r >= math.MaxInt64:
		return math.MaxInt
	case r <= math.MinInt64:
		return math.MinInt
	}
	return int(r)
}

// valid reports whether an item can be scored: a known side, a finite
// positive weight and a scale with Max > Min. Compute ignores other items
// entirely; Validate reports them.
func (it *Item) valid() bool {
	return (it.Side == Give || it.Side == Receive) &&
		it.Weight > 0 && !math.IsInf(it.Weight, 1) && it.Max > it.Min
}

// answered returns the item's answer and whether it counts: present and
// within [Min, Max]. An answer outside the scale is treated as unanswered.
func (it *Item) answered(a Answers) (int, bool) {
	v, ok := a[it.Key]
	if !ok || v < it.Min || v > it.Max {
		return 0, false
	}
	return v, true
}

// scored is one answered, valid item as the side sums need it.
type scored struct {
	item *Item
	v    int
}

// Compute scores answers against a model. It never fails: invalid items (see
// Validate) and out-of-scale answers are ignored, keys of the answers that
// name no item are ignored, and a nil model scores as an empty worksheet.
func Compute(m *Model, a Answers) Result {
	res := Result{Band: -1, Gap: -1}
	if m == nil {
		return res
	}
	var give, receive []scored
	for i := range m.Items {
		it := &m.Items[i]
		if !it.valid() {
			continue
		}
		res.Total++
		v, ok := it.answered(a)
		if !ok {
			continue
		}
		res.Answered++
		if it.Alert != nil && it.Alert.Contains(v) {
			res.Alert = true
		}
		if it.Side == Give {
			give = append(give, scored{it, v})
		} else {
			receive = append(receive, scored{it, v})
		}
	}
	res.Give = sideScore(give, nil)
	res.Receive = sideScore(receive, nil)
	res.Balance = balance(res.Give, res.Receive)
	if res.Balance.Valid {
		for i, b := range m.Bands {
			if b.matches(res.Balance.Value, res.Give.Value, res.Receive.Value) {
				res.Band = i
				break
			}
		}
	}
	res.Areas = make([]AreaResult, len(m.Areas))
	best := -1
	for i, id := range m.Areas {
		ar := AreaResult{ID: id, Give: sideScore(give, &id), Receive: sideScore(receive, &id)}
		ar.Balance = balance(ar.Give, ar.Receive)
		res.Areas[i] = ar
		if ar.Balance.Valid && abs(ar.Balance.Value) > best {
			best = abs(ar.Balance.Value)
			res.Gap = i
		}
	}
	return res
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func balance(give, receive Score) Score {
	if !give.Valid || !receive.Valid {
		return Score{}
	}
	return Score{Value: receive.Value - give.Value, Valid: true}
}

func (b *Band) matches(balance, give, receive int) bool {
	return inRange(b.Balance, balance) && inRange(b.Give, give) && inRange(b.Receive, receive)
}

func inRange(r *Range, v int) bool { return r == nil || r.Contains(v) }

// sideScore is 100 × Σ(w·n) / Σw over the items (of one side) in area, or
// over all of them when area is nil, rounded half away from zero.
func sideScore(items []scored, area *string) Score {
	var sel []scored
	if area == nil {
		sel = items
	} else {
		for _, s := range items {
			if s.item.Area == *area {
				sel = append(sel, s)
			}
		}
	}
	if len(sel) == 0 {
		return Score{}
	}
	if v, ok := exactScore(sel); ok {
		return Score{Value: v, Valid: true}
	}
	return Score{Value: floatScore(sel), Valid: true}
}

// pow10 holds the powers of ten a weight's decimal form may use.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// decimal returns the decimal with the fewest fractional digits (at most 9)
// that reads back as w: w == d / 10^k. That is the number the counselor
// wrote ("0.1" gives 1/10, not the binary fraction nearest to it).
func decimal(w float64) (d int64, k int, ok bool) {
	for k, p := range pow10 {
		x := w * p
		if x >= 1<<53 {
			return 0, 0, false
		}
		r := math.Round(x)
		if r > 0 && r/p == w {
			return int64(r), k, true
		}
	}
	return 0, 0, false
}

// exactScore computes the score with integers only, so a true half (62.5)
// is seen as one and rounds up. With weights d_i/10^k and n_i = num_i/span_i
// the score is 100·Σ(D_i·num_i·L/span_i) / (L·ΣD_i), where D_i are the
// weights brought to a common number of decimals and L is the least common
// multiple of the spans. ok is false when a weight is not a short decimal or
// a number overflows; the caller then falls back to floatScore.
func exactScore(sel []scored) (int, bool) {
	maxK := 0
	span := int64(1) // least common multiple of the spans
	for _, s := range sel {
		_, k, ok := decimal(s.item.Weight)
		if !ok {
			return 0, false
		}
		maxK = max(maxK, k)
		sp, ok := sub(int64(s.item.Max), int64(s.item.Min))
		if !ok {
			return 0, false
		}
		if span, ok = mul(span/gcd(span, sp), sp); !ok {
			return 0, false
		}
	}
	var num, den int64
	for _, s := range sel {
		d, k, _ := decimal(s.item.Weight)
		w, ok := mul(d, int64(math.Round(pow10[maxK-k])))
		if !ok {
			return 0, false
		}
		if den, ok = add(den, w); !ok {
			return 0, false
		}
		it := s.item
		n := int64(s.v) - int64(it.Min) // both in [Min, Max]: no overflow once Max-Min fitted
		if it.Reverse {
			n = int64(it.Max) - int64(s.v)
		}
		t, ok := mul(w, n)
		if ok {
			t, ok = mul(t, span/(int64(it.Max)-int64(it.Min)))
		}
		if ok {
			num, ok = add(num, t)
		}
		if !ok {
			return 0, false
		}
	}
	p, ok := mul(num, 100)
	if !ok {
		return 0, false
	}
	q, ok := mul(den, span)
	if !ok {
		return 0, false
	}
	v, r := p/q, p%q // p >= 0, q > 0
	if r >= q-r {    // the fraction is at least one half: away from zero
		v++
	}
	return int(v), true
}

// floatScore is the fallback for weights that are no short decimals (1/3)
// or numbers too large for exactScore. Weights are scaled by the largest so
// the sums stay finite; every product is rounded before it is added
// (float64(...)) so no platform fuses it into a multiply-add and native Go
// and WebAssembly agree to the bit.
func floatScore(sel []scored) int {
	maxW := 0.0
	for _, s := range sel {
		maxW = max(maxW, s.item.Weight)
	}
	var sw, sn float64
	for _, s := range sel {
		it := s.item
		w := it.Weight / maxW
		n := float64(float64(s.v)-float64(it.Min)) / float64(float64(it.Max)-float64(it.Min))
		if it.Reverse {
			n = 1 - n
		}
		sw += w
		sn += float64(w * n)
	}
	return min(max(Round(float64(100*sn)/sw), 0), 100)
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// add, sub and mul are int64 operations that report overflow.
func add(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

func sub(a, b int64) (int64, bool) {
	c := a - b
	return c, (c < a) == (b > 0)
}

func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	return c, c/b == a && !(a == -1 && b == math.MinInt64) && !(b == -1 && a == math.MinInt64)
}
