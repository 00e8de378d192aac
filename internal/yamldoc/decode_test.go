package yamldoc

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"mutual/internal/diag"
)

// field parses "v: <value>" and returns the field v with a Decoder.
func field(t *testing.T, value string) (Field, *Decoder, *diag.List) {
	t.Helper()
	errs := &diag.List{}
	root, perrs := Parse([]byte("v: "+value+"\n"), Options{Path: "in.yaml"})
	if len(perrs) > 0 {
		t.Fatalf("%q: %v", value, perrs)
	}
	d := &Decoder{Path: "in.yaml", Errs: errs}
	fs := d.Map(root, "test", []string{"v"}, nil)
	if len(fs) != 1 {
		t.Fatalf("%q: no field", value)
	}
	return fs[0], d, errs
}

// read applies one reader and prints what it gave: the value, "-" for
// nothing without an error, or the error.
func read(t *testing.T, reader, value string) string {
	f, d, errs := field(t, value)
	var got any
	var ok bool
	switch reader {
	case "Text":
		got, ok = d.Text(f)
	case "Int":
		got, ok = d.Int(f)
	case "Number":
		got, ok = d.Number(f)
	case "Bool":
		got, ok = d.Bool(f)
	case "Date":
		var tm time.Time
		tm, ok = d.Date(f)
		got = tm.Format(time.RFC3339)
	case "Texts":
		list := d.Texts(f)
		got, ok = strings.Join(list, "|"), list != nil
	}
	if len(*errs) > 0 {
		if ok && reader != "Texts" { // Texts keeps the good entries
			t.Errorf("%s(%q) reported an error and a value", reader, value)
		}
		return errs.Error()
	}
	if !ok {
		return "-"
	}
	return fmt.Sprint(got)
}

