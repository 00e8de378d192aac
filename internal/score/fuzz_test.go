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
func decode(data []byte) (*Model, Answers, bool) {
	r := &reader{data}
	weights := []float64{1, 2, 0.5, 1.5, 0.1, 0.3, 3, 0.25, 10, 0.001}
	areas := []string{"a", "b", "c"}
	m := &Model{Areas: areas[:r.small(4)]}
	a := Answers{}
	decimalOnly := true
	keys := []string{"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"}
	for i, n := 0, r.small(len(keys)+1); i < n; i++ {
		it := Item{Key: keys[i], Side: Give, Weight: weights[r.small(len(weights))]}
		flags := r.byte()
		if flags&1 != 0 {
			it.Side = Receive
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
		if flags&16 != 0 {
			var buf [8]byte
			for j := range buf {
				buf[j] = r.byte()
			}
			it.Weight = math.Float64frombits(binary.LittleEndian.Uint64(buf[:]))
			decimalOnly = false
		}
		if flags&32 != 0 {
			it.Min, it.Max = math.MinInt64+r.small(3), math.MaxInt64-r.small(3)
			decimalOnly = false
		}
		if flags&64 == 0 {
			a[it.Key] = it.Min + r.small(8) - 1 // sometimes outside the scale
		}
		m.Items = append(m.Items, it)
	}
	for i, n := 0, r.small(5); i < n; i++ {
		var b Band
		for _, p := range []**Range{&b.Balance, &b.Give, &b.Receive} {
			if r.byte()&1 != 0 {
				lo := r.small(201) - 100
				*p = &Range{lo, lo + r.small(120)}
			}
		}
		m.Bands = append(m.Bands, b)
	}
	return m, a, decimalOnly
}

func FuzzCompute(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 4, 0, 0, 2, 3, 1, 1, 3, 1, 1})
	f.Add([]byte{2, 6, 1, 12, 1, 2, 4, 2, 3, 2, 5, 0, 4, 4, 7, 3, 1, 0, 150, 60, 1, 1, 80})
	f.Add([]byte{3, 10, 5, 0, 0, 0, 4, 1, 3, 6, 9, 0, 1, 4, 5, 9, 2, 7, 10, 6, 2, 4, 7, 1, 1, 99, 200, 0})
	f.Add([]byte{1, 4, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 2})
	f.Add([]byte{1, 4, 48, 1, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0, 0, 0})
	f.Add([]byte{2, 3, 8, 1, 1, 1, 3, 2, 9, 1, 0, 0, 2, 3, 1, 5, 1, 0, 5, 7, 2, 1, 100, 20, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, a, decimalOnly := decode(data)
		got := Compute(m, a)
		if again := Compute(m, a); !equal(got, again) {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
		check := func(what string, s Score) {
			if s.Valid && (s.Value < 0 || s.Value > 100) {
				t.Errorf("%s = %d, outside 0..100", what, s.Value)
			}
			if !s.Valid && s.Value != 0 {
				t.Errorf("%s empty with value %d", what, s.Value)
			}
		}
		checkBalance := func(what string, g, r, b Score) {
			check(what+" give", g)
			check(what+" receive", r)
			if b.Valid != (g.Valid && r.Valid) {
				t.Errorf("%s balance valid %v with give %v receive %v", what, b.Valid, g.Valid, r.Valid)
			}
			if b.Valid && (b.Value != r.Value-g.Value || b.Value < -100 || b.Value > 100) {
				t.Errorf("%s balance %d, give %d receive %d", what, b.Value, g.Value, r.Value)
			}
		}
		checkBalance("worksheet", got.Give, got.Receive, got.Balance)
		if got.Answered < 0 || got.Answered > got.Total || got.Total > len(m.Items) {
			t.Errorf("answered %d, total %d, items %d", got.Answered, got.Total, len(m.Items))
		}
		first := -1
		if got.Balance.Valid {
			for i, b := range m.Bands {
				if b.matches(got.Balance.Value, got.Give.Value, got.Receive.Value) {
					first = i
					break
				}
			}
		}
		if got.Band != first {
			t.Errorf("band %d, want the first matching band %d", got.Band, first)
		}
		if len(got.Areas) != len(m.Areas) {
			t.Fatalf("%d area results for %d areas", len(got.Areas), len(m.Areas))
		}
		gap, best := -1, -1
		for i, ar := range got.Areas {
			if ar.ID != m.Areas[i] {
				t.Errorf("area %d is %q, want %q", i, ar.ID, m.Areas[i])
			}
			checkBalance("area "+ar.ID, ar.Give, ar.Receive, ar.Balance)
			if ar.Balance.Valid && abs(ar.Balance.Value) > best {
				gap, best = i, abs(ar.Balance.Value)
			}
		}
		if got.Gap != gap {
			t.Errorf("gap %d, want %d", got.Gap, gap)
		}
		if decimalOnly {
			var valid []Item
			for _, it := range m.Items {
				if it.valid() {
					valid = append(valid, it)
				}
			}
			for _, side := range []Side{Give, Receive} {
				want, _ := reference(valid, a, side)
				g := got.Give
				if side == Receive {
					g = got.Receive
				}
				if g != want {
					t.Errorf("%s = %+v, exact reference %+v", side, g, want)
				}
			}
		}
		// Answers for unknown keys change nothing.
		b := Answers{"unknown": 1}
		for k, v := range a {
			b[k] = v
		}
		if other := Compute(m, b); !equal(got, other) {
			t.Errorf("an unknown key changed the result")
		}
	})
}
