package yamldoc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"mutual/internal/diag"
)

// TOML and JSON. Hugo reads front matter (and its configuration) in three
// formats; mutual reads the other two into the same tree as YAML, so that
// one Decoder and one set of type rules walk front matter whatever its
// format, and every error is positioned the same way. ParseTOML and
// ParseJSON make the tree; what they add to the rules above:
//
//   - A quoted text (TOML's "..." and '...', JSON's strings) is a Scalar
//     with a quoted Style, so Infer keeps it a text; numbers, true and false
//     are Plain, as an unquoted YAML value is. Dates (TOML's 1979-05-27 and
//     1979-05-27T07:32:00Z) are Plain texts as written, which Date reads.
//   - TOML's tables ([params]), dotted keys (a.b = 1), inline tables and
//     arrays of tables ([[menu.main]]) become Maps and Lists as YAML would
//     nest them. A key defined twice, by any of these means, is
//     `duplicate key "x" (first at line 3)`, as in YAML.
//   - TOML's integers are written in decimal in the tree (0x1F is 31,
//     1_000 is 1000), so Int reads them; floats lose their underscores.
//   - JSON's null is a Null node, a key not given.
//   - Syntax errors are reported at the character at fault, with the
//     parser's own words for TOML (go-toml's, which are plain) and plain
//     words for JSON.
//
// github.com/pelletier/go-toml/v2 (the TOML library Hugo uses) is read
// through its unstable parser, which gives the position of every key and
// value; this file is its only importer.

// ParseTOML reads a TOML text into a tree (a Map at the root), or nil for
// a text without keys. Options are Parse's: LineOffset is 1 for front
// matter, which starts after its "+++" line.
func ParseTOML(src []byte, opt Options) (*Node, diag.List) {
	t := &tomlReader{text: newText(src, opt)}
	root := t.read(src)
	t.errs.Sort()
	return root, t.errs
}

// text turns byte offsets of a text into file positions, and holds the
// errors found in it.
type text struct {
	opt    Options
	starts []int // offset of each line's first byte
	src    []byte
	errs   diag.List
}

