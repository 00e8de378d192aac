// Package yamldoc is mutual's one YAML reader: content/site.yaml, the
// front matter of pages, a theme's theme.yaml and worksheets all go through
// it, so they share one set of type rules, one way of positioning errors and
// one wording of them. It is meant to be the only importer of
// gopkg.in/yaml.v3, and of github.com/pelletier/go-toml/v2: front matter
// written in TOML or JSON, as Hugo allows, is read into the same tree
// (ParseTOML, ParseJSON; see toml.go), so that the same Decoder and rules
// walk it.
//
// # Reading a file
//
// Parse turns a YAML text into a tree of Nodes that carry the file's own
// line and column (Options.LineOffset says how many lines of the file come
// before the text: 1 for front matter, which starts after its "---" line).
// A Decoder then walks the tree: Map checks the keys of a block (unknown
// ones are errors with a "did you mean" hint, ignored ones are skipped),
// and Text, Int, Number, Bool, Date, List and Texts read values, each
// reporting at the value's own position:
//
//	var errs diag.List
//	root, perrs := yamldoc.Parse(src, yamldoc.Options{Path: path, LineOffset: 1})
//	errs = append(errs, perrs...)
//	if root == nil { ... empty: the caller decides whether that is an error }
//	d := yamldoc.Decoder{Path: path, Errs: &errs}
//	for _, f := range d.Map(root, "front matter", known, hugoOnly) {
//		switch f.Key.Value {
//		case "title":
//			fm.Title, _ = d.Text(f)
//		case "weight":
//			fm.Weight, _ = d.Int(f)
//		}
//	}
//
// The Decoder reads any tree of Nodes, not only Parse's, so a caller may
// build the tree of the plainest texts itself (a fast path for
// "key: value" front matter) and keep every rule below; see Node.
//
// # Type rules
//
// A field's type decides how its value is read; how the value looks never
// does. So `title: 2024` is the title "2024" in a page and in a worksheet
// alike, `label: 10` needs no quotes, and `minutes: "10"` is ten minutes.
// Quotes are only there to let a text hold characters YAML would otherwise
// read as structure (": ", " #", a leading "-", "[" or "*"...).
//
// Why: counselors write a value the way they would on paper, and YAML's
// guesses about what it looks like (2024 is a number, 1.50 is 1.5, yes was
// once a boolean) are surprises; the readers mutual had before this package
// settled each surprise differently (front matter took `title: 2024`,
// worksheets refused it). Reading a text as the characters written loses
// nothing, and asking a number field for digits is a check a writer
// understands.
//
//   - Text: any single value, exactly as written, quotes removed (1.50 stays
//     "1.50"; a text block keeps its lines as YAML gives them).
//   - Int: digits with an optional sign (3, -2); not 3.0, 0x1F or 1_000.
//   - Number: a decimal number (2, 1.5, -0.25, 1e3); not .inf or .nan.
//   - Bool: true or false (or True, TRUE, False, FALSE); yes, no, on and off
//     are refused rather than guessed.
//   - Date: 2026-03-14, 2026-03-14T10:00:00Z or with an offset,
//     2026-03-14T10:00:00, 2026-03-14 10:00:00; a time without a zone is UTC.
//   - List: entries as "- " lines or in [ ]; a single value where a list is
//     expected is a list of one (tags: family).
//   - An empty value (nothing after the colon or the "-", or an unquoted ~
//     or null) means the key is not given, whatever its type: readers
//     return false and report nothing, and a caller that requires the key
//     says so. A quoted "" is a text, and empty.
//   - A list or key: value pairs where one value is expected is an error
//     naming what was found ("title must be text, not a list").
//
// Keys are texts as written, compared exactly: title and Title differ, and
// 1 and "1" are the same key.
//
// # What Parse refuses
//
// Each of these is reported at its position and left out of the tree, so
// that what remains can still be checked:
//
//   - a key given twice in one block: `duplicate key "title" (first at
//     line 3)`; in an entry of a list the message adds that a new entry
//     starts with "- ", the usual cause. yaml.v3 keeps duplicates; Parse
//     finds them.
//   - aliases (*name), anchors (&name) and tags (!name): they let a value
//     repeat or retype another, which a counselor never means, and all
//     three start texts a counselor does write ("*Note:* this", "&Co",
//     "!important"); the message says to quote the text.
//   - a second document: a "---" line after the content with more content
//     after it, content after a "..." line, or a second text after a text
//     at the root (`"a" "b"`, which yaml.Unmarshal reads as "a" without a
//     word); the first document is still read. A "---" line with nothing
//     but blank lines and comments after it ends the file quietly: there
//     is nothing to lose.
//   - directives ("%YAML" lines before the document), keys that are lists,
//     and empty keys.
//   - characters a YAML file may not hold or that would shift every line
//     number after them: invalid UTF-8, UTF-16 text, control characters, a
//     carriage return alone, the line separators U+0085, U+2028 and U+2029,
//     a byte order mark after the start (one at the start is skipped).
//   - a text longer than Options.MaxBytes (1 MB by default), and nesting
//     deeper than Options.MaxDepth (64 by default). Aliases are never
//     expanded, so a small file cannot grow into a large tree, and finding
//     a syntax error parses at most a few megabytes, so a hostile file
//     costs a second at worst (BenchmarkHostile).
//
// A document with no content (nothing, comments, blank lines, "---" alone,
// or null) gives a nil root and no error: site.yaml must not be empty, but
// a theme.yaml may be.
//
// # Error wording
//
// Errors are diag.Errors, "path:line:col: message", at the file's line and
// column; a column counts characters, not bytes. Every field of every node
// is positioned: a caller never writes 1:1 or 2:1 for want of a position.
//
// A syntax error stops Parse (YAML cannot resume after one), so there is
// one per text, and it is reported where the writer must look, not where
// yaml.v3 noticed: yaml.v3 names the line where the enclosing block began
// (or the one before), and for a question indented one space too little on
// line 54 of a worksheet it says `line 31: did not find expected key`.
// Parse says instead (testdata/syntax/worksheet-entry-indented-less.txtar):
//
//	content/worksheets/give-and-take.yaml:54:6: this list entry is indented by 5 spaces, but the entries above it are indented by 6 spaces (line 48): line up the "-" of each entry
//
// How it finds the line is in syntax.go. The rules for every message:
//
//   - It uses the writer's words: line, indented, spaces, tab, key, value,
//     text, list, entry, quote, colon, bracket. It never carries the
//     parser's own ("mapping values are not allowed in this context", "did
//     not find expected key", "found character that cannot start any
//     token", "scalar", "sequence", "token", "indicator", "stream"); a
//     YAML term it must use (alias, anchor, tag, directive) comes with what
//     it means. The tests keep a list of yaml.v3's phrases and the fuzz
//     target asserts that no message holds one.
//   - It says what to do: "line up the "-" of each entry", "put quotes
//     around the whole text", "write it as text: "Note: this"", "indent
//     with spaces only".
//   - The position is the character at fault: the first character of a
//     badly indented line, the tab, the quote or bracket left open, the
//     value that needs quotes. "this line" is the line of the position;
//     other lines are named by number.
//   - Messages are lowercase and quote values with %q, as package diag
//     asks.
package yamldoc
