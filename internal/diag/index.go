package diag

import (
	"slices"
	"strings"
)

// Index finds the candidate closest to a word as Suggest does, among many
// candidates and for many words, without comparing each word with every
// candidate: a site with 1,000 pages and 3,000 broken links asks for 3,000
// hints among 1,000 names, and Suggest's 3 million comparisons took most
// of a minute.
//
// Two filters, both exact for Suggest's limit of k edits, leave few
// candidates to compare: a candidate's length is within k of the word's,
// and it holds at least n-3k of the word's n distinct pairs of
// neighbouring characters (an edit, a swap included, breaks at most three
// of them). The rest are compared with a distance that stops once it
// passes k. At most MaxCompare candidates are compared for one word,
// those that hold most of its pairs (among equals, the first in sorted
// order), so that no input makes a hint cost more than that; past it a
// hint may be missed, never wrong. Site paths are alike (guides/s07/
// page-00123.md): a link into a missing section of a 10,000-page site
// passes both filters for every page, and comparing the first 4,000 in
// sorted order for each of 10,000 such links took 11 s of CPU time; the
// pages that share most pairs with the link hold its closest ones.
//
// An Index is read-only once made and safe for concurrent use.
type Index struct {
	names  []string           // sorted, as given
	lower  [][]rune           // lower case, as compared
	byLen  map[int][]int32    // rune length -> candidates
	grams  map[uint64][]int32 // pair of runes -> candidates holding it, each once
	maxLen int
}

// MaxCompare is the most candidates an Index compares with one word.
const MaxCompare = 300

// NewIndex indexes candidates (repeats count once).
func NewIndex(candidates []string) *Index {
	names := slices.Clone(candidates)
	slices.Sort(names)
	names = slices.Compact(names)
	x := &Index{names: names, byLen: map[int][]int32{}, grams: map[uint64][]int32{}}
	for i, c := range names {
		r := []rune(strings.ToLower(c))
		x.lower = append(x.lower, r)
		x.byLen[len(r)] = append(x.byLen[len(r)], int32(i))
		x.maxLen = max(x.maxLen, len(r))
		seen := map[uint64]bool{}
		for j := 0; j+1 < len(r); j++ {
			g := gram(r[j], r[j+1])
			if !seen[g] {
				seen[g] = true
				x.grams[g] = append(x.grams[g], int32(i))
			}
		}
	}
	return x
}

func gram(a, b rune) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }

// Len is the number of candidates.
func (x *Index) Len() int { return len(x.names) }

// Suggest returns the candidate closest to word within Suggest's limit,
// or "". Among equally close candidates it returns the first in sorted
// order.
func (x *Index) Suggest(word string) string {
	if x == nil || len(x.names) == 0 {
		return ""
	}
	w := []rune(strings.ToLower(word))
	k := min(max(len(word)/3, 1), 3)
	// Candidates of a fitting length, and how many of the word's pairs
	// each holds.
	pairs := make(map[uint64]bool, len(w))
	for j := 0; j+1 < len(w); j++ {
		pairs[gram(w[j], w[j+1])] = true
	}
	need := len(pairs) - 3*k
	fits := func(i int32) bool { l := len(x.lower[i]); return l >= len(w)-k && l <= len(w)+k }
	var cands []int32
	if need <= 0 {
		for l := len(w) - k; l <= len(w)+k; l++ {
			cands = append(cands, x.byLen[l]...)
		}
		slices.Sort(cands)
	} else {
		// A pair most candidates hold is counted as held by all: the
		// filter stays a necessary condition, and counting skips the
		// longest lists.
		count := make([]uint8, len(x.names))
		common := 0
		for g := range pairs {
			ids := x.grams[g]
			if len(ids) > len(x.names)/2 {
				common++
				continue
			}
			for _, i := range ids {
				count[i]++
			}
		}
		var held [256]int // candidates by count
		for i, c := range count {
			if int(c)+common >= need && fits(int32(i)) {
				cands = append(cands, int32(i))
				held[c]++
			}
		}
		if len(cands) > MaxCompare {
			// The candidates holding most of the word's rarer pairs, in
			// sorted order among equals: all above a count, and as many
			// at it as fit.
			c, above := 255, 0
			for above+held[c] < MaxCompare {
				above += held[c]
				c--
			}
			atC := MaxCompare - above
			kept := cands[:0]
			var at []int32
			for _, i := range cands {
				switch {
				case count[i] > uint8(c):
					kept = append(kept, i)
				case count[i] == uint8(c) && len(at) < atC:
					at = append(at, i)
				}
			}
			cands = append(kept, at...)
		}
	}
	if len(cands) > MaxCompare {
		cands = cands[:MaxCompare]
	}
	var buf distanceBuf
	best, bestD := -1, k+1
	for _, i := range cands {
		// A candidate as close as the best so far wins when it comes
		// first in sorted order: cands may not be in that order.
		if d := buf.bounded(w, x.lower[i], bestD); d < bestD || d == bestD && best >= 0 && int(i) < best {
			best, bestD = int(i), d
		}
	}
	if best < 0 {
		return ""
	}
	return x.names[best]
}

// distanceBuf holds the rows of boundedDistance between calls.
type distanceBuf struct{ rows [3][]int }

// bounded is the distance (optimal string alignment) of a and b when it
// is at most limit, and limit+1 otherwise. The common start and end of the
// two are left out first (they cost nothing), then only the cells near the
// diagonal are computed, and the computation stops once a row passes
// limit.
func (buf *distanceBuf) bounded(a, b []rune, limit int) int {
	if limit < 0 {
		return 1
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// A transposition may straddle the edge of the common part: keep one
	// common character at each end.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	p = max(0, p-1)
	a, b = a[p:], b[p:]
	q := 0
	for q < len(a) && q < len(b) && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	q = max(0, q-1)
	a, b = a[:len(a)-q], b[:len(b)-q]
	const inf = 1 << 30
	n := len(b)
	for i := range buf.rows {
		if cap(buf.rows[i]) < n+1 {
			buf.rows[i] = make([]int, n+1)
		}
		buf.rows[i] = buf.rows[i][:n+1]
	}
	prev2, prev, cur := buf.rows[0], buf.rows[1], buf.rows[2]
	for j := range prev {
		prev[j] = j
		if j > limit {
			prev[j] = inf
		}
		prev2[j] = inf
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(n, i+limit)
		cur[0] = inf
		if i <= limit {
			cur[0] = i
		}
		if lo-1 >= 1 {
			cur[lo-1] = inf
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi+1 <= n {
			cur[hi+1] = inf
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > limit {
		return limit + 1
	}
	return prev[n]
}
