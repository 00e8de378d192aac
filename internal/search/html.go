package search

import (
	"html"
	"strings"
)

// Parts splits a page's rendered body (the HTML the markdown package
// writes) into the Parts of a Document: every h1–h6 with an id starts a
// part whose Anchor is the id and whose Heading is the heading's text; the
// text before the first such heading is a part without one (left out when
// empty). Text is taken with entities decoded and white space collapsed;
// block elements and <br> separate words; comments, <script>, <style>,
// <template> and elements marked aria-hidden="true" (the headings' "#"
// anchor links) are left out. Parts reads any HTML without failing: broken
// markup gives odd text, never an error.
func Parts(src string) []Part {
	var (
		parts   []Part
		cur     Part
		text    strings.Builder
		head    strings.Builder
		inHead  string // closing tag name of the heading being read
		skip    []string
		started bool
	)
	emit := func(s string, b *strings.Builder) {
		s = html.UnescapeString(s)
		for _, f := range strings.Fields(s) {
			if b.Len() > 0 && !lastSpace(b) {
				b.WriteByte(' ')
			}
			b.WriteString(f)
		}
		if len(s) > 0 && isSpace(s[len(s)-1]) && b.Len() > 0 && !lastSpace(b) {
			b.WriteByte(' ')
		}
	}
	finish := func() {
		cur.Text = strings.TrimSpace(text.String())
		if started || cur.Text != "" {
			parts = append(parts, cur)
		}
		text.Reset()
	}
	for i := 0; i < len(src); {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 && len(skip) == 0 {
			if inHead != "" {
				emit(src[i:i+lt], &head)
			} else {
				emit(src[i:i+lt], &text)
			}
		}
		i += lt
		if i >= len(src) {
			break
		}
		if strings.HasPrefix(src[i:], "<!--") {
			end := strings.Index(src[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		gt := tagEnd(src, i)
		tag := ""
		if gt > i {
			tag = src[i+1 : gt]
		}
		name, closing := tagName(tag)
		if name == "" {
			i++
			// A lone '<' is text.
			if len(skip) == 0 {
				emit("<", &text)
			}
			continue
		}
		i = gt + 1
		if len(skip) > 0 {
			switch {
			case closing && name == skip[len(skip)-1]:
				skip = skip[:len(skip)-1]
			case !closing && name == skip[len(skip)-1] && !voidElement(name) && !strings.HasSuffix(tag, "/"):
				skip = append(skip, name)
			}
			continue
		}
		if closing {
			if name == inHead {
				cur.Heading = strings.TrimSpace(head.String())
				head.Reset()
				inHead = ""
			} else if blockElement(name) {
				spaceTo(&text)
			}
			continue
		}
		switch {
		case name == "script" || name == "style" || name == "template" || attr(tag, "aria-hidden") == "true":
			if !voidElement(name) && !strings.HasSuffix(tag, "/") {
				skip = append(skip, name)
			}
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && inHead == "":
			if id := attr(tag, "id"); id != "" {
				finish()
				started = true
				cur = Part{Anchor: html.UnescapeString(id)}
				inHead = name
			} else {
				spaceTo(&text)
			}
		case blockElement(name):
			if inHead != "" {
				spaceTo(&head)
			} else {
				spaceTo(&text)
			}
		}
	}
	if inHead != "" {
		cur.Heading = strings.TrimSpace(head.String())
	}
	finish()
	return parts
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func lastSpace(b *strings.Builder) bool {
	s := b.String()
	return len(s) > 0 && s[len(s)-1] == ' '
}

func spaceTo(b *strings.Builder) {
	if b.Len() > 0 && !lastSpace(b) {
		b.WriteByte(' ')
	}
}

// tagEnd returns the index of the '>' that closes the tag opening at i,
// skipping quoted attribute values, or -1 when there is none.
func tagEnd(src string, i int) int {
	var quote byte
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j
		}
	}
	return -1
}

// tagName returns the lowercased element name of a tag's inside ("h2
// id=x", "/p") and whether it closes; "" when it is not a tag.
func tagName(tag string) (string, bool) {
	closing := strings.HasPrefix(tag, "/")
	if closing {
		tag = tag[1:]
	}
	n := 0
	for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= 'A' && tag[n] <= 'Z' || n > 0 && tag[n] >= '0' && tag[n] <= '9') {
		n++
	}
	if n == 0 {
		return "", false
	}
	return strings.ToLower(tag[:n]), closing
}

// attr returns the value of the attribute name in a tag's inside, or "".
func attr(tag, name string) string {
	for i := 0; i < len(tag); {
		j := strings.Index(tag[i:], name)
		if j < 0 {
			return ""
		}
		j += i
		end := j + len(name)
		if j > 0 && isSpace(tag[j-1]) && end < len(tag) && tag[end] == '=' {
			v := tag[end+1:]
			if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
				q := v[0]
				if k := strings.IndexByte(v[1:], q); k >= 0 {
					return v[1 : k+1]
				}
				return v[1:]
			}
			k := 0
			for k < len(v) && !isSpace(v[k]) && v[k] != '/' {
				k++
			}
			return v[:k]
		}
		i = end
	}
	return ""
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

func blockElement(name string) bool {
	switch name {
	case "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "thead", "tbody",
		"pre", "blockquote", "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "details", "summary", "fieldset", "legend", "caption":
		return true
	}
	return false
}
