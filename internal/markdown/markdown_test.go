package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testResolve stands in for the site: it knows a few files and reports any
// other relative destination as broken. External URLs and anchors pass.
func testResolve(dest string, _ Pos) (string, error) {
	known := map[string]string{
		"listening.md":               "/guides/listening/",
		"../worksheets/balance.yaml": "/worksheets/balance/",
		"img/photo.png":              "/guides/img/photo.png",
	}
	switch {
	case strings.Contains(dest, ":"), strings.HasPrefix(dest, "#"):
		return dest, nil
	case known[dest] != "":
		return known[dest], nil
	}
	return "", fmt.Errorf("link to missing file %q", dest)
}

// splitFrontMatter cuts a leading "---" block off src, as the site does,
// and returns the body and the number of lines cut.
func splitFrontMatter(src []byte) ([]byte, int) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src, 0
	}
	end := bytes.Index(src[4:], []byte("\n---\n"))
	if end < 0 {
		return src, 0
	}
	cut := 4 + end + len("\n---\n")
	return src[cut:], bytes.Count(src[:cut], []byte("\n"))
}

// renderCase renders one testdata case the way the goldens record it: the
// HTML, and a report of headings, Resolve calls and errors.
func renderCase(t testing.TB, name string, src []byte) (html, report string) {
	t.Helper()
	body, offset := splitFrontMatter(src)
	m := New(Options{Unsafe: strings.HasPrefix(name, "unsafe_")})
	var calls strings.Builder
	ctx := Context{
		Path:       "content/guides/" + name + ".md",
		LineOffset: offset,
		Resolve: func(dest string, pos Pos) (string, error) {
			out, err := testResolve(dest, pos)
			fmt.Fprintf(&calls, "%d:%d %q -> %q", pos.Line, pos.Col, dest, out)
			if err != nil {
				fmt.Fprintf(&calls, " (%v)", err)
			}
			calls.WriteByte('\n')
			return out, err
		},
	}
	var out bytes.Buffer
	res, err := m.Render(&out, body, ctx)
	if err != nil {
		t.Fatalf("%s: Render: %v", name, err)
	}
	var r strings.Builder
	r.WriteString("-- headings --\n")
	for _, h := range res.Headings {
		fmt.Fprintf(&r, "h%d line %d #%s %q\n", h.Level, h.Line, h.ID, h.Text)
	}
	r.WriteString("-- resolve --\n")
	r.WriteString(calls.String())
	r.WriteString("-- errors --\n")
	res.Errors.Sort()
	for _, e := range res.Errors {
		r.WriteString(e.Error() + "\n")
	}
	return out.String(), r.String()
}

func cases(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/render/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/render: %v", err)
	}
	return files
}

func TestRenderGolden(t *testing.T) {
	for _, file := range cases(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			html, report := renderCase(t, name, src)
			base := strings.TrimSuffix(file, ".md")
			checkGolden(t, base+".html", html)
			checkGolden(t, base+".result", report)
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		line := func(l []string) string {
			if i < len(l) {
				return l[i]
			}
			return "(end of file)"
		}
		t.Errorf("%s:%d differs from the output (go test -update rewrites it)\ngot:  %s\nwant: %s", path, i+1, line(g), line(w))
	}
}

