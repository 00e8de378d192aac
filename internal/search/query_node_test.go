package search

import (
	"strings"
	"testing"
)

// How search-engine.js reads what a person types (the QA of s19, items 11
// and 12), run under Node against an index this package writes.

func compoundCorpus() []Document {
	return []Document{
		{URL: "/guides/friends/", Title: "The give-and-take of friendship", Section: "Guides", Language: "en",
			Description: "Healthy give-and-take keeps a friendship going."},
		{URL: "/guides/bread/", Title: "Bread and butter", Section: "Guides", Language: "en",
			Description: "Bread and butter and jam, and more bread."},
		{URL: "/guides/apart/", Title: "Apart", Section: "Guides", Language: "en",
			Description: "What we give, we take back later."},
		{URL: "/guides/care/", Title: "Rest", Section: "Guides", Language: "en",
			Description: "Self-care on a hard day: say thank you and rest."},
		// Short: its impacts for the compound are higher than the page
		// with it in its title.
		{URL: "/guides/notes/", Title: "Notes", Section: "Guides", Language: "en",
			Description: "Give-and-take, give and take."},
	}
}

// A hyphenated word is a phrase of its parts: "give-and-take" finds the
// pages that have it (as "give-and-take" or "give and take"), one mark from
// its first word to its last, and not the pages that have only "and" or
// its words apart, while it is typed too (the last part a prefix); a page
// with it in its title first, as for a word (a phrase in a title or a
// heading counts as its words do). Before,
// it was three words matched apart, and the page with only "and" was
// listed after the one with the compound. A compound no page has
// ("give-and-tkae", misspelled) is searched for as its words, with their
// corrections, as before. Quotes left open: a phrase being typed matches as
// it is typed ("\"bread and but"; before, nothing until the word was
// whole), and a stray quote at the end is as if it were not there.
func TestQueryCompoundsAndQuotesInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	tests := []struct {
		q         string
		urls      string // every result, in order
		corrected string
		has       string // in the first result's title or passage
	}{
		{"give-and-take", "/guides/friends/ /guides/notes/", "", "The [give-and-take] of friendship"},
		{"give-and-take ", "/guides/friends/ /guides/notes/", "", "Healthy [give-and-take] keeps"},
		{"Give-And-Take", "/guides/friends/ /guides/notes/", "", "[give-and-take]"},
		{"give‐and‐take", "/guides/friends/ /guides/notes/", "", "[give-and-take]"}, // U+2010 hyphens
		{"give-and-ta", "/guides/friends/ /guides/notes/", "", "[give-and-take]"},
		{"give-and-", "/guides/friends/ /guides/notes/", "", "[give-and]-take"},
		{"friendship give-and-take", "/guides/friends/ /guides/notes/", "", "[give-and-take] of [friendship]"},
		{"self-care", "/guides/care/", "", "[Self-care]"},
		{"give-and-tkae ", "/guides/friends/ /guides/notes/ /guides/apart/ /guides/bread/ /guides/care/", "give-and-take", ""},
		// A minus before a word or after it joins nothing.
		{"bread -butter", "/guides/bread/", "", "[Bread] and [butter]"},
		// Quotes.
		{`"bread and butter"`, "/guides/bread/", "", "[Bread and butter]"},
		{`"give and take"`, "/guides/friends/ /guides/notes/", "", "The [give-and-take] of friendship"},
		{`"bread and but`, "/guides/bread/", "", "[Bread and butter]"},
		{`"bread and butter`, "/guides/bread/", "", "[Bread and butter]"},
		{`"healthy give`, "/guides/friends/", "", "[Healthy give]-and-take"},
		{`thank you"`, "/guides/care/", "", "[thank] [you]"},
		{`thank you "`, "/guides/care/", "", "[thank] [you]"},
		{`"thank yo`, "/guides/care/", "", "[thank you]"},
		{`"thank`, "/guides/care/", "", "[thank]"},
	}
	var qs []string
	for _, tt := range tests {
		qs = append(qs, tt.q)
	}
	got := showQueries(t, compoundCorpus(), "en", qs, 10)
	for i, tt := range tests {
		a := got[i]
		var urls []string
		for _, r := range a.Results {
			urls = append(urls, r.URL)
		}
		if g := strings.Join(urls, " "); g != tt.urls {
			t.Errorf("%q: results %q, want %q", tt.q, g, tt.urls)
		}
		if a.Corrected != tt.corrected {
			t.Errorf("%q: corrected %q, want %q", tt.q, a.Corrected, tt.corrected)
		}
		if tt.has != "" && len(a.Results) > 0 {
			if r := a.Results[0]; !strings.Contains(r.Title+"|"+r.Passage, tt.has) {
				t.Errorf("%q: first result %q | %q does not show %q", tt.q, r.Title, r.Passage, tt.has)
			}
		}
	}
}
