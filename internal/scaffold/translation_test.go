package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/score"
	"mutual/internal/site"
	"mutual/internal/worksheet"
)

// twoLanguageSite is a new site (Init) in English and Spanish.
func twoLanguageSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := Init(dir); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "content", "site.yaml")
	src := read(t, cfg) + "languages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n"
	if err := os.WriteFile(cfg, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestNewTranslation starts the Spanish translations of a guide and a
// worksheet: copies beside the originals, with the note and draft: true,
// so that the site still shows the originals in Spanish; the worksheet's
// copy, once published, is a translation the build accepts (it scores as
// the original).
func TestNewTranslation(t *testing.T) {
	dir := twoLanguageSite(t)
	guide, err := NewTranslation(dir, "es", "guides/first-guide.md")
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := NewTranslation(dir, "ES", "worksheets/check-in.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "guides", "first-guide.es.md"); guide != want {
		t.Errorf("wrote %s, want %s", guide, want)
	}
	g, w := read(t, guide), read(t, sheet)
	for _, c := range []struct{ name, text, want string }{
		{"guide note", g, "---\n# The Spanish translation of content/guides/first-guide.md, started by mutual new translation.\n"},
		{"guide draft", g, "\ndraft: true\n"},
		{"guide text", g, read(t, filepath.Join(dir, "content", "guides", "first-guide.md"))[4:]},
		{"worksheet note", w, "# The Spanish translation of content/worksheets/check-in.yaml"},
		{"worksheet draft", w, "\ndraft: true\n"},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s: no %q in\n%s", c.name, c.want, c.text)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, out)
	for _, p := range []string{"es/guides/first-guide/index.html", "es/worksheets/check-in/index.html"} {
		if !strings.Contains(read(t, filepath.Join(out, p)), `class="fallback-notice"`) {
			t.Errorf("%s: a draft translation should leave the original shown, with the fallback notice", p)
		}
	}
	// Published as it is, the worksheet's copy is a valid translation.
	if err := os.WriteFile(sheet, []byte(strings.Replace(w, "\ndraft: true\n", "\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	buildInto(t, dir, out)
	if strings.Contains(read(t, filepath.Join(out, "es/worksheets/check-in/index.html")), `class="fallback-notice"`) {
		t.Error("the published worksheet translation still shows the fallback notice")
	}
}

func buildInto(t *testing.T, dir, out string) {
	t.Helper()
	if _, err := newBuilder(dir, out).Build(); err != nil {
		t.Fatalf("build:\n%v", err)
	}
}

// TestNewTranslationRefuses: every mistake is a sentence, and nothing is
// written over.
func TestNewTranslationRefuses(t *testing.T) {
	dir := twoLanguageSite(t)
	if _, err := NewTranslation(dir, "es", "guides/first-guide.md"); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(t.TempDir(), "one")
	if err := Init(one); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, code, rel, want string
	}{
		{one, "es", "guides/first-guide.md", "the site has one language: list its languages in content/site.yaml first"},
		{dir, "ez", "guides/first-guide.md", `"ez" is not one of the site's languages (en, es) (did you mean "es"?)`},
		{dir, "en", "guides/first-guide.md", "en is the site's default language: its pages are the originals; give the code of the language to translate into (es)"},
		{dir, "es", "guides/first-guide.es.md", "guides/first-guide.es.md is a translation already: give the path of the original (guides/first-guide.md)"},
		{dir, "es", "es/guides/first-guide.md", "es/guides/first-guide.md is in the tree of a language (content/es/)"},
		{dir, "es", "guides/missing.md", "content/guides/missing.md does not exist"},
		{dir, "es", "guides/first-guide.md", "already exists: not overwriting it"},
		{dir, "es", "guides/notes.txt", `path "guides/notes.txt" ends in .txt: a page file ends in .md`},
		{dir, "es", "../outside.md", `path "../outside.md" leaves content/`},
		{dir, "es", "site.yaml", "content/site.yaml is the site's configuration"},
	}
	for _, tt := range tests {
		_, err := NewTranslation(tt.dir, tt.code, tt.rel)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewTranslation(%q, %q): %v, want an error with %q", tt.code, tt.rel, err, tt.want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "guides", "data.yaml"), []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewTranslation(dir, "es", "guides/data.yaml"); err == nil || !strings.Contains(err.Error(), "is no worksheet") {
		t.Errorf("a YAML file outside worksheets/: %v", err)
	}
}

// TestDraftPage: whatever form the front matter has, the copy reads as a
// draft with the original's title, and keeps every other key.
func TestDraftPage(t *testing.T) {
	tests := []struct{ name, src string }{
		{"yaml", "---\ntitle: A\ntags: [x]\n---\nText.\n"},
		{"yaml with draft false", "---\ntitle: A\ndraft: false\n---\nText.\n"},
		{"yaml empty", "---\n---\n# A\n"},
		{"yaml null", "---\n# a comment\n~ # nothing\n---\n# A\n"},
		{"yaml bare tag", "---\n!\n---\n# A\n"},
		{"yaml in braces", "---\n{title: A, tags: [x]}\n---\nText.\n"},
		{"yaml in braces with draft", "---\n{title: A, draft: false}\n---\nText.\n"},
		{"yaml empty braces", "---\n{ }\n---\n# A\n"},
		{"yaml tagged mapping", "---\n! # any\ntitle: A\ntags: [x]\n---\nText.\n"},
		{"toml with a table", "+++\ntitle = \"A\"\n[params]\nx = 1\n+++\nText.\n"},
		{"toml with draft", "+++\ndraft = false\ntitle = \"A\"\n+++\n"},
		{"json", "{\n  \"title\": \"A\"\n}\nText.\n"},
		{"json with draft", "{\"title\": \"A\", \"draft\": false}\nText.\n"},
		{"json empty", "{}\n# A\n"},
		{"none", "# A\n\nText.\n"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nText.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _, errs := content.ParseFrontMatter("x.md", []byte(tt.src))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			out := draftPage([]byte(tt.src), "a note\non two lines")
			after, _, errs := content.ParseFrontMatter("x.es.md", out)
			if len(errs) > 0 {
				t.Fatalf("the copy does not parse: %v\n%s", errs, out)
			}
			if !after.Draft || after.Title != before.Title || len(after.Params) != len(before.Params) || len(after.Tags) != len(before.Tags) {
				t.Errorf("copy: draft %v title %q params %v tags %v; original: title %q params %v tags %v\n%s",
					after.Draft, after.Title, after.Params, after.Tags, before.Title, before.Params, before.Tags, out)
			}
		})
	}
}

// FuzzDraftPage: a page whose front matter reads without mistakes gives a
// copy that reads without mistakes, as a draft with the same title.
func FuzzDraftPage(f *testing.F) {
	f.Add("---\ntitle: A\n---\nx\n")
	f.Add("+++\ntitle = 'A'\n[params]\ndraft = 1\n+++\n")
	f.Add("{\"draft\": true}\n")
	f.Add("plain\n")
	f.Fuzz(func(t *testing.T, src string) {
		before, _, errs := content.ParseFrontMatter("x.md", []byte(src))
		if len(errs) > 0 {
			return
		}
		out := draftPage([]byte(src), "note")
		after, _, errs := content.ParseFrontMatter("x.es.md", out)
		if len(errs) > 0 {
			t.Fatalf("the copy does not parse: %v\n%q\n%q", errs, src, out)
		}
		if !after.Draft || after.Title != before.Title {
			t.Fatalf("copy: draft %v title %q, want a draft titled %q\n%q", after.Draft, after.Title, before.Title, out)
		}
	})
}

func newBuilder(dir, out string) *site.Builder {
	return site.New(site.Options{Dir: dir, Out: out})
}

// TestDraftWorksheet: the note and draft: true go after the lines before
// the worksheet's keys (the schema comment, a "---"), a draft key is set
// to true, and a worksheet written in braces gets the key inside them.
func TestDraftWorksheet(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"schema line", "# schema\ntitle: W\n", "# schema\n# n\ndraft: true\ntitle: W\n"},
		{"draft false", "title: W\ndraft: false\n", "# n\ntitle: W\ndraft: true\n"},
		{"document start", "# schema\n\n--- # w\ntitle: W\n", "# schema\n\n--- # w\n# n\ndraft: true\ntitle: W\n"},
		{"braces", "{title: W, sections: []}\n", "# n\n{draft: true, title: W, sections: []}\n"},
	}
	for _, tt := range tests {
		if got := string(draftWorksheet([]byte(tt.src), "n")); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzDraftWorksheet: a worksheet that reads without mistakes gives a
// copy that reads without mistakes, as a draft with the same title and
// the same scoring fingerprint.
func FuzzDraftWorksheet(f *testing.F) {
	const sheet = "title: W\nsections:\n  - title: S\n    questions:\n      - {id: q, type: rating, side: give, text: I give., scale: frequency}\nresults:\n  - {title: Any}\n"
	f.Add("# yaml-language-server: $schema=../../public/schema/worksheet.json\n" + sheet)
	f.Add("draft: false\n" + sheet)
	f.Add("{title: W, sections: [{title: S, questions: [{id: q, type: rating, side: give, text: I give., scale: frequency}]}], results: [{title: Any}]}\n")
	f.Add("---\n" + sheet)
	f.Fuzz(func(t *testing.T, src string) {
		before, errs := worksheet.Parse("w.yaml", []byte(src))
		if len(errs) > 0 || before == nil {
			return
		}
		out := draftWorksheet([]byte(src), "a note")
		after, errs := worksheet.Parse("w.es.yaml", out)
		if len(errs) > 0 {
			t.Fatalf("the copy does not parse: %v\n%q\n%q", errs, src, out)
		}
		if !after.Draft || after.Title != before.Title || score.Fingerprint(after.Model()) != score.Fingerprint(before.Model()) {
			t.Fatalf("copy: draft %v title %q; original title %q\n%q", after.Draft, after.Title, before.Title, out)
		}
	})
}
