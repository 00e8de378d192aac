package markdown

import (
	"bytes"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
)

// never is a deadline no lexing in these tests reaches.
var never = time.Now().Add(100 * 365 * 24 * time.Hour)

// hostileCode is a corpus of short texts that lexers get wrong: every
// printable ASCII character alone and before a newline, unclosed openers
// of strings, comments and templates, and a few of them nested.
func hostileCode() []string {
	var out []string
	for c := byte(' '); c < 0x7f; c++ {
		out = append(out, string(c), string(c)+"\n", "a"+string(c), "\n"+string(c)+"\n")
	}
	out = append(out, "", "\n", "\t", "\r\n", "\x00", "é", "\ufeff",
		`"a`, `'a`, "`a", "/*", "*/", "<!--", "-->", "{{", "}}", "{%", "${", "#{", "<%", "%>", "<?", "?>",
		"<a", "</", "<![CDATA[", "(*", "{-", "--[[", "\"\"\"", "'''", "r#\"", "@\"", "$'", "q(", "<<EOF",
		"a = \"", "f(", "x[", "{\n", "(\n)", "[\n]", "\\\n", "\"\\", "/a/", "a / b", "a // b", "#!",
		"{{ /* }}", "{{ \" }}", "`{{`", "`{{ x }}`", "x := `{{ (  }}`", "\"{{\"", "<script>", "<style>", "<x y=\"",
		".. code:: jungle\n\n   /\n\n", ".. code:: jsonata\n\n   \"\n\n", ".. code-block:: jungle\n\n   /\n",
		"```jungle\n/\n```\n", "```jsonata\n\"\n```\n",
	)
	return out
}

