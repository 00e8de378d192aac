package yamldoc

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the errors sections of testdata/*/*.txtar")

// A case file is txtar: a comment (what the case is; a line "lineoffset: N"
// or "coloffset: N" sets that option), then "-- in.yaml --" with the input
// and "-- errors --" with every error Parse reports, one per line, exactly.
type caseFile struct {
	comment  string
	sections []section
}

type section struct {
	name string
	data []byte
}

func readCase(t *testing.T, path string) caseFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c caseFile
	var cur *section
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		t := strings.TrimRight(string(line), "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			c.sections = append(c.sections, section{name: t[3 : len(t)-3]})
			cur = &c.sections[len(c.sections)-1]
			continue
		}
		if cur == nil {
			c.comment += string(line)
		} else {
			cur.data = append(cur.data, line...)
		}
	}
	return c
}

func (c caseFile) get(name string) ([]byte, bool) {
	for _, s := range c.sections {
		if s.name == name {
			return s.data, true
		}
	}
	return nil, false
}

func (c caseFile) set(name string, data []byte) {
	for i := range c.sections {
		if c.sections[i].name == name {
			c.sections[i].data = data
		}
	}
}

func (c caseFile) bytes() []byte {
	var b bytes.Buffer
	b.WriteString(c.comment)
	for _, s := range c.sections {
		b.WriteString("-- " + s.name + " --\n")
		b.Write(s.data)
	}
	return b.Bytes()
}

// option reads "name: N" from the comment.
func (c caseFile) option(name string) int {
	for _, l := range strings.Split(c.comment, "\n") {
		if v, ok := strings.CutPrefix(l, name+": "); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

// TestGolden parses each case of testdata/syntax and testdata/parse and
// compares every error, verbatim, with the case's errors section.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.txtar")
	if len(files) < 40 {
		t.Fatalf("found only %d cases", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".txtar"), func(t *testing.T) {
			c := readCase(t, file)
			in, ok := c.get("in.yaml")
			if !ok {
				t.Fatal("no in.yaml section")
			}
			want, ok := c.get("errors")
			if !ok {
				t.Fatal("no errors section")
			}
			_, errs := Parse(in, Options{Path: "in.yaml", LineOffset: c.option("lineoffset"), ColOffset: c.option("coloffset")})
			got := ""
			for _, e := range errs {
				got += e.Error() + "\n"
				if j := jargon(e.Msg); j != "" {
					t.Errorf("message carries the parser's jargon %q: %s", j, e.Msg)
				}
			}
			if strings.HasPrefix(file, "testdata/syntax/") && len(errs) == 0 {
				t.Errorf("a syntax case must have an error")
			}
			if *update {
				c.set("errors", []byte(got))
				if err := os.WriteFile(file, c.bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want) {
				t.Errorf("errors differ\ngot:\n%swant:\n%s", got, want)
			}
		})
	}
}

// yamlJargon is what yaml.v3 says, and the words of its trade, that no
// message may carry.
var yamlJargon = []string{
	"yaml:",
	"mapping values are not allowed",
	"mapping keys are not allowed",
	"block sequence entries are not allowed",
	"did not find expected",
	"could not find expected",
	"found character that cannot start any token",
	"found a tab character",
	"found unexpected end of stream",
	"found unexpected document indicator",
	"found unknown escape character",
	"found an indentation indicator",
	"found undefined tag handle",
	"found incompatible YAML document",
	"found invalid Unicode character",
	"found unknown directive",
	"found duplicate %",
	"control characters are not allowed",
	"unknown anchor",
	"excessive aliasing",
	"exceeded max depth",
	"unmarshal",
	"while scanning",
	"while parsing",
	"in this context",
	"unknown problem",
	"cannot unmarshal",
	"internal error",
	"invalid leading utf-8",
	"incomplete utf-8",
	"octet",
	"mapping",
	"scalar",
	"sequence",
	"token",
	"indicator",
	"stream",
	"node content",
	"simple key",
}

// jargon returns the first phrase of yamlJargon in msg, or "".
func jargon(msg string) string {
	low := strings.ToLower(msg)
	for _, j := range yamlJargon {
		if strings.Contains(low, strings.ToLower(j)) {
			return j
		}
	}
	return ""
}
