package yamldoc

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"mutual/internal/diag"
)

// TestTOML reads TOML texts into trees: values, positions (from the file's
// top, front matter's "+++" line counted) and every error.
func TestTOML(t *testing.T) {
	tests := []struct {
		name, in, tree, errs string
	}{
		{"scalars", "title = \"Hello\"\nweight = 3\ndraft = true\ndate = 2026-03-14\nf = 1_000.5\nh = 0x1F\n", `map 0 "" @2:1
  scalar 0 "title" @2:1
  scalar 1 "Hello" @2:9
  scalar 0 "weight" @3:1
  scalar 0 "3" @3:10
  scalar 0 "draft" @4:1
  scalar 0 "true" @4:9
  scalar 0 "date" @5:1
  scalar 0 "2026-03-14" @5:8
  scalar 0 "f" @6:1
  scalar 0 "1000.5" @6:5
  scalar 0 "h" @7:1
  scalar 0 "31" @7:5
`, ""},
		{"tables", "tags = ['a', \"b\"]\n[params]\n  x.y = true\n[[menu.main]]\n  weight = 2\n[[menu.main]]\n  name = \"é\"\n", `map 0 "" @2:1
  scalar 0 "tags" @2:1
  list 5 "" @2:8
    scalar 2 "a" @2:9
    scalar 1 "b" @2:14
  scalar 0 "params" @3:2
  map 0 "" @3:2
    scalar 0 "x" @4:3
    map 0 "" @4:3
      scalar 0 "y" @4:5
      scalar 0 "true" @4:9
  scalar 0 "menu" @5:3
  map 0 "" @5:3
    scalar 0 "main" @5:8
    list 0 "" @5:8
      map 0 "" @5:8
        scalar 0 "weight" @6:3
        scalar 0 "2" @6:12
      map 0 "" @7:8
        scalar 0 "name" @8:3
        scalar 1 "é" @8:10
`, ""},
		{"inline table", "m = {a = 1, b = [2, {c = 'x'}]}\n", `map 0 "" @2:1
  scalar 0 "m" @2:1
  map 5 "" @2:5
    scalar 0 "a" @2:6
    scalar 0 "1" @2:10
    scalar 0 "b" @2:13
    list 5 "" @2:17
      scalar 0 "2" @2:18
      map 5 "" @2:21
        scalar 0 "c" @2:22
        scalar 2 "x" @2:26
`, ""},
		{"empty", "# only a comment\n", "nil\n", ""},
		{"duplicate key", "title = \"a\"\n\ntitle = \"b\"\n", `map 0 "" @2:1
  scalar 0 "title" @2:1
  scalar 1 "a" @2:9
`, "f.md:4:1: duplicate key \"title\" (first at line 2)"},
		{"table twice", "[params]\na = 1\n[params]\nb = 2\n", `map 0 "" @2:1
  scalar 0 "params" @2:2
  map 0 "" @2:2
    scalar 0 "a" @3:1
    scalar 0 "1" @3:5
`, "f.md:4:2: duplicate key \"params\" (first at line 2)"},
		{"dotted into a value", "a = 1\na.b = 2\n", `map 0 "" @2:1
  scalar 0 "a" @2:1
  scalar 0 "1" @2:5
`, "f.md:3:1: duplicate key \"a\" (first at line 2)"},
		{"syntax", "title = \"Hello\"\nweight = \n", "nil\n", `f.md:3:10: the value after "=" is missing: write key = "your text"`},
		{"unquoted text", "title = Hello\n", "nil\n", `f.md:2:9: a text in TOML must be in quotes: write key = "your text" (numbers, true, false and dates need none)`},
		{"no equals sign", "title \"Hello\"\n", "nil\n", `f.md:2:7: each line of TOML is key = value: an "=" is missing`},
		{"an error go-toml words", "title = 0x\n", "nil\n", "f.md:2:9: this is not valid TOML: radix prefix must be followed by at least one digit"},
		{"unclosed string", "title = \"Hello\n", "nil\n", `f.md:2:15: the quote opened here is never closed on its line: close it, or write a text of several lines between """ and """`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, errs := ParseTOML([]byte(tt.in), Options{Path: "f.md", LineOffset: 1})
			if got := dump(root); got != tt.tree {
				t.Errorf("tree:\n%s\nwant:\n%s", got, tt.tree)
			}
			if got := errs.Error(); got != tt.errs {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.errs)
			}
		})
	}
}

