package testio

import (
	"bytes"
	"strings"
)

// Archive is a golden test file in the txtar style: a comment, then files,
// each after a line "-- name --". Tests keep a case's inputs and expected
// outputs in one Archive and rewrite it under -update.
type Archive struct {
	Comment string            // the text before the first file
	Files   map[string]string // contents by name
	Order   []string          // the names in the order they came
}

// ParseArchive reads an archive. It never fails: text before the first
// "-- name --" line is the comment.
func ParseArchive(data []byte) *Archive {
	a := &Archive{Files: map[string]string{}}
	name := ""
	var cur strings.Builder
	flush := func() {
		if name == "" {
			a.Comment = cur.String()
		} else {
			a.Files[name] = cur.String()
			a.Order = append(a.Order, name)
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trim := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") && len(trim) > 6 {
			flush()
			name = strings.TrimSpace(trim[3 : len(trim)-3])
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return a
}

// Format writes the archive back, files in their order, each ending with a
// newline.
func (a *Archive) Format() []byte {
	var b bytes.Buffer
	b.WriteString(a.Comment)
	for _, name := range a.Order {
		b.WriteString("-- " + name + " --\n")
		b.WriteString(a.Files[name])
		if s := a.Files[name]; s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}
