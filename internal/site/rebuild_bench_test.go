package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"mutual/internal/benchcorpus"
)

// BenchmarkRebuild measures a rebuild after one page's body changed, on
// the generated 1,000-page corpus, with the Builder kept as serve keeps it:
// with search (the default) and with search: false.
func BenchmarkRebuild(b *testing.B) {
	b.Run("search", func(b *testing.B) { benchRebuild(b, true) })
	b.Run("nosearch", func(b *testing.B) { benchRebuild(b, false) })
}

func benchRebuild(b *testing.B, search bool) {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	if !search {
		cfg := filepath.Join(dir, "content", "site.yaml")
		src, err := os.ReadFile(cfg)
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(cfg, append(src, "search: false\n"...), 0o644)
	}
	bl := New(Options{Dir: dir, Out: filepath.Join(dir, "public"), Watch: true})
	if _, err := bl.Build(); err != nil {
		b.Fatal(err)
	}
	var page string
	filepath.Walk(filepath.Join(dir, "content", "guides"), func(p string, info os.FileInfo, err error) error {
		if page == "" && filepath.Ext(p) == ".md" && filepath.Base(p) != "_index.md" {
			page = p
		}
		return err
	})
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	i, changed := 0, 0
	c0 := processCPU() // on a shared machine, CPU time is the steadier figure
	for b.Loop() {
		i++
		os.WriteFile(page, fmt.Appendf(append([]byte(nil), orig...), "\nEdit %d.\n", i), 0o644)
		bl.Changed([]string{page}) // as mutual serve's watcher does
		st, err := bl.Build()
		if err != nil {
			b.Fatal(err)
		}
		if st.Rendered > 3 {
			b.Fatalf("rendered %d pages for one body edit", st.Rendered)
		}
		changed += len(st.Changed)
	}
	b.ReportMetric(float64(changed)/float64(b.N), "files-changed/op")
	b.ReportMetric(float64(processCPU()-c0)/1e6/float64(b.N), "cpu-ms/op")
}
