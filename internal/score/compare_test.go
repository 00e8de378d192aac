package score

import (
	"slices"
	"testing"
)

// TestCompare holds the comparison and perception-gap rules: gap-give =
// their receive - my give, gap-receive = my receive - their give, of the
// rounded scores, empty when either is; per area the same; areas ordered
// by their larger absolute gap, largest first, those without a gap last,
// ties in declaration order.
func TestCompare(t *testing.T) {
	// Three areas, so that ties and areas without gaps can be told apart
	// from declaration order.
	m := &Model{
		Items: []Item{
			freq("listen.give", Give, "emotional"),
			freq("listen.receive", Receive, "emotional"),
			freq("help.give", Give, "practical"),
			freq("help.receive", Receive, "practical"),
			freq("thanks.give", Give, "thanks"),
			freq("thanks.receive", Receive, "thanks"),
			with(freq("odd", Give, ""), func(it *Item) { it.Weight = 2 }),
		},
		Areas: []string{"emotional", "practical", "thanks"},
	}
	type gaps struct{ give, receive Score }
	tests := []struct {
		name         string
		mine, theirs Answers
		total        gaps
		areas        []gaps // per m.Areas
		order        []int
	}{
		{
			name:   "both answered everything",
			mine:   Answers{"listen.give": 4, "listen.receive": 2, "help.give": 2, "help.receive": 4, "thanks.give": 2, "thanks.receive": 2},
			theirs: Answers{"listen.give": 1, "listen.receive": 3, "help.give": 4, "help.receive": 0, "thanks.give": 2, "thanks.receive": 2},
			// me: give (100+50+50)/3 = 66.67 -> 67, receive (50+100+50)/3 -> 67;
			// them: give (25+100+50)/3 = 58.33 -> 58, receive (75+0+50)/3 = 41.67 -> 42.
			total: gaps{val(42 - 67), val(67 - 58)},
			areas: []gaps{{val(75 - 100), val(50 - 25)}, {val(0 - 50), val(100 - 100)}, {val(0), val(0)}},
			order: []int{1, 0, 2},
		},
		{
			name:   "the rounded scores, not the exact ones",
			mine:   Answers{"help.give": 2, "odd": 3},                                    // give (50·1 + 75·2)/3 = 66.67 -> 67
			theirs: Answers{"listen.receive": 1, "help.receive": 2, "thanks.receive": 2}, // receive 125/3 = 41.67 -> 42
			total:  gaps{val(42 - 67), empty},
			areas:  []gaps{{empty, empty}, {val(50 - 50), empty}, {empty, empty}},
			order:  []int{1, 0, 2},
		},
		{
			name:   "nothing answered by me",
			mine:   Answers{},
			theirs: Answers{"listen.give": 4, "listen.receive": 4},
			total:  gaps{empty, empty},
			areas:  []gaps{{empty, empty}, {empty, empty}, {empty, empty}},
			order:  []int{0, 1, 2},
		},
		{
			name:   "they answered only what they give",
			mine:   Answers{"listen.give": 4, "listen.receive": 0},
			theirs: Answers{"listen.give": 2},
			total:  gaps{empty, val(0 - 50)},
			areas:  []gaps{{empty, val(0 - 50)}, {empty, empty}, {empty, empty}},
			order:  []int{0, 1, 2},
		},
		{
			name:   "ties keep the order of the areas; a gap of 0 goes before none",
			mine:   Answers{"listen.give": 2, "help.give": 2, "thanks.receive": 3},
			theirs: Answers{"listen.receive": 3, "help.receive": 1, "thanks.give": 3},
			total:  gaps{val(50 - 50), val(75 - 75)},
			areas:  []gaps{{val(75 - 50), empty}, {val(25 - 50), empty}, {empty, val(0)}},
			order:  []int{0, 1, 2},
		},
		{
			name:   "a larger gap-receive puts an area first",
			mine:   Answers{"listen.give": 2, "listen.receive": 2, "thanks.receive": 4},
			theirs: Answers{"listen.give": 2, "listen.receive": 3, "thanks.give": 0},
			total:  gaps{val(75 - 50), val(75 - 25)},
			areas:  []gaps{{val(25), val(0)}, {empty, empty}, {empty, val(100)}},
			order:  []int{2, 0, 1},
		},
		{
			name:   "does not apply counts for neither",
			mine:   Answers{"listen.give": 4, "listen.receive": NA},
			theirs: Answers{"listen.give": NA, "listen.receive": 0},
			total:  gaps{val(0 - 100), empty},
			areas:  []gaps{{val(-100), empty}, {empty, empty}, {empty, empty}},
			order:  []int{0, 1, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(m, tt.mine, tt.theirs)
			if !equal(c.Me, Compute(m, tt.mine)) || !equal(c.Them, Compute(m, tt.theirs)) {
				t.Errorf("Me and Them are not the results of Compute")
			}
			if c.Total.Give != tt.total.give || c.Total.Receive != tt.total.receive {
				t.Errorf("total gaps give %+v receive %+v, want %+v %+v", c.Total.Give, c.Total.Receive, tt.total.give, tt.total.receive)
			}
			if len(c.Areas) != len(tt.areas) {
				t.Fatalf("%d areas, want %d", len(c.Areas), len(tt.areas))
			}
			for i, w := range tt.areas {
				if c.Areas[i].Give != w.give || c.Areas[i].Receive != w.receive {
					t.Errorf("area %s gaps give %+v receive %+v, want %+v %+v", m.Areas[i], c.Areas[i].Give, c.Areas[i].Receive, w.give, w.receive)
				}
			}
			if !slices.Equal(c.Order, tt.order) {
				t.Errorf("order %v, want %v", c.Order, tt.order)
			}
			// Seen from the other side, the two gaps swap.
			o := Compare(m, tt.theirs, tt.mine)
			if o.Total.Give != c.Total.Receive || o.Total.Receive != c.Total.Give {
				t.Errorf("from the other side the total gaps are %+v, want %+v swapped", o.Total, c.Total)
			}
			for i := range c.Areas {
				if o.Areas[i].Give != c.Areas[i].Receive || o.Areas[i].Receive != c.Areas[i].Give {
					t.Errorf("from the other side area %s has %+v, want %+v swapped", m.Areas[i], o.Areas[i], c.Areas[i])
				}
			}
		})
	}
}

