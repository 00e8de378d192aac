package search

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The order, passages and corrections search-engine.js shows, run under
// Node against indexes this package writes.

// shownAnswer is run.js's answer with the corrected query.
type shownAnswer struct {
	Q         string
	Total     int
	Corrected string
	Results   []jsResult
}

func showQueries(t *testing.T, docs []Document, lang string, queries []string, show int) []shownAnswer {
	t.Helper()
	node(t)
	files, err := Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIndex(t, files)
	var sessions [][]string
	for _, q := range queries {
		sessions = append(sessions, []string{q})
	}
	var out [][]shownAnswer
	runJS(t, filepath.Join(dir, lang), map[string]any{"sessions": sessions, "show": show}, &out)
	var flat []shownAnswer
	for _, s := range out {
		flat = append(flat, s[0])
	}
	return flat
}

// long is n sentences without the words the tests search for: the body of
// a long page, whose length lowers its impacts.
func long(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Sentence %d says something plain about the weekly rhythm of a kitchen table. ", i)
	}
	return b.String()
}

// rankCorpus has, as the shipped site does, short list pages that mention
// "receiving" once in their description, and long pages with it in their
// title or a heading, whose impacts are no higher than the short pages'.
func rankCorpus() []Document {
	return []Document{
		{URL: "/guides/", Title: "Guides", Section: "Guides", Language: "en",
			Description: "Short pieces on giving and receiving care."},
		{URL: "/guides/settings/", Title: "Where it shows up", Section: "Guides", Language: "en",
			Description: "How giving and receiving play out at work."},
		{URL: "/worksheets/", Title: "Worksheets", Section: "Worksheets", Language: "en",
			Description: "Check how giving and receiving balance out."},
		{URL: "/worksheets/open/", Title: "Am I open to receiving?", Section: "Worksheets", Language: "en",
			Description: "Some people find it hard to receive.",
			Parts:       []Part{{Text: long(30)}, {Anchor: "section-1", Heading: "Letting it in", Text: long(30)}}},
		{URL: "/guides/gestures/", Title: "Small gestures", Section: "Guides", Language: "en",
			Description: "Little things that keep a relationship in balance.",
			Parts:       []Part{{Text: long(20)}, {Anchor: "receiving-gestures-well", Heading: "Receiving gestures well", Text: "A gesture is complete once it is received. " + long(20)}}},
		{URL: "/guides/zz-other/", Title: "Another page", Section: "Guides", Language: "en",
			Description: "Nothing here.", Parts: []Part{{Text: "Gifts are received and given."}}},
	}
}

// A page with the word (or another form of it) in its title or a heading
// comes before pages that hold it only in their text, whatever their
// impacts, when both hold as many of the query's words; while typed, for
// a misspelling, and with a second word too.
func TestTitleAndHeadingFirstInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	titled := map[string]bool{"/worksheets/open/": true, "/guides/gestures/#receiving-gestures-well": true}
	queries := []string{"receive", "receive ", "receiving", "recei", "recieve", "receive care"}
	for _, a := range showQueries(t, rankCorpus(), "en", queries, 10) {
		if a.Total != 6 {
			t.Errorf("%q: %d results, want 6 (%+v)", a.Q, a.Total, a.Results)
		}
		var got []string
		for _, r := range a.Results {
			got = append(got, r.URL)
		}
		if a.Q == "receive care" {
			// Only /guides/ holds both words: it comes first.
			if len(got) == 0 || got[0] != "/guides/" {
				t.Errorf("%q: order %v, want /guides/ (both words) first", a.Q, got)
			}
			got = got[1:]
		}
		if len(got) < 2 || !titled[got[0]] || !titled[got[1]] {
			t.Errorf("%q: order %v, want the two pages with it in a title or heading first", a.Q, got)
		}
		// The title's match (weight 6) before the heading's.
		if len(got) > 0 && got[0] != "/worksheets/open/" {
			t.Errorf("%q: first %q, want /worksheets/open/", a.Q, got[0])
		}
	}
}

