package diag

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestIndexAgreesWithSuggest holds Index.Suggest to Suggest over sorted
// candidates: the same hint for every word, on paths shaped like a site's
// and on random short words.
func TestIndexAgreesWithSuggest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	paths := alikePaths(1000)
	paths = append(paths, "listening.md", "guides/Listening.md", "a.md", "ab", "été.pdf", "images/photo.JPG")
	words := []string{"listenin.md", "guides/s03/page-00063.md", "guides/s03/pgae-00063.md", "guides/s3/page-00063.md",
		"guides/s03/page-0063.md", "a", "b.md", "ete.pdf", "images/photo.jpg", "zzzzzzzzzzzzzzzzzzzzzzzzzz", ""}
	for range 400 {
		w := []rune(paths[r.IntN(len(paths))])
		for range r.IntN(4) {
			i := r.IntN(len(w) + 1)
			switch r.IntN(3) {
			case 0:
				w = slices.Insert(w, i, rune('a'+r.IntN(26)))
			case 1:
				if i < len(w) {
					w = slices.Delete(w, i, i+1)
				}
			case 2:
				if i+1 < len(w) {
					w[i], w[i+1] = w[i+1], w[i]
				}
			}
		}
		words = append(words, string(w))
	}
	for range 200 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteByte(byte('a' + r.IntN(4)))
		}
		words = append(words, b.String())
	}
	short := []string{"ab", "abc", "abcd", "ba", "cab", "dd", "a", "bcda"}
	for _, set := range [][]string{paths, short} {
		x := NewIndex(set)
		sorted := slices.Sorted(slices.Values(set))
		for _, w := range words {
			if got, want := x.Suggest(w), Suggest(w, sorted); got != want {
				t.Errorf("Suggest(%q): index %q, Suggest %q", w, got, want)
			}
		}
	}
}

// FuzzIndex compares Index.Suggest with Suggest on any word and candidates.
func FuzzIndex(f *testing.F) {
	f.Add("listenin.md", "listening.md\nlistening.txt\nasking.md")
	f.Add("ÉTÉ", "été\nete\nété.pdf")
	f.Fuzz(func(t *testing.T, word, cands string) {
		set := strings.Split(cands, "\n")
		if len(set) > 200 {
			return
		}
		sorted := slices.Compact(slices.Sorted(slices.Values(set)))
		if got, want := NewIndex(set).Suggest(word), Suggest(word, sorted); got != want {
			t.Fatalf("Suggest(%q): index %q, Suggest %q", word, got, want)
		}
	})
}

// BenchmarkIndex is the hints of 3,000 broken links among 1,000 pages.
func BenchmarkIndex(b *testing.B) {
	paths := alikePaths(1000)
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("guides/s%02d/missing-%05d.md", i%20, i))
	}
	for b.Loop() {
		x := NewIndex(paths)
		for _, w := range words {
			x.Suggest(w)
		}
	}
}

// TestIndexManyAlike: among 10,000 paths alike but for their numbers, more
// than MaxCompare candidates pass the filters for a link into a missing
// section or to a missing page; the ones compared (those sharing most of
// the word's pairs) still hold Suggest's hint.
func TestIndexManyAlike(t *testing.T) {
	paths := alikePaths(10000)
	x := NewIndex(paths)
	sorted := slices.Sorted(slices.Values(paths))
	for i := 0; i < 10000; i += 997 {
		for _, w := range []string{
			fmt.Sprintf("guides/s99/page-%05d.md", i),
			fmt.Sprintf("guides/s%02d/page-%05d-missing.md", i%20, i),
			fmt.Sprintf("guides/s%02d/pgae-%05d.md", i%20, i),
			fmt.Sprintf("guides/s%02d/page-%05d.md", (i+1)%20, i),
		} {
			if got, want := x.Suggest(w), Suggest(w, sorted); got != want {
				t.Errorf("Suggest(%q): index %q, Suggest %q", w, got, want)
			}
		}
	}
}

// BenchmarkIndexAlike is the hints of 1,000 links into a missing section
// among 10,000 pages (the bench's error path has 10,000).
func BenchmarkIndexAlike(b *testing.B) {
	paths := alikePaths(10000)
	var words []string
	for i := range 1000 {
		words = append(words, fmt.Sprintf("guides/s99/page-%05d.md", i*10))
	}
	x := NewIndex(paths)
	for b.Loop() {
		for _, w := range words {
			x.Suggest(w)
		}
	}
}

// alikePaths is n page paths alike but for their numbers, in 20 sections:
// guides/s07/page-00007.md.
func alikePaths(n int) []string {
	paths := make([]string, n)
	for i := range paths {
		paths[i] = fmt.Sprintf("guides/s%02d/page-%05d.md", i%20, i)
	}
	return paths
}