// TestTypeRules is the package's type rules, value by value: the field
// decides how a value is read, quotes do not matter, an empty value is
// "not given".
func TestTypeRules(t *testing.T) {
	tests := []struct{ reader, value, want string }{
		// Text: any single value, as written.
		{"Text", "Naming old debts", "Naming old debts"},
		{"Text", "2024", "2024"},
		{"Text", "1.50", "1.50"},
		{"Text", "0x1F", "0x1F"},
		{"Text", "true", "true"},
		{"Text", "yes", "yes"},
		{"Text", "2026-03-14", "2026-03-14"},
		{"Text", `"2024"`, "2024"},
		{"Text", `'it''s'`, "it's"},
		{"Text", `"a\tb"`, "a\tb"},
		{"Text", `"null"`, "null"},
		{"Text", `""`, ""},
		{"Text", "~", "-"},
		{"Text", "null", "-"},
		{"Text", "", "-"},
		{"Text", "|\n  one\n  two", "one\ntwo\n"},
		{"Text", ">-\n  one\n  two", "one two"},
		{"Text", "[a, b]", "in.yaml:1:4: v must be text, not a list"},
		{"Text", "{a: 1}", "in.yaml:1:4: v must be text, not key: value pairs"},
		// Int: digits, an optional sign, quotes or not.
		{"Int", "3", "3"},
		{"Int", `"3"`, "3"},
		{"Int", "-2", "-2"},
		{"Int", "+4", "4"},
		{"Int", "007", "7"},
		{"Int", "3.0", `in.yaml:1:4: v must be a whole number such as 3, not "3.0"`},
		{"Int", "0x1F", `in.yaml:1:4: v must be a whole number such as 3, not "0x1F"`},
		{"Int", "1_000", `in.yaml:1:4: v must be a whole number such as 3, not "1_000"`},
		{"Int", "ten", `in.yaml:1:4: v must be a whole number such as 3, not "ten"`},
		{"Int", "99999999999999999999", "in.yaml:1:4: v 99999999999999999999 is too large"},
		{"Int", "~", "-"},
		{"Int", "[1]", "in.yaml:1:4: v must be a whole number such as 3, not a list"},
		// Number: decimal.
		{"Number", "1.5", "1.5"},
		{"Number", `"2"`, "2"},
		{"Number", "-0.25", "-0.25"},
		{"Number", ".5", "0.5"},
		{"Number", "1e3", "1000"},
		{"Number", ".inf", `in.yaml:1:4: v must be a number such as 1.5, not ".inf"`},
		{"Number", ".nan", `in.yaml:1:4: v must be a number such as 1.5, not ".nan"`},
		{"Number", "1e999", "in.yaml:1:4: v 1e999 is too large"},
		{"Number", "", "-"},
		// Bool: true or false, nothing guessed.
		{"Bool", "true", "true"},
		{"Bool", "True", "true"},
		{"Bool", "FALSE", "false"},
		{"Bool", `"false"`, "false"},
		{"Bool", "yes", `in.yaml:1:4: v must be true or false, not "yes"`},
		{"Bool", "on", `in.yaml:1:4: v must be true or false, not "on"`},
		{"Bool", "1", `in.yaml:1:4: v must be true or false, not "1"`},
		{"Bool", "null", "-"},
		{"Bool", "[true]", "in.yaml:1:4: v must be true or false, not a list"},
		// Date.
		{"Date", "2026-03-14", "2026-03-14T00:00:00Z"},
		{"Date", `"2026-03-14"`, "2026-03-14T00:00:00Z"},
		{"Date", "2026-03-14T10:00:00Z", "2026-03-14T10:00:00Z"},
		{"Date", "2026-03-14T10:00:00+01:00", "2026-03-14T10:00:00+01:00"},
		{"Date", "2026-03-14T10:00:00", "2026-03-14T10:00:00Z"},
		{"Date", "2026-03-14 10:00:00", "2026-03-14T10:00:00Z"},
		// Hugo's other forms with a numeric offset (Jekyll's first).
		{"Date", "2026-03-14 10:00:00 +0100", "2026-03-14T10:00:00+01:00"},
		{"Date", "2026-03-14 10:00:00 -07:00", "2026-03-14T10:00:00-07:00"},
		{"Date", "2026-03-14T10:00:00-0700", "2026-03-14T10:00:00-07:00"},
		{"Date", "2026-03-14 10:00:00Z", "2026-03-14T10:00:00Z"},
		{"Date", "14 Mar 2026", "2026-03-14T00:00:00Z"},
		{"Date", "Sat, 14 Mar 2026 10:00:00 +0100", "2026-03-14T10:00:00+01:00"},
		{"Date", "14 Mar 26 10:00 +0100", "2026-03-14T10:00:00+01:00"},
		// A zone by name would be read as UTC whatever it says: refused.
		{"Date", "Sat, 14 Mar 2026 10:00:00 CET", `in.yaml:1:4: v must be a date such as 2026-03-14 or 2026-03-14T10:00:00Z, not "Sat, 14 Mar 2026 10:00:00 CET"`},
		{"Date", "14/03/2026", `in.yaml:1:4: v must be a date such as 2026-03-14 or 2026-03-14T10:00:00Z, not "14/03/2026"`},
		{"Date", "2026-02-30", `in.yaml:1:4: v must be a date such as 2026-03-14 or 2026-03-14T10:00:00Z, not "2026-02-30"`},
		{"Date", "~", "-"},
		// Lists of texts: a single value is a list of one.
		{"Texts", "[habits, care]", "habits|care"},
		{"Texts", "\n  - habits\n  - 2024", "habits|2024"},
		{"Texts", "habits", "habits"},
		{"Texts", "habits, care", `in.yaml:1:4: v "habits, care" is one text with commas in it; for several, write a list: [habits, care]`},
		{"Texts", "[\"habits, care\"]", "habits, care"},
		{"Texts", "\"habits,\"", "habits,"},
		{"Texts", "\"habits, care\"", "habits, care"}, // quoted: one text, as written
		{"Texts", "[]", "-"},
		{"Texts", "~", "-"},
		{"Texts", "{a: 1}", "in.yaml:1:4: v must be a list, not key: value pairs"},
		{"Texts", "[a, [b], c]", "in.yaml:1:8: each entry of v must be text, not a list"},
	}
	for _, tt := range tests {
		if got := read(t, tt.reader, tt.value); got != tt.want {
			t.Errorf("%s(%q)\ngot  %s\nwant %s", tt.reader, tt.value, got, tt.want)
		}
	}
}