// FuzzCompare checks the gap rules against the scores for any model and
// pair of answers the scoring fuzzer builds.
func FuzzCompare(f *testing.F) {
	f.Add([]byte{3, 4, 0, 0, 2, 3, 1, 1, 3, 1, 1}, []byte{3, 4, 0, 0, 2, 3, 1, 3, 3, 0, 1})
	f.Add([]byte{3, 10, 5, 0, 0, 0, 4, 1, 3, 6, 9, 0, 1, 4, 5, 9, 2, 7, 10, 6}, []byte{3, 10, 5, 0, 0, 0, 4, 2, 3, 6, 1, 0})
	f.Fuzz(func(t *testing.T, data, other []byte) {
		m, mine, _ := decode(data)
		// The other person's answers to the same model.
		_, theirs, _ := decode(append(data[:min(len(data), 3):min(len(data), 3)], other...))
		c := Compare(m, mine, theirs)
		check := func(what string, g Score, a, b Score) {
			want := Score{}
			if a.Valid && b.Valid {
				want = val(a.Value - b.Value)
			}
			if g != want {
				t.Errorf("%s = %+v, want %+v", what, g, want)
			}
		}
		check("gap-give", c.Total.Give, c.Them.Receive, c.Me.Give)
		check("gap-receive", c.Total.Receive, c.Me.Receive, c.Them.Give)
		seen := make([]bool, len(c.Areas))
		last, prev := 101, -1
		for _, i := range c.Order {
			if seen[i] {
				t.Fatalf("order %v names area %d twice", c.Order, i)
			}
			seen[i] = true
			s := c.Areas[i].size()
			if s > last || (s == last && i < prev) {
				t.Errorf("order %v: area %d (size %d) after area %d (size %d)", c.Order, i, s, prev, last)
			}
			last, prev = s, i
		}
		for i := range c.Areas {
			check("area gap-give", c.Areas[i].Give, c.Them.Areas[i].Receive, c.Me.Areas[i].Give)
			check("area gap-receive", c.Areas[i].Receive, c.Me.Areas[i].Receive, c.Them.Areas[i].Give)
			if !seen[i] {
				t.Errorf("order %v leaves out area %d", c.Order, i)
			}
		}
	})
}
