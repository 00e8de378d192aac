package yamldoc

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// mistakes are the slips a writer makes on one line.
var mistakes = []struct {
	name string
	edit func(line string) string
}{
	{"one more space", func(l string) string { return " " + l }},
	{"one space less", func(l string) string { return strings.TrimPrefix(l, " ") }},
	{"two more spaces", func(l string) string { return "  " + l }},
	{"no colon", func(l string) string { return strings.Replace(l, ": ", " ", 1) }},
	{"no space after the colon", func(l string) string { return strings.Replace(l, ": ", ":", 1) }},
	{"quote not closed", func(l string) string { return strings.Replace(l, ": ", ": \"", 1) }},
	{"bracket not closed", func(l string) string { return strings.Replace(l, ": ", ": [", 1) }},
	{"no dash", func(l string) string { return strings.Replace(l, "- ", "", 1) }},
	{"a tab", func(l string) string { return strings.Replace(l, "  ", "\t", 1) }},
	{"a colon in the text", func(l string) string { return strings.Replace(l, ": ", ": Note: ", 1) }},
	{"a reserved character", func(l string) string { return strings.Replace(l, ": ", ": @", 1) }},
	{"a stray quote", func(l string) string { return l + "\"" }},
	{"a stray bracket", func(l string) string { return strings.Replace(l, ", ", "]", 1) }},
}

var yamlLineNumber = regexp.MustCompile(`^yaml: line (\d+):`)

// TestMistakesAtTheirLine makes each mistake on each line of a real
// worksheet and checks that the syntax error is reported at that line, or
// the next one (a first entry moved right is only wrong once the second
// disagrees), in the writer's words. yaml.v3's own line is counted for
// comparison.
func TestMistakesAtTheirLine(t *testing.T) {
	src, err := os.ReadFile("testdata/give-and-take.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	broken, near, yamlNear := 0, 0, 0
	for k, m := range mistakes {
		for i := k % 2; i < len(lines); i += 2 { // every line, half of the mistakes each
			edited := append([]string(nil), lines...)
			edited[i] = m.edit(lines[i])
			if edited[i] == lines[i] {
				continue
			}
			doc := []byte(strings.Join(edited, "\n"))
			var n yaml.Node
			yerr := yaml.Unmarshal(doc, &n)
			if yerr == nil {
				continue // still valid YAML (a missing "- " is a duplicate key)
			}
			broken++
			if m := yamlLineNumber.FindStringSubmatch(yerr.Error()); m != nil {
				if yl, _ := strconv.Atoi(m[1]); yl == i+1 || yl == i+2 {
					yamlNear++
				}
			}
			_, errs := Parse(doc, Options{Path: "w.yaml"})
			if len(errs) == 0 {
				t.Errorf("%s on line %d: no error", m.name, i+1)
				continue
			}
			e := errs[0]
			if e.Line == i+1 || e.Line == i+2 {
				near++
			} else {
				t.Errorf("%s on line %d (%q): reported at %s", m.name, i+1, edited[i], e)
			}
			if j := jargon(e.Msg); j != "" {
				t.Errorf("%s on line %d: jargon %q in %s", m.name, i+1, j, e)
			}
		}
	}
	if broken < 500 {
		t.Fatalf("only %d broken documents", broken)
	}
	t.Logf("%d broken documents: %d reported at the mistake or the line after it; yaml.v3's line: %d", broken, near, yamlNear)
}