// More results than the engine checks for titles (8 bundles of 8): the
// order is the same however many are asked for, each page once.
func TestOrderStableInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	var docs []Document
	for i := range 300 {
		d := Document{URL: fmt.Sprintf("/p/%03d/", i), Title: fmt.Sprintf("Page %d", i), Section: "P", Language: "en",
			Description: "A page about care."}
		if i%7 == 3 {
			d.Title = "Care, page " + fmt.Sprint(i)
			d.Parts = []Part{{Text: long(i % 5)}}
		}
		docs = append(docs, d)
	}
	a := showQueries(t, docs, "en", []string{"care"}, 300)[0]
	b := showQueries(t, docs, "en", []string{"care"}, 20)[0]
	if a.Total != 300 || len(a.Results) != 300 {
		t.Fatalf("%d results of %d, want 300", len(a.Results), a.Total)
	}
	seen := map[string]bool{}
	for i, r := range a.Results {
		if seen[r.URL] {
			t.Errorf("%s twice", r.URL)
		}
		seen[r.URL] = true
		if i < len(b.Results) && b.Results[i].URL != r.URL {
			t.Errorf("result %d: %s when 20 are shown, %s when 300 are", i, b.Results[i].URL, r.URL)
		}
	}
	// The first results are pages with "care" in their title.
	for _, r := range a.Results[:8] {
		if !strings.HasPrefix(r.Title, "[Care]") {
			t.Errorf("early result without the word in its title: %+v", r)
		}
	}
}

// The passage is the part (or the description) that holds most of the
// query's words, each counted once whatever its form, and marks every
// form of them: other forms, the words a typed prefix begins, a corrected
// word's forms.
func TestPassageInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	docs := []Document{
		{URL: "/guides/limits/", Title: "Limits", Section: "Guides", Language: "en",
			Description: "Setting boundaries with family, gently.",
			Parts: []Part{
				{Text: "Boundaries, boundary, boundaries again: one word in three forms."},
				{Anchor: "family", Heading: "Family", Text: "Family can make it harder."},
			}},
		{URL: "/guides/other/", Title: "Other", Section: "Guides", Language: "en",
			Description: "Nothing of the kind.",
			Parts:       []Part{{Text: "A family dinner."}, {Anchor: "x", Heading: "Receiving", Text: "Accepting help is hard."}}},
	}
	tests := []struct{ q, url, passage string }{
		// The description holds both words, the first part one (however
		// often): the description.
		{"boundary family", "/guides/limits/", "Setting [boundaries] with [family], gently."},
		// One word: the part where it comes most often.
		{"boundary", "/guides/limits/", "[Boundaries], [boundary], [boundaries] again"},
		// While typed: the words it begins.
		{"bounda", "/guides/limits/", "[Boundaries], [boundary], [boundaries] again"},
		// A misspelling: the correction's forms.
		{"boundery", "/guides/limits/", "[Boundaries], [boundary], [boundaries] again"},
	}
	var qs []string
	for _, tt := range tests {
		qs = append(qs, tt.q)
	}
	for i, a := range showQueries(t, docs, "en", qs, 5) {
		tt := tests[i]
		if len(a.Results) == 0 {
			t.Errorf("%q: no results", tt.q)
			continue
		}
		r := a.Results[0]
		if r.URL != tt.url || !strings.Contains(r.Passage, tt.passage) {
			t.Errorf("%q: first result %s %q, want %s with %q", tt.q, r.URL, r.Passage, tt.url, tt.passage)
		}
	}
}

// A misspelled word is corrected to one term, named in the words of the
// results (not the stem); the rest of the query stays as typed.
func TestCorrectedInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	tests := []struct{ lang, q, corrected, has string }{
		{"en", "recieve", "receive", "[receive]"},
		{"en", "Recieve ", "receive", "[receive]"},
		{"en", "partnr nevr", "partner never", "[partner] [never]"},
		// The site writes "Listening" only at the start of a title or a
		// sentence: typed in lower case, the line shows it in lower case.
		{"en", "listning", "listening", "[Listening]"},
		{"en", "Listning", "Listening", ""},
		{"en", `"giving back" recieve`, `"giving back" receive`, ""},
		// Not corrections: a prefix, a word typed past its stem, folding.
		{"en", "recei", "", ""},
		{"en", "receivin", "", ""},
		{"en", "cafe", "", "[café]"},
		{"es", "cuidr ", "cuidar", "[cuidar]"},
	}
	byLang := map[string][]string{}
	for _, tt := range tests {
		byLang[tt.lang] = append(byLang[tt.lang], tt.q)
	}
	answers := map[string][]shownAnswer{}
	for lang, qs := range byLang {
		answers[lang] = showQueries(t, testCorpus(), lang, qs, 5)
	}
	next := map[string]int{}
	for _, tt := range tests {
		a := answers[tt.lang][next[tt.lang]]
		next[tt.lang]++
		seen := map[string]bool{}
		for _, r := range a.Results {
			if seen[r.URL] {
				t.Errorf("%q: %s shown twice", tt.q, r.URL)
			}
			seen[r.URL] = true
		}
		if a.Corrected != tt.corrected {
			t.Errorf("%q: corrected %q, want %q", tt.q, a.Corrected, tt.corrected)
		}
		if tt.has == "" {
			continue
		}
		if len(a.Results) == 0 {
			t.Errorf("%q: no results", tt.q)
			continue
		}
		if r := a.Results[0]; !strings.Contains(r.Title+"|"+r.Heading+"|"+r.Passage, tt.has) {
			t.Errorf("%q: first result %+v does not show %q", tt.q, r, tt.has)
		}
	}
}