// TestNoStyleAttributes holds the CSP line: no output, fresh or golden, has
// a style attribute, unless it came from raw HTML under Unsafe.
func TestNoStyleAttributes(t *testing.T) {
	for _, file := range cases(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		if strings.HasPrefix(name, "unsafe_") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		html, _ := renderCase(t, name, src)
		golden, err := os.ReadFile(strings.TrimSuffix(file, ".md") + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{html, string(golden)} {
			if attr := forbiddenAttribute(out); attr != "" {
				t.Errorf("%s: output has a %s attribute", name, attr)
			}
		}
	}
	// The checker itself must catch one.
	if forbiddenAttribute(`<p><td style="text-align:left">x</td>`) != "style" {
		t.Error("forbiddenAttribute misses a style attribute")
	}
	if forbiddenAttribute(`<a href="x" title="a style=b">style="x"</a>`) != "" {
		t.Error("forbiddenAttribute flags text that is not an attribute")
	}
}

// forbiddenAttribute returns the name of the first style or on* event
// handler attribute in the tags of html, or "". It scans tags the way a
// browser would for well-formed output: names, then quoted values.
func forbiddenAttribute(html string) string {
	for i := 0; i < len(html); i++ {
		if html[i] != '<' || i+1 >= len(html) || !isASCIILetter(html[i+1]) {
			continue
		}
		j := i + 1
		for j < len(html) && !isSpace(html[j]) && html[j] != '>' {
			j++
		}
		for j < len(html) && html[j] != '>' {
			for j < len(html) && (isSpace(html[j]) || html[j] == '/') {
				j++
			}
			start := j
			for j < len(html) && !isSpace(html[j]) && html[j] != '=' && html[j] != '>' {
				j++
			}
			name := strings.ToLower(html[start:j])
			if name == "style" || strings.HasPrefix(name, "on") {
				return name
			}
			if j < len(html) && html[j] == '=' {
				j++
				if j < len(html) && (html[j] == '"' || html[j] == '\'') {
					q := html[j]
					end := strings.IndexByte(html[j+1:], q)
					if end < 0 {
						return ""
					}
					j += end + 2
				} else {
					for j < len(html) && !isSpace(html[j]) && html[j] != '>' {
						j++
					}
				}
			}
		}
		i = j
	}
	return ""
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isSpace(c byte) bool       { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func TestPositions(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		lineOffset int
		colOffset  int
		want       []Pos // of each Resolve call, in document order
	}{
		{"first line", "[a](x)", 0, 0, []Pos{{1, 1}}},
		{"line offset", "text\n\n[a](x)", 4, 0, []Pos{{7, 1}}},
		{"col offset applies to the first line only", "go [a](x)\n[b](y)", 10, 7, []Pos{{11, 11}, {12, 1}}},
		{"characters, not bytes", "é — 日本 [a](x)", 0, 0, []Pos{{1, 8}}},
		{"crlf", "a\r\nb\r\n\r\n  [a](x)", 0, 0, []Pos{{4, 3}}},
		{"image at its bang", "x ![a](x)", 0, 0, []Pos{{1, 3}}},
		{"list", "- one\n- two [a](x)\n  - three [b](y)", 0, 0, []Pos{{2, 7}, {3, 11}}},
		{"blockquote", "> q\n> > [a](x)", 0, 0, []Pos{{2, 5}}},
		{"table", "| a | b |\n|---|---|\n| 1 | x [a](x) |", 0, 0, []Pos{{3, 9}}},
		{"footnote", "a[^1]\n\n[^1]: note\n    [a](x)", 0, 0, []Pos{{4, 5}}},
		{"heading", "## a [h](x)", 0, 0, []Pos{{1, 6}}},
		{"reference used twice", "[a] and [a]\n\n[a]: x", 0, 0, []Pos{{1, 1}, {1, 9}}},
		{"link in emphasis", "*see [a](x)*", 0, 0, []Pos{{1, 6}}},
		{"tab after list marker", "-\t[a](x)", 0, 0, []Pos{{1, 3}}},
	}
	m := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Pos
			ctx := Context{
				Path: "p.md", LineOffset: tt.lineOffset, ColOffset: tt.colOffset,
				Resolve: func(dest string, pos Pos) (string, error) {
					got = append(got, pos)
					return dest, fmt.Errorf("bad %q", dest)
				},
			}
			res, err := m.Render(new(bytes.Buffer), []byte(tt.src), ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Resolve saw positions %v, want %v", got, tt.want)
			}
			if len(res.Errors) != len(tt.want) {
				t.Fatalf("%d errors, want %d: %v", len(res.Errors), len(tt.want), res.Errors)
			}
			for i, e := range res.Errors {
				if e.Path != "p.md" || e.Line != tt.want[i].Line || e.Col != tt.want[i].Col || !strings.HasPrefix(e.Msg, "bad ") {
					t.Errorf("error %d = %v, want p.md:%d:%d: bad ...", i, e, tt.want[i].Line, tt.want[i].Col)
				}
			}
		})
	}
}

