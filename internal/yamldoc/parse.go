package yamldoc

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
)

// Limits a caller gets when it leaves Options' fields at zero.
const (
	DefaultMaxBytes = 1 << 20 // a long worksheet is 50 KB; front matter far less
	DefaultMaxDepth = 64      // a worksheet nests 7 levels deep
)

// Options say where a YAML text sits in its file and how much of it to read.
type Options struct {
	// Path names the file in errors, relative to the site.
	Path string
	// LineOffset is the number of lines of the file before the YAML text:
	// 1 for front matter, which starts after a "---" line.
	LineOffset int
	// ColOffset is the number of characters before the YAML text on each of
	// its lines, for YAML cut out of an indented block; usually 0.
	ColOffset int
	// MaxBytes refuses a longer text outright; 0 means DefaultMaxBytes.
	MaxBytes int
	// MaxDepth refuses nesting deeper than this many lists and key: value
	// blocks; 0 means DefaultMaxDepth.
	MaxDepth int
}

// Parse reads the one YAML document of src. It returns the root node, or
// nil for a document without content (nothing, or only comments, blank
// lines, "---" or null): the caller decides whether empty is an error.
//
// Every problem is reported, positioned in the file: characters a YAML
// file may not hold, a syntax error (at the line of the mistake, in plain
// words: see the package documentation), a second document, duplicate
// keys, aliases, anchors and tags, nesting deeper than MaxDepth. With a
// syntax error the root is nil; with the other problems Parse returns what
// it could read, leaving out what it reported.
func Parse(src []byte, opt Options) (*Node, diag.List) {
	p := &parser{opt: opt}
	root := p.parse(src)
	p.errs.Sort()
	return root, p.errs
}

func (p *parser) parse(src []byte) *Node {
	opt := &p.opt
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	if len(src) > opt.MaxBytes {
		p.errs.Add(opt.Path, 0, 0, "this YAML is %s, more than the %s it may hold", size(len(src)), size(opt.MaxBytes))
		return nil
	}
	src = diag.TrimBOM(src)
	if diag.UTF16(src) {
		p.errorAt(1, 1, "%s", diag.SavedAsUTF16)
		return nil
	}
	p.lines = splitLines(src)
	if !p.checkCharacters() {
		return nil
	}
	text := p.oneDocument(src)

	var doc yaml.Node
	if err := unmarshal(text, &doc); err != nil {
		e := diagnose(text, err, opt.LineOffset, opt.MaxDepth)
		p.errorAt(e.line, e.col, "%s", e.msg)
		if _, more := err.(*moreError); !more {
			return nil
		}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := p.convert(doc.Content[0], 1, false)
	if root.Kind == Null {
		root = nil
	}
	return root
}

type parser struct {
	opt   Options
	lines [][]byte // the text's lines, without line breaks
	errs  diag.List
	deep  bool // the depth error is reported once
}

// errorAt reports a problem at a line and column of the YAML text.
func (p *parser) errorAt(line, col int, format string, args ...any) {
	if col > 0 {
		col += p.opt.ColOffset
	}
	p.errs.Add(p.opt.Path, line+p.opt.LineOffset, col, format, args...)
}

// unmarshal parses the one document of src into doc, turning a panic
// inside yaml.v3 into an error: one hostile file must not stop a build.
// Anything after the document (which yaml.Unmarshal would drop without a
// word: after a text at the root, `"a" "b"` starts a second document) is a
// *moreError, with doc still filled in.
func unmarshal(src []byte, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	switch err := dec.Decode(doc); {
	case err == io.EOF:
		return nil // no document at all
	case err != nil:
		return err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return nil
	case err == nil && len(next.Content) > 0:
		return &moreError{line: next.Content[0].Line, col: next.Content[0].Column}
	}
	return &moreError{}
}

// moreError is content after the end of the document, at a line and column
// of the text when yaml.v3 could read it, else at 0.
type moreError struct{ line, col int }

const moreMsg = "this comes after the end of the document and would start a second one, but a file holds one: delete it, or put the whole text in quotes"

func (e *moreError) Error() string { return "yaml: " + moreMsg }

// splitLines cuts src at "\n", dropping a "\r" before it.
func splitLines(src []byte) [][]byte {
	var lines [][]byte
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			lines = append(lines, src)
			break
		}
		lines = append(lines, bytes.TrimSuffix(src[:i], []byte("\r")))
		src = src[i+1:]
	}
	return lines
}