// Of the words as close to a typo's stem, the correction is the one closest
// to the word as typed, before the most common: "listning" stems to
// "listn", one letter from "list" and from "listen", and the shipped site,
// where "list" is as common as "listen", showed "Showing results for list".
// Here "list" is in more pages than "listen"; "listning" is still
// "listening". Words as close to what was typed too are told apart by how
// common they are, as before: "worl" is one letter from "work", "word" and
// "world", as typed and as stems, and "work" is in most pages.
func TestTypoClosestToTypedInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	var docs []Document
	add := func(url, text string) {
		docs = append(docs, Document{URL: url, Title: "Page " + url, Section: "P", Language: "en", Parts: []Part{{Text: text}}})
	}
	for i := range 4 {
		add(fmt.Sprintf("/list/%d/", i), "Write a list of what you did, and keep the list.")
		add(fmt.Sprintf("/work/%d/", i), "Work can wait until tomorrow.")
	}
	add("/listen/", "Listening is a gift: listen to them.")
	add("/listen2/", "They listened.")
	add("/word/", "A kind word.")
	add("/world/", "The whole world.")
	tests := []struct{ q, corrected string }{
		{"listning", "listening"},
		{"lisen", "listen"},
		{"worl ", "work"}, // closed: typed on, "worl" begins "world"
	}
	var qs []string
	for _, tt := range tests {
		qs = append(qs, tt.q)
	}
	for i, a := range showQueries(t, docs, "en", qs, 5) {
		if a.Corrected != tests[i].corrected {
			t.Errorf("%q: corrected %q, want %q", tests[i].q, a.Corrected, tests[i].corrected)
		}
	}
}

// The engine puts in order only the results it shows (search-engine.js's
// Ranking: a sort of number keys finds the first hits, the pages that tie
// on a key stay in the pages' order): whatever is asked for, the results
// come as a sort of every hit gives them, more of the query's words
// first, then the higher sum of impacts, then the page that comes first.
// Here most pages are alike (one key for hundreds of them, as in make
// bench's corpus), some hold one word of two, and a few hold the words
// more often, so rank higher than the alike pages.
func TestOrderOfManyHitsInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	var docs []Document
	var want []string // the expected order, in three groups
	var alike, one, more []string
	for i := range 600 {
		d := Document{URL: fmt.Sprintf("/p/%03d/", i), Title: fmt.Sprintf("Page %d", i), Section: "P", Language: "en",
			Description: "Notes on care and trust between neighbours."}
		switch {
		case i%97 == 5:
			d.Description = "Care and trust, care and trust, care and trust."
			more = append(more, d.URL)
		case i%50 == 7:
			d.Description = "Notes on care between neighbours."
			one = append(one, d.URL)
		default:
			alike = append(alike, d.URL)
		}
		docs = append(docs, d)
	}
	want = append(append(append(want, more...), alike...), one...)
	for _, show := range []int{8, 65, 130, 600} {
		a := showQueries(t, docs, "en", []string{"care trust"}, show)[0]
		if a.Total != 600 {
			t.Fatalf("show %d: %d hits, want 600", show, a.Total)
		}
		if len(a.Results) != show {
			t.Fatalf("show %d: %d results", show, len(a.Results))
		}
		for i, r := range a.Results {
			if r.URL != want[i] {
				t.Errorf("show %d: result %d is %s, want %s", show, i, r.URL, want[i])
				break
			}
		}
	}
}

