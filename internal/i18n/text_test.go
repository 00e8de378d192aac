package i18n

import "testing"

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
