package scorer

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"
)

// budget is issue 3's limit: the scorer may be at most 1.10 times the size
// of a minimal program that registers one function via syscall/js, built the
// same way with the same toolchain.
const budget = 1.10

// TestSizeBudget builds cmd/scorer and testdata/minimal in this run and
// compares their sizes. It guards against fmt, encoding/json or reflect
// creeping into the WebAssembly build (together about +1.3 MB).
func TestSizeBudget(t *testing.T) {
	scorer := size(t, buildWasm(t, "../../cmd/scorer"))
	minimal := size(t, buildWasm(t, "./testdata/minimal"))
	ratio := float64(scorer.raw) / float64(minimal.raw)
	t.Logf("scorer.wasm  %8d bytes raw, %7d gzip", scorer.raw, scorer.gzip)
	t.Logf("minimal.wasm %8d bytes raw, %7d gzip", minimal.raw, minimal.gzip)
	t.Logf("ratio %.4f (budget %.2f)", ratio, budget)
	if ratio > budget {
		t.Errorf("scorer.wasm is %d bytes, %.4f × the minimal program's %d: over the %.2f budget",
			scorer.raw, ratio, minimal.raw, budget)
	}
}

type sizes struct{ raw, gzip int }

func size(t *testing.T, path string) sizes {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return sizes{len(b), buf.Len()}
}
