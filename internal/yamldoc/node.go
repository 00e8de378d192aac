package yamldoc

// Kind is what a node holds.
type Kind uint8

const (
	// Null is an empty value: nothing after the colon or the "-", or an
	// unquoted ~ or null. It means "not given".
	Null Kind = iota
	// Scalar is one value written on its own: a word, a number, a date, a
	// text in quotes or a text block (| or >). Its type is decided by the
	// field that reads it, never by how it looks.
	Scalar
	// Map is key: value pairs.
	Map
	// List is entries, written as "- " lines or in [ ].
	List
	// Refused is a node Parse already reported as an error (an alias, a
	// tag, nesting too deep). Readers return nothing for it and report
	// nothing more.
	Refused
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Scalar:
		return "scalar"
	case Map:
		return "map"
	case List:
		return "list"
	case Refused:
		return "refused"
	}
	return "unknown"
}

// Style is how a node was written.
type Style uint8

const (
	Plain        Style = iota // title: Naming old debts
	DoubleQuoted              // title: "Naming old debts"
	SingleQuoted              // title: 'Naming old debts'
	Literal                   // intro: |   (lines kept as written)
	Folded                    // intro: >   (lines joined with spaces)
	Flow                      // tags: [a, b] or {label: Never, value: 0}
)

// Node is one node of a document. Positions are the file's: Parse adds
// Options.LineOffset and Options.ColOffset, so a caller never shifts them.
//
// A caller may build a tree itself (a fast path for the plainest front
// matter, say) and walk it with a Decoder; it must then keep Parse's
// guarantees: no duplicate keys (Decoder.Map reports them anyway), keys are
// Scalar nodes, and Null values are Null nodes.
type Node struct {
	Kind  Kind
	Style Style
	// Value is a Scalar's text with quotes removed, escapes applied and
	// lines joined as YAML joins them, or a key. It is "" for other kinds.
	Value string
	// Line and Col are where the node starts, from 1; Col counts
	// characters, not bytes. A Null value sits right after its colon or
	// "-"; a text block at its | or >.
	Line, Col int
	// Content holds a Map's keys and values in turn (key, value, key,
	// value...) in the order written, or a List's entries.
	Content []*Node
	// TextLine and TextCol, when set, are where the text of a text block
	// begins (the first line after | or > that is not blank). TextPos
	// uses them.
	TextLine, TextCol int
}

// TextIndent is how many columns the later lines of a text block are
// indented by in the file (they are written without them in Value), or 0
// for another scalar: Markdown read from a text block adds it to the
// columns of its errors past the first line.
func (n *Node) TextIndent() int {
	if n.TextLine > 0 {
		return n.TextCol - 1
	}
	return 0
}

// TextPos is where a Scalar's text itself begins in the file: inside the
// quotes of a quoted text, on the first line of a text block. Markdown
// read from a field reports its own errors relative to this position.
func (n *Node) TextPos() (line, col int) {
	switch {
	case n.TextLine > 0:
		return n.TextLine, n.TextCol
	case n.Style == DoubleQuoted || n.Style == SingleQuoted:
		return n.Line, n.Col + 1
	}
	return n.Line, n.Col
}