// TestJSON reads JSON texts into trees, with the offset where the value
// ends, and reports syntax errors in plain words at the character at fault.
func TestJSON(t *testing.T) {
	tests := []struct {
		name, in, tree string
		end            int
		errs           string
	}{
		{"object", "{\n  \"title\": \"Hello\",\n  \"weight\": 3,\n  \"tags\": [\"a\", true, null],\n  \"params\": {\"x\": -1.5e2}\n}\nBody\n", `map 5 "" @1:1
  scalar 1 "title" @2:3
  scalar 1 "Hello" @2:12
  scalar 1 "weight" @3:3
  scalar 0 "3" @3:13
  scalar 1 "tags" @4:3
  list 5 "" @4:11
    scalar 1 "a" @4:12
    scalar 0 "true" @4:17
    null 0 "" @4:23
  scalar 1 "params" @5:3
  map 5 "" @5:13
    scalar 1 "x" @5:14
    scalar 0 "-1.5e2" @5:19
`, 93, ""},
		{"empty", "{ }\n", "nil\n", 3, ""},
		{"duplicate", "{\"a\": 1, \"a\": 2}", `map 5 "" @1:1
  scalar 1 "a" @1:2
  scalar 0 "1" @1:7
`, 16, "f.md:1:10: duplicate key \"a\" (first at line 1)"},
		{"missing comma", "{\n\"a\": 1\n\"b\": 2\n}", "nil\n", -1, "f.md:3:1: expected \",\" or \"}\" after the value of \"a\", found \"\\\"\""},
		{"trailing comma", "{\"a\": [1, 2,]}", "nil\n", -1, "f.md:1:13: a \",\" before \"]\" ends nothing: remove it"},
		{"bare word", "{\"a\": yes}", "nil\n", -1, "f.md:1:7: a JSON value cannot start with \"y\": put a text in double quotes"},
		{"unclosed", "{\"title\": \"x\"\n", "nil\n", -1, "f.md:2:1: the JSON ends before its \"}\": close the object opened at line 1"},
		{"unquoted key", "{title: 1}", "nil\n", -1, "f.md:1:2: expected a key in double quotes here, found \"t\""},
		{"bad number", "{\"a\": 01}", "nil\n", -1, "f.md:1:7: \"01\" is not a number as JSON writes them (such as 3, -2 or 1.5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, end, errs := ParseJSON([]byte(tt.in), Options{Path: "f.md"})
			if got := dump(root); got != tt.tree {
				t.Errorf("tree:\n%s\nwant:\n%s", got, tt.tree)
			}
			if end != tt.end {
				t.Errorf("end %d, want %d", end, tt.end)
			}
			if got := errs.Error(); got != tt.errs {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.errs)
			}
		})
	}
}

// TestValue holds the type rule of values no field reads, in all three
// formats: quoted texts stay texts, unquoted words become what they read
// as.
func TestValue(t *testing.T) {
	want := map[string]any{"s": "3", "n": 3, "f": 1.5, "b": true, "d": "2026-03-14", "l": []any{"x", 2}, "m": map[string]any{"k": false}}
	lower := func(s string) string { return strings.ToLower(s) }
	y, _ := Parse([]byte("S: \"3\"\nn: 3\nf: 1.5\nb: true\nd: 2026-03-14\nl: [x, 2]\nm: {K: false}\n"), Options{})
	tm, _ := ParseTOML([]byte("S = \"3\"\nn = 3\nf = 1.5\nb = true\nd = 2026-03-14\nl = [\"x\", 2]\nm = {K = false}\n"), Options{})
	js, _, _ := ParseJSON([]byte(`{"S": "3", "n": 3, "f": 1.5, "b": true, "d": "2026-03-14", "l": ["x", 2], "m": {"K": false}}`), Options{})
	for name, root := range map[string]*Node{"yaml": y, "toml": tm, "json": js} {
		got := Value(root, lower)
		if name == "json" {
			want["d"] = "2026-03-14" // a JSON text either way
		}
		if !reflect.DeepEqual(got, map[string]any(want)) {
			t.Errorf("%s: %#v\nwant %#v", name, got, want)
		}
	}
}

