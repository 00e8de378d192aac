package hugo

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"mutual/internal/diag"
)

// plain is a tree as Go values, for comparisons: tables are maps, lists
// slices, scalars their text.
func plain(n *node) any {
	switch n.kind {
	case table:
		m := map[string]any{}
		for _, e := range n.entries {
			m[e.key] = plain(e.val)
		}
		return m
	case list:
		s := []any{}
		for _, it := range n.items {
			s = append(s, plain(it))
		}
		return s
	case scalar:
		return n.text
	}
	return nil
}

// TestConfigForms reads one configuration written in each format into the
// same tree, and holds the positions of its keys.
func TestConfigForms(t *testing.T) {
	want := map[string]any{
		"title":   "Our site",
		"baseURL": "https://example.org/",
		"params":  map[string]any{"description": "Notes.", "n": "3"},
		"menus": map[string]any{"main": []any{
			map[string]any{"name": "About", "pageRef": "/about", "weight": "10"},
			map[string]any{"name": "Posts", "url": "/posts/"},
		}},
	}
	tests := []struct {
		file, src string
		params    string // where params' key is written
	}{
		{"hugo.toml", `title = "Our site"
baseURL = 'https://example.org/'
[params]
description = "Notes."
n = 3
[[menus.main]]
name = "About"
pageRef = "/about"
weight = 10
[[menus.main]]
name = "Posts"
url = "/posts/"
`, "hugo.toml:3:2"},
		{"hugo.toml", `title = "Our site"
baseURL = 'https://example.org/'
params = {description = "Notes.", n = 0x3}
menus.main = [{name = "About", pageRef = "/about", weight = 1_0}, {name = "Posts", url = "/posts/"}]
`, "hugo.toml:3:1"},
		{"config.yaml", `title: Our site
baseURL: https://example.org/
params:
  description: Notes.
  n: 3
menus:
  main:
    - name: About
      pageRef: /about
      weight: 10
    - {name: Posts, url: /posts/}
`, "config.yaml:3:1"},
		{"hugo.json", `{
  "title": "Our site",
  "baseURL": "https://example.org/",
  "params": {"description": "Notes.", "n": 3},
  "menus": {"main": [
    {"name": "About", "pageRef": "/about", "weight": 10},
    {"name": "Posts", "url": "/posts/"}
  ]}
}
`, "hugo.json:4:3"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			root, refused, err := parseConfig(tt.file, []byte(tt.src))
			if err != nil || len(refused) > 0 {
				t.Fatalf("parseConfig: %v %v", err, refused)
			}
			if got := plain(root); !reflect.DeepEqual(got, want) {
				t.Errorf("tree:\n got %#v\nwant %#v", got, want)
			}
			if got := root.get("PARAMS").keyPos.String(); got != tt.params {
				t.Errorf("params at %s, want %s", got, tt.params)
			}
		})
	}
}

