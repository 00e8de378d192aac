package i18n

import (
	"errors"
	"html/template"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		in     string
		source string   // Source() of the result
		names  []string // Placeholders()
		err    string
		offset int
	}{
		{in: "Next", source: "Next"},
		{in: "", source: ""},
		{in: "About {count} minutes", source: "About {count} minutes", names: []string{"count"}},
		{in: "{name} and {name}, {count}", source: "{name} and {name}, {count}", names: []string{"count", "name"}},
		{in: "{a_b-c2}", source: "{a_b-c2}", names: []string{"a_b-c2"}},
		{in: "a {{literal}} brace", source: "a {{literal}} brace"},
		{in: "{{{count}}}", source: "{{{count}}}", names: []string{"count"}},
		{in: "Größe {count} €", source: "Größe {count} €", names: []string{"count"}},
		{in: "About {count minutes", err: `a brace opens a placeholder that never closes: "{count minutes" (write {{ for a brace itself)`, offset: 6},
		{in: "x {", err: `a brace opens a placeholder that never closes: "{" (write {{ for a brace itself)`, offset: 2},
		{in: "{Count}", err: `{Count} is not a placeholder: names are lowercase (did you mean {count}?)`, offset: 0},
		{in: "ab {} cd", err: `{} is not a placeholder: a name is lowercase letters, digits, "_" or "-", starting with a letter (write {{ for a brace itself)`, offset: 3},
		{in: "{1x}", err: `{1x} is not a placeholder: a name is lowercase letters, digits, "_" or "-", starting with a letter (write {{ for a brace itself)`, offset: 0},
		{in: "{a b}", err: `{a b} is not a placeholder: a name is lowercase letters, digits, "_" or "-", starting with a letter (write {{ for a brace itself)`, offset: 0},
		{in: "a } b", err: `a closing brace without an opening one (write }} for a brace itself)`, offset: 2},
		{in: "über }", err: `a closing brace without an opening one (write }} for a brace itself)`, offset: 6},
	}
	for _, tt := range tests {
		text, err := ParseText(tt.in)
		if tt.err != "" {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Msg != tt.err || se.Offset != tt.offset {
				t.Errorf("ParseText(%q) error = %#v, want %q at %d", tt.in, err, tt.err, tt.offset)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseText(%q): %v", tt.in, err)
			continue
		}
		if got := text.Source(); got != tt.source {
			t.Errorf("ParseText(%q).Source() = %q, want %q", tt.in, got, tt.source)
		}
		if got := text.Placeholders(); !slices.Equal(got, tt.names) {
			t.Errorf("ParseText(%q).Placeholders() = %q, want %q", tt.in, got, tt.names)
		}
	}
}

