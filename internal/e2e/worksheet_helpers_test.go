//go:build browser

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/domdebugger"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/score"
	"mutual/internal/site"
	"mutual/internal/worksheet"
)

// The worksheet tests need what the browser's tab does not see: the
// scorer runs in a Web Worker, whose requests (wasm_exec.js, the .wasm)
// are the worker's own, not the page's. So these tests serve the built
// site themselves and log every request the server gets, which covers the
// page and its worker alike, and can refuse the .wasm.

// wsServer serves one or more builds of a site on one origin.
type wsServer struct {
	srv   *httptest.Server
	mu    sync.Mutex
	log   []string            // request paths, in order
	block func(p string) bool // requests to refuse with 503
	slow  func(p string) bool // requests to answer two seconds late
	cache bool                // let the browser keep pages (no "no-store")
	outs  map[string]string   // prefix -> output folder
}

// newWSServer starts a server; add builds with build.
func newWSServer(t *testing.T) *wsServer {
	t.Helper()
	s := &wsServer{outs: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, r.URL.Path)
		block, slow, cache := s.block, s.slow, s.cache
		var prefix string
		for p := range s.outs {
			if strings.HasPrefix(r.URL.Path, p) && len(p) > len(prefix) {
				prefix = p
			}
		}
		out := s.outs[prefix]
		s.mu.Unlock()
		if block != nil && block(r.URL.Path) {
			http.Error(w, "refused by the test", http.StatusServiceUnavailable)
			return
		}
		if out == "" {
			http.NotFound(w, r)
			return
		}
		if slow != nil && slow(r.URL.Path) {
			time.Sleep(2 * time.Second) // long enough for a test to act meanwhile, on a busy machine
		}
		// Builds a second apart share a Last-Modified second: never let
		// the browser keep a page from the previous build (unless the test
		// wants the back/forward cache, which skips no-store pages).
		if !cache {
			w.Header().Set("Cache-Control", "no-store")
		}
		http.StripPrefix(strings.TrimSuffix(prefix, "/"), files(out)).ServeHTTP(w, r)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	browsertest.ForgetOrigin(t, s.srv.URL)
	return s
}

// build builds the site in dir for the base path prefix ("/", "/a/") of
// this server into out (a new folder when out is ""), and returns out.
func (s *wsServer) build(t *testing.T, dir, prefix, out string) string {
	t.Helper()
	if out == "" {
		out = filepath.Join(t.TempDir(), "public")
	}
	if _, err := site.New(site.Options{Dir: dir, Out: out, BaseURL: s.srv.URL + prefix}).Build(); err != nil {
		t.Fatalf("building %s for %s: %v", dir, prefix, err)
	}
	s.mu.Lock()
	s.outs[prefix] = out
	s.mu.Unlock()
	return out
}

// URL is the address of a path under prefix.
func (s *wsServer) URL(prefix, p string) string {
	return s.srv.URL + prefix + strings.TrimPrefix(p, "/")
}

// requests returns the paths requested since the last forget.
func (s *wsServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

func (s *wsServer) forget() {
	s.mu.Lock()
	s.log = nil
	s.mu.Unlock()
}

func (s *wsServer) refuse(f func(p string) bool) {
	s.mu.Lock()
	s.block = f
	s.mu.Unlock()
}

// keepPages lets the browser keep the pages (and so put them in its
// back/forward cache).
func (s *wsServer) keepPages() {
	s.mu.Lock()
	s.cache = true
	s.mu.Unlock()
}

// delay makes the server answer the requests f picks two seconds late.
func (s *wsServer) delay(f func(p string) bool) {
	s.mu.Lock()
	s.slow = f
	s.mu.Unlock()
}

// minimalSite writes a site folder with site.yaml and the given worksheets
// (file name -> YAML) and returns it.
func minimalSite(t *testing.T, sheets map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.yaml": "title: Test site\nbaseURL: https://example.org/\nhelp: Call someone you trust.\n",
		"content/_index.md": "---\ntitle: Home\n---\nHome.\n",
	}
	for name, src := range sheets {
		files["content/worksheets/"+name] = src
	}
	for name, src := range files {
		writeFile(t, filepath.Join(dir, name), src)
	}
	return dir
}