// A phrase in quotes is marked as one piece where the text holds it,
// from its first word to its last, in the title, the heading and the
// passage; its words elsewhere are not marked, the query's other words
// are, each on its own.
func TestPhraseMarkedInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	docs := []Document{
		{URL: "/guides/rhythm/", Title: "Keeping the weekly rhythm", Section: "Guides", Language: "en",
			Description: "The week has a rhythm of its own.",
			Parts: []Part{{Anchor: "the-weekly-rhythms", Heading: "The weekly rhythms",
				Text: "A weekly call keeps the rhythm. Care for the weekly rhythm, weekly, and the rhythm follows."}}},
		{URL: "/guides/other/", Title: "Other", Section: "Guides", Language: "en",
			Description: "Nothing weekly here, no rhythm either."},
	}
	got := showQueries(t, docs, "en", []string{`"the weekly rhythm"`, `care "weekly rhythm"`}, 5)
	tests := []struct {
		title, heading, passage string
	}{
		{"Keeping [the weekly rhythm]", "[The weekly rhythms]",
			"A weekly call keeps the rhythm. Care for [the weekly rhythm], weekly, and the rhythm follows."},
		{"Keeping the [weekly rhythm]", "The [weekly rhythms]",
			"A weekly call keeps the rhythm. [Care] for the [weekly rhythm], weekly, and the rhythm follows."},
	}
	for i, want := range tests {
		a := got[i]
		if a.Total != 1 || len(a.Results) != 1 {
			t.Errorf("%s: %d results of %d, want 1", a.Q, len(a.Results), a.Total)
			continue
		}
		r := a.Results[0]
		if r.Title != want.title || r.Heading != want.heading || r.Passage != want.passage {
			t.Errorf("%s:\n title %q\n heading %q\n passage %q\nwant\n title %q\n heading %q\n passage %q",
				a.Q, r.Title, r.Heading, r.Passage, want.title, want.heading, want.passage)
		}
	}
}

// A positions file cut short (a failed upload) ends a phrase query: the
// engine reads past its end as if it held nothing more, and never loops
// for ever, skipping the pages that are not candidates included.
func TestPhraseCutPositionsInNode(t *testing.T) {
	var docs []Document
	// Pages without the phrase (not candidates, skipped) hold most of
	// the positions of "the", so that a cut falls among theirs.
	for i := range 40 {
		text := "The weekly plan. " + strings.Repeat("The plan of the day for the week. ", 20)
		if i%2 == 0 {
			text = "The weekly rhythm."
		}
		docs = append(docs, Document{URL: fmt.Sprintf("/p/%02d/", i), Title: "Page", Section: "P", Language: "en",
			Description: text})
	}
	files, err := Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	// Cut at several places: the loop that skips a page's positions
	// must meet the end.
	for _, part := range []int{2, 3, 4, 5, 6, 7} {
		cutFiles := map[string][]byte{}
		cut := 0
		for name, b := range files {
			if strings.Contains(name, "/x/") {
				b = b[:len(b)*part/8]
				cut++
			}
			cutFiles[name] = b
		}
		if cut == 0 {
			t.Fatal("the index has no positions file")
		}
		dir := writeIndex(t, cutFiles)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, node(t), "testdata/run.js", searchJS, filepath.Join(dir, "en"))
		cmd.Stdin = strings.NewReader(`{"sessions": [["\"the weekly rhythm\""]], "show": 3}`)
		out, err := cmd.CombinedOutput()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			t.Fatalf("cut to %d/8: a phrase query did not end", part)
		}
		if err != nil {
			t.Fatalf("cut to %d/8: node: %v\n%s", part, err, out)
		}
	}
}

