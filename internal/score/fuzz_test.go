package score

import (
	"encoding/binary"
	"math"
	"testing"
)

// reader turns fuzz bytes into small numbers; past the end it yields zeros.
type reader struct{ b []byte }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) small(n int) int { return int(r.byte()) % n }

// decode builds a model and answers from fuzz bytes. Most weights come from
// a list of decimals, so the exact reference applies; a few are raw float
// bits and scales may be huge, to reach the float path and invalid items.
// Items are give, receive or lean items on a scale (some with "does not
// apply", answered NA now and then) or boxes of two checklists.
func decode(data []byte) (*Model, Answers, bool) {
	r := &reader{data}
	weights := []float64{1, 2, 0.5, 1.5, 0.1, 0.3, 3, 0.25, 10, 0.001}
	areas := []string{"a", "b", "c"}
	m := &Model{Areas: areas[:r.small(4)]}
	a := Answers{}
	decimalOnly := true
	keys := []string{"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"}
	lists := []string{"l0", "l1"}
	for i, n := 0, r.small(len(keys)+1); i < n; i++ {
		it := Item{Key: keys[i], Side: Give, Weight: weights[r.small(len(weights))]}
		flags := r.byte()
		kind := r.byte()
		switch kind % 4 {
		case 1:
			it.Side = Receive
		case 2:
			it.Side = Lean
		}
		it.Reverse = flags&2 != 0
		if flags&4 != 0 {
			it.Area = areas[r.small(len(areas))]
		}
		if flags&8 != 0 {
			it.Alert = &Range{r.small(7) - 1, r.small(7) - 1}
		}
		it.Min = r.small(5) - 2
		it.Max = it.Min + r.small(6) // may equal Min: an invalid item
		it.NA = flags&1 != 0
		if flags&16 != 0 {
			var buf [8]byte
			for j := range buf {
				buf[j] = r.byte()
			}
			it.Weight = math.Float64frombits(binary.LittleEndian.Uint64(buf[:]))
			decimalOnly = false
		}
		if flags&32 != 0 {
			it.Min, it.Max = math.MinInt64+1+r.small(3), math.MaxInt64-r.small(3)
			decimalOnly = false
		}
		if vb := r.byte(); vb&1 != 0 && it.Max-it.Min >= 2 && it.Max-it.Min < 100 {
			// Options with gaps, in either order: the ends and the middle.
			it.Values = []int{it.Min, it.Min + (it.Max-it.Min)/2, it.Max}
			if vb&2 != 0 {
				it.Values[0], it.Values[2] = it.Values[2], it.Values[0]
			}
		}
		if kind&4 != 0 { // a checklist box: valid when its scale is 0..1
			list := lists[r.small(len(lists))]
			it.Key, it.Checklist = list+"."+it.Key, list
			if kind&8 != 0 {
				it.Min, it.Max, it.NA, it.Alert, it.Values = 0, 1, false, nil, nil
			}
			if r.byte()&1 != 0 {
				a[it.Key] = r.small(3) // 1 ticks it
			}
			if r.byte()&1 != 0 {
				a[list] = r.small(3) // 1 answers the list
			}
		} else if flags&64 == 0 {
			a[it.Key] = it.Min + r.small(8) - 1 // sometimes outside the scale
			if flags&128 != 0 {
				a[it.Key] = NA
			}
		}
		m.Items = append(m.Items, it)
	}
	for i, n := 0, r.small(5); i < n; i++ {
		var b Band
		for j, p := range []**Range{&b.Balance, &b.Give, &b.Receive, &b.Lean} {
			if r.byte()&1 != 0 {
				lo := r.small(201) - 100
				if j == 1 || j == 2 {
					lo = r.small(101)
				}
				*p = &Range{lo, lo + r.small(120)}
			}
		}
		m.Bands = append(m.Bands, b)
	}
	return m, a, decimalOnly
}

// firstBand is the band rule written out again, as the issue states it.
func firstBand(bands []Band, give, receive, balance, lean Score) int {
	for i, b := range bands {
		named := false
		holds := true
		for _, c := range []struct {
			r *Range
			s Score
		}{{b.Balance, balance}, {b.Give, give}, {b.Receive, receive}, {b.Lean, lean}} {
			if c.r == nil {
				continue
			}
			named = true
			holds = holds && c.s.Valid && c.s.Value >= c.r[0] && c.s.Value <= c.r[1]
		}
		if !named {
			holds = give.Valid || receive.Valid || lean.Valid
		}
		if holds {
			return i
		}
	}
	return -1
}

