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
	ID                           string
	Give, Receive, Balance, Lean Score
}

// Result is what a set of answers means for a worksheet.
type Result struct {
	// Answered and Total count scored items (a pair counts as 2, a checklist
	// as its scored options); "does not apply" counts as answered.
	Answered, Total              int
	Give, Receive, Balance, Lean Score
	Band                         int // index into Model.Bands, -1 when none holds or Needed > 0
	// Needed is how many more answers the band waits for: 0 once at
	// least half (rounded up) of the items of each side are answered.
	Needed int
	Alert  bool // an answered item with an alert range holds a value in it
	Areas  []AreaResult
	Gap    int // index into Areas of the biggest |balance| (ties: first), -1 when none
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
// positive weight and a scale with Max > Min; a checklist box on a give or
// receive side, from 0 to 1, without "does not apply" or alert. Compute
// ignores other items entirely; Validate reports them.
func (it *Item) valid() bool {
	if !(it.Weight > 0) || math.IsInf(it.Weight, 1) || it.Max <= it.Min {
		return false
	}
	switch it.Side {
	case Give, Receive:
	case Lean:
		if it.Checklist != "" {
			return false
		}
	default:
		return false
	}
	return it.Checklist == "" || (it.Min == 0 && it.Max == 1 && !it.NA && it.Alert == nil)
}

// answer returns the item's answer: whether it counts as answered, whether
// that answer is "does not apply", and otherwise its value. An answer
// outside the scale, and NA for an item whose scale does not offer it, are
// unanswered. ticked holds the checklists with a box of the model ticked.
func (it *Item) answer(a Answers, ticked map[string]bool) (v int, answered, na bool) {
	if it.Checklist != "" {
		if !ticked[it.Checklist] && a[it.Checklist] != 1 {
			return 0, false, false
		}
		if a[it.Key] == 1 {
			return 1, true, false
		}
		return 0, true, false
	}
	v, ok := a[it.Key]
	switch {
	case !ok:
		return 0, false, false
	case v == NA:
		return 0, it.NA, it.NA
	case v < it.Min || v > it.Max || !it.offers(v):
		return 0, false, false
	}
	return v, true, false
}

// offers reports whether v is one of the item's option values (v is within
// Min..Max).
func (it *Item) offers(v int) bool {
	if len(it.Values) == 0 {
		return true
	}
	for _, o := range it.Values {
		if o == v {
			return true
		}
	}
	return false
}

// scored is one answered, valid item with a value, as the sums need it.
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
	ticked := tickedLists(m, a)
	var sel []scored
	var items, answered [3]int // per side: give, receive, lean
	for i := range m.Items {
		it := &m.Items[i]
		if !it.valid() {
			continue
		}
		res.Total++
		side := sideIndex(it.Side)
		items[side]++
		v, ok, na := it.answer(a, ticked)
		if !ok {
			continue
		}
		res.Answered++
		answered[side]++
		if na {
			continue
		}
		if it.Alert != nil && it.Alert.Contains(v) {
			res.Alert = true
		}
		sel = append(sel, scored{it, v})
	}
	res.Give = sideScore(sel, Give, nil)
	res.Receive = sideScore(sel, Receive, nil)
	res.Balance = balance(res.Give, res.Receive)
	res.Lean = sideScore(sel, Lean, nil)
	for i := range items {
		if half := (items[i] + 1) / 2; answered[i] < half {
			res.Needed += half - answered[i]
		}
	}
	if res.Needed == 0 {
		res.Band = Pick(m.Bands, res.Give, res.Receive, res.Balance, res.Lean)
	}
	res.Areas = make([]AreaResult, len(m.Areas))
	best := -1
	for i, id := range m.Areas {
		ar := AreaResult{ID: id, Give: sideScore(sel, Give, &id), Receive: sideScore(sel, Receive, &id), Lean: sideScore(sel, Lean, &id)}
		ar.Balance = balance(ar.Give, ar.Receive)
		res.Areas[i] = ar
		if ar.Balance.Valid && abs(ar.Balance.Value) > best {
			best = abs(ar.Balance.Value)
			res.Gap = i
		}
	}
	return res
}

// sideIndex numbers the sides of valid items for the counts of Compute.
func sideIndex(s Side) int {
	switch s {
	case Give:
		return 0
	case Receive:
		return 1
	}
	return 2
}