// TestLexersTerminate runs every lexer chroma has, by each of its names
// and aliases, over hostileCode and fails for any run that does not end.
// A hung run cannot be stopped: the test reports it and fails, and the
// test binary exits with it still spinning.
func TestLexersTerminate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every lexer")
	}
	inputs := hostileCode()
	// Go's raw strings are lexed by the unguarded Go template lexer.
	goInputs := append([]string(nil), inputs...)
	for _, in := range inputs {
		if !strings.Contains(in, "`") {
			goInputs = append(goInputs, "x := `"+in+"`", "x := `{{"+in+"`", "x := `{{ ("+in+"`")
		}
	}
	names := map[string]bool{}
	for _, l := range theLexers.original.Lexers {
		cfg := l.Config()
		names[strings.ToLower(cfg.Name)] = true
		for _, a := range cfg.Aliases {
			names[strings.ToLower(a)] = true
		}
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	loops := map[string][]string{}
	for _, name := range sorted {
		l := lookupLexer([]byte(name))
		if l == nil {
			continue
		}
		corpus := inputs
		if name == "go" || name == "golang" {
			corpus = goInputs
		}
		done := make(chan map[string]bool, 1)
		go func() {
			stuck := map[string]bool{}
			for _, in := range corpus {
				if _, err := highlight(l, in, never); err == errLexerLoop {
					stuck[in] = true
				}
			}
			done <- stuck
		}()
		select {
		case stuck := <-done:
			for in := range stuck {
				loops[name] = append(loops[name], in)
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("lexer %q did not finish the corpus: highlighting can hang", name)
		}
	}
	// The loops chroma#1377 reports must be among those caught.
	for name, in := range map[string]string{"jungle": "/", "jsonata": `"`} {
		found := false
		for _, s := range loops[name] {
			found = found || strings.TrimSpace(s) == in
		}
		if !found {
			t.Errorf("the %s lexer's loop on %q was not caught (caught: %q)", name, in, loops[name])
		}
	}
	for _, name := range sortedKeys(loops) {
		t.Logf("%s loops on %d of the texts", name, len(loops[name]))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestHighlightLoopWarns renders the blocks that hang chroma: each comes
// out as plain escaped code, with a warning at its language name.
func TestHighlightLoopWarns(t *testing.T) {
	m := New(Options{})
	src := "Intro.\n\n```jungle\n/\n```\n\nText.\n\n  ```jsonata\n  \"<x>\n  ```\n\n```go\nx := 1\n```\n"
	var out bytes.Buffer
	res, err := m.Render(&out, []byte(src), Context{Path: "content/a.md", LineOffset: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/a.md:6:4: cannot highlight this "jungle" code block: the highlighter gets stuck on it; it is shown as plain text`,
		`content/a.md:12:6: cannot highlight this "jsonata" code block: the highlighter gets stuck on it; it is shown as plain text`,
	}
	if got := res.Warnings.Error(); got != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	html := out.String()
	for _, s := range []string{
		"<pre tabindex=\"0\" class=\"chroma\"><code>/\n</code></pre>",
		"<pre tabindex=\"0\" class=\"chroma\"><code>&quot;&lt;x&gt;\n</code></pre>",
		`<span class="nx">x</span>`,
	} {
		if !strings.Contains(html, s) {
			t.Errorf("output lacks %q:\n%s", s, html)
		}
	}
}

// TestHighlightBudget renders a page whose first two blocks make chroma's
// markless lexer backtrack without end (about a minute for 3,000
// apostrophes, each token scanning the rest of the text again; hours for
// a few thousand more): each stops when its time runs out and comes out
// plain, with a warning at its language name (the first with the page's
// spare time, the second with its share only), and the last block, given
// its own share, is highlighted. Without a time for highlighting the
// render does not end in the minutes the test waits.
func TestHighlightBudget(t *testing.T) {
	m := New(Options{})
	hostile := "```markless\n" + strings.Repeat("'", 3000) + "\n```\n\n"
	src := hostile + hostile + "```go\nx := 1\n```\n"
	type result struct {
		html string
		res  Result
		err  error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		var out bytes.Buffer
		res, err := m.Render(&out, []byte(src), Context{Path: "content/a.md"})
		done <- result{out.String(), res, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("the render did not end in 3 minutes: highlighting is not bounded")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	t.Logf("rendered in %v (the blocks' times: %v and %v)", time.Since(start), highlightShare(3001)+highlightSpare, highlightShare(3001))
	// The second block has only its share: the first used up the spare.
	want := `content/a.md:1:4: cannot highlight this "markless" code block: the highlighter takes too long on it; it is shown as plain text
content/a.md:5:4: cannot highlight this "markless" code block: the highlighter takes too long on it; it is shown as plain text`
	if got := r.res.Warnings.Error(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	for _, s := range []string{
		"<pre tabindex=\"0\" class=\"chroma\"><code>'''",
		`<span class="nx">x</span>`,
	} {
		if !strings.Contains(r.html, s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

// TestHighlightShares: a block's share of time grows with its size.
func TestHighlightShares(t *testing.T) {
	for _, tt := range []struct {
		bytes int
		want  time.Duration
	}{
		{0, 20 * time.Millisecond},
		{1000, 120 * time.Millisecond},
		{maxHighlightBytes, 20*time.Millisecond + 262144*100*time.Microsecond},
	} {
		if got := highlightShare(tt.bytes); got != tt.want {
			t.Errorf("highlightShare(%d) = %v, want %v", tt.bytes, got, tt.want)
		}
	}
}

// TestGuardedLexersSame checks that the guard changes nothing for lexers
// that do not loop: the tokens of the guarded copy equal the original's.
func TestGuardedLexersSame(t *testing.T) {
	samples := map[string]string{
		"go":         "package main\n\nfunc main() {\n\ts := `raw {{ .X }}`\n\tprintln(\"hi\", s) // c\n}\n",
		"python":     "def f(x):\n    return f\"{x!r} and {x:>10}\" + 'a' # c\n@dec\nclass A: pass\n",
		"yaml":       "a: [1, 2]\nb: |\n  text\n# c\nc: {d: 'e'}\n",
		"html":       "<!doctype html><p class=\"x\">a &amp; b</p><script>var a = 1;</script><style>p{color:red}</style>\n",
		"bash":       "for i in $(seq 3); do echo \"$i ${x:-y}\"; done # c\n",
		"javascript": "const a = `t ${b}`; /re/g.test(a) // c\n",
		"lua":        "local s = [[long]] -- c\nfunction f(a, ...) return a end\n",
		"php":        "<?php echo \"$a {$b->c}\"; ?>\n",
		// Runs of text tokens longer than the 8 KB a joined token takes.
		"markdown": strings.Repeat("A plain line of text.\n", 1000),
	}
	for name, code := range samples {
		orig := theLexers.original.Get(name)
		if orig == nil {
			t.Fatalf("no lexer %q", name)
		}
		want, err := chroma.Tokenise(chroma.Coalesce(orig), nil, code)
		if err != nil {
			t.Fatal(err)
		}
		got, err := highlight(lookupLexer([]byte(name)), code, never)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens, want %d", name, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: token %d is %v, want %v", name, i, got[i], want[i])
				break
			}
		}
	}
}

// TestLongLanguageName renders a code block whose info string is 200 KB
// long: it is not looked up as a language (chroma's lookup would try it on
// every file pattern of every lexer, for minutes) and shows plain.
func TestLongLanguageName(t *testing.T) {
	src := "~~~~" + strings.Repeat("'~~~~", 40_000) + "\nx < y\n~~~~\n"
	var out bytes.Buffer
	res, err := New(Options{}).Render(&out, []byte(src), Context{Path: "a.md"})
	if err != nil || len(res.Errors)+len(res.Warnings) > 0 {
		t.Fatalf("%v %v %v", err, res.Errors, res.Warnings)
	}
	if got := out.String(); got != "<pre tabindex=\"0\" class=\"chroma\"><code>x &lt; y\n</code></pre>\n" {
		t.Errorf("got %q", got)
	}
}

// TestEveryLexerGuarded holds that every lexer chroma registers, the
// wrappers around other lexers (Markdown, HTTP, ERB, ...) included, has a
// guarded copy, so no language falls back to plain text for want of one,
// and that a loop in a lexer that a wrapper reaches is caught there too.
func TestEveryLexerGuarded(t *testing.T) {
	for _, l := range theLexers.original.Lexers {
		name := l.Config().Name
		if lookupLexer([]byte(strings.ToLower(name))) == nil {
			t.Errorf("lexer %q (%T) has no guarded copy: its blocks would be plain text", name, l)
		}
	}
	for _, tc := range []struct{ lang, code string }{
		{"markdown", "# a\n\n```jungle\n/\n```\n"},
		{"md", "---\ntitle: x\n---\n```jsonata\n\"\n```\n"},
	} {
		l := lookupLexer([]byte(tc.lang))
		if l == nil {
			t.Fatalf("no lexer for %q", tc.lang)
		}
		if _, err := highlight(l, tc.code, never); err != errLexerLoop {
			t.Errorf("%s: a loop in an embedded block: got %v, want %v", tc.lang, err, errLexerLoop)
		}
	}
	// Highlighting still happens in a wrapper: Markdown's heading is a token
	// of its own.
	toks, err := highlight(lookupLexer([]byte("markdown")), "# Title\n\nText\n", never)
	if err != nil || len(toks) < 2 || toks[0].Type != chroma.GenericHeading {
		t.Errorf("markdown: got %v, %v; want a heading token first", toks, err)
	}
}

// countingLexer counts the lexings of the lexer it wraps.
type countingLexer struct {
	chroma.Lexer
	n *int
}

func (c countingLexer) Tokenise(o *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	*c.n++
	return c.Lexer.Tokenise(o, text)
}

// TestSettledHighlight: a lexing that took matchTimeout or longer (one of
// its matches may have timed out, so its tokens may differ) is tried
// again, up to highlightTries times, and the first that finished in time
// is kept.
func TestSettledHighlight(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	want, err := highlight(lookupLexer([]byte("go")), "package main\n", never)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		took  []time.Duration // each try's duration, as the clock sees it
		tries int
	}{
		{"quick", []time.Duration{time.Millisecond}, 1},
		{"just in time", []time.Duration{matchTimeout - 1}, 1},
		{"stalled once", []time.Duration{matchTimeout, time.Millisecond}, 2},
		{"stalled twice", []time.Duration{2 * matchTimeout, matchTimeout, 0}, 3},
		{"always slow", []time.Duration{2 * matchTimeout, 2 * matchTimeout, 2 * matchTimeout, 2 * matchTimeout}, highlightTries},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var clock time.Time
			reads := 0
			now = func() time.Time {
				// Odd reads end a try: the clock moves on by its duration.
				if reads%2 == 1 {
					clock = clock.Add(tt.took[reads/2])
				}
				reads++
				return clock
			}
			n := 0
			got, err := settledHighlight(countingLexer{lookupLexer([]byte("go")), &n}, "package main\n", never)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.tries {
				t.Errorf("lexed %d times, want %d", n, tt.tries)
			}
			if len(got) != len(want) {
				t.Errorf("tokens %v, want %v", got, want)
			}
		})
	}
}

// TestMatchTimeouts: every expression of a guarded lexer, once compiled,
// may run for matchTimeout, not the quarter of a second chroma sets, which
// a busy machine's scheduler could stall a match for (and so highlight a
// block differently from one build to the next). The compiled rules are
// chroma's unexported field, read here with reflect.
func TestMatchTimeouts(t *testing.T) {
	for _, name := range []string{"go", "yaml", "python", "javascript", "bash", "json", "html", "css", "toml", "rust"} {
		t.Run(name, func(t *testing.T) {
			l, ok := theLexers.guarded[theLexers.original.Get(name)].(*chroma.RegexLexer)
			if !ok {
				t.Fatalf("%s: no guarded rule-set lexer", name)
			}
			if _, err := highlight(l, "x = 1\n", never); err != nil {
				t.Fatal(err)
			}
			rules := reflect.ValueOf(l).Elem().FieldByName("rules")
			n := 0
			for it := rules.MapRange(); it.Next(); {
				rs := it.Value()
				for i := range rs.Len() {
					re := rs.Index(i).Elem().FieldByName("Regexp")
					if re.IsNil() {
						continue
					}
					if got := time.Duration(re.Elem().FieldByName("MatchTimeout").Int()); got != matchTimeout {
						t.Fatalf("state %s rule %d: MatchTimeout %v, want %v", it.Key(), i, got, matchTimeout)
					}
					n++
				}
			}
			if n == 0 {
				t.Fatal("no compiled rules found")
			}
		})
	}
}