// TestQuotesDoNotMatter: every reader gives the same result for a value and
// for the same value in quotes (but for the words of "empty", which quotes
// turn into text).
func TestQuotesDoNotMatter(t *testing.T) {
	values := []string{"3", "-2", "1.5", "1e3", "true", "False", "yes", "2026-03-14", "2026-03-14T10:00:00Z",
		"2024", "0x1F", "1.50", "word", "two words"}
	for _, reader := range []string{"Text", "Int", "Number", "Bool", "Date", "Texts"} {
		for _, v := range values {
			plain := read(t, reader, v)
			quoted := read(t, reader, `"`+v+`"`)
			if plain != quoted {
				t.Errorf("%s: %s gives %q, %q gives %q", reader, v, plain, `"`+v+`"`, quoted)
			}
		}
	}
}

func TestMap(t *testing.T) {
	src := "title: x\ntitel: y\nauthor: me\nweight: 3\ncategories: [a]\n"
	root, _ := Parse([]byte(src), Options{Path: "a.md", LineOffset: 1})
	var errs diag.List
	d := &Decoder{Path: "a.md", Errs: &errs}
	fs := d.Map(root, "front matter", []string{"title", "weight", "date"}, []string{"author", "categories"})
	var keys []string
	for _, f := range fs {
		keys = append(keys, f.Key.Value)
	}
	if strings.Join(keys, " ") != "title weight" {
		t.Errorf("fields %v, want title weight in the order written", keys)
	}
	if want := `a.md:3:1: unknown key "titel" in front matter (did you mean "title"?)`; errs.Error() != want {
		t.Errorf("got %s, want %s", errs.Error(), want)
	}
	if f, ok := fs.Get("weight"); !ok || f.Value.Value != "3" || f.Key.Line != 5 {
		t.Errorf("Get(weight) = %v, %v", f, ok)
	}
	if _, ok := fs.Get("date"); ok {
		t.Error("Get(date) found a key that is not there")
	}

	tests := []struct{ src, want string }{
		{"- a\n", "in.yaml:1:1: site.yaml must be key: value pairs, not a list"},
		{"just words\n", `in.yaml:1:1: site.yaml must be key: value pairs, not "just words"`},
		{"colour: red\n", `in.yaml:1:1: unknown key "colour" in site.yaml`},
	}
	for _, tt := range tests {
		root, _ := Parse([]byte(tt.src), Options{Path: "in.yaml"})
		var errs diag.List
		d := &Decoder{Path: "in.yaml", Errs: &errs}
		d.Map(root, "site.yaml", []string{"title", "menu"}, nil)
		if errs.Error() != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, errs.Error(), tt.want)
		}
	}
	// An empty or refused value is no pairs and no error.
	for _, n := range []*Node{{Kind: Null, Line: 1, Col: 1}, {Kind: Refused, Line: 1, Col: 1}} {
		var errs diag.List
		d := &Decoder{Path: "in.yaml", Errs: &errs}
		if fs := d.Map(n, "markdown", []string{"unsafe"}, nil); len(fs) != 0 || len(errs) != 0 {
			t.Errorf("%v: %v %v", n.Kind, fs, errs)
		}
	}
}