// checkCharacters reports characters YAML refuses or reads differently from
// an editor: invalid UTF-8, control characters, and line breaks other than
// "\n" and "\r\n" (YAML counts them as lines; editors mostly do not, and
// every position after them would be wrong). It reports at most one per
// line and ten in all, and whether the text is clean.
func (p *parser) checkCharacters() bool {
	before := len(p.errs)
	for i, l := range p.lines {
		if len(p.errs)-before >= 10 {
			break
		}
		for j, col := 0, 1; j < len(l); col++ {
			r, size := utf8.DecodeRune(l[j:])
			msg := ""
			switch {
			case r == utf8.RuneError && size <= 1:
				msg = "this is not UTF-8 text; save the file as UTF-8"
			case r == '\r':
				msg = "a carriage return without a line feed is here; save the file with ordinary line endings"
			case r == 0x85 || r == 0x2028 || r == 0x2029:
				msg = fmt.Sprintf("an invisible line separator (U+%04X), probably pasted, is here; replace it with an ordinary line break", r)
			case r == 0xfeff:
				msg = "an invisible byte order mark (U+FEFF) is here; delete it"
			case r < 0x20 && r != '\t', r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
				msg = fmt.Sprintf("an invisible control character (U+%04X) is here; delete it", r)
			}
			if msg != "" {
				p.errorAt(i+1, col, "%s", msg)
				break
			}
			j += size
		}
	}
	return len(p.errs) == before
}

// oneDocument returns the text of the first document, reporting a second
// one. A "---" line may open the first document; any later "---" line
// followed by content, or content after a "..." line, starts a second one. Directives ("%" lines
// before the document) are reported and blanked out.
func (p *parser) oneDocument(src []byte) []byte {
	started, content := false, false
	end := 0 // line of a "..." that ended the document, or 0
	offset := 0
	for i, l := range p.lines {
		n := i + 1
		lineStart := offset
		offset += len(l)
		if offset < len(src) && src[offset] == '\r' {
			offset++
		}
		if offset < len(src) {
			offset++ // the "\n"
		}
		marker := ""
		if len(l) >= 3 && (len(l) == 3 || l[3] == ' ' || l[3] == '\t') {
			marker = string(l[:3])
		}
		t := bytes.TrimLeft(l, " \t")
		empty := len(t) == 0 || t[0] == '#'
		switch {
		case marker == "---" && !started && !content && end == 0:
			started = true
			content = !blank(l[3:]) && bytes.TrimLeft(l[3:], " \t")[0] != '#'
		case marker == "---":
			if !onlyComments(p.lines[i:], 3) {
				p.errorAt(n, 1, `a second document starts here, but a file holds one: delete this "---" line, or move what follows to a file of its own`)
			}
			// A "---" with nothing after it (or only comments) ends the
			// file: there is nothing to lose.
			return src[:lineStart]
		case marker == "...":
			if end == 0 {
				end = n
			}
		case empty:
		case end > 0:
			p.errorAt(n, runeCol(l, len(l)-len(t)), `this line comes after the end of the document ("..." on line %d): delete that line, or move what follows to a file of its own`, end+p.opt.LineOffset)
			return src[:lineStart]
		case l[0] == '%' && !started && !content:
			p.errorAt(n, 1, `this line is a YAML directive (it starts with "%%"), which mutual does not read: delete it`)
			blanked := append([]byte(nil), src...)
			for j := lineStart; j < lineStart+len(l); j++ {
				blanked[j] = ' '
			}
			src = blanked
		default:
			content = true
		}
	}
	return src
}

