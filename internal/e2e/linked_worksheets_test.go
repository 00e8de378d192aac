//go:build browser

package e2e

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// TestLinkedWorksheets: a guide of the shipped site lists, after its text,
// the worksheets that send readers to it, the one most about its subject
// first, in the guide's language; a reader follows the first to its
// worksheet, ready to fill in.
func TestLinkedWorksheets(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Viewport(1280, 900)
	for _, tt := range []struct {
		guide, heading, first, firstPath string
	}{
		{"guides/receiving/", "Worksheets on this subject", "Am I open to receiving?", "/worksheets/open-to-receiving/"},
		{"es/guides/receiving/", "Fichas de trabajo sobre este tema", "¿Estoy abierto a recibir?", "/es/worksheets/open-to-receiving/"},
	} {
		if status := tab.Navigate(s.URL(tt.guide)); status != http.StatusOK {
			t.Fatalf("/%s answers %d", tt.guide, status)
		}
		type aside struct {
			Heading, First, FirstPath string
			Count                     int
		}
		got := browsertest.Eval[aside](tab, `(() => {
			const a = document.querySelector("aside.linked-worksheets");
			if (!a) return {};
			const first = a.querySelector(".entry-title a");
			return {heading: document.getElementById(a.getAttribute("aria-labelledby")).textContent,
				first: first.textContent, firstPath: new URL(first.href).pathname,
				count: a.querySelectorAll(".entry-worksheet").length};
		})()`)
		if got.Heading != tt.heading || got.FirstPath != tt.firstPath || got.First != tt.first || got.Count < 2 {
			t.Errorf("/%s: the worksheets after the text: %+v, want %q first under %q, and others", tt.guide, got, tt.firstPath, tt.heading)
			continue
		}
		// Between the guide's text and its previous and next links, in
		// the wide layout beside a table of contents too.
		order := browsertest.Eval[string](tab, `(() => {
			const y = s => document.querySelector(s).getBoundingClientRect();
			const text = y(".page .prose"), sheets = y("aside.linked-worksheets"), pager = y(".page .pager");
			return text.bottom <= sheets.top && sheets.bottom <= pager.top ? "in order" : JSON.stringify({text, sheets, pager});
		})()`)
		if order != "in order" {
			t.Errorf("/%s: the worksheets are not between the text and the pager: %s", tt.guide, order)
		}
		tab.Do(chromedp.Click(chromedp.CSS(`aside.linked-worksheets .entry-title a`)))
		tab.Poll("the worksheet "+tt.firstPath, `location.pathname === `+strconv.Quote(tt.firstPath)+
			` && document.querySelector("[data-results]") !== null && document.querySelector("[data-results]").getAttribute("data-scoring") === "ready"`, 15*time.Second)
		checkTraffic(t, tab, s, tt.firstPath, "")
		checkProblems(t, tab, tt.firstPath, nil)
		tab.Forget()
	}
}
