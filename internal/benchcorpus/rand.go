package benchcorpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rng is splitmix64: tiny, fast, and fixed here, so the corpus never depends
// on the Go release's math/rand streams.
type rng struct{ state uint64 }

// newRand returns the stream for one part of the corpus: stream is the page
// number, or a negative number for the section pages.
func newRand(seed, stream int64) *rng {
	r := &rng{state: uint64(seed)*0x9e3779b97f4a7c15 ^ uint64(stream)*0xd1b54a32d192ed03}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n). The modulo bias is irrelevant here.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability p percent.
func (r *rng) chance(p int) bool { return r.intn(100) < p }

func (r *rng) pick(list []string) string { return list[r.intn(len(list))] }

// phrase is n words of plain prose, without final punctuation.
func (r *rng) phrase(n int) string {
	words := make([]string, 0, n)
	for len(words) < n {
		switch r.intn(6) {
		case 0:
			words = append(words, r.pick(smallWords), r.pick(nouns), r.pick(verbs))
		case 1:
			words = append(words, r.pick(smallWords), r.pick(adjectives), r.pick(nouns))
		case 2:
			words = append(words, r.pick(prepositions), r.pick(smallWords), r.pick(nouns))
		case 3:
			words = append(words, r.pick(verbs), r.pick(adverbs))
		case 4:
			words = append(words, r.pick(connectors), r.pick(smallWords), r.pick(nouns), r.pick(verbs))
		default:
			words = append(words, r.pick(nouns))
		}
	}
	return strings.Join(words[:n], " ")
}

// sentence is one sentence of 8 to 20 words (the count is added to *words),
// with now and then an opener, a comma, an emphasis, an inline code span or
// typographer fodder (quotes, dashes, an ellipsis).
func (r *rng) sentence(words *int) string {
	n := r.between(8, 20)
	*words += n
	s := r.phrase(n)
	ws := strings.Split(s, " ")
	switch r.intn(12) {
	case 0:
		k := r.intn(len(ws))
		ws[k] = "*" + ws[k] + "*"
	case 1:
		k := r.intn(len(ws))
		ws[k] = "**" + ws[k] + "**"
	case 2:
		k := r.intn(len(ws) - 1)
		ws[k] = "\"" + ws[k]
		ws[k+1] += "\""
	case 3:
		k := r.between(2, len(ws)-2)
		ws[k] += " --"
	case 4:
		k := r.intn(len(ws))
		ws[k] = "`" + ws[k] + "`"
	case 5:
		ws[len(ws)-1] += "..."
	}
	if r.chance(30) {
		k := r.between(3, len(ws)-3)
		if !strings.HasSuffix(ws[k], "--") {
			ws[k] += ","
		}
	}
	s = strings.Join(ws, " ")
	if r.chance(20) {
		s = r.pick(openers) + " " + s
	}
	s = capitalize(s)
	if !strings.HasSuffix(s, "...") {
		if r.chance(8) {
			s += "?"
		} else {
			s += "."
		}
	}
	return s
}

// paragraph is n sentences joined in one line.
func (r *rng) paragraph(n int) string {
	var words int
	return r.paragraphWords(n, &words)
}

func (r *rng) paragraphWords(n int, words *int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = r.sentence(words)
	}
	return wrap(strings.Join(parts, " ")) + "\n"
}

// wrap breaks text into lines of at most about 100 columns, as people write
// Markdown. A line never starts with a word that could open a block (a list
// marker, a heading, a quote); link texts and code spans may wrap, as
// CommonMark allows.
func wrap(text string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Split(text, " ") {
		if i > 0 {
			if col+1+len(w) > 100 && !strings.ContainsAny(w[:1], "-+*#>0123456789|") {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

// capitalize upper-cases the first letter of s, skipping leading markup.
func capitalize(s string) string {
	for i, c := range s {
		if unicode.IsLetter(c) {
			_, n := utf8.DecodeRuneInString(s[i:])
			return s[:i] + string(unicode.ToUpper(c)) + s[i+n:]
		}
	}
	return s
}

// titleCase capitalizes every word of s.
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = capitalize(w)
	}
	return strings.Join(ws, " ")
}
