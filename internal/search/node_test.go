package search

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// searchJS is the browser script whose query engine the tests run.
const searchJS = "../../themes/default/static/js/search-engine.js"

// node returns the path of Node; without it the test is skipped, or fails
// under CI=true.
func node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed; CI must install nodejs")
		}
		t.Skip("node is not installed")
	}
	return p
}

// writeIndex writes files under a temporary folder and returns it.
func writeIndex(t testing.TB, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runJS runs testdata/run.js on a request and decodes its answer into out.
func runJS(t testing.TB, indexDir string, req, out any) {
	t.Helper()
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node(t), "testdata/run.js", searchJS, indexDir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("node's answer: %v\n%s", err, b)
	}
}

type jsResult struct {
	URL, Title, Section, Heading, Passage string
}

type jsAnswer struct {
	Q       string
	Error   string // with a request's "fail": why the query failed
	Total   int
	Bytes   int
	Files   []string
	Ms      float64
	Results []jsResult
}

func querySessions(t testing.TB, dir string, sessions [][]string, show int) [][]jsAnswer {
	var out [][]jsAnswer
	runJS(t, dir, map[string]any{"sessions": sessions, "show": show}, &out)
	return out
}

func TestQueriesInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	files, err := Write(testCorpus())
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIndex(t, files)
	tests := []struct {
		lang, q string
		first   string // URL of the first result ("" for none)
		total   int    // -1: any
		has     string // in the first result's title, heading or passage (marks as [x])
	}{
		// Ranking: a title match beats two body matches.
		{"en", "receive", "/guides/receiving/#why-receiving-can-be-hard", 2, "Letting yourself [receive]"},
		// Stemming: another form of the word.
		{"en", "received ", "/guides/receiving/#why-receiving-can-be-hard", 2, "Why [receiving] can be hard"},
		// Prefix of the last word while typing.
		{"en", "recei", "/guides/receiving/#why-receiving-can-be-hard", 2, "[receive]"},
		{"en", "lis", "/guides/listening/#when-your-partner-never-listens", -1, "[Listening]"},
		// A word typed past its stem.
		{"en", "receivin", "/guides/receiving/#why-receiving-can-be-hard", 2, ""},
		// A closed word is not a prefix, but close enough for a typo.
		{"en", "recei ", "/guides/receiving/#why-receiving-can-be-hard", 2, ""},
		{"en", "rec ", "", 0, ""},
		// Typos.
		{"en", "recieve", "/guides/receiving/#why-receiving-can-be-hard", 2, "[receive]"},
		{"en", "recieve ", "/guides/receiving/#why-receiving-can-be-hard", 2, ""},
		{"en", "partnr", "/guides/listening/#when-your-partner-never-listens", 1, "[partner]"},
		// Folding, both ways.
		{"en", "cafe", "/guides/cafe/", 1, "[café]"},
		{"en", "CAFÉ", "/guides/cafe/", 1, "[café]"},
		{"en", "naive", "/guides/cafe/#choosing-a-place", 1, "[Naïve]"},
		// Phrases: the words next to each other, in order.
		{"en", `"giving back"`, "/guides/giving-back/", 1, "[Giving back]"}, // the phrase, one mark
		{"en", `"back giving"`, "", 0, ""},
		{"en", "giving back", "/guides/giving-back/", -1, "[Giving] [back]"},
		// Typographic quotes, as a phone's keyboard types them, are quotes.
		{"en", "“giving back”", "/guides/giving-back/", 1, "[Giving back]"},
		{"en", "„giving back“", "/guides/giving-back/", 1, "[Giving back]"},
		{"en", "«giving back»", "/guides/giving-back/", 1, "[Giving back]"},
		{"en", "“back giving”", "", 0, ""},
		// Single quotes are apostrophes too: not a phrase.
		{"en", "‘giving back’", "/guides/giving-back/", -1, "[Giving] [back]"},
		// Several words: the page with all of them first, the passage under
		// the heading that holds them.
		{"en", "partner never listens", "/guides/listening/#when-your-partner-never-listens", 2, "When your [partner] [never] [listens]"},
		{"en", "always the one who plans", "/guides/planning/", -1, "[Always] [the] [one] [who] [plans]"},
		{"en", "vent accept", "/worksheets/give-and-take/", -1, "[accept]"},
		{"en", "zebra", "", 0, ""},
		{"en", "", "", 0, ""},
		// A page whose title holds the words comes before a short one that
		// repeats them (titleBoost).
		{"es", "dejarse cuid", "/es/guides/recibir/", 2, "[Dejarse] [cuidar]"},
		// French: elision and plural.
		{"fr", "amie", "/fr/guides/recevoir/", 1, "[amies] et des [amis]"},
		{"fr", "l'amitié", "/fr/guides/recevoir/", 1, "[amitié]"},
	}
	byLang := map[string][][]string{}
	for _, tt := range tests {
		byLang[tt.lang] = append(byLang[tt.lang], []string{tt.q})
	}
	answers := map[string][][]jsAnswer{}
	for lang, s := range byLang {
		answers[lang] = querySessions(t, filepath.Join(dir, lang), s, 5)
	}
	next := map[string]int{}
	for _, tt := range tests {
		a := answers[tt.lang][next[tt.lang]][0]
		next[tt.lang]++
		first := ""
		var r jsResult
		if len(a.Results) > 0 {
			r = a.Results[0]
			first = r.URL
		}
		if first != tt.first {
			t.Errorf("%q: first result %q, want %q (all: %+v)", tt.q, first, tt.first, a.Results)
		}
		if tt.total >= 0 && a.Total != tt.total {
			t.Errorf("%q: %d results, want %d (%+v)", tt.q, a.Total, tt.total, a.Results)
		}
		if tt.has != "" && !strings.Contains(r.Title+"|"+r.Heading+"|"+r.Passage, tt.has) {
			t.Errorf("%q: first result %+v does not show %q", tt.q, r, tt.has)
		}
		if len(a.Results) > 0 && r.Section == "" {
			t.Errorf("%q: no section in %+v", tt.q, r)
		}
	}
}

