package markdown

import (
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// summaryMarkdown parses for Summary; parsing does not depend on Options.
var summaryMarkdown = sync.OnceValue(func() *Markdown { return New(Options{}) })

// Summary returns the plain text of src's first paragraph (typographer
// applied, markup dropped), cut at a word boundary to at most about n
// characters with "…" appended when cut. It suits a page description or a
// feed entry; it is "" when src has no paragraph.
func Summary(src []byte, n int) string {
	doc := summaryMarkdown().md.Parser().Parse(text.NewReader(src))
	var para ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == ast.KindParagraph {
			para = n
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if para == nil {
		return ""
	}
	return truncate(strings.Join(strings.Fields(plainText(para, src)), " "), n)
}

// truncate cuts s at the last space that keeps it, with "…", within n
// characters; a single word longer than n is cut mid-word.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// Byte index of the n-1th character: room for the ellipsis.
	end, count := 0, 0
	for i := range s {
		if count == n-1 {
			end = i
			break
		}
		count++
	}
	cut := s[:end]
	if i := strings.LastIndexByte(cut, ' '); i > 0 && s[end] != ' ' {
		cut = cut[:i]
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '”' && r != '’'
	})
	return cut + "…"
}

// Title returns the plain text of src's first level-1 heading, "" when it
// has none: the title of a page whose front matter gives none, as Hugo
// content often has.
func Title(src []byte) string {
	doc := summaryMarkdown().md.Parser().Parse(text.NewReader(src))
	title := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			title = strings.Join(strings.Fields(plainText(h, src)), " ")
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return title
}

// Highlight writes code highlighted as a fenced code block in lang would
// be, with the same limits and guards (the highlight shortcode). Problems
// that would be warnings are dropped: the block shows plain.
func (m *Markdown) Highlight(w io.Writer, code, lang string) error {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	if strings.ContainsAny(lang, "`\n") {
		lang = ""
	}
	src := fence + lang + "\n" + code
	if !strings.HasSuffix(code, "\n") {
		src += "\n"
	}
	src += fence + "\n"
	_, err := m.Render(w, []byte(src), Context{})
	return err
}

// PlainText returns the plain text of every paragraph and heading of src,
// one space between them (typographer applied, markup dropped): a
// summary written in front matter, or the text before a page's
// <!--more--> divider.
func PlainText(src []byte) string {
	doc := summaryMarkdown().md.Parser().Parse(text.NewReader(src))
	var parts []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			if t := strings.Join(strings.Fields(plainText(n, src)), " "); t != "" {
				parts = append(parts, t)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(parts, " ")
}
