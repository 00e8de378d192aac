package diag

import (
	"errors"
	"testing"
)

func TestErrorString(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{"content/site.yaml", 3, 5, `unknown key "titel"`}, `content/site.yaml:3:5: unknown key "titel"`},
		{Error{"content/a.md", 3, 0, "x"}, "content/a.md:3: x"},
		{Error{"content/a.md", 0, 0, "x"}, "content/a.md: x"},
		{Error{"", 0, 0, "x"}, "x"},
		// A file name never reaches the terminal as an escape sequence,
		// a bidirectional override or bytes that are not text.
		{Error{"content/bad\x1b[31mx.md", 2, 8, "x"}, `content/bad\x1b[31mx.md:2:8: x`},
		{Error{"content/a\u202egpj.md", 1, 1, "x"}, `content/a\u202egpj.md:1:1: x`},
		{Error{"content/a\xffb.md", 1, 1, "x"}, `content/a\xffb.md:1:1: x`},
		{Error{"content/a\tb\n.md", 1, 1, "x"}, `content/a\tb\n.md:1:1: x`},
		{Error{"content/café/é.md", 1, 1, "x"}, "content/café/é.md:1:1: x"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestListSortDedup(t *testing.T) {
	var l List
	l.Add("b.md", 1, 1, "late")
	l.Add("a.md", 10, 2, "second")
	l.Add("a.md", 2, 9, "first")
	l.Add("a.md", 2, 9, "first")
	l.Append(errors.New("plain"))
	l.Sort()
	want := "plain\na.md:2:9: first\na.md:10:2: second\nb.md:1:1: late"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var empty List
	if empty.Err() != nil {
		t.Error("empty list should be a nil error")
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "description", "baseURL", "language", "menu", "theme", "help", "markdown"}
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"baseurl", "baseURL"},
		{"descripton", "description"},
		{"colour", ""},
		{"x", ""},
		{"frequncy", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := Hint("frequncy", []string{"frequency", "agreement"}); got != ` (did you mean "frequency"?)` {
		t.Errorf("Hint = %q", got)
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
	}{
		{"plain\ntext\n", 0, 0},
		{"Café\n", 0, 0},
		{"Caf\xe9\n", 1, 4},
		{"one\nné \xff\n", 2, 4},
		{"\xe9", 1, 1},
	}
	for _, tt := range tests {
		if l, c := InvalidUTF8([]byte(tt.in)); l != tt.line || c != tt.col {
			t.Errorf("%q: got %d:%d, want %d:%d", tt.in, l, c, tt.line, tt.col)
		}
	}
}
