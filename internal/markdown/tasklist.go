package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
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
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500),
	))
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
