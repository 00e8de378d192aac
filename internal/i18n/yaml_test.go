package i18n

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"mutual/internal/diag"
)

func TestParseFile(t *testing.T) {
	src := `# comment
pager.next: Next
quoted: "{count} pages"
plural:
  one: a {x}
  other: b {x}
empty: ""
number: 404
braces: a {{b}} c
`
	cat, err := ParseFile("i18n/en.yaml", "en", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cat.Keys(), []string{"braces", "empty", "number", "pager.next", "plural", "quoted"}; !slices.Equal(got, want) {
		t.Errorf("Keys = %q, want %q", got, want)
	}
	m := cat.Messages["plural"]
	if !m.Plural() || m.Line != 5 || m.Col != 3 || m.Path != "i18n/en.yaml" {
		t.Errorf("plural: %v at %d:%d in %s", m.Plural(), m.Line, m.Col, m.Path)
	}
	if l, c := m.position(Other); l != 6 || c != 10 {
		t.Errorf("other form at %d:%d", l, c)
	}
	tr := New("en", Layer{"en": cat}).For("en")
	for key, want := range map[string]string{"quoted": "3 pages", "number": "404", "empty": "", "braces": "a {b} c", "plural": "a X"} {
		var got string
		var err error
		if key == "plural" {
			got, err = tr.T(key, "count", 1, "x", "X")
		} else {
			got, err = tr.T(key, 3)
		}
		if err != nil || got != want {
			t.Errorf("T(%s) = %q, %v; want %q", key, got, err, want)
		}
	}
	empty, err := ParseFile("i18n/en.yaml", "en", []byte("# nothing yet\n"))
	if err != nil || len(empty.Messages) != 0 {
		t.Errorf("empty file: %v, %v", empty, err)
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a list", "- a\n- b\n", `i18n/de.yaml:1:1: a translation file is a list of "key: text" lines`},
		{"a text", "just words\n", `i18n/de.yaml:1:1: a translation file is a list of "key: text" lines`},
		{"bad key", "Pager Next: Weiter\nok: ja\n", `i18n/de.yaml:1:1: "Pager Next" is not a key: keys are lowercase words joined by ".", "-" or "_", such as "pager.next"`},
		{"key ends in a dot", "pager.: x\n", `i18n/de.yaml:1:1: "pager." is not a key: keys are lowercase words joined by ".", "-" or "_", such as "pager.next"`},
		{"duplicate", "a: x\nb: y\na: z\n", `i18n/de.yaml:3:1: duplicate key "a" (first at line 1)`},
		{"no text", "a:\nb: ~\nm:\n  one:\n  other: x\n", "i18n/de.yaml:1:1: \"a\" has no text\ni18n/de.yaml:2:1: \"b\" has no text\ni18n/de.yaml:4:3: the \"one\" form of \"m\" has no text"},
		{"a list as text", "a: [x, y]\n", `i18n/de.yaml:1:4: "a" must be a text, or its plural forms (one:, other: ...)`},
		{"bad form", "m:\n  one: x\n  others: y\n", "i18n/de.yaml:3:3: \"others\" is not a plural form of \"m\": forms are zero, one, two, few, many and other (did you mean \"other\"?)"},
		{"no other", "m:\n  one: x\n", `i18n/de.yaml:2:3: "m" has no "other" form, which every language needs`},
		{"form twice", "m:\n  one: x\n  one: y\n  other: z\n", `i18n/de.yaml:3:3: duplicate key "one" (first at line 2)`},
		{"nested form", "m:\n  one:\n    x: y\n  other: z\n", `i18n/de.yaml:3:5: the "one" form of "m" must be a text`},
		{"placeholder typo, plain", "a: Mehr in {Section} hier\n", `i18n/de.yaml:1:12: "a": {Section} is not a placeholder: names are lowercase (did you mean {section}?)`},
		{"placeholder after umlauts", "a: Größe {x\n", `i18n/de.yaml:1:10: "a": a brace opens a placeholder that never closes: "{x" (write {{ for a brace itself)`},
		{"placeholder in quotes points at the value", "a: \"x }\"\n", `i18n/de.yaml:1:4: "a": a closing brace without an opening one (write }} for a brace itself)`},
		{"placeholder in a form", "m:\n  one: \"{count\"\n  other: y\n", `i18n/de.yaml:2:8: the "one" form of "m": a brace opens a placeholder that never closes: "{count" (write {{ for a brace itself)`},
		{"alias", "a: &x Hallo\nb: *x\n", "i18n/de.yaml:1:4: \"&x\" would name this value for reuse (a YAML anchor), which mutual does not do: delete it, or put a text starting with \"&\" in quotes\n" +
			"i18n/de.yaml:2:4: \"*x\" would repeat another part of the file (a YAML alias), which mutual does not do: write the value out, or put a text starting with \"*\" in quotes"},
		{"syntax", "a: b\n  c: d\n", `i18n/de.yaml:2:3: this line is indented more than line 1 above it: line up "c" with "a"`},
		{"a text starting with a placeholder", "a: x\nb: {count} Seiten\n", `i18n/de.yaml:2:4: "b": a text that starts with "{" or holds a colon goes in quotes, as in b: "{count} Seiten"`},
		{"a text that is one placeholder", "a: {count}\n", `i18n/de.yaml:1:4: "a": a text that starts with "{" goes in quotes, as in a: "{count} pages"`},
		{"a colon", "a: Weiter: hier\nb: Ende:  # comment\n", "i18n/de.yaml:1:4: \"a\": a text that starts with \"{\" or holds a colon goes in quotes, as in a: \"Weiter: hier\"\ni18n/de.yaml:2:4: \"b\": a text that starts with \"{\" or holds a colon goes in quotes, as in b: \"Ende:\""},
		{"a tab", "m:\n\tone: x\n", `i18n/de.yaml:2:1: indent with spaces: YAML does not allow tabs there`},
		{"every error at once", "A: x\nb:\nb: y\n", "i18n/de.yaml:1:1: \"A\" is not a key: keys are lowercase words joined by \".\", \"-\" or \"_\", such as \"pager.next\"\ni18n/de.yaml:2:1: \"b\" has no text\ni18n/de.yaml:3:1: duplicate key \"b\" (first at line 2)"},
	}
	for _, tt := range tests {
		_, err := ParseFile("i18n/de.yaml", "de", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

func TestLoadLayer(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/en.yaml":    {Data: []byte("a: A\n")},
		"i18n/de.yml":     {Data: []byte("a: A-DE\n")},
		"i18n/pt-br.yaml": {Data: []byte("a: A-BR\n")},
		"i18n/README.md":  {Data: []byte("not a translation")},
		"i18n/old/x.yaml": {Data: []byte("::")},
	}
	l, err := LoadLayer(fsys, "i18n", "i18n")
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 3 || l["de"] == nil || l["de"].Path != "i18n/de.yml" || l["pt-BR"] == nil || l["pt-BR"].Path != "i18n/pt-br.yaml" || l["en"].Lang != "en" {
		t.Errorf("layer = %v", l)
	}
	none, err := LoadLayer(fsys, "themes/x/i18n", "themes/x/i18n")
	if err != nil || len(none) != 0 {
		t.Errorf("missing folder: %v, %v", none, err)
	}
	bad := fstest.MapFS{
		"i18n/german.yaml": {Data: []byte("a: A\n")},
		"i18n/pt-BR.yaml":  {Data: []byte("a: A\n")},
		"i18n/pt-br.yaml":  {Data: []byte("a: A\n")},
		"i18n/de.yaml":     {Data: []byte("a: {\n")},
		"i18n/fr.yaml":     {Data: []byte("b: [\n")},
		"i18n/es.yaml":     {Data: []byte("a: A\n")},
		"i18n/es.yml":      {Data: []byte("a: A\n")},
	}
	_, err = LoadLayer(bad, "i18n", "site/i18n")
	want := `site/i18n/de.yaml:1:4: "a": a text that starts with "{" or holds a colon goes in quotes, as in a: "{"
site/i18n/es.yml: a second file for language "es" (the first is site/i18n/es.yaml)
site/i18n/fr.yaml:1:4: the "[" opened here is never closed with "]"
site/i18n/german.yaml: a translation file is named after its language: "german" is not a language code (did you mean "de"?)
site/i18n/pt-br.yaml: a second file for language "pt-BR" (the first is site/i18n/pt-BR.yaml)`
	if err == nil || err.Error() != want {
		t.Errorf("bad layer:\n got %v\nwant %s", err, want)
	}
}

// FuzzParseFile: any input either parses or gives errors that all point
// inside the file; a parsed file gives the same catalog twice, and every
// message it holds formats with its placeholders filled.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"a: b\n", "m:\n  one: x {count}\n  other: y\n", "a: {b}\n", "- x\n", "a: b\na: c\n",
		"a: \"{{x}}\"\n", "a:\n  one:\n", "x: &a y\nz: *a\n", "a: b\n  c: d\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cat, err := ParseFile("i18n/de.yaml", "de", src)
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a diag.List: %v", err)
			}
			// YAML ends a line at "\n", "\r\n" or a lone "\r".
			lines := strings.Count(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(src), "\r\n", ""), "\r") + 1
			for _, e := range list {
				if e.Path != "i18n/de.yaml" || e.Line < 0 || e.Line > lines {
					t.Fatalf("error outside the file (%d lines): %v", lines, e)
				}
			}
			return
		}
		again, err := ParseFile("i18n/de.yaml", "de", src)
		if err != nil || !slices.Equal(again.Keys(), cat.Keys()) {
			t.Fatalf("second parse differs: %v", err)
		}
		for _, key := range cat.Keys() {
			m := cat.Messages[key]
			values := map[string]any{}
			for _, n := range m.Placeholders() {
				values[n] = n
			}
			one := Number{ints: "1"}
			if _, err := m.Format("de", &one, values); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
		}
	})
}