func TestMessageFormat(t *testing.T) {
	minutes := mustPlural(t, map[Category]string{One: "About {count} minute", Other: "About {count} minutes"})
	ar := mustPlural(t, map[Category]string{Zero: "لا دقائق", One: "دقيقة واحدة", Two: "دقيقتان", Few: "{count} دقائق", Many: "{count} دقيقة", Other: "{count} دقيقة"})
	more := mustMessage(t, "More in {section}")
	updated := mustMessage(t, "Updated {date}")
	tests := []struct {
		m      *Message
		lang   string
		count  any
		values map[string]any
		want   string
		err    string
	}{
		{m: minutes, lang: "en", count: 1, want: "About 1 minute"},
		{m: minutes, lang: "en", count: 5, want: "About 5 minutes"},
		{m: minutes, lang: "en", count: "1.0", want: "About 1.0 minutes"},
		{m: minutes, lang: "en", count: 1.5, want: "About 1.5 minutes"},
		{m: minutes, lang: "en", count: 1200, want: "About 1,200 minutes"},
		{m: minutes, lang: "de", count: 1200, want: "About 1.200 minutes"},
		{m: ar, lang: "ar", count: 0, want: "لا دقائق"},
		{m: ar, lang: "ar", count: 2, want: "دقيقتان"},
		{m: ar, lang: "ar", count: 5, want: "5 دقائق"},
		{m: ar, lang: "ar", count: 11, want: "11 دقيقة"},
		{m: ar, lang: "ar", count: 101, want: "101 دقيقة"},
		// A form the message lacks falls back to other.
		{m: minutes, lang: "ar", count: 2, want: "About 2 minutes"},
		{m: more, lang: "en", values: map[string]any{"section": "Guides"}, want: "More in Guides"},
		{m: more, lang: "en", values: map[string]any{"section": "<b>"}, want: "More in <b>"},
		{m: more, lang: "en", values: map[string]any{"section": 1234}, want: "More in 1,234"},
		{m: more, lang: "en", values: map[string]any{"section": "Guides", "unused": 1}, want: "More in Guides"},
		{m: updated, lang: "fr", values: map[string]any{"date": time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}, want: "Updated 1er mars 2026"},
		{m: more, lang: "en", err: "no value for {section}"},
		{m: more, lang: "en", values: map[string]any{"section": []int{1}}, err: "the value of {section}: [1] ([]int) is neither text nor a number nor a date"},
		{m: more, lang: "en", values: map[string]any{"section": template.HTML("<b>x</b>")}, err: "the value of {section}: messages are plain text, so a value cannot be HTML; pass the text itself"},
		{m: minutes, lang: "en", err: "this message has plural forms and needs a count"},
	}
	for _, tt := range tests {
		var count *Number
		if tt.count != nil {
			n, err := NumberOf(tt.count)
			if err != nil {
				t.Fatal(err)
			}
			count = &n
		}
		got, err := tt.m.Format(MustCode(tt.lang), count, tt.values)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Format(%s, %v, %v) error = %v, want %s", tt.lang, tt.count, tt.values, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Format(%s, %v, %v) = %q, %v; want %q", tt.lang, tt.count, tt.values, got, err, tt.want)
		}
	}
}

func TestNewPlural(t *testing.T) {
	if _, err := NewPlural(map[Category]string{One: "x"}); err == nil || err.Error() != `no "other" form, which every language needs` {
		t.Errorf("no other: %v", err)
	}
	if _, err := NewPlural(map[Category]string{Other: "x {"}); err == nil || !strings.HasPrefix(err.Error(), `the "other" form: a brace opens`) {
		t.Errorf("bad text: %v", err)
	}
	m := mustPlural(t, map[Category]string{Other: "{count} {x}", One: "one {y}"})
	if got := m.Placeholders(); !slices.Equal(got, []string{"count", "x", "y"}) {
		t.Errorf("Placeholders = %q", got)
	}
	if got := m.Forms(); !slices.Equal(got, []Category{One, Other}) {
		t.Errorf("Forms = %v", got)
	}
	if !m.Plural() {
		t.Error("not plural")
	}
}

func mustMessage(t testing.TB, s string) *Message {
	t.Helper()
	m, err := NewMessage(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustPlural(t testing.TB, forms map[Category]string) *Message {
	t.Helper()
	m, err := NewPlural(forms)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// FuzzParseText: a text that parses writes back (Source) to one that
// parses to the same pieces, and fills as a plain replacement would; a
// rejected text points inside itself.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"Next", "About {count} minutes", "{{x}}", "{", "}", "{Count}", "a {b} {{c}} }} d", "{a}{b}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, err := ParseText(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset >= len(s) {
				t.Fatalf("ParseText(%q): %v outside the text", s, err)
			}
			return
		}
		again, err := ParseText(text.Source())
		if err != nil || !slices.Equal(again.segs, text.segs) {
			t.Fatalf("ParseText(%q).Source() = %q parses to %v, %v; want %v", s, text.Source(), again.segs, err, text.segs)
		}
		values := map[string]any{}
		for _, n := range text.Placeholders() {
			values[n] = "[" + n + "]"
		}
		out, err := text.fill("en", nil, values)
		if err != nil {
			t.Fatal(err)
		}
		// Without escaped braces, filling each placeholder with its name in
		// brackets is a plain replacement of "{name}" by "[name]".
		if !strings.Contains(s, "{{") && !strings.Contains(s, "}}") {
			want := s
			for _, n := range text.Placeholders() {
				want = strings.ReplaceAll(want, "{"+n+"}", "["+n+"]")
			}
			if out != want {
				t.Fatalf("fill(%q) = %q, want %q", s, out, want)
			}
		}
	})
}
