package shortcode

import (
	"flag"
	"fmt"
	"mutual/internal/testio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/")

// archive is a txtar-like test case: a comment, then sections introduced
// by "-- name --" lines. Sections named in golden are outputs, rewritten by
// -update; the others are inputs.
type archive = testio.Archive

func readArchive(t testing.TB, file string) *archive {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return testio.ParseArchive(data)
}

// check compares the golden sections with got, or rewrites them under
// -update (in the order given, after the inputs).
func check(a *archive, t *testing.T, file string, got map[string]string, names ...string) {
	t.Helper()
	if *update {
		for _, n := range names {
			if _, ok := a.Files[n]; !ok {
				a.Order = append(a.Order, n)
			}
			a.Files[n] = got[n]
		}
		if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, n := range names {
		want, ok := a.Files[n]
		if !ok {
			t.Errorf("%s: no -- %s -- section (go test -update writes it)", file, n)
			continue
		}
		g := got[n]
		if g != "" && !strings.HasSuffix(g, "\n") {
			g += "\n"
		}
		if g != want {
			t.Errorf("%s: -- %s -- differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", file, n, g, want)
		}
	}
}

// cases lists testdata/DIR/*.txt.
func cases(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/%s: %v", dir, err)
	}
	return files
}

// parseDefs reads a "-- defs --" section: one name a line, followed by
// "inner" when the template reads its content.
func parseDefs(s string) map[string]Def {
	defs := map[string]Def{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		defs[f[0]] = Def{Inner: len(f) > 1 && f[1] == "inner"}
	}
	return defs
}

// dumpTree writes the nodes one a line, children indented.
func dumpTree(d *Document) string {
	var b strings.Builder
	var walk func(nodes []*Node, depth int)
	walk = func(nodes []*Node, depth int) {
		for _, n := range nodes {
			line, col := d.Pos(n.Start)
			ind := strings.Repeat("  ", depth)
			switch n.Kind {
			case TextNode:
				fmt.Fprintf(&b, "%s%d:%d text %q\n", ind, line, col, n.Text)
			case EscapedNode:
				fmt.Fprintf(&b, "%s%d:%d escaped %q\n", ind, line, col, n.Text)
			case CallNode:
				sc := n.Call
				delim := "<>"
				if sc.Markdown {
					delim = "%%"
				}
				form := "standalone"
				switch {
				case sc.SelfClosing:
					form = "self-closing"
				case sc.Paired:
					form = "paired"
				}
				fmt.Fprintf(&b, "%s%d:%d call %s%s%s %s #%d", ind, line, col, delim[:1], sc.Name, delim[1:], form, sc.Ordinal)
				if sc.Parent != nil {
					fmt.Fprintf(&b, " parent=%s", sc.Parent.Name)
				}
				if sc.Indent != "" {
					fmt.Fprintf(&b, " indent=%q", sc.Indent)
				}
				for _, a := range sc.Args {
					b.WriteString(" ")
					if a.Name != "" {
						b.WriteString(a.Name + "=")
					}
					b.WriteString(formatValue(a.Value))
				}
				b.WriteString("\n")
				walk(sc.Inner, depth+1)
			}
		}
	}
	walk(d.Nodes, 0)
	return b.String()
}

// formatValue shows a value with its type: "text", 3, 1.5, true.
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int:
		return "int(" + strconv.Itoa(v) + ")"
	case float64:
		return "float(" + strconv.FormatFloat(v, 'g', -1, 64) + ")"
	case bool:
		return "bool(" + strconv.FormatBool(v) + ")"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
