//go:build browser

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// TestPaginatedListLive: while serving, a reader on the third page of a
// list cut into pages sees it go when the list is whole again (the page
// reloads to "Page not found", which links to the guides; no stale copy
// of the page is left in the output) and come back when the list is cut
// again, without reloading by hand.
func TestPaginatedListLive(t *testing.T) {
	t.Parallel()
	dir, base, s, _ := liveSite(t)
	for _, name := range []string{"second", "third"} {
		if err := os.WriteFile(filepath.Join(dir, "content", "guides", name+".md"), []byte("---\ntitle: "+name+"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	config := filepath.Join(dir, "content", "site.yaml")
	edit(t, config, "\ntrustHTML: false\n", "\ntrustHTML: false\npaginate: 1\n")
	tab := browsertest.New(t)
	for deadline := time.Now().Add(10 * time.Second); tab.Navigate(base+"guides/page/3/") != 200; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("guides/page/3/ never answers 200 after paginate: 1")
		}
	}
	const third = `document.readyState === "complete" && document.querySelector(".pagination-status")?.textContent === "Page 3 of 3"`
	tab.Poll("the list's third page", third, 10*time.Second)
	waitClients(t, s, 1)

	edit(t, config, "\npaginate: 1\n", "\n")
	tab.Poll("the page gone", `document.readyState === "complete" && location.pathname === "/guides/page/3/" &&
		document.querySelector("h1")?.textContent === "Page not found" &&
		!!document.querySelector('.not-found-links a[href="/guides/"]')`, 10*time.Second)
	if _, err := os.Stat(filepath.Join(s.b.Out(), "guides", "page", "3", "index.html")); !os.IsNotExist(err) {
		t.Errorf("guides/page/3/index.html is left in the output: %v", err)
	}

	edit(t, config, "\ntrustHTML: false\n", "\ntrustHTML: false\npaginate: 1\n")
	tab.Poll("the page back", third, 10*time.Second)
	for _, p := range tab.Problems() {
		if !strings.Contains(p.Text, "status of 404") { // the page while it was gone
			t.Errorf("browser problem: %s", p)
		}
	}
}
