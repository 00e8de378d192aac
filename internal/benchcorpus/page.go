package benchcorpus

import (
	"fmt"
	"strings"
	"time"
)

// generator writes the guide pages of one corpus.
type generator struct {
	pages int
	seed  int64
}

// spec is what other pages need to know about a page: its title and its
// headings. It is drawn first from the page's stream.
type spec struct {
	title    string
	headings []heading
}

type heading struct {
	level int
	text  string
}

// id is the heading's id as the markdown package makes it: the text is
// ASCII words separated by single spaces, so lowercase words joined by '-'.
func (h heading) id() string { return strings.ToLower(strings.ReplaceAll(h.text, " ", "-")) }

// spec draws page i's title and headings; r continues the same stream for
// the rest of the page.
func (g *generator) spec(i int) (spec, *rng) {
	r := newRand(g.seed, int64(i))
	var s spec
	s.title = capitalize(strings.ToLower(r.pick(headingHeads)) + " " + r.pick(headingTails))
	n := r.between(4, 6)
	seen := map[string]bool{}
	for len(s.headings) < n {
		t := r.pick(headingHeads) + " " + r.pick(headingTails)
		if seen[t] {
			continue
		}
		seen[t] = true
		level := 2
		if len(s.headings) > 0 && r.chance(40) {
			level = 3
		}
		s.headings = append(s.headings, heading{level, t})
	}
	return s, r
}

// link is a relative link from a page to another one.
type link struct {
	dest, text string
}

// links picks 3 to 5 other pages for page i to link to; the first one
// points to one of its target's headings.
func (g *generator) links(i int, r *rng) []link {
	n := r.between(3, 5)
	used := map[int]bool{i: g.pages > 1}
	var out []link
	for len(out) < n {
		j := r.intn(g.pages)
		if used[j] && len(used) < g.pages {
			continue
		}
		used[j] = true
		t, _ := g.spec(j)
		l := link{dest: "../" + sectionName(sectionOf(j)) + "/" + pageName(j), text: strings.ToLower(t.title)}
		if len(out) == 0 {
			h := t.headings[r.intn(len(t.headings))]
			l.dest += "#" + h.id()
			l.text = strings.ToLower(h.text)
		}
		out = append(out, l)
	}
	return out
}

var linkSentences = []string{
	"Read more in [%s](%s).",
	"The guide on [%s](%s) goes further.",
	"See also [%s](%s).",
	"It connects with [%s](%s), which many readers start with.",
	"If this sounds familiar, [%s](%s) may help.",
}