// A file the engine could not fetch (the network gone a moment) is asked
// for again by the next query: the query fails, and the same query run again
// (Enter, as the error message says "Try again") answers as in a session
// where nothing failed, for each kind of file: the manifest, term fragments
// (t/), word lists (l/, for typos and prefixes), positions (x/, for phrases)
// and result bundles (d/). Before, only the manifest and JSON files were
// fetched again; a term fragment or a positions file that failed once failed
// every query until the page was loaded again.
func TestRetryAfterFailedFetchInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	files, err := Write(testCorpus())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(writeIndex(t, files), "en")
	queries := []string{"receive", `"giving back"`, "recieve", "recei", "listening partner"}
	var want []jsAnswer
	for _, s := range querySessions(t, dir, [][]string{queries}, 5) {
		want = append(want, s...)
	}
	for _, fail := range []string{"manifest.json", "t/", "l/", "x/", "d/"} {
		t.Run(fail, func(t *testing.T) {
			var sessions [][]string
			for _, q := range queries {
				sessions = append(sessions, []string{q, q, q})
			}
			var got [][]jsAnswer
			runJS(t, dir, map[string]any{"sessions": sessions, "show": 5, "fail": []string{fail}}, &got)
			failed := 0
			for i, s := range got {
				q := queries[i]
				if s[0].Error != "" {
					failed++
				}
				// The first query may fail or not (a word list is
				// not needed by every query); the second may meet
				// another file of the kind for the first time; the
				// third has met them all once.
				last := s[len(s)-1]
				if last.Error != "" {
					t.Errorf("%q: run %d times with %s* failing once, the last still fails: %s", q, len(s), fail, last.Error)
					continue
				}
				if last.Total != want[i].Total || !reflect.DeepEqual(last.Results, want[i].Results) {
					t.Errorf("%q: after a failed fetch of %s*: %d results %+v, want %d %+v", q, fail, last.Total, last.Results, want[i].Total, want[i].Results)
				}
			}
			if failed == 0 {
				t.Errorf("no query failed with %s* failing once: the test tests nothing", fail)
			}
		})
	}
}

// A session's first query loads the manifest; later ones reuse what is
// loaded.
func TestTransferInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	files, err := Write(testCorpus())
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIndex(t, files)
	a := querySessions(t, filepath.Join(dir, "en"), [][]string{{"receive", "receive", "listening"}}, 5)[0]
	if len(a[0].Files) == 0 || a[0].Files[0] != "manifest.json" {
		t.Errorf("first query fetched %v, want the manifest first", a[0].Files)
	}
	if a[1].Bytes != 0 {
		t.Errorf("repeating a query fetched %d bytes (%v)", a[1].Bytes, a[1].Files)
	}
	for _, f := range a[2].Files {
		if f == "manifest.json" {
			t.Errorf("a later query fetched the manifest again")
		}
	}
	total := 0
	for _, f := range a[0].Files {
		total += len(files["en/"+f])
	}
	if total != a[0].Bytes {
		t.Errorf("first query reports %d bytes, its files have %d", a[0].Bytes, total)
	}
}

// search.js folds every character of the Basic Multilingual Plane as
// Fold does.
func TestFoldMatchesJS(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	// Characters Go's Unicode tables do not know yet (Node's may be
	// newer) are left out: Go cannot lowercase them.
	var in []string
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 || !assigned(r) {
			continue
		}
		in = append(in, string(r))
	}
	in = append(in, "Crème Brûlée", "İSTANBUL", "ΟΔΟΣ", "Ĳsselmeer", "𝐀𝔸") // and a few strings
	var out []string
	runJS(t, "", map[string]any{"fold": in}, &out)
	bad, newer := 0, 0
	for i, s := range in {
		if got, want := out[i], Fold(s); got != want {
			r, _ := utf8.DecodeRuneInString(s)
			if utf8.RuneCountInString(s) == 1 && unicode.SimpleFold(r) == r {
				// A case pair newer than Go's Unicode tables.
				newer++
				continue
			}
			if bad++; bad <= 20 {
				t.Errorf("U+%04X %q: search.js folds to %q, Go to %q", r, s, got, want)
			}
		}
	}
	if bad > 20 {
		t.Errorf("... %d differences in all", bad)
	}
	if newer > 0 {
		t.Logf("%d characters have a case pair in Node's Unicode tables but not yet in Go's", newer)
	}
}

