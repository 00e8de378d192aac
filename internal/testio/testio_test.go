package testio

import (
	"strings"
	"sync"
	"testing"
)

func TestBufferConcurrent(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				b.Write([]byte("x"))
				_ = b.String()
			}
		})
	}
	wg.Wait()
	if got := b.String(); got != strings.Repeat("x", 400) {
		t.Errorf("got %d bytes, want 400", len(got))
	}
}

func TestArchiveRoundTrip(t *testing.T) {
	for _, in := range []string{
		"",
		"a comment\n",
		"note\n-- a.md --\nbody\n-- want/x.html --\n<p>x</p>\n",
		"-- empty --\n-- b --\nno newline",
		"-- not a name\n-- -- \n",
	} {
		a := ParseArchive([]byte(in))
		again := ParseArchive(a.Format())
		if string(again.Format()) != string(a.Format()) || again.Comment != a.Comment || len(again.Order) != len(a.Order) {
			t.Errorf("%q: not stable: %q then %q", in, a.Format(), again.Format())
		}
	}
	a := ParseArchive([]byte("c\n-- x --\n1\n-- y --\n2\n"))
	if a.Comment != "c\n" || a.Files["x"] != "1\n" || a.Files["y"] != "2\n" || len(a.Order) != 2 || a.Order[1] != "y" {
		t.Errorf("parsed %+v", a)
	}
}