// Pick returns the index of the first band that holds for the scores, or
// -1: a band with ranges holds when every score it names is not empty and
// in its range; a band with no ranges holds once give, receive or lean is
// not empty.
func Pick(bands []Band, give, receive, balance, lean Score) int {
	for i := range bands {
		if bands[i].holds(give, receive, balance, lean) {
			return i
		}
	}
	return -1
}

func (b *Band) holds(give, receive, balance, lean Score) bool {
	if b.Balance == nil && b.Give == nil && b.Receive == nil && b.Lean == nil {
		return give.Valid || receive.Valid || lean.Valid
	}
	return in(b.Balance, balance) && in(b.Give, give) && in(b.Receive, receive) && in(b.Lean, lean)
}

// in reports whether a score meets a band's range: a range not named always
// does; a named one needs a score, inside it.
func in(r *Range, s Score) bool { return r == nil || (s.Valid && r.Contains(s.Value)) }

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

// sideScore is the score of one side (give, receive or lean) over the items
// in area, or over all of them when area is nil: 100 × Σ(w·n) / Σw rounded
// half away from zero, where n is an item's fraction (see term).
func sideScore(items []scored, side Side, area *string) Score {
	var sel []scored
	for _, s := range items {
		if s.item.Side == side && (area == nil || s.item.Area == *area) {
			sel = append(sel, s)
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

// term is an answered item's fraction as num/span, span = Max - Min > 0:
// for give and receive num = v - Min (Max - v when Reverse), from 0 to span;
// for lean num = 2v - Min - Max (its opposite when Reverse), from -span to
// span. ok is false when a number does not fit in 64 bits.
func term(s scored) (num, span int64, ok bool) {
	it := s.item
	span, ok = sub(int64(it.Max), int64(it.Min))
	if !ok {
		return 0, 0, false
	}
	// Both in [0, span] since Min <= v <= Max: no overflow once span fits.
	up, down := int64(s.v)-int64(it.Min), int64(it.Max)-int64(s.v)
	switch {
	case it.Side == Lean && it.Reverse:
		return down - up, span, true
	case it.Side == Lean:
		return up - down, span, true
	case it.Reverse:
		return down, span, true
	}
	return up, span, true
}

// exactScore computes the score with integers only, so a true half (62.5,
// -62.5) is seen as one and rounds away from zero. With weights d_i/10^k and
// fractions num_i/span_i the score is 100·Σ(D_i·num_i·L/span_i) / (L·ΣD_i),
// where D_i are the weights brought to a common number of decimals and L is
// the least common multiple of the spans. ok is false when a weight is not a
// short decimal or a number overflows; the caller then falls back to
// floatScore.
func exactScore(sel []scored) (int, bool) {
	maxK := 0
	span := int64(1) // least common multiple of the spans
	for _, s := range sel {
		_, k, ok := decimal(s.item.Weight)
		if !ok {
			return 0, false
		}
		maxK = max(maxK, k)
		_, sp, ok := term(s)
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
		n, sp, _ := term(s)
		t, ok := mul(w, n)
		if ok {
			t, ok = mul(t, span/sp)
		}
		if ok {
			num, ok = add(num, t)
		}
		if !ok {
			return 0, false
		}
	}
	p, ok := mul(num, 100)
	if !ok || p == math.MinInt64 {
		return 0, false
	}
	q, ok := mul(den, span)
	if !ok {
		return 0, false
	}
	neg := p < 0
	if neg {
		p = -p
	}
	v, r := p/q, p%q // p >= 0, q > 0
	if r >= q-r {    // the fraction is at least one half: away from zero
		v++
	}
	if neg {
		v = -v
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
	lean := sel[0].item.Side == Lean
	var sw, sn float64
	for _, s := range sel {
		it := s.item
		w := it.Weight / maxW
		n := float64(float64(s.v)-float64(it.Min)) / float64(float64(it.Max)-float64(it.Min))
		if lean {
			n = float64(2*n) - 1
		}
		if it.Reverse && lean {
			n = -n
		} else if it.Reverse {
			n = 1 - n
		}
		sw += w
		sn += float64(w * n)
	}
	if lean {
		return min(max(Round(float64(100*sn)/sw), -100), 100)
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
