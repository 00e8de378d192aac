package site

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// archive is a txtar-like test case: a comment, then files introduced by
// "-- name --" lines.
type archive struct {
	comment string
	files   map[string]string
	order   []string
}

func readArchive(t *testing.T, file string) *archive {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a := &archive{files: map[string]string{}}
	name := ""
	var cur strings.Builder
	flush := func() {
		if name == "" {
			a.comment = cur.String()
		} else {
			a.files[name] = cur.String()
			a.order = append(a.order, name)
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

// format writes the archive back, files in their order.
func (a *archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(a.comment)
	for _, name := range a.order {
		b.WriteString("-- " + name + " --\n")
		b.WriteString(a.files[name])
		if s := a.files[name]; s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// writeSite writes the archive's input files (not those under want/ or
// named "errors") into dir.
func (a *archive) writeSite(t *testing.T, dir string) {
	t.Helper()
	for name, body := range a.files {
		if strings.HasPrefix(name, "want/") || name == "errors" {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func treeNames(tree map[string][]byte) []string {
	var names []string
	for k := range tree {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// eachCase runs fn as a subtest for every archive matching pattern, with
// the archive's site written into dir and out its output folder.
func eachCase(t *testing.T, pattern string, fn func(t *testing.T, file string, a *archive, dir, out string)) {
	cases, _ := filepath.Glob(pattern)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a := readArchive(t, file)
			dir := t.TempDir()
			a.writeSite(t, dir)
			fn(t, file, a, dir, filepath.Join(dir, "public"))
		})
	}
}