// onlyComments reports whether lines hold nothing but blanks and comments,
// the first from byte from on.
func onlyComments(lines [][]byte, from int) bool {
	for i, l := range lines {
		if i == 0 {
			l = l[min(from, len(l)):]
		}
		if t := bytes.TrimLeft(l, " \t"); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// convert turns a yaml.v3 node into a Node with file positions, refusing
// what the package does not read. depth counts the lists and key: value
// blocks from the root to y, y included. inList is true for an entry of a
// block list, whose duplicate keys probably miss a "- ".
func (p *parser) convert(y *yaml.Node, depth int, inList bool) *Node {
	n := &Node{Line: y.Line + p.opt.LineOffset, Col: y.Column + p.opt.ColOffset}
	refuse := func(format string, args ...any) *Node {
		p.errorAt(y.Line, y.Column, format, args...)
		n.Kind = Refused
		return n
	}
	switch {
	case depth > p.opt.MaxDepth && (y.Kind == yaml.MappingNode || y.Kind == yaml.SequenceNode):
		if !p.deep {
			p.deep = true
			p.errorAt(y.Line, y.Column, "this is nested more than %d levels deep", p.opt.MaxDepth)
		}
		n.Kind = Refused
		return n
	case y.Kind == yaml.AliasNode:
		return refuse(`%q would repeat another part of the file (a YAML alias), which mutual does not do: write the value out, or put a text starting with "*" in quotes`, "*"+y.Value)
	case y.Anchor != "":
		return refuse(`%q would name this value for reuse (a YAML anchor), which mutual does not do: delete it, or put a text starting with "&" in quotes`, "&"+y.Anchor)
	case y.Style&yaml.TaggedStyle != 0:
		return refuse(`%q would set the value's type (a YAML tag), which mutual does not do: delete it, or put a text starting with "!" in quotes`, y.Tag)
	}
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind, n.Value = Scalar, y.Value
		switch {
		case y.Style&yaml.DoubleQuotedStyle != 0:
			n.Style = DoubleQuoted
		case y.Style&yaml.SingleQuotedStyle != 0:
			n.Style = SingleQuoted
		case y.Style&yaml.LiteralStyle != 0:
			n.Style = Literal
		case y.Style&yaml.FoldedStyle != 0:
			n.Style = Folded
		case y.Tag == "!!null":
			n.Kind, n.Value = Null, ""
		}
		if n.Style == Literal || n.Style == Folded {
			p.textStart(n, y.Line)
		}
	case yaml.SequenceNode:
		n.Kind = List
		if y.Style&yaml.FlowStyle != 0 {
			n.Style = Flow
		}
		for _, c := range y.Content {
			n.Content = append(n.Content, p.convert(c, depth+1, n.Style != Flow))
		}
	case yaml.MappingNode:
		n.Kind = Map
		if y.Style&yaml.FlowStyle != 0 {
			n.Style = Flow
		}
		// first holds every key of the map, the first of each kept; entry
		// the keys since the entry began, for a list entry whose next
		// entry lacks its "- " (see missingDash).
		first := map[string]int{}
		entry, entryKey := map[string]int{}, ""
		for i := 0; i+1 < len(y.Content); i += 2 {
			yk, yv := y.Content[i], y.Content[i+1]
			k := p.key(yk, depth+1)
			if k == nil {
				continue
			}
			if entryKey == "" {
				entryKey = k.Value
			}
			if line, dup := entry[k.Value]; dup {
				hint := ""
				if inList && n.Style != Flow {
					if missingDash(y.Content[i:], k.Value, entryKey, entry) {
						hint = `; to start a new entry of the list, begin this line with "- "`
						// The keys from here on are the next entry's:
						// those it repeats are not mistakes of their own.
						entry, entryKey = map[string]int{k.Value: k.Line}, k.Value
					} else {
						hint = `; this entry of the list has it already: keep one of the two`
					}
				}
				p.errorAt(yk.Line, yk.Column, "duplicate key %q (first at line %d)%s", k.Value, line, hint)
				continue
			}
			entry[k.Value] = k.Line
			if _, dup := first[k.Value]; dup {
				continue // the entry with its "- " missing: reported at its first key
			}
			first[k.Value] = k.Line
			n.Content = append(n.Content, k, p.convert(yv, depth+1, false))
		}
	default:
		return refuse("this value cannot be read")
	}
	return n
}

// missingDash tells a list entry's key written twice because the next
// entry lacks its "- " from a key the entry simply repeats: rest are the
// pairs of the map from the repeated key key on, entryKey the entry's first
// key and seen the entry's keys so far. A new entry begins as the one
// before it did, with the same first key, or with a run of keys the entry
// has already: the repeated key and the one after it both.
func missingDash(rest []*yaml.Node, key, entryKey string, seen map[string]int) bool {
	if key == entryKey {
		return true
	}
	if len(rest) < 4 {
		return false
	}
	_, again := seen[rest[2].Value]
	return again && rest[2].Value != key
}

// key converts a key, or reports why it is not one and returns nil.
func (p *parser) key(y *yaml.Node, depth int) *Node {
	k := p.convert(y, depth, false)
	switch k.Kind {
	case Refused:
		return nil
	case Map, List:
		p.errorAt(y.Line, y.Column, "a key must be a word or a text, not %s", describe(k))
		return nil
	}
	if k.Kind == Null && y.Value != "" {
		k.Value = y.Value // ~: or null: is the key "~" or "null", as written
	}
	if k.Value == "" {
		p.errorAt(y.Line, y.Column, "this key is empty")
		return nil
	}
	k.Kind, k.TextLine, k.TextCol = Scalar, 0, 0
	return k
}

// textStart sets where the text of a block scalar, whose | or > is on line
// (of the YAML text), begins: the next line that is not blank.
func (p *parser) textStart(n *Node, line int) {
	for i := line; i < len(p.lines); i++ { // p.lines[line] is the line after
		if !blank(p.lines[i]) {
			n.TextLine = i + 1 + p.opt.LineOffset
			n.TextCol = indentOf(p.lines[i]) + 1 + p.opt.ColOffset
			return
		}
	}
}

// describe names what a node is, for messages: "a list", "empty", or the
// value itself in quotes.
func describe(n *Node) string {
	switch n.Kind {
	case Null:
		return "empty"
	case Map:
		return "key: value pairs"
	case List:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

func size(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