// TestConfigErrors holds the errors of each reader: positioned in the file,
// in mutual's form. The words of a TOML syntax error are yamldoc's (its
// tests hold them); here, their position.
func TestConfigErrors(t *testing.T) {
	tests := []struct {
		file, src, want string
	}{
		{"hugo.toml", "title = 'a'\nbaseURL = \n", "hugo.toml:2:11: "},
		{"hugo.toml", "[params]\na = 1\n[params]\nb = 2\n", `hugo.toml:3:2: duplicate key "params" (first at line 1)`},
		{"hugo.toml", "title = 'a'\ntitle = 'b'\n", `hugo.toml:2:1: duplicate key "title" (first at line 1)`},
		{"hugo.toml", "t = 'é'\nx = @\n", "hugo.toml:2:5: "},
		{"config.yaml", "title: a\n  baseURL: b\n", "config.yaml:2:3: this line is indented more than line 1 above it: line up \"baseURL\" with \"title\""},
		{"config.yaml", "- a\n- b\n", "config.yaml:1:1: a configuration file holds keys and values, not a list"},
		{"hugo.json", "{\"title\": \"a\",\n \"x\": }\n", `hugo.json:2:7: a JSON value cannot start with "}"`},
		{"hugo.json", "{\"title\": \"a\"", `hugo.json:1:14: the JSON ends before its "}"`},
		{"hugo.json", "{\"a\": 1} {}", "hugo.json:1:10: JSON: more after the end of the configuration's object"},
		{"hugo.json", "[1]", "hugo.json:1:1: a configuration file holds keys and values, not a list"},
		{"hugo.json", "\xff", "hugo.json:1:1: the file is not valid UTF-8 text here"},
		{"hugo.json", strings.Repeat("[", 70) + strings.Repeat("]", 70), "hugo.json:1:65: this JSON nests more than 64 levels deep"},
		{"hugo.toml", "a = '" + strings.Repeat("x", maxConfigSize) + "'", "hugo.toml: this configuration file is 1025 KB; mutual reads at most 1024 KB"},
	}
	for _, tt := range tests {
		_, _, err := parseConfig(tt.file, []byte(tt.src))
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.src, tt.want)
			continue
		}
		if got := err.Error(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestYAMLRefused: what mutual's YAML reader refuses in a readable file is
// left out and reported; the rest is read.
func TestYAMLRefused(t *testing.T) {
	root, refused, err := parseConfig("hugo.yaml", []byte("title: a\nparams: &p\n  x: 1\nother: *p\n"))
	if err != nil {
		t.Fatal(err)
	}
	if root.value("title").text != "a" || len(refused) == 0 {
		t.Fatalf("tree %#v, refused %v", plain(root), refused)
	}
	if !strings.HasPrefix(refused[0].Error(), "hugo.yaml:2:9: ") {
		t.Errorf("refusal at %s", refused[0])
	}
}

// TestMerge follows Hugo: tables merge key by key, without case; any other
// value replaces.
func TestMerge(t *testing.T) {
	a, _, _ := parseConfig("a.toml", []byte("title = 'A'\n[params]\nx = 1\ny = [1, 2]\n[params.deep]\nk = 1\n"))
	b, _, _ := parseConfig("b.toml", []byte("Title = 'B'\n[Params]\ny = [3]\nz = 1\n[params.deep]\nj = 2\n"))
	merge(a, b)
	want := map[string]any{
		"Title":  "B",
		"params": map[string]any{"x": "1", "y": []any{"3"}, "z": "1", "deep": map[string]any{"k": "1", "j": "2"}},
	}
	if got := plain(a); !reflect.DeepEqual(got, want) {
		t.Errorf("merged:\n got %#v\nwant %#v", got, want)
	}
	if p := a.get("title").keyPos.String(); p != "b.toml:1:1" {
		t.Errorf("title from %s", p)
	}
}

// FuzzParseConfig: any text in any of the three formats gives a table or
// positioned errors, never a panic; a tree's positions are inside the file.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []struct{ file, src string }{
		{"hugo.toml", "title = 'a'\n[params]\nx = 1\n[[menus.main]]\nname = 'A'\n"},
		{"hugo.toml", "a.b.c = 1\nd = {e = [1, {f = 2}], g.h = 'x'}\n"},
		{"hugo.toml", "[a]\n[a]\n"},
		{"config.yaml", "title: a\nparams: &p\n  x: 1\nother: *p\n"},
		{"hugo.json", `{"title": "a", "params": {"x": [1, 2.5, true, null, "s"]}}`},
		{"hugo.json", `{"a": 1} x`},
	} {
		f.Add(s.file, s.src)
	}
	f.Fuzz(func(t *testing.T, file, src string) {
		switch ext(file) {
		case "toml", "yaml", "yml", "json":
		default:
			file = "hugo.toml"
		}
		root, refused, err := parseConfig(file, []byte(src))
		checkPositioned(t, refused, src)
		if err != nil {
			if root != nil {
				t.Fatalf("a tree with errors %v", err)
			}
			checkPositioned(t, err, src)
			return
		}
		if root == nil || root.kind != table {
			t.Fatalf("no table and no error")
		}
		var walk func(n *node)
		walk = func(n *node) {
			checkPositioned(t, &diag.Error{Path: file, Line: n.pos.line, Col: n.pos.col}, src)
			for _, e := range n.entries {
				checkPositioned(t, &diag.Error{Path: file, Line: e.keyPos.line, Col: e.keyPos.col}, src)
				walk(e.val)
			}
			for _, it := range n.items {
				walk(it)
			}
		}
		walk(root)
	})
}