// TestPairs reads a block whose keys the writer chooses.
// TestOthers: a key another tool uses is reported once, with the advice
// given for it, whatever its case; a known key and any other key are left
// to Map, which reports the latter with its own hint.
func TestOthers(t *testing.T) {
	others := map[string]string{"languagecode": ` (mutual's is "language")`, "title": " (never said)"}
	tests := []struct{ src, want string }{
		{"languageCode: en-us\n", `in.yaml:1:1: unknown key "languageCode" in site.yaml (mutual's is "language")`},
		{"LANGUAGECODE: en-us\ntitel: T\n", `in.yaml:1:1: unknown key "LANGUAGECODE" in site.yaml (mutual's is "language")` + "\n" +
			`in.yaml:2:1: unknown key "titel" in site.yaml (did you mean "title"?)`},
		{"title: T\n", ""},
		{"- languageCode\n", "in.yaml:1:1: site.yaml must be key: value pairs, not a list"},
	}
	for _, tt := range tests {
		root, _ := Parse([]byte(tt.src), Options{Path: "in.yaml"})
		var errs diag.List
		d := &Decoder{Path: "in.yaml", Errs: &errs}
		known := []string{"title", "language"}
		d.Map(root, "site.yaml", known, d.Others(root, "site.yaml", known, others))
		errs.Sort()
		if got := errs.Error(); got != tt.want && !(tt.want == "" && len(errs) == 0) {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestPairs(t *testing.T) {
	root, _ := Parse([]byte("scales:\n  often: [a]\n  rarely: [b]\n"), Options{Path: "w.yaml"})
	var errs diag.List
	d := &Decoder{Path: "w.yaml", Errs: &errs}
	f, _ := d.Map(root, "worksheet", []string{"scales"}, nil).Get("scales")
	var ids []string
	for _, p := range d.Pairs(f.Value, "scales") {
		ids = append(ids, fmt.Sprintf("%s@%d:%d", p.Key.Value, p.Key.Line, p.Key.Col))
	}
	if strings.Join(ids, " ") != "often@2:3 rarely@3:3" || len(errs) > 0 {
		t.Errorf("got %v %v", ids, errs)
	}
}

// TestBuiltTree walks a tree a caller built itself, as a fast path for the
// plainest front matter would: the Decoder needs nothing from Parse, and
// still reports a duplicate key Parse would have dropped.
func TestBuiltTree(t *testing.T) {
	scalar := func(v string, line, col int, style Style) *Node {
		return &Node{Kind: Scalar, Style: style, Value: v, Line: line, Col: col}
	}
	root := &Node{Kind: Map, Line: 2, Col: 1, Content: []*Node{
		scalar("title", 2, 1, Plain), scalar("Naming old debts", 2, 8, DoubleQuoted),
		scalar("weight", 3, 1, Plain), scalar("37", 3, 9, Plain),
		scalar("title", 4, 1, Plain), scalar("Again", 4, 8, Plain),
		scalar("draft", 5, 1, Plain), scalar("maybe", 5, 8, Plain),
	}}
	var errs diag.List
	d := &Decoder{Path: "a.md", Errs: &errs}
	var title string
	var weight int
	for _, f := range d.Map(root, "front matter", []string{"title", "weight", "draft"}, nil) {
		switch f.Key.Value {
		case "title":
			title, _ = d.Text(f)
			if l, c := f.Value.TextPos(); l != 2 || c != 9 {
				t.Errorf("TextPos of a quoted text = %d:%d, want 2:9", l, c)
			}
		case "weight":
			weight, _ = d.Int(f)
		case "draft":
			d.Bool(f)
		}
	}
	want := "a.md:4:1: duplicate key \"title\" (first at line 2)\na.md:5:8: draft must be true or false, not \"maybe\""
	if title != "Naming old debts" || weight != 37 || errs.Error() != want {
		t.Errorf("got %q %d\n%s\nwant\n%s", title, weight, errs.Error(), want)
	}
}

// TestReadersSkipRefused: a value Parse refused was reported once; readers
// add nothing.
func TestReadersSkipRefused(t *testing.T) {
	root, perrs := Parse([]byte("x: &x 1\ntitle: *x\ntags: [a, *x]\n"), Options{Path: "in.yaml"})
	if len(perrs) != 3 {
		t.Fatalf("want three errors from Parse, got %v", perrs)
	}
	var errs diag.List
	d := &Decoder{Path: "in.yaml", Errs: &errs}
	fs := d.Map(root, "front matter", []string{"x", "title", "tags"}, nil)
	title, _ := fs.Get("title")
	tags, _ := fs.Get("tags")
	if s, ok := d.Text(title); ok || s != "" {
		t.Errorf("Text of a refused value = %q, %v", s, ok)
	}
	if got := d.Texts(tags); len(got) != 1 || got[0] != "a" {
		t.Errorf("Texts = %v", got)
	}
	for _, r := range []func(Field){
		func(f Field) { d.Int(f) }, func(f Field) { d.Number(f) }, func(f Field) { d.Bool(f) },
		func(f Field) { d.Date(f) }, func(f Field) { d.List(f) },
	} {
		r(title)
	}
	if len(errs) > 0 {
		t.Errorf("readers reported a refused value again: %v", errs)
	}
}

func TestOneOf(t *testing.T) {
	tests := []struct{ value, want string }{
		{"pair", "pair"},
		{"rating", "rating"},
		{"pari", `in.yaml:1:4: unknown v "pari" (did you mean "pair"?)`},
		{"essay", `in.yaml:1:4: unknown v "essay" (use pair, rating or reflection)`},
		{"~", "-"},
	}
	for _, tt := range tests {
		f, d, errs := field(t, tt.value)
		got, ok := d.OneOf(f, []string{"pair", "rating", "reflection"})
		switch {
		case len(*errs) > 0:
			got = errs.Error()
		case !ok:
			got = "-"
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.value, got, tt.want)
		}
	}
}
