//go:build !browser

package browsertest

import (
	"os"
	"testing"
)

// TestBrowserTag stands in for the browser tests when they were not
// compiled: it says how to run them, and fails under CI=true, where a
// missing tag would otherwise pass every browser test by leaving it out.
func TestBrowserTag(t *testing.T) {
	const how = "the browser tests are compiled only with the build tag browser: go test -tags browser ./... (make test does)"
	if os.Getenv("CI") == "true" {
		t.Fatal(how)
	}
	t.Skip(how)
}