// checkPositioned: an error is a diag.Error whose position is inside src.
func checkPositioned(t *testing.T, err error, src string) {
	t.Helper()
	if err == nil {
		return
	}
	var list diag.List
	list.Append(err)
	for _, e := range list {
		lines := strings.Count(src, "\n") + 1
		if e.Line < 0 || e.Line > lines || e.Col < 0 {
			t.Fatalf("error %v outside the file (%d lines)", e, lines)
		}
		if e.Line > 0 {
			line := strings.Split(src, "\n")[e.Line-1]
			if e.Col > utf8.RuneCountInString(line)+1 {
				t.Fatalf("error %v past the end of line %q", e, line)
			}
		}
	}
}

// TestFrontMatterEnd covers each of Hugo's front matter forms.
func TestFrontMatterEnd(t *testing.T) {
	tests := []struct {
		src  string
		body string
	}{
		{"---\ntitle: a\n---\nBody\n", "Body\n"},
		{"---  \r\ntitle: a\r\n--- \r\nBody", "Body"},
		{"+++\ntitle = 'a'\n+++\n\nBody", "\nBody"},
		{"{\n \"title\": \"a\"\n}\nBody", "Body"},
		{"{\"title\": \"}\"} rest\nBody", "Body"},
		{"\xef\xbb\xbf---\nt: a\n---\nBody", "Body"},
		{"---\ntitle: a\n", "---\ntitle: a\n"},                 // not closed: the check says so
		{"+++\ntitle = 'a'\n---\n", "+++\ntitle = 'a'\n---\n"}, // not closed by its own delimiter
		{"{ not json\n", "{ not json\n"},
		{"Body only\n---\n", "Body only\n---\n"},
		{"---\n---\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		end := frontMatterEnd([]byte(tt.src))
		if got := tt.src[end:]; got != tt.body && !(strings.HasPrefix(tt.src, "\xef\xbb\xbf") && got == "\xef\xbb\xbf"+tt.body) {
			if !(end == 3 && tt.src[3:] == tt.body) {
				t.Errorf("%q: body %q, want %q", tt.src, got, tt.body)
			}
		}
	}
}

// FuzzFrontMatterEnd: the body starts at a line's start, inside the page.
func FuzzFrontMatterEnd(f *testing.F) {
	for _, s := range []string{"---\na: 1\n---\nx", "+++\na = 1\n+++\n", "{\"a\": 1}\nx", "{", "---", "\xef\xbb\xbf{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		end := frontMatterEnd([]byte(src))
		if end < 0 || end > len(src) {
			t.Fatalf("end %d outside %d bytes", end, len(src))
		}
		if end > 0 && end < len(src) && src[end-1] != '\n' && !(end == 3 && strings.HasPrefix(src, "\xef\xbb\xbf")) {
			t.Fatalf("body starts mid-line at %d: %q", end, src)
		}
		if end > 3 && !bytes.Contains([]byte(src[:end]), []byte("---")) && !bytes.Contains([]byte(src[:end]), []byte("+++")) && !strings.Contains(src, "{") {
			t.Fatalf("front matter without delimiters: %q", src[:end])
		}
	})
}
