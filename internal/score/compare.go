package score

// Gaps are the two perception gaps between two people, from the side of
// the one looking (see Compare).
type Gaps struct {
	// Give is their receive minus my give: below 0, what I give lands as
	// less than I think.
	Give Score
	// Receive is my receive minus their give: below 0, I feel I get less
	// than they think they give.
	Receive Score
}

// Comparison sets two people's answers to the same worksheet side by side,
// from the side of the one looking ("me").
type Comparison struct {
	Me, Them Result
	Total    Gaps   // over the whole worksheet
	Areas    []Gaps // one per Model.Areas, in that order
	// Order lists the indices of Areas by their larger absolute gap,
	// largest first; areas without any gap come last; ties keep the order
	// of Model.Areas.
	Order []int
}

// Compare computes both people's results and the perception gaps between
// them. mine are the answers of the person looking, theirs the other
// person's, given to the same worksheet about the same relationship from
// their side: their "I give" is about what they give me.
//
// The gaps use the rounded scores, so they agree with the numbers shown:
// gap-give = their receive - my give, gap-receive = my receive - their
// give, each empty when either score is, from -100 to 100. The same holds
// per area. Seen from the other side the two gaps swap: my gap-give is
// their gap-receive.
func Compare(m *Model, mine, theirs Answers) Comparison {
	c := Comparison{Me: Compute(m, mine), Them: Compute(m, theirs)}
	c.Total = gaps(c.Me.Give, c.Me.Receive, c.Them.Give, c.Them.Receive)
	c.Areas = make([]Gaps, len(c.Me.Areas))
	key := make([]int, len(c.Areas))
	for i := range c.Areas {
		me, them := c.Me.Areas[i], c.Them.Areas[i]
		c.Areas[i] = gaps(me.Give, me.Receive, them.Give, them.Receive)
		key[i] = c.Areas[i].size()
		// Insertion sort, stable: few areas, and no sort package in the
		// WebAssembly module.
		j := len(c.Order)
		c.Order = append(c.Order, i)
		for j > 0 && key[c.Order[j-1]] < key[i] {
			c.Order[j] = c.Order[j-1]
			j--
		}
		c.Order[j] = i
	}
	return c
}

func gaps(myGive, myReceive, theirGive, theirReceive Score) Gaps {
	return Gaps{Give: diff(theirReceive, myGive), Receive: diff(myReceive, theirGive)}
}

// diff is a - b, empty when either is.
func diff(a, b Score) Score {
	if !a.Valid || !b.Valid {
		return Score{}
	}
	return Score{Value: a.Value - b.Value, Valid: true}
}

// size is the larger absolute gap, or -1 when neither gap is there.
func (g Gaps) size() int {
	n := -1
	for _, s := range [...]Score{g.Give, g.Receive} {
		if s.Valid {
			n = max(n, abs(s.Value))
		}
	}
	return n
}
