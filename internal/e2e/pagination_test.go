//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/site"
)

// TestPaginatedList: a section of seven guides cut into pages of three
// (paginate: 3) on a site under /help/. Each page of the list passes every
// page check (light and dark, 320 px, contrast, no outside request); a
// reader goes from the first page to the next with the keyboard alone, to
// the last by its number and back by "Previous page", seeing each page's
// part of the list, which page it is in the title and the pager, and a
// visible focus on the pager's links; printed, a page keeps "Page 2 of 3"
// and leaves the links out.
func TestPaginatedList(t *testing.T) {
	t.Parallel()
	src := map[string]string{
		"content/site.yaml":        "title: Lists\nbaseURL: https://example.org/help/\npaginate: 3\n",
		"content/guides/_index.md": "---\ntitle: Guides\n---\nEvery guide, in order.\n",
	}
	for i := 1; i <= 7; i++ {
		src[fmt.Sprintf("content/guides/g%d.md", i)] = fmt.Sprintf("---\ntitle: Guide %d\nweight: %d\n---\nText %d.\n", i, i, i)
	}
	dir := writeSite(t, src)
	out := filepath.Join(dir, "public")
	mux := http.NewServeMux()
	mux.Handle("/help/", http.StripPrefix("/help", files(out)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	browsertest.ForgetOrigin(t, srv.URL)
	s := &served{Base: srv.URL + "/help/", Out: out}
	if _, err := site.New(site.Options{Dir: dir, Out: out, BaseURL: s.Base}).Build(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []page{{"first page", "guides/", http.StatusOK}, {"second page", "guides/page/2/", http.StatusOK}, {"last page", "guides/page/3/", http.StatusOK}} {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			checkPage(t, s, p)
		})
	}

	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	// at checks that the tab shows page num of the list, with its entries.
	at := func(num int, entries ...string) {
		t.Helper()
		path := "/help/guides/"
		if num > 1 {
			path += "page/" + strconv.Itoa(num) + "/"
		}
		tab.Poll(fmt.Sprintf("page %d of the list", num), `location.pathname === `+strconv.Quote(path)+` && document.readyState === "complete"`, 10*time.Second)
		type state struct {
			Title, Status, Current string
			Entries                []string
			Intro, Prev, Next      bool
		}
		got := browsertest.Eval[state](tab, `(() => ({
			title: document.title,
			status: document.querySelector(".pagination-status").textContent,
			current: document.querySelector('.pagination-links [aria-current="page"]').textContent,
			entries: [...document.querySelectorAll(".entry-title a")].map(a => a.textContent),
			intro: !!document.querySelector(".section .prose"),
			prev: !!document.querySelector('.pagination-links a[rel="prev"]'),
			next: !!document.querySelector('.pagination-links a[rel="next"]'),
		}))()`)
		want := state{
			Title:   fmt.Sprintf("Guides · Page %d of 3 · Lists", num),
			Status:  fmt.Sprintf("Page %d of 3", num),
			Current: strconv.Itoa(num),
			Entries: entries,
			Intro:   num == 1,
			Prev:    num > 1,
			Next:    num < 3,
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("page %d shows\n%+v\nwant\n%+v", num, got, want)
		}
	}
	if status := tab.Navigate(s.URL("guides/")); status != http.StatusOK {
		t.Fatalf("/help/guides/ answers %d", status)
	}
	at(1, "Guide 1", "Guide 2", "Guide 3")
	// The keyboard alone: Tab until "Next page" has the focus, then Enter.
	for i := 0; i < 40; i++ {
		tab.Key(kb.Tab)
		if browsertest.Eval[bool](tab, `document.activeElement.matches('a[rel="next"]')`) {
			break
		}
	}
	focus := browsertest.Eval[string](tab, `(() => {
		const a = document.activeElement, st = getComputedStyle(a);
		return a.matches('a[rel="next"]') && a.matches(":focus-visible") ? st.outlineStyle + " " + st.outlineWidth : "not on Next page";
	})()`)
	if strings.HasPrefix(focus, "not") || strings.HasPrefix(focus, "none") || strings.HasSuffix(focus, " 0px") {
		t.Errorf("the focused Next page link shows no focus ring: %s", focus)
	}
	tab.Key(kb.Enter)
	at(2, "Guide 4", "Guide 5", "Guide 6")
	tab.Do(chromedp.Click(chromedp.CSS(`.pagination-links a[aria-label="Page 3"]`)))
	at(3, "Guide 7")
	tab.Do(chromedp.Click(chromedp.CSS(`.pagination-links a[rel="prev"]`)))
	at(2, "Guide 4", "Guide 5", "Guide 6")
	checkTraffic(t, tab, s, "the list's pages", "")
	checkProblems(t, tab, "the list's pages", nil)

	tab.Media("print")
	printed := browsertest.Eval[string](tab, `getComputedStyle(document.querySelector(".pagination-status")).display + " " +
		getComputedStyle(document.querySelector(".pagination-links")).display`)
	if printed != "block none" {
		t.Errorf("printed, the status and the links are displayed %q, want \"block none\"", printed)
	}
}

// TestPaginatedListDirection: the pager's arrows point where the pages
// are. Left to right, "← Previous page" is on the left and "Next page →"
// on the right; on an Arabic page (dir="rtl") the row runs the other way,
// so "Previous page" is on the right and its arrow points right, "Next
// page" on the left with its arrow pointing left.
func TestPaginatedListDirection(t *testing.T) {
	t.Parallel()
	src := map[string]string{
		"content/site.yaml":           "title: Lists\nbaseURL: https://example.org/\npaginate: 2\nlanguages:\n  - {code: en, name: English}\n  - {code: ar, name: العربية}\n",
		"content/guides/_index.md":    "---\ntitle: Guides\n---\n",
		"content/guides/_index.ar.md": "---\ntitle: أدلة\n---\n",
	}
	for i := 1; i <= 5; i++ {
		src[fmt.Sprintf("content/guides/g%d.md", i)] = fmt.Sprintf("---\ntitle: Guide %d\nweight: %d\n---\nText %d.\n", i, i, i)
		src[fmt.Sprintf("content/guides/g%d.ar.md", i)] = fmt.Sprintf("---\ntitle: دليل %d\nweight: %d\n---\nنص %d.\n", i, i, i)
	}
	dir := writeSite(t, src)
	s, err := serveBuilt(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	tests := []struct {
		path string
		want string // the arrows, then which link is further right
	}{
		{"guides/page/2/", `"← " " →" next on the right`},
		{"ar/guides/page/2/", `"→ " " ←" previous on the right`},
	}
	for _, tt := range tests {
		if status := tab.Navigate(s.URL(tt.path)); status != http.StatusOK {
			t.Fatalf("/%s answers %d", tt.path, status)
		}
		got := browsertest.Eval[string](tab, `(() => {
			const prev = document.querySelector('.pagination-links a[rel="prev"]'), next = document.querySelector('.pagination-links a[rel="next"]');
			const right = prev.getBoundingClientRect().left > next.getBoundingClientRect().left ? "previous" : "next";
			return getComputedStyle(prev, "::before").content.replace("\u00a0", " ") + " " +
				getComputedStyle(next, "::after").content.replace("\u00a0", " ") + " " + right + " on the right";
		})()`)
		if got != tt.want {
			t.Errorf("/%s: the pager's arrows and order are %s, want %s", tt.path, got, tt.want)
		}
	}
	// A guide's previous and next links turn the same way.
	for _, tt := range []struct{ path, want string }{
		{"guides/g3/", `"← " " →" next on the right`},
		{"ar/guides/g3/", `"→ " " ←" previous on the right`},
	} {
		if status := tab.Navigate(s.URL(tt.path)); status != http.StatusOK {
			t.Fatalf("/%s answers %d", tt.path, status)
		}
		got := browsertest.Eval[string](tab, `(() => {
			const prev = document.querySelector(".pager-prev"), next = document.querySelector(".pager-next");
			const right = prev.getBoundingClientRect().left > next.getBoundingClientRect().left ? "previous" : "next";
			return getComputedStyle(prev.querySelector(".pager-label"), "::before").content.replace("\u00a0", " ") + " " +
				getComputedStyle(next.querySelector(".pager-label"), "::after").content.replace("\u00a0", " ") + " " + right + " on the right";
		})()`)
		if got != tt.want {
			t.Errorf("/%s: the guide's previous and next arrows and order are %s, want %s", tt.path, got, tt.want)
		}
	}
}
