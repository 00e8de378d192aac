package site

import (
	"mutual/internal/testio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// archive is a txtar-like test case: a comment, then files introduced by
// "-- name --" lines.
type archive = testio.Archive

func readArchive(t *testing.T, file string) *archive {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return testio.ParseArchive(data)
}

// writeSite writes the archive's input files (not those under want/ or
// named "errors") into dir.
func writeSite(t *testing.T, a *archive, dir string) {
	t.Helper()
	for name, body := range a.Files {
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
			writeSite(t, a, dir)
			fn(t, file, a, dir, filepath.Join(dir, "public"))
		})
	}
}