func FuzzCompute(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 4, 0, 0, 2, 3, 1, 1, 3, 1, 1})
	f.Add([]byte{2, 6, 1, 12, 1, 2, 4, 2, 3, 2, 5, 0, 4, 4, 7, 3, 1, 0, 150, 60, 1, 1, 80})
	f.Add([]byte{3, 10, 5, 0, 0, 0, 4, 1, 3, 6, 9, 0, 1, 4, 5, 9, 2, 7, 10, 6, 2, 4, 7, 1, 1, 99, 200, 0})
	f.Add([]byte{1, 4, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 2})
	f.Add([]byte{1, 4, 48, 1, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0, 0, 0})
	f.Add([]byte{2, 3, 8, 1, 1, 1, 3, 2, 9, 1, 0, 0, 2, 3, 1, 5, 1, 0, 5, 7, 2, 1, 100, 20, 1, 0})
	f.Add([]byte{3, 6, 1, 2, 2, 0, 3, 2, 5, 12, 1, 1, 1, 3, 1, 0, 2, 7, 1, 1, 99, 1, 200, 1, 40, 1, 60})
	f.Add([]byte{2, 5, 129, 1, 4, 0, 5, 2, 2, 2, 1, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, a, decimalOnly := decode(data)
		got := Compute(m, a)
		if again := Compute(m, a); !equal(got, again) {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
		check := func(what string, s Score, lo int) {
			if s.Valid && (s.Value < lo || s.Value > 100) {
				t.Errorf("%s = %d, outside %d..100", what, s.Value, lo)
			}
			if !s.Valid && s.Value != 0 {
				t.Errorf("%s empty with value %d", what, s.Value)
			}
		}
		checkScores := func(what string, g, r, b, l Score) {
			check(what+" give", g, 0)
			check(what+" receive", r, 0)
			check(what+" lean", l, -100)
			if b.Valid != (g.Valid && r.Valid) {
				t.Errorf("%s balance valid %v with give %v receive %v", what, b.Valid, g.Valid, r.Valid)
			}
			if b.Valid && (b.Value != r.Value-g.Value || b.Value < -100 || b.Value > 100) {
				t.Errorf("%s balance %d, give %d receive %d", what, b.Value, g.Value, r.Value)
			}
		}
		checkScores("worksheet", got.Give, got.Receive, got.Balance, got.Lean)
		if got.Answered < 0 || got.Answered > got.Total || got.Total > len(m.Items) {
			t.Errorf("answered %d, total %d, items %d", got.Answered, got.Total, len(m.Items))
		}
		// No band before enough is answered; Needed counts the answers
		// still missing, so it is never more than the unanswered items
		// (and 0 once all are answered).
		if got.Needed < 0 || got.Needed > got.Total-got.Answered {
			t.Errorf("needed %d, with %d of %d answered", got.Needed, got.Answered, got.Total)
		}
		want := -1
		if got.Needed == 0 {
			want = firstBand(m.Bands, got.Give, got.Receive, got.Balance, got.Lean)
		}
		if got.Band != want {
			t.Errorf("band %d with %d answers needed, want %d", got.Band, got.Needed, want)
		}
		if len(got.Areas) != len(m.Areas) {
			t.Fatalf("%d area results for %d areas", len(got.Areas), len(m.Areas))
		}
		gap, best := -1, -1
		for i, ar := range got.Areas {
			if ar.ID != m.Areas[i] {
				t.Errorf("area %d is %q, want %q", i, ar.ID, m.Areas[i])
			}
			checkScores("area "+ar.ID, ar.Give, ar.Receive, ar.Balance, ar.Lean)
			if ar.Balance.Valid && abs(ar.Balance.Value) > best {
				gap, best = i, abs(ar.Balance.Value)
			}
		}
		if got.Gap != gap {
			t.Errorf("gap %d, want %d", got.Gap, gap)
		}
		var valid []Item
		for _, it := range m.Items {
			if it.valid() {
				valid = append(valid, it)
			}
		}
		if got.Total != len(valid) {
			t.Errorf("total %d, %d valid items", got.Total, len(valid))
		}
		if decimalOnly {
			for _, side := range []Side{Give, Receive, Lean} {
				want, _ := reference(valid, a, side)
				g := map[Side]Score{Give: got.Give, Receive: got.Receive, Lean: got.Lean}[side]
				if g != want {
					t.Errorf("%s = %+v, exact reference %+v", side, g, want)
				}
			}
		}
		// "Does not apply" never scores: dropping every NA answer changes
		// no score, only the count of answered items, and so what the band
		// waits for (NA counts as answered): the same band once nothing is
		// needed without them.
		b := Answers{"unknown": 1}
		nas := 0
		for k, v := range a {
			if v == NA {
				nas++
				continue
			}
			b[k] = v
		}
		other := Compute(m, b)
		if other.Give != got.Give || other.Receive != got.Receive || other.Lean != got.Lean ||
			other.Alert != got.Alert || got.Answered-other.Answered > nas ||
			got.Needed > other.Needed || (other.Needed == 0 && other.Band != got.Band) {
			t.Errorf("NA answers changed a score: %+v, without them %+v", got, other)
		}
		// Answers for unknown keys change nothing.
		if nas == 0 && !equal(got, other) {
			t.Errorf("an unknown key changed the result")
		}
	})
}

// FuzzPick checks the band rule on its own, for any mix of empty and
// present scores (Compute reaches only some of them): Pick agrees with the
// rule written out, and a band with no ranges holds exactly when give,
// receive or lean is not empty.
func FuzzPick(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0xff, 10, 20, 30, 40, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0})
	f.Add([]byte{0x05, 50, 60, 0, 200, 2, 1, 0, 5, 0, 1, 0, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &reader{data}
		present := r.byte()
		score := func(bit byte, lo int) Score {
			v := lo + r.small(101-lo)
			if present&bit == 0 {
				return Score{}
			}
			return Score{Value: v, Valid: true}
		}
		give, receive, lean := score(1, 0), score(2, 0), score(4, -100)
		bal := balance(give, receive)
		var bands []Band
		for i, n := 0, r.small(6); i < n; i++ {
			var b Band
			for _, p := range []**Range{&b.Balance, &b.Give, &b.Receive, &b.Lean} {
				if r.byte()&1 != 0 {
					lo := r.small(201) - 100
					*p = &Range{lo, lo + r.small(80)}
				}
			}
			bands = append(bands, b)
		}
		got := Pick(bands, give, receive, bal, lean)
		if want := firstBand(bands, give, receive, bal, lean); got != want {
			t.Errorf("Pick = %d, the rule gives %d", got, want)
		}
		if got := Pick([]Band{{}}, give, receive, bal, lean) == 0; got != (give.Valid || receive.Valid || lean.Valid) {
			t.Errorf("the catch-all holds = %v with give %v receive %v lean %v", got, give, receive, lean)
		}
	})
}