// A word that only a part's later text holds (past the opening the index
// keeps) finds the page, whose passage then marks nothing; made again from
// the page's whole parts (what the page fetches), the passage is the one
// with the word, marked, linked to its heading. A page whose parts do not
// hold the word keeps its result.
func TestRefinedPassageInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	deep := "A long opening about the weekly rhythm of a kitchen table. " + long(6) + "At last a partner listens."
	docs := []Document{
		{URL: "/guides/deep/", Title: "Deep", Section: "Guides", Language: "en",
			Description: "A page about balance.",
			Parts: []Part{
				{Text: "Before the headings."},
				{Anchor: "later", Heading: "Later on", Text: deep},
			}},
		{URL: "/guides/other/", Title: "Partner", Section: "Guides", Language: "en",
			Description: "Nothing of the kind.",
			Parts:       []Part{{Text: "A family dinner."}}},
	}
	parts := func(ps []Part) [][3]string {
		var out [][3]string
		for _, p := range ps {
			out = append(out, [3]string{p.Anchor, p.Heading, p.Text})
		}
		return out
	}
	node(t)
	files, err := Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(writeIndex(t, files), "en")
	for _, withPages := range []bool{false, true} {
		req := map[string]any{"sessions": [][]string{{"partner"}}, "show": 5}
		if withPages {
			req["pages"] = map[string]any{"/guides/deep/": parts(docs[0].Parts), "/guides/other/": parts(docs[1].Parts)}
		}
		var out [][]shownAnswer
		runJS(t, dir, req, &out)
		got := map[string]jsResult{}
		for _, r := range out[0][0].Results {
			got[strings.Split(r.URL, "#")[0]] = r
		}
		deepR, ok := got["/guides/deep/"]
		if !ok {
			t.Fatalf("pages %v: \"partner\" does not find /guides/deep/: %+v", withPages, out[0][0].Results)
		}
		marked := strings.Contains(deepR.Passage, "[partner]")
		if marked != withPages {
			t.Errorf("pages %v: /guides/deep/'s passage %q marks \"partner\": %v", withPages, deepR.Passage, marked)
		}
		if withPages && (deepR.URL != "/guides/deep/#later" || deepR.Heading != "Later on") {
			t.Errorf("the refined result links to %s under %q, want /guides/deep/#later under \"Later on\"", deepR.URL, deepR.Heading)
		}
		if o := got["/guides/other/"]; o.Passage != "Nothing of the kind." || o.URL != "/guides/other/" {
			t.Errorf("pages %v: /guides/other/ (the word only in its title) shows %s %q, want its description", withPages, o.URL, o.Passage)
		}
	}
}

// A phrase query's passage is a part that holds the phrase, not one that
// holds more of its words apart: "thank you" shows the part that says
// "thank you", marked, not the one full of "you" with nothing to mark.
// With no part's opening holding the phrase, the passage is the
// description, unmarked, which the page's script then refines from the
// page's whole text (TestSearchPhrasePassage in internal/e2e).
func TestPhrasePassageInNode(t *testing.T) {
	docs := []Document{
		{URL: "/guides/asking/", Title: "Asking for help", Section: "Guides", Language: "en",
			Description: "How to ask, and how to offer.",
			Parts: []Part{
				{Anchor: "when-you-are-asked", Heading: "When you are always the one asked",
					Text: "If you are the one everyone asks, you are allowed to ask too, and you may say no."},
				{Anchor: "after", Heading: "Afterwards",
					Text: "Say thank you afterwards, and tell them what it changed for you."},
			}},
		{URL: "/guides/deep/", Title: "Deep", Section: "Guides", Language: "en",
			Description: "A page whose phrase comes late.",
			Parts: []Part{{Anchor: "", Heading: "",
				Text: "You and you and you: the opening says you often, thank nobody."},
				{Anchor: "later", Heading: "Later on", Text: long(3) + "At last: thank you."}}},
	}
	got := showQueries(t, docs, "en", []string{`"thank you"`}, 5)
	a := got[0]
	want := map[string]jsResult{
		"/guides/asking/#after": {Heading: "Afterwards", Passage: "Say [thank you] afterwards, and tell them what it changed for you."},
		"/guides/deep/":         {Passage: "A page whose phrase comes late."},
	}
	for _, r := range a.Results {
		w, ok := want[r.URL]
		if !ok {
			t.Errorf("%s: result %s (heading %q, passage %q), which does not hold the phrase", a.Q, r.URL, r.Heading, r.Passage)
			continue
		}
		delete(want, r.URL)
		if r.Heading != w.Heading || r.Passage != w.Passage {
			t.Errorf("%s: %s shows heading %q, passage %q; want %q, %q", a.Q, r.URL, r.Heading, r.Passage, w.Heading, w.Passage)
		}
	}
	for u := range want {
		t.Errorf("%s: no result %s (results %+v)", a.Q, u, a.Results)
	}
}