func assigned(r rune) bool {
	for _, tab := range unicode.Categories {
		if unicode.Is(tab, r) {
			return true
		}
	}
	return false
}

// search.js splits text into the same words as the tokenizer.
func TestTokensMatchJS(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	texts := []string{
		"Hello, world! don't stop — l'amour, qu'il d'accord; aujourd'hui",
		"日本語のテキストabc日本 x²+y₂ 2024 under_score",
		"Crème brûlée ÆSIR Ĳssel ΟΔΟΣ ʼokina cafe\u0301 " + strings.Repeat("x", 60) + " end",
		"‘quoted’ it’s 'a' ' b '' c’’d 𝐀𝔸 𠀀𠀁",
	}
	for _, d := range testCorpus() {
		texts = append(texts, d.Title, d.Description)
		for _, p := range d.Parts {
			texts = append(texts, p.Heading, p.Text)
		}
	}
	for _, elide := range []bool{false, true} {
		var out [][]string
		runJS(t, "", map[string]any{"tokens": texts, "elide": elide}, &out)
		for i, s := range texts {
			want := words(s, elide)
			if strings.Join(out[i], " ") != strings.Join(want, " ") {
				t.Errorf("elide %v, %q:\n search.js %q\n       Go %q", elide, s, out[i], want)
			}
		}
	}
}

// search.js stems as the Go stemmers do, on real words and on random
// letters.
func TestStemMatchesJS(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	words := strings.Fields(`receive receives received receiving listen listened story stories hope hoped
		hoping hopping agreed agree need needed plans planning boundaries falling caring cares sses ies
		generalization conditional relational happiness hopefully motoring sing bled bleed feed
		ami amie amis amies chevaux belles travaux aimee cancion canciones padres amigas vez veces
		cancoes homens animais papeis flores kinder kindern hauser freunden arbeitest besten`)
	r := rand.New(rand.NewPCG(15, 15))
	for range 3000 {
		n := 3 + r.IntN(10)
		var b strings.Builder
		for range n {
			// Vowels and the letters suffixes use, more often.
			b.WriteByte("aeiouysdnrtlgexzbmpaeiouy"[r.IntN(25)])
		}
		words = append(words, b.String())
	}
	var req [][2]string
	for _, s := range []string{"en", "fr", "es", "pt", "de", ""} {
		for _, w := range words {
			req = append(req, [2]string{s, w})
		}
	}
	var out []string
	runJS(t, "", map[string]any{"stem": req}, &out)
	bad := 0
	for i, q := range req {
		if want := Stem(q[0], q[1]); out[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("stem %s %q: search.js %q, Go %q", q[0], q[1], out[i], want)
			}
		}
	}
}

// TestEmptyLanguageInNode: a language Write is told of without documents
// gets an index that loads and finds nothing, typos and prefixes
// included, as does a language with documents for a word it lacks.
func TestEmptyLanguageInNode(t *testing.T) {
	t.Parallel() // its own index folder and node processes
	node(t)
	ix := NewIndex()
	var docs []*Doc
	for _, d := range testCorpus() {
		doc, err := ix.Analyze(&d)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	files, err := ix.Write(docs, "it", "en", "pt-BR")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"it", "pt-br"} {
		var m manifest
		if err := json.Unmarshal(files[lang+"/manifest.json"], &m); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if m.Docs != 0 || len(m.Terms) != 0 || m.Language != lang {
			t.Errorf("%s: manifest %+v, want an index of no documents", lang, m)
		}
	}
	if m := Stemmer("pt-BR"); !strings.Contains(string(files["pt-br/manifest.json"]), `"stemmer":"`+m+`"`) {
		t.Errorf("pt-br: %s, want stemmer %q", files["pt-br/manifest.json"], m)
	}
	full, err := ix.Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(full["en/manifest.json"], files["en/manifest.json"]) {
		t.Errorf("naming a language that has documents changed its index")
	}
	dir := writeIndex(t, files)
	for _, a := range querySessions(t, filepath.Join(dir, "it"), [][]string{{"receive", "recieve", "rec", `"giving back"`}}, 5)[0] {
		if a.Total != 0 || len(a.Results) != 0 {
			t.Errorf("an empty index found %+v", a)
		}
	}
	if _, err := ix.Write(docs, "no/folder"); err == nil {
		t.Errorf("a tag that cannot name a folder was accepted")
	}
}
