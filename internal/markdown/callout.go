package markdown

import (
	"sort"
	"strings"
)

// Callout is one kind of callout box: a note, a tip, a warning. The same
// box comes from a GitHub-style alert in Markdown (> [!NOTE]) and from the
// callout shortcodes of the default theme (notice, hint, alert, callout,
// admonition), so that content written for GitHub, Hugo Learn, Hugo Book,
// Docsy or LoveIt looks the same in mutual.
//
// The markup, which the default theme's css/callouts.css styles:
//
//	<div class="callout callout-KIND" role="note">
//	<p class="callout-title">TITLE</p>
//	<div class="callout-body">
//	...
//	</div>
//	</div>
//
// A foldable callout is a <details class="callout callout-KIND"> with a
// <summary class="callout-title"> instead of the div and the p.
type Callout struct {
	// Kind is one of CalloutKinds: the class callout-KIND and so the
	// colour and icon of the box.
	Kind string
	// Title is the title the box shows when the writer gives none.
	Title string
}

// CalloutKinds are the kinds of box the theme styles, from the quietest.
var CalloutKinds = []string{"note", "info", "tip", "important", "warning", "danger"}

// callouts maps every name a writer may use for a callout, lowercase, to
// its box. The names come from GitHub's alerts (note, tip, important,
// warning, caution), Hugo Learn and Relearn's notice styles, Hugo Book's and
// Geekdoc's hint types, Docsy's alert colours, Hextra's callout types and
// the admonition types of LoveIt, DoIt and Obsidian.
var callouts = map[string]Callout{
	// The five of GitHub, and the plain names.
	"note":      {"note", "Note"},
	"tip":       {"tip", "Tip"},
	"important": {"important", "Important"},
	"warning":   {"warning", "Warning"},
	"caution":   {"danger", "Caution"}, // GitHub draws CAUTION red
	"info":      {"info", "Info"},
	"danger":    {"danger", "Danger"},

	// Other names for the same boxes.
	"hint":      {"tip", "Hint"},
	"warn":      {"warning", "Warning"},
	"attention": {"warning", "Attention"},
	"error":     {"danger", "Error"},
	"bug":       {"danger", "Bug"},
	"failure":   {"danger", "Failure"},
	"fail":      {"danger", "Failure"},
	"missing":   {"danger", "Missing"},
	"success":   {"tip", "Success"},
	"check":     {"tip", "Success"},
	"done":      {"tip", "Done"},
	"question":  {"info", "Question"},
	"help":      {"info", "Help"},
	"faq":       {"info", "Question"},
	"todo":      {"info", "To do"},
	"abstract":  {"note", "Abstract"},
	"summary":   {"note", "Summary"},
	"tldr":      {"note", "Summary"},
	"example":   {"note", "Example"},
	"quote":     {"note", "Quote"},
	"cite":      {"note", "Quote"},

	// Colour names of Docsy (alert color=) and Relearn (notice style=):
	// the theme's quiet box, or the box of that colour.
	"primary":     {"note", "Note"},
	"secondary":   {"note", "Note"},
	"accent":      {"note", "Note"},
	"default":     {"note", "Note"},
	"light":       {"note", "Note"},
	"dark":        {"note", "Note"},
	"transparent": {"note", "Note"},
	"grey":        {"note", "Note"},
	"gray":        {"note", "Note"},
	"blue":        {"info", "Info"},
	"green":       {"tip", "Tip"},
	"orange":      {"warning", "Warning"},
	"red":         {"danger", "Danger"},
}

// LookupCallout returns the box for a callout name, ignoring case and
// surrounding spaces.
func LookupCallout(name string) (Callout, bool) {
	c, ok := callouts[strings.ToLower(strings.TrimSpace(name))]
	return c, ok
}

// CalloutNames returns every name LookupCallout knows, sorted: the
// candidates of a "did you mean" hint.
func CalloutNames() []string {
	names := make([]string, 0, len(callouts))
	for n := range callouts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