func TestHeadingID(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Asking for help", "asking-for-help"},
		{"Don’t keep score!", "dont-keep-score"},
		{"What it is — and isn't", "what-it-is-and-isnt"},
		{"  C++ & Go  ", "c-go"},
		{"Über-Straße", "über-straße"},
		{"日本語の見出し", "日本語の見出し"},
		{"v1.2_beta", "v1-2-beta"},
		{"???", "section"},
		{"", "section"},
		{"ÀÉÎ Ωμέγα ÇA", "àéî-ωμέγα-ça"},
		{"naïve\u0301 café's", "naïve\u0301-cafés"},
		{"bad \xff utf-8 \xc3", "bad-utf-8"},
		{"1st_2nd-3RD", "1st-2nd-3rd"},
		{"a\u00a0b\tc", "a-b-c"},
		{"’x‘y'z ' - ", "xyz"},
	}
	for _, tt := range tests {
		if got := headingID(tt.text); got != tt.want {
			t.Errorf("headingID(%q) = %q, want %q", tt.text, got, tt.want)
		}
		// appendID appends: what b held stays in front.
		if got := string(appendID([]byte("x"), tt.text)); got != "x"+tt.want {
			t.Errorf("appendID(x, %q) = %q, want %q", tt.text, got, "x"+tt.want)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	src := "# A\n# A\n# A-1\n# A\n# ?\n# section\n"
	var out bytes.Buffer
	res, err := New(Options{}).Render(&out, []byte(src), Context{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	want := []string{"a", "a-1", "a-1-1", "a-2", "section", "section-1"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
}

func TestResolveNilKeepsDestinations(t *testing.T) {
	var out bytes.Buffer
	res, err := New(Options{}).Render(&out, []byte("[a](x.md) ![b](y.png)"), Context{})
	if err != nil {
		t.Fatal(err)
	}
	want := "<p><a href=\"x.md\">a</a> <img src=\"y.png\" alt=\"b\"></p>\n"
	if out.String() != want || len(res.Errors) != 0 {
		t.Errorf("got %q, %v; want %q", out.String(), res.Errors, want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestRenderWriteError(t *testing.T) {
	_, err := New(Options{}).Render(failWriter{}, []byte("# x"), Context{})
	if err == nil || err.Error() != "disk full" {
		t.Errorf("err = %v, want the writer's error", err)
	}
}

// TestConcurrentRender renders every case from many goroutines at once on
// one Markdown and expects the sequential output each time (run with -race).
func TestConcurrentRender(t *testing.T) {
	m := New(Options{})
	type job struct {
		src  []byte
		want string
	}
	var jobs []job
	for _, file := range cases(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := splitFrontMatter(src)
		var out bytes.Buffer
		if _, err := m.Render(&out, body, Context{Resolve: testResolve}); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{body, out.String()})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 16 {
		wg.Go(func() {
			for i := range 20 {
				j := jobs[(g+i)%len(jobs)]
				var out bytes.Buffer
				if _, err := m.Render(&out, j.src, Context{Resolve: testResolve}); err != nil || out.String() != j.want {
					select {
					case errs <- fmt.Sprintf("goroutine %d render %d differs (err %v)", g, i, err):
					default:
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCSS(t *testing.T) {
	m := New(Options{})
	var a, b bytes.Buffer
	if err := m.CSS(&a); err != nil {
		t.Fatal(err)
	}
	if err := New(Options{Unsafe: true}).CSS(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("CSS differs between two calls")
	}
	css := a.String()
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {\n")
	if !ok || !strings.HasSuffix(dark, "}\n") {
		t.Fatalf("no dark block closing the stylesheet:\n%s", css)
	}
	for _, want := range []string{".chroma {", ".chroma .kd {", ".chroma .s {", ".chroma .c1 {"} {
		if !strings.Contains(light, want) || !strings.Contains(dark, want) {
			t.Errorf("%q missing from the light or the dark rules", want)
		}
	}
	// A class the light style colours and the dark one leaves plain must be
	// reset in the dark block.
	if !strings.Contains(dark, ".chroma .nx { color: inherit }") {
		t.Errorf("dark block does not reset .nx:\n%s", dark)
	}
	checkGolden(t, "testdata/chroma.css", css)
}

func TestSummary(t *testing.T) {
	tests := []struct {
		src  string
		n    int
		want string
	}{
		{"# Title\n\nFirst *para* with a [link](x.md).\n\nSecond.", 100, "First para with a link."},
		{"It's \"quoted\" -- here.", 100, "It’s “quoted” – here."},
		{"one two three four five", 12, "one two…"},
		{"one two three four five", 13, "one two…"},
		{"one two three four five", 14, "one two three…"},
		{"one, two three", 5, "one…"},
		{"supercalifragilistic", 6, "super…"},
		{"# Only a heading", 50, ""},
		{"- tight list item\n\nthen a paragraph", 50, "then a paragraph"},
		{"line one\nline two", 50, "line one line two"},
		{"x", 0, ""},
	}
	for _, tt := range tests {
		if got := Summary([]byte(tt.src), tt.n); got != tt.want {
			t.Errorf("Summary(%q, %d) = %q, want %q", tt.src, tt.n, got, tt.want)
		}
	}
}

// TestUnreadLinkWarns: a link or image with a space in its address or
// without its closing ")" shows as written, with a warning where its "]("
// stands; links Markdown reads, and brackets that are no link, are fine.
func TestUnreadLinkWarns(t *testing.T) {
	const msg = `this link or image is not read as one and shows as written: write [text](address) with a closing ")" and no spaces in the address (%20 for each space)`
	tests := []struct{ src, want string }{
		{"![A photo](img/my photo.png)\n", "content/a.md:1:10: " + msg},
		{"Intro.\n\nSee [the guide](../guides/a.md for more.\n", "content/a.md:3:15: " + msg},
		{"A [link](a.md) and ![an image](b.png \"Title\").\n", ""},
		{"A [link](<my notes.md>).\n", ""},
		{"Some [brackets] (and words) and a list [1, 2].\n", ""},
		{"Code `[a](b c)` is code.\n", ""},
		// In a tight list's item (a text block, not a paragraph), a loose
		// one, a quote and a heading alike.
		{"1. Pick one [x](people list.md).\n2. Then another.\n", "content/a.md:1:15: " + msg},
		{"- One\n\n- Pick [x](people list.md).\n", "content/a.md:3:10: " + msg},
		{"> Read [x](my notes.md).\n", "content/a.md:1:10: " + msg},
		{"## See [x](my notes.md)\n", "content/a.md:1:10: " + msg},
		{"- A [link](a.md) in a list.\n", ""},
		// A link at the very start of an item whose text is one letter
		// looks like a task box "[x]" to goldmark; a box needs a space
		// after it (GitHub), so these are links, and unread ones warn.
		{"- [x](my page.md)\n", "content/a.md:1:5: " + msg},
		{"* [X](my page.md) and more\n", "content/a.md:1:5: " + msg},
		{"1. [ ](my page.md)\n", "content/a.md:1:6: " + msg},
		{"- a\n  - [x](my page.md)\n", "content/a.md:2:7: " + msg},
		{"- [x] see [x](my page.md)\n", "content/a.md:1:13: " + msg},
		{"- [x] done\n- [ ] to do\n", ""},
		// Text in emphasis, strikethrough or a table cell is theirs.
		{"- *see [x](my page.md)*\n", "content/a.md:1:10: " + msg},
		{"Read **[x](my page.md)** first.\n", "content/a.md:1:10: " + msg},
		{"~~[x](my page.md)~~\n", "content/a.md:1:5: " + msg},
		{"| a |\n|---|\n| [x](my page.md) |\n", "content/a.md:3:5: " + msg},
		{"*[a](a.md)* and ~~b~~ | not a table\n", ""},
	}
	m := New(Options{})
	for _, tt := range tests {
		var out bytes.Buffer
		res, err := m.Render(&out, []byte(tt.src), Context{Path: "content/a.md"})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Warnings.Error(); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestPosOrder holds pos to the plain count from the top of src whatever
// order the offsets come in: forward, repeated, backward, past the end.
func TestPosOrder(t *testing.T) {
	src := []byte("# Tête\n\nfirst [a](b) line\n\n\nçà [x](y)\nlast")
	ctx := Context{LineOffset: 3, ColOffset: 5, Indent: 2}
	want := func(off int) Pos {
		off = min(off, len(src))
		line := bytes.Count(src[:off], []byte("\n"))
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		col := utf8.RuneCount(src[start:off]) + 1
		if line == 0 {
			col += ctx.ColOffset
		} else {
			col += ctx.Indent
		}
		return Pos{Line: line + 1 + ctx.LineOffset, Col: col}
	}
	d := document{src: src, ctx: &ctx}
	offs := []int{0, 3, 3, 7, 8, 20, 9, 0, len(src), len(src) + 4, 28, 27, 29, 30}
	for i := range src {
		offs = append(offs, i, len(src)-1-i)
	}
	for _, off := range offs {
		if got := d.pos(off); got != want(off) {
			t.Fatalf("pos(%d) = %v, want %v", off, got, want(off))
		}
	}
	if got := d.pos(-1); got != (Pos{}) {
		t.Errorf("pos(-1) = %v, want the zero Pos", got)
	}
}

func TestIndexLinkEnd(t *testing.T) {
	for _, v := range []string{"", "]", "(", "](", "a](b", "]]](", "] (x)](", "x]", "[a]b(c)", "](](", "a]\n("} {
		if got, want := indexLinkEnd([]byte(v)), strings.Index(v, "]("); got != want {
			t.Errorf("indexLinkEnd(%q) = %d, want %d", v, got, want)
		}
	}
}

// TestPrintAddress: with Context.Origin, a link that Resolve made a path of
// the site carries its full address in data-url, for the print stylesheet;
// other links and images do not.
func TestPrintAddress(t *testing.T) {
	resolve := func(dest string, _ Pos) (string, error) {
		switch dest {
		case "listening.md":
			return "/help/guides/listening/", nil
		case "listening.md#how-to-ask":
			return "/help/guides/listening/#how-to-ask", nil
		case "home.md":
			return "/", nil
		case "notes.txt":
			return "/help/files/notes%20%231.txt", nil
		case "été.md":
			return "/help/été/", nil
		}
		return dest, nil
	}
	tests := []struct{ src, origin, want string }{
		{"[a](listening.md)", "https://example.org",
			`<p><a href="/help/guides/listening/" data-url="https://example.org/help/guides/listening/">a</a></p>` + "\n"},
		{"[a](listening.md#how-to-ask)", "https://example.org",
			`<p><a href="/help/guides/listening/#how-to-ask" data-url="https://example.org/help/guides/listening/#how-to-ask">a</a></p>` + "\n"},
		{"[home](home.md)", "http://127.0.0.1:1313",
			`<p><a href="/" data-url="http://127.0.0.1:1313/">home</a></p>` + "\n"},
		{"[n](notes.txt)", "https://example.org",
			`<p><a href="/help/files/notes%20%231.txt" data-url="https://example.org/help/files/notes%20%231.txt">n</a></p>` + "\n"},
		{"[e](été.md)", "https://example.org",
			`<p><a href="/help/%C3%A9t%C3%A9/" data-url="https://example.org/help/%C3%A9t%C3%A9/">e</a></p>` + "\n"},
		// Without an origin, nothing is added.
		{"[a](listening.md)", "",
			`<p><a href="/help/guides/listening/">a</a></p>` + "\n"},
		// Within the page, another site, another scheme, an image: nothing.
		{"[a](#top)", "https://example.org", `<p><a href="#top">a</a></p>` + "\n"},
		{"[a](https://example.com/x)", "https://example.org", `<p><a href="https://example.com/x">a</a></p>` + "\n"},
		{"[a](//example.com/x)", "https://example.org", `<p><a href="//example.com/x">a</a></p>` + "\n"},
		{"[a](mailto:a@example.org)", "https://example.org", `<p><a href="mailto:a@example.org">a</a></p>` + "\n"},
		{"![a](/img/x.png)", "https://example.org", `<p><img src="/img/x.png" alt="a"></p>` + "\n"},
		{"<https://example.org/x>", "https://example.org", `<p><a href="https://example.org/x">https://example.org/x</a></p>` + "\n"},
	}
	m := New(Options{})
	for _, tt := range tests {
		var out bytes.Buffer
		if _, err := m.Render(&out, []byte(tt.src), Context{Resolve: resolve, Origin: tt.origin}); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("%s (origin %q):\n got %s\nwant %s", tt.src, tt.origin, out.String(), tt.want)
		}
	}
}
