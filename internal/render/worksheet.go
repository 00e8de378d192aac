package render

import (
	"html/template"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/worksheet"
)

// WorksheetEnv is what a worksheet's view needs of the site.
type WorksheetEnv struct {
	Markdown *markdown.Markdown
	Resolver *content.Resolver
	Help     template.HTML // the site's help block, rendered: the safety notice
	// The URLs of the scorer, its loader and the worksheet script.
	WasmURL, WasmExecURL, ScriptURL string
	// Sheet is the worksheet to show, when not the source's own: a
	// translation with its original's fingerprints (content.Node.Worksheet).
	Sheet *worksheet.Worksheet
	// Text gives interface texts in the page's language (worksheet.Env.Text).
	Text func(key string) string
}

// Worksheet is the view of the worksheet s for its page: its Markdown
// texts rendered at their positions in the file and its links resolved.
// It returns the view (nil when there are errors), the links to headings
// it holds (for content.CheckAnchors), its errors and its warnings.
func Worksheet(s *content.Source, env WorksheetEnv) (*worksheet.View, []content.LinkRef, diag.List, diag.List) {
	var links []content.LinkRef
	var warns diag.List
	resolve := env.Resolver.Func(s.Rel, s.Path(), &links)
	sheet := env.Sheet
	if sheet == nil {
		sheet = s.Worksheet
	}
	view, errs := sheet.View(worksheet.Env{
		Markdown: func(src string, line, col, indent int) (template.HTML, diag.List) {
			buf := getBuffer()
			defer putBuffer(buf)
			r, err := env.Markdown.Render(buf, []byte(src), markdown.Context{Path: s.Path(), LineOffset: line - 1, ColOffset: col - 1, Indent: indent, Resolve: resolve, Origin: env.Resolver.Origin})
			errs := r.Errors
			if err != nil {
				errs.Add(s.Path(), line, col, "cannot render: %v", err)
			}
			warns = append(warns, r.Warnings...)
			return template.HTML(buf.String()), errs
		},
		Resolve: func(l worksheet.Link) (string, string, *diag.Error) {
			u, target, frag, msg := env.Resolver.Resolve(s.Rel, l.Dest)
			if msg != "" {
				return "", "", diag.Errorf(s.Path(), l.Line, l.Col, "%s", msg)
			}
			if frag != "" && target != nil {
				// A see link's heading is checked as a Markdown link's is.
				links = append(links, content.LinkRef{Path: s.Path(), Line: l.Line, Col: l.Col, Target: target.URL, Frag: frag})
			}
			title := l.Dest
			if target != nil {
				title = target.Title
			}
			return u, title, nil
		},
		Help:        env.Help,
		WasmURL:     env.WasmURL,
		WasmExecURL: env.WasmExecURL,
		ScriptURL:   env.ScriptURL,
		Text:        env.Text,
	})
	if len(errs) > 0 {
		view = nil
	}
	return view, links, errs, warns
}