// FuzzTOML holds ParseTOML to its promises on any input: no panic, the same
// result twice, every error inside the text, and for a text go-toml
// accepts, the same keys and values (as Value reads them).
func FuzzTOML(f *testing.F) {
	for _, s := range []string{
		"title = \"x\"\n", "[a]\nb = 1\n[a.c]\nd = [1, 2]\n", "[[m.main]]\nw = 1\n[[m.main]]\nw = 2\n",
		"a.b.c = 'x'\nt = 1979-05-27T07:32:00Z\n", "i = {a = {b = 1}}\n", "s = \"\"\"\nmulti\n\"\"\"\n",
		"a = 1\na = 2\n", "[a]\n[a]\n", "x = [[1], [\"a\"]]\n", "k = 0x1F\nf = 1e3\ninf = inf\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root, errs := ParseTOML(src, Options{Path: "f.toml", LineOffset: 1})
		root2, errs2 := ParseTOML(src, Options{Path: "f.toml", LineOffset: 1})
		if dump(root) != dump(root2) || errs.Error() != errs2.Error() {
			t.Fatal("two runs differ")
		}
		checkPositions(t, src, 1, errs)
		var want map[string]any
		if err := toml.Unmarshal(src, &want); err != nil || !utf8.Valid(src) {
			return
		}
		if len(errs) > 0 {
			// go-toml's decoder accepts a few things mutual refuses
			// (nesting beyond MaxDepth).
			return
		}
		got, _ := Value(root, nil).(map[string]any)
		if root == nil {
			got = map[string]any{}
		}
		if !sameValues(got, want) {
			t.Fatalf("values differ:\n got %#v\nwant %#v", got, want)
		}
	})
}

// FuzzJSON holds ParseJSON to encoding/json: no panic, the same result
// twice, errors inside the text, and for a text encoding/json reads as an
// object, the same values and the end of the object.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"title": "x"}`, "{\n\"a\": [1, 2.5, -3e2],\n\"b\": {\"c\": null}\n}\nbody", `{"a": "\u00e9\n"}`,
		`{"a": 1, "a": 2}`, `{"a": [1,]}`, `{"a" 1}`, `[1, 2]`, `"text"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root, end, errs := ParseJSON(src, Options{Path: "f.json"})
		root2, end2, errs2 := ParseJSON(src, Options{Path: "f.json"})
		if dump(root) != dump(root2) || end != end2 || errs.Error() != errs2.Error() {
			t.Fatal("two runs differ")
		}
		checkPositions(t, src, 0, errs)
		if end > len(src) {
			t.Fatalf("end %d past the text's %d bytes", end, len(src))
		}
		if end < 0 || len(errs) > 0 {
			return
		}
		var want any
		dec := json.NewDecoder(bytes.NewReader(src[:end]))
		dec.UseNumber()
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("ParseJSON read %q, which encoding/json refuses: %v", src[:end], err)
		}
		if m, ok := want.(map[string]any); ok {
			got, _ := Value(root, nil).(map[string]any)
			if root == nil {
				got = map[string]any{}
			}
			if !sameValues(got, m) {
				t.Fatalf("values differ:\n got %#v\nwant %#v", got, m)
			}
		}
	})
}

// checkPositions fails on an error outside the text's lines (offset lines
// before it) and columns.
func checkPositions(t *testing.T, src []byte, offset int, errs diag.List) {
	t.Helper()
	lines := strings.Split(string(src), "\n")
	for _, e := range errs {
		if e.Line == 0 {
			continue
		}
		l := e.Line - offset
		if l < 1 || l > len(lines) {
			t.Fatalf("error on line %d, outside the text's %d lines: %s", e.Line, len(lines), e)
		}
		if e.Col < 1 || e.Col > utf8.RuneCountInString(lines[l-1])+1 {
			t.Fatalf("error at column %d of a line of %d characters: %s", e.Col, utf8.RuneCountInString(lines[l-1]), e)
		}
	}
}

// sameValues compares what Value reads with what a decoder made of the
// same text, numbers by their value and dates by their text.
func sameValues(got, want any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, v := range w {
			if !sameValues(g[k], v) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !sameValues(g[i], w[i]) {
				return false
			}
		}
		return true
	case float64:
		switch g := got.(type) {
		case float64:
			return g == w || g != g && w != w
		case int:
			return float64(g) == w
		case string:
			return true // inf, nan and numbers past float64: texts here
		}
		return false
	case json.Number:
		if f, err := w.Float64(); err == nil {
			return sameValues(got, f)
		}
		_, ok := got.(string) // past float64: a text here
		return ok
	case int64:
		g, ok := got.(int)
		return ok && int64(g) == w
	case string, bool, nil:
		return reflect.DeepEqual(got, w)
	}
	return true // TOML's dates and times: texts here, as written
}
