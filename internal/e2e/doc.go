// Package e2e holds the end-to-end tests of mutual: the shipped site (the
// repository root) is built with package site, served from a local test
// server and driven in Debian's headless chromium through package
// browsertest.
//
// The tests check what only a browser shows. Every page kind (home, section,
// guide, tag, worksheet, 404) loads without console errors, exceptions or
// Content Security Policy violations and without a request outside the site;
// it is light in the light scheme and dark in the dark one, with readable
// text; it fits a 320 px wide screen without sideways scrolling; and the
// first Tab focuses a visible skip link. The same holds for a site built for
// a sub-path (https://example.org/help/). On a worksheet, answers given by
// clicking labels (radios, "does not apply", checklist boxes and their
// "None of these", lean questions on scales with unlabeled middle points)
// produce exactly the numbers that package score computes natively, are
// restored after a reload and erased by "Clear my answers", which Undo
// takes back, with no request of any kind while a person fills it in (the
// tests serve the site themselves and log every request, the scorer's
// Web Worker included); the keyboard alone can answer, checklists and
// lean questions included; without WebAssembly, or with a model the
// scorer refuses, the form still works and says that scoring is
// unavailable. Saved answers survive a changed worksheet question by
// question, stay apart for two sites on one origin, and bad or missing
// storage never stops the page. Two people, each in a browser context of
// their own, compare through a link: the second sees exactly the
// comparison package score computes, their link back shows the first the
// same from the other side, tampered links get their sentence, kept
// comparisons survive a reload and go with "Clear my answers" (and come
// back with Undo), and no request is made after a page has loaded.
// Results saved on simulated days show in the chart's table, open
// read-only and can be deleted; "Save to a file" writes the format package
// worksheet reads, and opening the file after clearing, or in another
// browser, brings everything back, while other files are refused. On a
// 375 px phone "Give and take" stays
// within its height target, short scales are one row of choices, and the
// progress bar never covers the focused question. Printed, pages are dark
// on light paper even from a dark-mode system, and a blank worksheet is a
// clean handout. Printed to PDF on A4 and Letter (read back with
// poppler's pdftotext), no guide or worksheet leaves a heading at the foot
// of a sheet, a worksheet carries its date line (blank, or today's date
// once answered, in English, German and French), and a code line longer
// than the page wraps rather than shrinking the page.
//
// A section's list cut into pages (paginate) passes the same page checks
// on each of its pages, and a reader goes through it with the keyboard
// and the pager's links, each page showing its part of the list and which
// page it is (TestPaginatedList).
//
// A guide lists the worksheets that send readers to it, in its language,
// and a reader follows one to its worksheet (TestLinkedWorksheets).
//
// A page with a script dropped into content/ reads the answers a reader
// saved on a worksheet of the same site when the site trusts its HTML, and
// is refused by the build otherwise, while a clean SVG image needs no trust
// (TestHostileContentCannotReadAnswers).
//
// Each check is itself tested on pages made to fail it (TestChecksCatch).
// The tests share one chromium (browsertest.Main) and run in parallel tabs.
//
// The worksheet pages need the WebAssembly scorer (`make wasm`); `make test`
// builds it first. Without chromium the tests skip, except under CI=true.
// MUTUAL_SCREENSHOTS=dir saves a screenshot of every page at 320 and
// 1280 px, light and dark.
package e2e