func writeFile(t *testing.T, name, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sheet is what a person has done to a worksheet page, kept the way the
// page and package score each see it.
type sheet struct {
	w       *worksheet.Worksheet
	a       score.Answers   // what score.Compute gets
	checked map[string]bool // "name=value" of every checked radio and box
}

func newSheet(w *worksheet.Worksheet) *sheet {
	return &sheet{w: w, a: score.Answers{}, checked: map[string]bool{}}
}

// pick records choosing value ("3", "na") in the radio group name.
func (s *sheet) pick(name, value string) {
	for k := range s.checked {
		if strings.HasPrefix(k, name+"=") {
			delete(s.checked, k)
		}
	}
	s.checked[name+"="+value] = true
	if value == "na" {
		s.a[name] = score.NA
		return
	}
	v, err := strconv.Atoi(value)
	if err != nil {
		panic(err)
	}
	s.a[name] = v
}

// tick records ticking (on) or clearing the box opt of checklist list,
// with "None of these" clearing the others and the other way round.
func (s *sheet) tick(list, opt string, on bool) {
	key := list + "=" + opt
	if !on {
		delete(s.checked, key)
	} else {
		s.checked[key] = true
		for k := range s.checked {
			if strings.HasPrefix(k, list+"=") && k != key && (opt == worksheet.NoneOption || k == list+"="+worksheet.NoneOption) {
				delete(s.checked, k)
			}
		}
	}
	// The answers follow from the boxes, as the page sends them.
	for k := range s.a {
		if k == list || strings.HasPrefix(k, list+".") {
			delete(s.a, k)
		}
	}
	for k := range s.checked {
		if o, ok := strings.CutPrefix(k, list+"="); ok {
			s.a[list] = 1
			if o != worksheet.NoneOption {
				s.a[worksheet.CheckKey(list, o)] = 1
			}
		}
	}
}

func (s *sheet) checkedList() []string {
	var out []string
	for k := range s.checked {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// shown is what the results of a worksheet page show, read through the
// contract (data-result, data-area, names and values).
type shown struct {
	Progress, Give, Receive, Balance, Lean string
	Band                                   string // visible text of [data-result=band]
	Gap                                    string // visible text of [data-result=gap], "" when hidden
	Alert                                  bool   // [data-result=alert] present and visible
	Areas                                  map[string]map[string]string
	Checked                                []string          // "name=value" of checked radios and boxes, sorted
	Texts                                  map[string]string // non-empty textareas by name
	Scoring                                string            // data-scoring of the results
	Status                                 string            // the results' status line
}

const shownJS = `(() => {
	const txt = el => el ? el.textContent.trim() : "(missing)";
	const summary = name => {
		const els = [...document.querySelectorAll('[data-results] [data-result="' + name + '"]')].filter(e => !e.closest("[data-area]"));
		return els.length === 1 ? txt(els[0]) : "(" + els.length + " elements)";
	};
	const vis = el => !!el && el.checkVisibility();
	const areas = {};
	for (const a of document.querySelectorAll("[data-results] [data-area]")) {
		const cell = k => { const e = a.querySelector('[data-result="' + k + '"]'); return e ? txt(e) : "(missing)"; };
		areas[a.getAttribute("data-area")] = {give: cell("give"), receive: cell("receive"), balance: cell("balance"), lean: cell("lean")};
	}
	const band = document.querySelector('[data-result="band"]');
	const gap = document.querySelector('[data-result="gap"]');
	const texts = {};
	for (const ta of document.querySelectorAll("textarea")) if (ta.value) texts[ta.name] = ta.value;
	const results = document.querySelector("[data-results]");
	const status = document.querySelector("[data-status]");
	return {
		Progress: summary("progress"), Give: summary("give"), Receive: summary("receive"), Balance: summary("balance"), Lean: summary("lean"),
		Band: band ? band.innerText : "(missing)",
		Gap: vis(gap) ? gap.innerText : "",
		Alert: vis(document.querySelector('[data-result="alert"]')),
		Areas: areas,
		Checked: [...document.querySelectorAll("form input:checked")].map(i => i.name + "=" + i.value).sort(),
		Texts: texts,
		Scoring: results ? results.getAttribute("data-scoring") || "" : "",
		Status: status ? status.textContent : "",
	};
})()`

// showScore is how a page shows a score: its number (a negative one with a
// minus sign, U+2212), or an em dash.
func showScore(s score.Score) string {
	switch {
	case !s.Valid:
		return "—"
	case s.Value < 0:
		return "−" + strconv.Itoa(-s.Value)
	}
	return strconv.Itoa(s.Value)
}

// waitScored waits until the results show the scorer's answer to the last
// change (the page marks them aria-busy while it waits).
func waitScored(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	tab.Poll("the results", `(r => !r || r.getAttribute("data-scoring") !== "ready" || !r.hasAttribute("aria-busy"))(document.querySelector("[data-results]"))`, 10*time.Second)
}

// checkShown compares what the page shows with what package score computes
// for the same answers, once the page has scored the last change.
func checkShown(t *testing.T, tab *browsertest.Tab, s *sheet, when string) shown {
	t.Helper()
	waitScored(t, tab)
	got := browsertest.Eval[shown](tab, shownJS)
	r := score.Compute(s.w.Model(), s.a)
	want := map[string][2]string{
		"progress": {got.Progress, strconv.Itoa(r.Answered) + " of " + strconv.Itoa(r.Total)},
		"give":     {got.Give, showScore(r.Give)},
		"receive":  {got.Receive, showScore(r.Receive)},
		"balance":  {got.Balance, showScore(r.Balance)},
		"lean":     {got.Lean, showScore(r.Lean)},
	}
	for _, a := range r.Areas {
		g := got.Areas[a.ID]
		for k, sc := range map[string]score.Score{"give": a.Give, "receive": a.Receive, "balance": a.Balance, "lean": a.Lean} {
			want["area "+a.ID+" "+k] = [2]string{g[k], showScore(sc)}
		}
	}
	if len(got.Areas) != len(r.Areas) && len(got.Areas) > 0 {
		t.Errorf("%s: the page shows areas %v, the worksheet has %d", when, got.Areas, len(r.Areas))
	}
	for k, v := range want {
		// A worksheet without some score has no element for it: that is
		// fine when it would be empty.
		if v[0] != v[1] && !(v[1] == "—" && (v[0] == "(0 elements)" || v[0] == "(missing)")) {
			t.Errorf("%s: [data-result] %s shows %q, score.Compute gives %q", when, k, v[0], v[1])
		}
	}
	for i, b := range s.w.Results {
		has := strings.Contains(got.Band, b.Title)
		if i == r.Band && !has {
			t.Errorf("%s: band %q not shown; [data-result=band] reads %q", when, b.Title, got.Band)
		}
		if i != r.Band && has {
			t.Errorf("%s: band %q shown, want band %d; [data-result=band] reads %q", when, b.Title, r.Band, got.Band)
		}
	}
	switch {
	case r.Gap < 0 && got.Gap != "":
		t.Errorf("%s: [data-result=gap] shows %q, but no area has a balance", when, got.Gap)
	case r.Gap >= 0 && r.Areas[r.Gap].Balance.Value != 0 && !strings.Contains(got.Gap, s.w.Areas[r.Gap].Label):
		t.Errorf("%s: [data-result=gap] shows %q, want the area %q", when, got.Gap, s.w.Areas[r.Gap].Label)
	}
	if got.Alert != r.Alert {
		t.Errorf("%s: [data-result=alert] visible = %v, score.Compute says alert = %v", when, got.Alert, r.Alert)
	}
	if want := s.checkedList(); !slices.Equal(got.Checked, want) && !(len(got.Checked) == 0 && len(want) == 0) {
		t.Errorf("%s: checked inputs %v, want %v", when, got.Checked, want)
	}
	return got
}

// clickLabel clicks the label around the input matching sel, as a person
// does. (Radios carry no id: the label around each names it.)
func clickLabel(t *testing.T, tab *browsertest.Tab, sel string) {
	t.Helper()
	if !browsertest.Eval[bool](tab, `!!document.querySelector(`+strconv.Quote(sel)+`)`) {
		t.Fatalf("no input %s", sel)
	}
	click(t, tab, `label:has(> `+sel+`)`)
}

// click scrolls the element matching sel to the middle of the screen at
// once, waits until it stands still where the pointer will land, then
// presses and releases the mouse on it, as a person does, and makes sure
// the element got the click.
//
// The theme scrolls smoothly, and a page under load (CI runs every
// browser test at once on two cores) may still be moving when the mouse
// goes down: a scroll that focusing started (typing into a reflection),
// or a frame that lays the page out late. Pressed in one place and let go
// in another, the browser sends no click at all. So the element must be
// in the same place, and topmost at its middle, in two frames in a row
// before the press, and a click that went astray (the page moved between
// press and release) is tried again, at most twice, with what it hit in
// the test's log; if none lands the test fails, saying where each went.
// (Not for links: it looks for the click on the page it pressed.)
func click(t *testing.T, tab *browsertest.Tab, sel string) {
	t.Helper()
	settle(t, tab)
	q := strconv.Quote(sel)
	var missed []string
	for attempt := 0; attempt < 3; attempt++ {
		at := browsertest.Eval[clickPoint](tab, `(async sel => {
			const el = document.querySelector(sel);
			if (!el) return {found: false};
			const frame = () => new Promise(r => requestAnimationFrame(() => r()));
			let last = "", hit = null;
			for (let i = 0; i < 200; i++) {
				let r = el.getBoundingClientRect();
				if (i === 0 || r.top < 0 || r.bottom > innerHeight || !hit || !el.contains(hit)) {
					// not yet, or no longer, in the middle of the screen
					el.scrollIntoView({block: "center", behavior: "instant"});
				}
				await frame();
				r = el.getBoundingClientRect();
				const x = r.left + r.width / 2, y = r.top + r.height / 2;
				hit = document.elementFromPoint(x, y);
				const now = [r.left, r.top, r.width, r.height, scrollX, scrollY].join();
				if (now === last && hit && el.contains(hit)) {
					if (window.__clickWatch) window.__clickWatch.abort();
					window.__clickWatch = new AbortController();
					window.__clickLog = [];
					for (const type of ["mousedown", "mouseup", "click"]) {
						addEventListener(type, e => {
							if (e.isTrusted) window.__clickLog.push(type + " " + (el.contains(e.target) ? "on it" : "on " + (e.target.outerHTML || e.target.nodeName).slice(0, 80)));
						}, {capture: true, signal: window.__clickWatch.signal});
					}
					return {found: true, x, y};
				}
				last = now;
			}
			const r = el.getBoundingClientRect();
			return {found: true, moving: true, x: r.left + r.width / 2, y: r.top + r.height / 2};
		})(`+q+`)`)
		if !at.Found {
			t.Fatalf("nothing matches %s", sel)
		}
		if at.Moving {
			t.Fatalf("%s never stood still, or something covers its middle (%.0f, %.0f)", sel, at.X, at.Y)
		}
		tab.Do(chromedp.MouseClickXY(at.X, at.Y))
		log := browsertest.Eval[[]string](tab, `window.__clickLog || []`)
		if slices.Contains(log, "click on it") {
			return
		}
		missed = append(missed, strings.Join(log, ", "))
		t.Logf("the click on %s went astray (%s); trying again", sel, missed[len(missed)-1])
	}
	t.Fatalf("no click reached %s in three tries: %q", sel, missed)
}

// clickPoint is where click presses: the middle of the element, or why
// it could not.
type clickPoint struct {
	Found, Moving bool
	X, Y          float64
}

// answer clicks the label of the radio named name with value v and
// records it.
func answer(t *testing.T, tab *browsertest.Tab, s *sheet, name, v string) {
	t.Helper()
	sel := `input[type=radio][name="` + name + `"][value="` + v + `"]`
	clickLabel(t, tab, sel)
	if !browsertest.Eval[bool](tab, `document.querySelector(`+strconv.Quote(sel)+`).checked`) {
		t.Fatalf("clicking the label of %s=%s did not check it", name, v)
	}
	if s != nil {
		s.pick(name, v)
	}
}

// tick clicks the label of a checklist's box and records it.
func tick(t *testing.T, tab *browsertest.Tab, s *sheet, list, opt string) {
	t.Helper()
	sel := `input[type=checkbox][name="` + list + `"][value="` + opt + `"]`
	clickLabel(t, tab, sel)
	on := browsertest.Eval[bool](tab, `document.querySelector(`+strconv.Quote(sel)+`).checked`)
	if s != nil {
		s.tick(list, opt, on)
	}
}

// waitScorer waits until the page has loaded its scorer (or given up on it).
func waitScorer(t *testing.T, tab *browsertest.Tab, want string) {
	t.Helper()
	tab.Poll("scoring "+want, `(document.querySelector("[data-results]") || {getAttribute() {}}).getAttribute("data-scoring") === "`+want+`"`, 15*time.Second)
}

// initScript runs src in every page the tab opens from now on, before the
// page's own scripts (outside the page's CSP).
func initScript(t *testing.T, tab *browsertest.Tab, src string) {
	t.Helper()
	if _, err := chromedp.Call(tab.Context(), cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// waitListener waits until the element matching sel has a listener for
// events of type typ, as the browser's developer tools list them: the
// script that handles them has run. (A worksheet's parts start a task or
// more after their modules arrive, and later still on a busy machine; a
// button pressed before does nothing.)
func waitListener(t *testing.T, tab *browsertest.Tab, sel, typ string) {
	t.Helper()
	var seen []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(25 * time.Millisecond) {
		seen = seen[:0]
		el, err := chromedp.Call(tab.Context(), cdpruntime.Evaluate, cdpruntime.EvaluateParams{Expression: "document.querySelector(" + strconv.Quote(sel) + ")", ObjectGroup: "waitListener"})
		if err == nil && el.Result != nil && el.Result.ObjectID != "" {
			ls, err := chromedp.Call(tab.Context(), domdebugger.GetEventListeners, domdebugger.GetEventListenersParams{ObjectID: el.Result.ObjectID})
			if err == nil {
				for _, l := range ls.Listeners {
					seen = append(seen, l.Type)
				}
			}
		}
		chromedp.Call(tab.Context(), cdpruntime.ReleaseObjectGroup, cdpruntime.ReleaseObjectGroupParams{ObjectGroup: "waitListener"})
		if slices.Contains(seen, typ) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s has no %s listener after 10 s (listeners: %q; error: %v)", sel, typ, seen, err)
		}
	}
}

// pageRequests returns the requests the tab recorded, without the page's
// icon: the browser fetches it by itself some time after the load, which
// is part of loading the page, not something filling it in does.
func pageRequests(tab *browsertest.Tab) []browsertest.Request {
	icon := browsertest.Eval[string](tab, `(document.querySelector("link[rel~=icon]") || {}).href || ""`)
	var out []browsertest.Request
	for _, r := range tab.Requests() {
		if r.URL != icon {
			out = append(out, r)
		}
	}
	return out
}

// serverRequests is what the server got, the icon aside (see pageRequests).
func serverRequests(s *wsServer) []string {
	return slices.DeleteFunc(s.requests(), func(p string) bool { return strings.HasSuffix(p, ".svg") })
}

// clearAnswers clicks "Clear my answers" and waits until the page offers
// to undo it.
func clearAnswers(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	click(t, tab, `[data-action="clear"]`)
	deadline := time.Now().Add(5 * time.Second)
	for !browsertest.Eval[bool](tab, `document.querySelector("[data-cleared]").checkVisibility()`) {
		if time.Now().After(deadline) {
			t.Fatalf("no Undo after clicking Clear: active %s, checked %d, scroll %v, problems %v", browsertest.Eval[string](tab, `document.activeElement.outerHTML.slice(0, 100)`),
				browsertest.Eval[int](tab, `document.querySelectorAll("input:checked").length`), browsertest.Eval[float64](tab, `scrollY`), tab.Problems())
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// undoClear presses Enter on the focused Undo button and waits until the
// page no longer offers it.
func undoClear(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	if f := browsertest.Eval[string](tab, `document.activeElement.getAttribute("data-action") || document.activeElement.tagName`); f != "undo" {
		t.Fatalf("the focus is on %s, not on the Undo button", f)
	}
	tab.Key(kb.Enter)
	tab.Poll("the clearing undone", `!document.querySelector("[data-cleared]").checkVisibility()`, 5*time.Second)
}
