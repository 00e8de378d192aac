package i18n

import (
	"strings"
	"testing"
)

// TestTextFrom: Text says in which language a text is when the reader's
// language lacks it (the default language), and nothing for a text of the
// reader's own language or of its parent, or for an unknown key.
func TestTextFrom(t *testing.T) {
	trs := testTranslations(t, "en", map[string]string{
		"en.yaml": "a: A\nb: B\nn:\n  one: \"{count} page\"\n  other: \"{count} pages\"\n",
		"pt.yaml": "a: A pt\n",
		"de.yaml": "a: A de\nb: B de\n",
	})
	tests := []struct {
		lang, key string
		args      []any
		want      string
		from      Code
	}{
		{"en", "a", nil, "A", ""},
		{"en-GB", "b", nil, "B", ""},
		{"de", "a", nil, "A de", ""},
		{"de", "n", []any{2}, "2 pages", "en"},
		{"pt-BR", "a", nil, "A pt", ""},
		{"pt-BR", "b", nil, "B", "en"},
		{"it", "a", nil, "A", "en"},
		{"it", "nope", nil, "nope", ""},
	}
	for _, tt := range tests {
		got, from, err := trs.For(MustCode(tt.lang)).Text(tt.key, tt.args...)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want || from != tt.from {
			t.Errorf("%s %s: got %q from %q, want %q from %q", tt.lang, tt.key, got, from, tt.want, tt.from)
		}
	}
}

// TestSourceFallback: a site whose default language no layer has a file
// for (it) takes the texts from Source, English, marked as English, and
// its theme's other files are checked against English's: no error.
func TestSourceFallback(t *testing.T) {
	trs := testTranslations(t, "it", map[string]string{
		"en.yaml": "a: A\nn:\n  one: \"{count} page\"\n  other: \"{count} pages\"\n",
		"de.yaml": "a: A de\nn:\n  one: \"{count} Seite\"\n  other: \"{count} Seiten\"\n",
	})
	if errs := trs.Check(); len(errs) > 0 {
		t.Fatalf("Check: %v", errs)
	}
	tests := []struct {
		lang, key string
		args      []any
		want      string
		from      Code
	}{
		{"it", "a", nil, "A", "en"},
		{"it", "n", []any{1}, "1 page", "en"},
		{"de", "n", []any{2}, "2 Seiten", ""},
		{"en", "a", nil, "A", ""},
		{"fr", "a", nil, "A", "en"},
	}
	for _, tt := range tests {
		got, from, err := trs.For(MustCode(tt.lang)).Text(tt.key, tt.args...)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want || from != tt.from {
			t.Errorf("%s %s: got %q from %q, want %q from %q", tt.lang, tt.key, got, from, tt.want, tt.from)
		}
	}
	if got := trs.MissingKeys("fr"); len(got) != 2 {
		t.Errorf("fr misses %q, want a and n", got)
	}
	// A key no original has is still unknown.
	bad := testTranslations(t, "it", map[string]string{"en.yaml": "a: A\n", "de.yaml": "b: B\n"})
	if errs := bad.Check(); len(errs) != 1 || !strings.Contains(errs.Error(), `unknown key "b": English has no such key`) {
		t.Errorf("Check: %v", errs)
	}
}
