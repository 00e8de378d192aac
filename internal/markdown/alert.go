package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Alerts is the goldmark extension for GitHub-style alerts: a blockquote
// whose first line is [!NAME] becomes a callout box (see Callout for the
// markup), as on GitHub and in Hugo's blockquote render hook:
//
//	> [!WARNING]
//	> Keep a copy of your answers.
//
// The rules, in order:
//   - NAME is any name LookupCallout knows (note, tip, important, warning,
//     caution and the other themes' names), in any case. An unknown name
//     leaves an ordinary blockquote, since "[!something]" is also just text.
//   - The rest of the first line, if any, is the title (Markdown allowed);
//     without one the box shows the name's default title ("Warning").
//   - A "+" or "-" right after the closing bracket ([!TIP]- Title) makes
//     the box foldable, as in Obsidian and Hugo: <details>, open for "+".
//   - A blockquote with the marker line and nothing else, not even a title,
//     stays a blockquote, as on GitHub.
//
// To use it, add Alerts to the goldmark.WithExtensions list of New.
var Alerts goldmark.Extender = alertExtension{}

// Priorities of the alert parts: the transformer runs after goldmark's own
// (it needs paragraphs with their inlines); the renderer owns only the
// alert kinds, so its priority only has to differ from the others.
const (
	priorityAlertTransformer = 500
	priorityAlertRenderer    = 150
)

type alertExtension struct{}

func (alertExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, priorityAlertTransformer)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(alertRenderer{}, priorityAlertRenderer)))
}

// KindAlert and KindAlertTitle are the node kinds of an alert and its title.
var (
	KindAlert      = ast.NewNodeKind("Alert")
	KindAlertTitle = ast.NewNodeKind("AlertTitle")
)

// Alert is a callout made from a blockquote. Its first child is an
// AlertTitle, the rest are the blockquote's blocks.
type Alert struct {
	ast.BaseBlock
	Callout
	// Fold is 0 for a plain box, '+' for a foldable one shown open and '-'
	// for one shown closed.
	Fold byte
}

func (n *Alert) Kind() ast.NodeKind { return KindAlert }

func (n *Alert) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Kind": n.Callout.Kind, "Fold": string(n.Fold)}, nil)
}

// AlertTitle holds the title's inlines.
type AlertTitle struct{ ast.BaseBlock }

func (n *AlertTitle) Kind() ast.NodeKind         { return KindAlertTitle }
func (n *AlertTitle) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("[!")) {
		// No alert marker anywhere: no need to walk the tree (most pages).
		return
	}
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	// Inner blockquotes first, so that an alert inside an alert is already
	// an alert when its parent moves it.
	for i := len(quotes) - 1; i >= 0; i-- {
		toAlert(quotes[i], src)
	}
}

// alertMarker parses "[!NAME]" with an optional fold sign at the start of
// line, after optional spaces. It returns the name, the sign (0 if none)
// and the offset just past the marker.
func alertMarker(line []byte) (name string, fold byte, end int, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("[!")) {
		return "", 0, 0, false
	}
	i += 2
	start := i
	for i < len(line) && (isAlnum(line[i]) || line[i] == '-' || line[i] == '_') {
		i++
	}
	if i == start || i >= len(line) || line[i] != ']' {
		return "", 0, 0, false
	}
	name = string(line[start:i])
	i++
	if i < len(line) && (line[i] == '+' || line[i] == '-') {
		fold = line[i]
		i++
	}
	// The marker ends the line or is followed by a space and the title.
	if i < len(line) && line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r' {
		return "", 0, 0, false
	}
	return name, fold, i, true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inlineStart is the source offset where an inline node starts, or -1.
func inlineStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := inlineStart(c); p >= 0 {
			return p
		}
	}
	return -1
}

