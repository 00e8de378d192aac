package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mutual/internal/yamldoc"
)

// parsed is what the fast path must equal: yamldoc's tree for src (as
// front matter, after one line), or nil when yamldoc finds a problem or no
// document.
func parsed(src string) *yamldoc.Node {
	n, errs := yamldoc.Parse([]byte(src), yamldoc.Options{Path: "p.md", LineOffset: 1})
	if len(errs) > 0 {
		return nil
	}
	return n
}

func TestSimpleYAML(t *testing.T) {
	tests := []struct {
		name, src string
		fast      bool // taken by the fast path (else left to yamldoc.Parse)
	}{
		{"corpus page", "title: \"Naming old debts\"\ndescription: \"Gives clearly.\"\ndate: 2020-06-08\nweight: 37\ntags: [habits, care]\n", true},
		{"plain words", "title: Saying no kindly\nslug: saying-no_v2.1\n", true},
		{"plain text", "title: Asking for help, and offering it\ndescription: Do I give (and get) enough? Yes! 'Often' -- \"mostly\" [sic] {ok} 100% @home `x` ’\n", true},
		{"single quoted", "title: 'A \"fair\" share: notes # 1'\n", true},
		{"unicode in quotes", "title: \"What’s fair — and what isn’t\"\n", true},
		{"several spaces after the colon", "title:    Wide\nweight:  7\n", true},
		{"no final newline", "title: T", true},
		{"zero", "weight: 0\n", true},
		{"one-word list", "tags: [care]\n", true},
		{"aliases", "aliases: [old-page, older.page]\n", true},
		{"blank line", "title: T\n\nweight: 1\n", false},
		{"comment", "title: T # note\n", false},
		{"comment line", "# note\ntitle: T\n", false},
		{"block list", "tags:\n  - care\n", false},
		{"escape", "title: \"a\\tb\"\n", false},
		{"doubled single quote", "title: 'it''s'\n", false},
		{"true", "draft: true\n", false},
		{"true as a key", "true: x\n", false},
		{"null word", "description: Null\n", false},
		{"null in a list", "tags: [a, null]\n", false},
		{"empty value", "title:\n", false},
		{"empty list", "tags: []\n", false},
		{"leading zero", "weight: 007\n", false},
		{"negative", "weight: -3\n", false},
		{"float", "weight: 1.5\n", false},
		{"bad date", "date: 2020-13-45\n", false},
		{"date and time", "date: 2020-06-08T10:00:00Z\n", false},
		{"crlf", "title: T\r\n", false},
		{"tab", "title:\tT\n", false},
		{"indented", " title: T\n", false},
		{"repeated key", "title: a\ntitle: b\n", false},
		{"nested flow", "tags: [a, [b]]\n", false},
		{"flow map", "params: {a: b}\n", false},
		{"colon in plain", "title: a: b\n", false},
		{"colon in plain, no space", "title: a:b\n", false},
		{"plain starting with punctuation", "title: -a\n", false},
		{"trailing space", "title: T \n", false},
		{"anchor", "title: &a T\n", false},
		{"control character", "title: \"a\x01b\"\n", false},
		{"line separator", "title: \"a\u2028b\"\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := simpleYAML([]byte(tt.src), 1)
			if ok != tt.fast {
				t.Fatalf("fast path taken: %v, want %v", ok, tt.fast)
			}
			if ok && !reflect.DeepEqual(got, parsed(tt.src)) {
				t.Errorf("fast path tree differs from yamldoc's:\n got %s\nwant %s", dumpNode(got), dumpNode(parsed(tt.src)))
			}
		})
	}
}

// TestSimpleYAMLShippedContent checks that the fast path takes most of the
// shipped guide's front matter, and gives yamldoc's tree for all it takes.
func TestSimpleYAMLShippedContent(t *testing.T) {
	files, err := filepath.Glob("../../content/guides/*.md")
	if err != nil || len(files) == 0 {
		t.Fatal("no guides", err)
	}
	fast := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(src), "---\n", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", f)
		}
		got, ok := simpleYAML([]byte(parts[1]), 1)
		if !ok {
			continue
		}
		fast++
		if want := parsed(parts[1]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast path tree differs from yamldoc's:\n got %s\nwant %s", f, dumpNode(got), dumpNode(want))
		}
	}
	if fast < len(files)/2 {
		t.Errorf("the fast path took %d of %d guides' front matter", fast, len(files))
	}
}

// FuzzSimpleYAML holds the fast path to yamldoc.Parse: whatever it takes, it
// must give the tree yaml.v3 gives.
func FuzzSimpleYAML(f *testing.F) {
	for _, s := range []string{
		"title: \"Naming old debts\"\ndate: 2020-06-08\nweight: 37\ntags: [habits, care]\n",
		"title: Saying no kindly\nslug: x\n",
		"title: 'a'\naliases: [a.b, c-d]\n",
		"draft: false\n",
		"weight: 0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, ok := simpleYAML([]byte(src), 1)
		if !ok {
			return
		}
		if want := parsed(src); !reflect.DeepEqual(got, want) {
			t.Errorf("fast path tree differs from yamldoc's for %q:\n got %s\nwant %s", src, dumpNode(got), dumpNode(want))
		}
	})
}

func dumpNode(n *yamldoc.Node) string {
	if n == nil {
		return "<nil>"
	}
	var b strings.Builder
	var walk func(n *yamldoc.Node, depth int)
	walk = func(n *yamldoc.Node, depth int) {
		fmt.Fprintf(&b, "\n%skind=%s style=%d value=%q line=%d col=%d text=%d:%d",
			strings.Repeat("  ", depth), n.Kind, n.Style, n.Value, n.Line, n.Col, n.TextLine, n.TextCol)
		for _, k := range n.Content {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// BenchmarkFrontMatterYAML compares the fast path with yamldoc.Parse on a
// typical page's front matter.
func BenchmarkFrontMatterYAML(b *testing.B) {
	src := []byte("title: \"Naming old debts\"\ndescription: \"Gives clearly about what a balance needs.\"\n" +
		"date: 2020-06-08\nweight: 37\ntags: [habits, care]\n")
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, ok := simpleYAML(src, 1); !ok {
				b.Fatal("not taken")
			}
		}
	})
	b.Run("yamldoc", func(b *testing.B) {
		for b.Loop() {
			if parsed(string(src)) == nil {
				b.Fatal("no tree")
			}
		}
	})
}