var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// page writes guide page i.
func (g *generator) page(i int) string {
	s, r := g.spec(i)
	var b strings.Builder
	b.Grow(6000)

	// Front matter.
	tags := map[string]bool{}
	var tagList []string
	for n := r.between(2, 4); len(tagList) < n; {
		t := r.pick(tagPool)
		if !tags[t] {
			tags[t] = true
			tagList = append(tagList, t)
		}
	}
	date := epoch.AddDate(0, 0, r.intn(6*365))
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\ndate: %s\nweight: %d\ntags: [%s]\n---\n\n",
		s.title, capitalize(r.phrase(r.between(12, 20)))+".", date.Format("2006-01-02"),
		r.between(1, 100), strings.Join(tagList, ", "))

	links := g.links(i, r)
	linkAt := func() string {
		if len(links) == 0 {
			return ""
		}
		l := links[0]
		links = links[1:]
		return " " + fmt.Sprintf(r.pick(linkSentences), l.text, l.dest)
	}

	// Prose: about 700 words over the intro and two paragraphs a section.
	target := r.between(650, 750)
	paras := 2 + 2*len(s.headings)
	words := 0
	para := func(extra string) {
		budget := (target - words) / paras
		paras--
		var sents []string
		for w := 0; w < budget || len(sents) == 0; {
			sents = append(sents, r.sentence(&w))
		}
		budgetUsed := 0
		for _, x := range sents {
			budgetUsed += len(strings.Fields(x))
		}
		words += budgetUsed
		b.WriteString(wrap(strings.Join(sents, " ") + extra))
		b.WriteString("\n\n")
	}

	para(linkAt())
	para("")
	// Elements go into the sections in this order, the rest into the last.
	elements := []func(){
		func() { bullets(&b, r) },
		func() { numbered(&b, r) },
		func() { table(&b, r) },
		func() { goBlock(&b, r) },
		func() { yamlBlock(&b, r) },
	}
	for k, h := range s.headings {
		fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", h.level), h.text)
		var extra string
		if k%2 == 1 {
			extra = linkAt()
		}
		para(extra)
		n := 1
		if k == len(s.headings)-1 {
			n = len(elements)
		}
		for ; n > 0 && len(elements) > 0; n-- {
			elements[0]()
			elements = elements[1:]
		}
		para("")
	}
	// Links left over (5 links and few sections) close the page.
	for len(links) > 0 {
		b.WriteString(strings.TrimSpace(linkAt()))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func bullets(b *strings.Builder, r *rng) {
	for n := r.between(4, 6); n > 0; n-- {
		item := capitalize(r.phrase(r.between(5, 12))) + "."
		if r.chance(30) {
			item = "**" + capitalize(r.pick(nouns)) + ".** " + item
		}
		fmt.Fprintf(b, "- %s\n", item)
	}
	b.WriteString("\n")
}

func numbered(b *strings.Builder, r *rng) {
	for k := 1; k <= r.between(3, 5); k++ {
		fmt.Fprintf(b, "%d. %s.\n", k, capitalize(r.phrase(r.between(6, 14))))
	}
	b.WriteString("\n")
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var feelings = []string{"warm", "heavy", "easy", "awkward", "light", "tense", "fine", "good"}

func table(b *strings.Builder, r *rng) {
	b.WriteString("| Day | I gave | I received | Minutes | How it felt |\n")
	b.WriteString("|-----|--------|------------|--------:|:-----------:|\n")
	start := r.intn(len(weekdays))
	for k := range r.between(4, 6) {
		fmt.Fprintf(b, "| %s | %s | %s | %d | %s |\n",
			weekdays[(start+k)%len(weekdays)],
			capitalize(r.pick(smallWords)+" "+r.pick(adjectives)+" "+r.pick(nouns)),
			capitalize(r.pick(smallWords)+" "+r.pick(nouns)),
			r.between(5, 120), r.pick(feelings))
	}
	b.WriteString("\n")
}

func goBlock(b *strings.Builder, r *rng) {
	typ := r.pick(goIdents)
	v := r.pick(goVars)
	pkg := strings.ToLower(r.pick(goIdents))
	fmt.Fprintf(b, "```go\npackage %s\n\nimport \"time\"\n\n", pkg)
	switch r.intn(2) {
	case 0:
		days := r.between(7, 90)
		fmt.Fprintf(b, `// %s is one thing given or received.
type %s struct {
	Who   string
	Given bool
	When  time.Time
}

// Balance counts what was given and received since %d days ago.
func Balance(%s []%s, now time.Time) (give, receive int) {
	since := now.AddDate(0, 0, -%d)
	for _, e := range %s {
		if e.When.Before(since) {
			continue
		}
		if e.Given {
			give++
		} else {
			receive++
		}
	}
	return give, receive
}
`, typ, typ, days, v, typ, days, v)
	default:
		due := r.between(3, 30)
		fmt.Fprintf(b, `// Next returns who %s next, rotating weekly through people.
func Next(people []string, start, day time.Time) string {
	if len(people) == 0 {
		return %q
	}
	weeks := int(day.Sub(start).Hours() / (24 * %d))
	return people[weeks%%len(people)]
}

// Due reports whether a %s check-in is due after %d days.
func Due(last, now time.Time) bool {
	return now.Sub(last) > %d*24*time.Hour
}
`, r.pick(verbs), r.pick(names), 7, r.pick(adjectives), due, due)
	}
	b.WriteString("```\n\n")
}

func yamlBlock(b *strings.Builder, r *rng) {
	fmt.Fprintf(b, "```yaml\n# %s.yaml: %s\nstart: %s\nevery: %d days\npeople:\n",
		r.pick(goVars), r.phrase(r.between(4, 8)),
		epoch.AddDate(0, 0, r.intn(2000)).Format("2006-01-02"), r.between(3, 14))
	for n := r.between(2, 3); n > 0; n-- {
		fmt.Fprintf(b, "  - name: %s\n    gives: [%s, %s]\n", r.pick(names), r.pick(nouns), r.pick(nouns))
	}
	fmt.Fprintf(b, "reminder: %q\nshared: %t\n```\n\n", capitalize(r.phrase(r.between(5, 9))), r.chance(50))
}
