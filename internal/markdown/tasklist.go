package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// taskList is goldmark's task list extension, read as GitHub reads it: the
// box "[ ]" or "[x]" at the start of a list item is one only when a space
// (or the line's end) follows it. goldmark alone also takes the "[x]" of
// "- [x](notes.md)" for a ticked box: the item showed a box and
// "(notes.md)" instead of a link, and a link with a space in its address
// there ("- [x](my notes.md)") lost its warning.
var taskList goldmark.Extender = taskListExt{}

type taskListExt struct{}

func (taskListExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(taskBoxParser{extension.NewTaskCheckBoxParser()}, 0),
	))
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(taskLabels{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(taskLabels{}, 500),
	))
}

// taskLabels gives each box the text of its item as its label, so that
// it has a name (axe's "label" rule; a screen reader says "Noticed what I
// give, checkbox, checked"): the box and the inline content after it,
// up to the end of the item's first paragraph, become one taskLabel,
// rendered as <label class="task"><input ...> ...</label>.
type taskLabels struct{}

// kindTaskLabel is the kind of taskLabel nodes.
var kindTaskLabel = ast.NewNodeKind("TaskLabel")

// taskLabel is a task box and its text.
type taskLabel struct {
	ast.BaseInline
	checked bool
}

func (n *taskLabel) Kind() ast.NodeKind { return kindTaskLabel }

func (n *taskLabel) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Transform wraps each task box with the rest of its paragraph.
func (taskLabels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var boxes []*extast.TaskCheckBox
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*extast.TaskCheckBox); ok && entering {
			boxes = append(boxes, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range boxes {
		parent := b.Parent()
		label := &taskLabel{checked: b.IsChecked}
		for n := b.NextSibling(); n != nil; {
			next := n.NextSibling()
			label.AppendChild(label, n) // moves n from parent
			n = next
		}
		parent.ReplaceChild(parent, b, label)
	}
}

// RegisterFuncs renders taskLabel nodes.
func (taskLabels) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTaskLabel, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString("</label>")
			return ast.WalkContinue, nil
		}
		w.WriteString(`<label class="task"><input `)
		if n.(*taskLabel).checked {
			w.WriteString(`checked="" `)
		}
		w.WriteString(`disabled="" type="checkbox"> `)
		return ast.WalkContinue, nil
	})
}

// taskBoxParser leaves a "[?]" followed by anything but a space, a tab or
// the line's end to the link parser.
type taskBoxParser struct{ parser.InlineParser }

func (p taskBoxParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 3 && line[0] == '[' && line[2] == ']' && !util.IsSpace(line[3]) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}