func newText(src []byte, opt Options) *text {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	t := &text{opt: opt, src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// pos is the file position of the byte at off: lines shifted by
// LineOffset, columns counted in characters and shifted by ColOffset.
func (t *text) pos(off int) (int, int) {
	off = max(0, min(off, len(t.src)))
	for off > 0 && off < len(t.src) && !utf8.RuneStart(t.src[off]) {
		off--
	}
	lo, hi := 0, len(t.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := utf8.RuneCount(t.src[t.starts[lo]:off]) + 1
	return lo + 1 + t.opt.LineOffset, col + t.opt.ColOffset
}

func (t *text) errorAt(off int, format string, args ...any) {
	line, col := t.pos(off)
	t.errs.Add(t.opt.Path, line, col, format, args...)
}

// checkBytes refuses a text too long, or one that is not UTF-8, as Parse
// does.
func (t *text) checkBytes(src []byte, what string) bool {
	if len(src) > t.opt.MaxBytes {
		t.errs.Add(t.opt.Path, 0, 0, "this %s is %s, more than the %s it may hold", what, size(len(src)), size(t.opt.MaxBytes))
		return false
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			t.errorAt(i, "the file is not valid UTF-8 text here: save it as UTF-8")
			return false
		}
		if r == 0 {
			t.errorAt(i, "the file holds a NUL character here: remove it")
			return false
		}
		i += n
	}
	return true
}

// tree builds Maps and Lists, finding keys fast and remembering where each
// was defined.
type tree struct {
	keys map[*Node]map[string]int // a Map's keys -> index of the key in Content
	// explicit marks the tables a TOML [header] defined, which another
	// header may not define again.
	explicit map[*Node]bool
}

func (tr *tree) get(m *Node, key string) (*Node, *Node) {
	if i, ok := tr.keys[m][key]; ok {
		return m.Content[i], m.Content[i+1]
	}
	return nil, nil
}

func (tr *tree) put(m, key, value *Node) {
	if tr.keys[m] == nil {
		tr.keys[m] = map[string]int{}
	}
	tr.keys[m][key.Value] = len(m.Content)
	m.Content = append(m.Content, key, value)
}

type tomlReader struct {
	*text
	tree
	p unstable.Parser
}

func (t *tomlReader) read(src []byte) *Node {
	if !t.checkBytes(src, "TOML") {
		return nil
	}
	t.keys = map[*Node]map[string]int{}
	t.explicit = map[*Node]bool{}
	line, col := t.pos(0)
	root := &Node{Kind: Map, Line: line, Col: col}
	current := root
	depth := 0
	t.p.Reset(src)
	for t.p.NextExpression() {
		e := t.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			t.keyValue(current, e, depth)
		case unstable.Table, unstable.ArrayTable:
			keys := t.keyNodes(e.Key())
			if m, d := t.header(root, keys, e.Kind == unstable.ArrayTable); m != nil {
				current, depth = m, d
			} else {
				// The header is reported: its keys go nowhere.
				current, depth = &Node{Kind: Map}, 0
			}
		}
	}
	if err := t.p.Error(); err != nil {
		off := len(src)
		msg := err.Error()
		if pe, ok := err.(*unstable.ParserError); ok {
			msg = pe.Message
			if o, ok := t.offset(pe.Highlight); ok {
				off = o
			}
		}
		t.errorAt(off, "%s", tomlMessage(msg))
		return nil
	}
	if len(root.Content) == 0 {
		return nil
	}
	return root
}

// offset is the offset of b, a slice of the parser's input.
func (t *tomlReader) offset(b []byte) (off int, ok bool) {
	if len(b) == 0 {
		return 0, false
	}
	defer func() {
		if recover() != nil {
			off, ok = 0, false
		}
	}()
	return int(t.p.Range(b).Offset), true
}

// keyNodes are the parts of a dotted key as key nodes.
func (t *tomlReader) keyNodes(it unstable.Iterator) []*Node {
	var out []*Node
	for it.Next() {
		k := it.Node()
		line, col := t.pos(int(k.Raw.Offset))
		out = append(out, &Node{Kind: Scalar, Style: keyStyle(t.p.Raw(k.Raw)), Value: string(k.Data), Line: line, Col: col})
	}
	return out
}

func keyStyle(raw []byte) Style {
	switch {
	case bytes.HasPrefix(raw, []byte(`"`)):
		return DoubleQuoted
	case bytes.HasPrefix(raw, []byte(`'`)):
		return SingleQuoted
	}
	return Plain
}

// header finds or makes the table a [a.b] (or [[a.b]]) header names, and
// returns it with its depth; nil when the header is an error.
func (t *tomlReader) header(root *Node, keys []*Node, array bool) (*Node, int) {
	m := root
	for i, k := range keys {
		last := i == len(keys)-1
		if i+1 > t.opt.MaxDepth {
			t.errs.Add(t.opt.Path, k.Line, k.Col, "this TOML nests more than %d tables deep", t.opt.MaxDepth)
			return nil, 0
		}
		oldKey, old := t.get(m, k.Value)
		switch {
		case old == nil && last && array:
			list := &Node{Kind: List, Line: k.Line, Col: k.Col}
			entry := &Node{Kind: Map, Line: k.Line, Col: k.Col}
			list.Content = append(list.Content, entry)
			t.put(m, k, list)
			t.explicit[list] = true // an array of tables, which [[a]] extends
			return entry, i + 1
		case old == nil:
			next := &Node{Kind: Map, Line: k.Line, Col: k.Col}
			t.put(m, k, next)
			if last {
				t.explicit[next] = true
			}
			m = next
		case last && array:
			if old.Kind != List || !t.explicit[old] {
				t.duplicate(k, oldKey)
				return nil, 0
			}
			entry := &Node{Kind: Map, Line: k.Line, Col: k.Col}
			old.Content = append(old.Content, entry)
			return entry, i + 1
		case old.Kind == List && !last:
			// [[a]] then [a.b]: b is in a's last entry.
			if len(old.Content) == 0 || old.Content[len(old.Content)-1].Kind != Map || !t.explicit[old] {
				t.duplicate(k, oldKey)
				return nil, 0
			}
			m = old.Content[len(old.Content)-1]
		case old.Kind != Map || last && t.explicit[old]:
			t.duplicate(k, oldKey)
			return nil, 0
		default:
			if last {
				t.explicit[old] = true
			}
			m = old
		}
	}
	return m, len(keys)
}

// keyValue adds a = v (a.b.c = v) to the table m.
func (t *tomlReader) keyValue(m *Node, kv *unstable.Node, depth int) {
	keys := t.keyNodes(kv.Key())
	for _, k := range keys[:len(keys)-1] {
		depth++
		if depth > t.opt.MaxDepth {
			t.errs.Add(t.opt.Path, k.Line, k.Col, "this TOML nests more than %d tables deep", t.opt.MaxDepth)
			return
		}
		oldKey, old := t.get(m, k.Value)
		switch {
		case old == nil:
			next := &Node{Kind: Map, Line: k.Line, Col: k.Col}
			t.put(m, k, next)
			m = next
		case old.Kind != Map || t.explicit[old] || t.inline(old):
			t.duplicate(k, oldKey)
			return
		default:
			m = old
		}
	}
	k := keys[len(keys)-1]
	if oldKey, old := t.get(m, k.Value); old != nil {
		t.duplicate(k, oldKey)
		return
	}
	v := t.value(kv.Value(), kv, depth+1)
	if v != nil {
		t.put(m, k, v)
	}
}

// inlineTables are Maps written as { ... }, which dotted keys may not
// extend.
func (t *tomlReader) inline(m *Node) bool { return m.Style == Flow }

func (t *tomlReader) duplicate(k, first *Node) {
	t.errs.Add(t.opt.Path, k.Line, k.Col, "duplicate key %q (first at line %d)", k.Value, first.Line)
}

// value converts a TOML value; kv is the key-value (or array) holding it,
// for the position of a container without one of its own.
func (t *tomlReader) value(v *unstable.Node, holder *unstable.Node, depth int) *Node {
	line, col := t.valuePos(v, holder)
	if depth > t.opt.MaxDepth {
		t.errs.Add(t.opt.Path, line, col, "this TOML nests more than %d levels deep", t.opt.MaxDepth)
		return &Node{Kind: Refused, Line: line, Col: col}
	}
	n := &Node{Kind: Scalar, Line: line, Col: col}
	switch v.Kind {
	case unstable.String:
		n.Style = DoubleQuoted
		if raw := t.p.Raw(v.Raw); bytes.HasPrefix(raw, []byte("'")) {
			n.Style = SingleQuoted
		}
		n.Value = string(v.Data)
	case unstable.Integer:
		n.Value = tomlInteger(string(v.Data))
	case unstable.Float:
		n.Value = strings.TrimPrefix(strings.ReplaceAll(string(v.Data), "_", ""), "+")
	case unstable.Bool, unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		n.Value = string(v.Data)
	case unstable.Array:
		n.Kind, n.Style = List, Flow
		it := v.Children()
		for it.Next() {
			n.Content = append(n.Content, t.value(it.Node(), v, depth+1))
		}
	case unstable.InlineTable:
		n.Kind, n.Style = Map, Flow
		it := v.Children()
		for it.Next() {
			t.keyValue(n, it.Node(), depth)
		}
	default:
		n.Kind = Refused
		t.errs.Add(t.opt.Path, line, col, "this TOML value is not one mutual reads")
	}
	return n
}

// valuePos is where v starts. Arrays carry no range of their own: theirs
// is the first "[" after the key (or the first entry, inside an array).
func (t *tomlReader) valuePos(v, holder *unstable.Node) (int, int) {
	if v.Raw.Length > 0 || v.Raw.Offset > 0 {
		return t.pos(int(v.Raw.Offset))
	}
	from := 0
	if holder != nil && holder.Kind == unstable.KeyValue {
		it := holder.Key()
		for it.Next() {
			k := it.Node()
			from = int(k.Raw.Offset + k.Raw.Length)
		}
	} else if holder != nil {
		if c := v.Child(); c != nil && (c.Raw.Length > 0 || c.Raw.Offset > 0) {
			from = max(0, int(c.Raw.Offset)-1)
			for from > 0 && t.src[from] != '[' && t.src[from] != '{' {
				from--
			}
			return t.pos(from)
		}
	}
	if i := bytes.IndexAny(t.src[min(from, len(t.src)):], "[{"); i >= 0 {
		return t.pos(from + i)
	}
	return t.pos(from)
}

// tomlInteger writes a TOML integer in decimal: 0x1F, 0o17, 0b101, +3 and
// 1_000 as Int reads them.
func tomlInteger(s string) string {
	s = strings.ReplaceAll(s, "_", "")
	if v, err := strconv.ParseInt(s, 0, 64); err == nil {
		return strconv.FormatInt(v, 10)
	}
	return strings.TrimPrefix(s, "+")
}

// tomlMessage says a TOML syntax error in a writer's words where it is
// one of the common ones, and as go-toml says it otherwise.
func tomlMessage(msg string) string {
	switch {
	case msg == "unexpected character U+000A at start of value" || msg == "unexpected character U+000D at start of value" ||
		msg == "expected value, not end of input":
		return `the value after "=" is missing: write key = "your text"`
	case strings.HasPrefix(msg, "unexpected character") && strings.HasSuffix(msg, "at start of value"),
		msg == "strings must be quoted":
		return `a text in TOML must be in quotes: write key = "your text" (numbers, true, false and dates need none)`
	case msg == "expected '=' after key":
		return `each line of TOML is key = value: an "=" is missing`
	case msg == "unterminated basic string", msg == "basic strings cannot have new lines":
		return `the quote opened here is never closed on its line: close it, or write a text of several lines between """ and """`
	case msg == "unterminated literal string", msg == "literal strings cannot have new lines":
		return "the quote opened here is never closed on its line: close it with '"
	}
	return "this is not valid TOML: " + msg
}