// toAlert turns q into an Alert if its first paragraph starts with a
// marker line; otherwise it leaves q alone.
func toAlert(q *ast.Blockquote, src []byte) {
	para, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return
	}
	first := para.Lines().At(0)
	name, fold, end, ok := alertMarker(first.Value(src))
	if !ok {
		return
	}
	callout, ok := LookupCallout(name)
	if !ok {
		return
	}
	markerEnd := first.Start + end
	lineEnd := first.Stop

	// Split the paragraph's inlines: the marker (dropped), the title (the
	// rest of the first line) and the body (the following lines).
	title := &AlertTitle{}
	var titleNodes, markerNodes []ast.Node
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		start := inlineStart(c)
		if start < 0 || start >= lineEnd {
			break
		}
		if start >= markerEnd {
			titleNodes = append(titleNodes, c)
			continue
		}
		t, isText := c.(*ast.Text)
		if !isText {
			return // a link or other markup overlaps the marker: not an alert
		}
		if t.Segment.Stop <= markerEnd {
			markerNodes = append(markerNodes, c)
			continue
		}
		// Text running past the marker: keep its tail as title.
		t.Segment = t.Segment.WithStart(markerEnd)
		titleNodes = append(titleNodes, c)
	}
	for _, c := range markerNodes {
		para.RemoveChild(para, c)
	}
	for _, c := range titleNodes {
		para.RemoveChild(para, c)
		title.AppendChild(title, c)
	}
	trimTitle(title, src)
	if last, ok := title.LastChild().(*ast.Text); ok {
		last.SetSoftLineBreak(false)
		last.SetHardLineBreak(false)
	}
	if para.ChildCount() == 0 {
		q.RemoveChild(q, para)
	}
	if title.ChildCount() == 0 && q.ChildCount() == 0 {
		// "[!NOTE]" and nothing else: GitHub shows the blockquote as is.
		// Put the marker back.
		for _, c := range markerNodes {
			if para.Parent() == nil {
				q.AppendChild(q, para)
			}
			para.AppendChild(para, c)
		}
		return
	}
	if title.ChildCount() == 0 {
		title.AppendChild(title, ast.NewString([]byte(callout.Title)))
	}

	alert := &Alert{Callout: callout, Fold: fold}
	alert.SetBlankPreviousLines(q.HasBlankPreviousLines())
	alert.AppendChild(alert, title)
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		alert.AppendChild(alert, c)
		c = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, alert)
}

// trimTitle drops the spaces between the marker and the title's first
// word, and those at its end.
func trimTitle(title *AlertTitle, src []byte) {
	for c := title.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok {
			break
		}
		v := t.Segment.Value(src)
		trimmed := bytes.TrimLeft(v, " \t")
		if len(trimmed) > 0 {
			t.Segment = t.Segment.WithStart(t.Segment.Start + len(v) - len(trimmed))
			break
		}
		next := c.NextSibling()
		title.RemoveChild(title, c)
		c = next
	}
	for c := title.LastChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok {
			break
		}
		v := t.Segment.Value(src)
		trimmed := bytes.TrimRight(v, " \t\r\n")
		if len(trimmed) > 0 {
			t.Segment = t.Segment.WithStop(t.Segment.Start + len(trimmed))
			break
		}
		prev := c.PreviousSibling()
		title.RemoveChild(title, c)
		c = prev
	}
}

type alertRenderer struct{}

func (alertRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, renderAlert)
	reg.Register(KindAlertTitle, renderAlertTitle)
}

func renderAlert(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Alert)
	if entering {
		if n.Fold != 0 {
			_, _ = w.WriteString(`<details class="callout callout-` + n.Callout.Kind + `"`)
			if n.Fold == '+' {
				_, _ = w.WriteString(" open")
			}
			_, _ = w.WriteString(">\n")
		} else {
			_, _ = w.WriteString(`<div class="callout callout-` + n.Callout.Kind + `" role="note">` + "\n")
		}
		return ast.WalkContinue, nil
	}
	if n.Fold != 0 {
		_, _ = w.WriteString("</div>\n</details>\n")
	} else {
		_, _ = w.WriteString("</div>\n</div>\n")
	}
	return ast.WalkContinue, nil
}

func renderAlertTitle(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	folded := node.Parent().(*Alert).Fold != 0
	switch {
	case entering && folded:
		_, _ = w.WriteString(`<summary class="callout-title">`)
	case entering:
		_, _ = w.WriteString(`<p class="callout-title">`)
	case folded:
		_, _ = w.WriteString("</summary>\n<div class=\"callout-body\">\n")
	default:
		_, _ = w.WriteString("</p>\n<div class=\"callout-body\">\n")
	}
	return ast.WalkContinue, nil
}
