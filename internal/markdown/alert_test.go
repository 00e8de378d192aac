package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newAlertMarkdown is New with the Alerts extension added, the way wiring
// it into New's extension list will do: before the first render.
func newAlertMarkdown() *Markdown {
	m := New(Options{})
	Alerts.Extend(m.md)
	return m
}

func renderAlerts(t testing.TB, m *Markdown, src []byte) string {
	t.Helper()
	var out bytes.Buffer
	if _, err := m.Render(&out, src, Context{Path: "content/a.md", Resolve: testResolve}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestAlertGolden renders testdata/alert/*.md with alerts on; the .html
// files beside them are the goldens (go test -update rewrites them).
func TestAlertGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/alert/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/alert: %v", err)
	}
	m := newAlertMarkdown()
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			html := renderAlerts(t, m, src)
			if attr := forbiddenAttribute(html); attr != "" {
				t.Errorf("output has a %s attribute", attr)
			}
			checkGolden(t, strings.TrimSuffix(file, ".md")+".html", html)
		})
	}
}

// TestAlertMarkup pins the markup the theme styles and the shortcodes
// share, case by case.
func TestAlertMarkup(t *testing.T) {
	m := newAlertMarkdown()
	cases := []struct{ name, src, want string }{
		{"note", "> [!NOTE]\n> Text.\n",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<div class=\"callout-body\">\n<p>Text.</p>\n</div>\n</div>\n"},
		{"caution is danger", "> [!CAUTION]\n> Text.\n",
			"<div class=\"callout callout-danger\" role=\"note\">\n<p class=\"callout-title\">Caution</p>\n<div class=\"callout-body\">\n<p>Text.</p>\n</div>\n</div>\n"},
		{"title only", "> [!TIP] Just a title\n",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Just a title</p>\n<div class=\"callout-body\">\n</div>\n</div>\n"},
		{"title markup", "> [!TIP] A **bold** title\n> Body.\n",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">A <strong>bold</strong> title</p>\n<div class=\"callout-body\">\n<p>Body.</p>\n</div>\n</div>\n"},
		{"folded", "> [!WARNING]-\n> Body.\n",
			"<details class=\"callout callout-warning\">\n<summary class=\"callout-title\">Warning</summary>\n<div class=\"callout-body\">\n<p>Body.</p>\n</div>\n</details>\n"},
		{"open", "> [!WARNING]+ Look\n> Body.\n",
			"<details class=\"callout callout-warning\" open>\n<summary class=\"callout-title\">Look</summary>\n<div class=\"callout-body\">\n<p>Body.</p>\n</div>\n</details>\n"},
		{"marker alone", "> [!NOTE]\n", "<blockquote>\n<p>[!NOTE]</p>\n</blockquote>\n"},
		{"unknown", "> [!NOPE]\n> Body.\n", "<blockquote>\n<p>[!NOPE]\nBody.</p>\n</blockquote>\n"},
		{"no space", "> [!NOTE]x\n", "<blockquote>\n<p>[!NOTE]x</p>\n</blockquote>\n"},
		{"not first", "> a\n> [!NOTE]\n", "<blockquote>\n<p>a\n[!NOTE]</p>\n</blockquote>\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := renderAlerts(t, m, []byte(c.src)); got != c.want {
				t.Errorf("%q:\ngot:\n%s\nwant:\n%s", c.src, got, c.want)
			}
		})
	}
}

// TestAlertsKeepPositions checks that headings and links inside an alert
// still get their ids and positions.
func TestAlertsKeepPositions(t *testing.T) {
	m := newAlertMarkdown()
	src := []byte("> [!NOTE]\n> See [the guide](missing.md).\n>\n> ## Inside\n")
	var out bytes.Buffer
	res, err := m.Render(&out, src, Context{Path: "content/a.md", LineOffset: 3, Resolve: testResolve})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Error() != `content/a.md:5:7: link to missing file "missing.md"` {
		t.Errorf("errors = %v", res.Errors)
	}
	if len(res.Headings) != 1 || res.Headings[0].ID != "inside" || res.Headings[0].Line != 7 {
		t.Errorf("headings = %+v", res.Headings)
	}
}

func TestLookupCallout(t *testing.T) {
	for name, want := range map[string]string{
		"NOTE": "note", " Tip ": "tip", "caution": "danger", "warn": "warning",
		"primary": "note", "red": "danger", "hint": "tip", "question": "info",
	} {
		c, ok := LookupCallout(name)
		if !ok || c.Kind != want {
			t.Errorf("LookupCallout(%q) = %+v, %v; want kind %q", name, c, ok, want)
		}
	}
	if _, ok := LookupCallout("nope"); ok {
		t.Error("LookupCallout knows \"nope\"")
	}
	kinds := map[string]bool{}
	for _, k := range CalloutKinds {
		kinds[k] = true
	}
	names := CalloutNames()
	for i, n := range names {
		c, _ := LookupCallout(n)
		if !kinds[c.Kind] || c.Title == "" {
			t.Errorf("callout %q has kind %q (not in CalloutKinds) or no title", n, c.Kind)
		}
		if i > 0 && names[i-1] >= n {
			t.Errorf("CalloutNames not sorted at %q", n)
		}
	}
}

// FuzzAlerts checks, for any input: no panic, no style or event handler
// attribute, as many boxes closed as opened, and output identical to that
// of New without alerts when the input has no "[!" at all.
func FuzzAlerts(f *testing.F) {
	files, _ := filepath.Glob("testdata/alert/*.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("> [!NOTE]- *a*\n> > [!TIP]\n> > b\n"))
	with, without := newAlertMarkdown(), New(Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		var a, b bytes.Buffer
		if _, err := with.Render(&a, src, Context{}); err != nil {
			t.Fatal(err)
		}
		out := a.String()
		if attr := forbiddenAttribute(out); attr != "" {
			t.Errorf("output has a %s attribute", attr)
		}
		opened := strings.Count(out, `<div class="callout callout-`) + strings.Count(out, `<details class="callout callout-`)
		bodies := strings.Count(out, `<div class="callout-body">`)
		if opened != bodies {
			t.Errorf("%d boxes but %d bodies:\n%s", opened, bodies, out)
		}
		if !bytes.Contains(src, []byte("[!")) {
			if _, err := without.Render(&b, src, Context{}); err != nil {
				t.Fatal(err)
			}
			if out != b.String() {
				t.Errorf("alerts changed a document without \"[!\":\n%s\nvs\n%s", out, b.String())
			}
		}
	})
}
