package hugo

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"mutual/internal/diag"
	"mutual/internal/yamldoc"
)

// The configuration of a Hugo site, whatever its format, is read into one
// tree of nodes that remember where they were written, so that the report
// can point at a key ("config/_default/params.toml:4:1") and the merge can
// follow Hugo's rules. Values that are not tables or lists are kept as the
// text written (a TOML integer as its decimal digits): the converter decides
// what each key means, as mutual's YAML reader does.

type kind uint8

const (
	null   kind = iota // no value (YAML's empty value or null, JSON's null)
	scalar             // a string, number, boolean or date, as text
	table              // keys and values (a TOML table, a YAML map, a JSON object)
	list               // entries
)

// pos is where a key or value was written: a path relative to the Hugo
// site, and a line and column counted from 1 (the column in characters).
type pos struct {
	file      string
	line, col int
}

func (p pos) String() string {
	if p.line == 0 {
		return p.file
	}
	return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col)
}

type node struct {
	kind    kind
	text    string   // scalar
	quoted  bool     // a scalar written in quotes: a text, whatever it looks like
	entries []*entry // table, in the order written
	items   []*node  // list
	pos     pos      // where the value starts
}

// entry is one key of a table. key is as written; Hugo compares keys
// without case (it lowercases them all), and so does get.
type entry struct {
	key    string
	keyPos pos
	val    *node
}

// get returns the entry of key, compared without case; the last one when
// a file wrote two spellings of one key (Hugo keeps the last).
func (n *node) get(key string) *entry {
	if n == nil || n.kind != table {
		return nil
	}
	var found *entry
	for _, e := range n.entries {
		if strings.EqualFold(e.key, key) {
			found = e
		}
	}
	return found
}

// getExact returns the entry of exactly key: TOML and JSON keys differ
// by case until Hugo lowercases them.
func (n *node) getExact(key string) *entry {
	for _, e := range n.entries {
		if e.key == key {
			return e
		}
	}
	return nil
}

// value returns the value of key, or nil.
func (n *node) value(key string) *node {
	if e := n.get(key); e != nil {
		return e.val
	}
	return nil
}

// set puts val under key, replacing the value of the same key (compared
// without case).
func (n *node) set(key string, keyPos pos, val *node) {
	for i, e := range n.entries {
		if strings.EqualFold(e.key, key) {
			n.entries[i] = &entry{key: key, keyPos: keyPos, val: val}
			return
		}
	}
	n.entries = append(n.entries, &entry{key: key, keyPos: keyPos, val: val})
}

// merge puts src's keys into dst as Hugo merges configuration files: a
// table merges into a table key by key, any other value replaces what dst
// had (the later file wins).
func merge(dst, src *node) {
	for _, e := range src.entries {
		old := dst.get(e.key)
		if old != nil && old.val.kind == table && e.val.kind == table {
			merge(old.val, e.val)
			continue
		}
		dst.set(e.key, e.keyPos, e.val)
	}
}

// maxConfigSize is the most a configuration file may hold, as for
// mutual's own site.yaml.
const maxConfigSize = 1 << 20

// parseConfig reads one configuration file by its extension: .toml, .yaml
// or .yml, .json, with yamldoc (mutual's one reader of the three formats),
// and makes a tree of it. file names it in positions. The root must be a
// table; an empty file is an empty table. Errors are positioned; with an
// error the tree is nil, except for YAML values that mutual's YAML reader
// refuses (aliases, tags), which are left out and reported in refused
// while the rest is read.
func parseConfig(file string, src []byte) (root *node, refused diag.List, err error) {
	if len(src) > maxConfigSize {
		return nil, nil, &diag.Error{Path: file, Msg: fmt.Sprintf("this configuration file is %d KB; mutual reads at most %d KB", (len(src)+1023)>>10, maxConfigSize>>10)}
	}
	opt := yamldoc.Options{Path: file, MaxBytes: maxConfigSize}
	var doc *yamldoc.Node
	var errs diag.List
	switch ext(file) {
	case "toml":
		doc, errs = yamldoc.ParseTOML(src, opt)
	case "yaml", "yml":
		doc, errs = yamldoc.Parse(src, opt)
		if doc != nil {
			refused, errs = errs, nil
		}
	case "json":
		var end int
		doc, end, errs = yamldoc.ParseJSON(src, opt)
		if len(errs) == 0 && end >= 0 {
			if rest := bytes.TrimLeft(src[end:], " \t\r\n"); len(rest) > 0 {
				line, col := offsetPos(src, len(src)-len(rest))
				errs.Add(file, line, col, "JSON: more after the end of the configuration's object: remove it")
			}
		}
	default:
		return nil, nil, &diag.Error{Path: file, Msg: "not a configuration file: Hugo reads .toml, .yaml, .yml and .json"}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, refused, errs
	}
	if doc == nil || doc.Kind == yamldoc.Null {
		return &node{kind: table, pos: pos{file: file}}, refused, nil
	}
	root = fromDoc(file, doc)
	if root.kind != table {
		return nil, refused, &diag.Error{Path: file, Line: root.pos.line, Col: root.pos.col, Msg: "a configuration file holds keys and values, not " + kindWord(root.kind)}
	}
	return root, refused, nil
}

func ext(file string) string {
	i := strings.LastIndexByte(file, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(file[i+1:])
}

func kindWord(k kind) string {
	switch k {
	case scalar:
		return "a single value"
	case list:
		return "a list"
	case table:
		return "keys and values"
	}
	return "nothing"
}

// fromDoc makes a tree of yamldoc's, leaving out the values it refused
// (they are reported).
func fromDoc(file string, y *yamldoc.Node) *node {
	p := pos{file: file, line: y.Line, col: y.Col}
	switch y.Kind {
	case yamldoc.Scalar:
		return &node{kind: scalar, text: y.Value, quoted: y.Style != yamldoc.Plain, pos: p}
	case yamldoc.Map:
		n := &node{kind: table, pos: p}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if v.Kind == yamldoc.Refused {
				continue
			}
			n.setExact(k.Value, pos{file: file, line: k.Line, col: k.Col}, fromDoc(file, v))
		}
		return n
	case yamldoc.List:
		n := &node{kind: list, pos: p}
		for _, item := range y.Content {
			if item.Kind == yamldoc.Refused {
				continue
			}
			n.items = append(n.items, fromDoc(file, item))
		}
		return n
	}
	return &node{kind: null, pos: p}
}

// setExact replaces the value of exactly key (JSON keys differing in case
// are different keys until Hugo lowercases them; get sees the last).
func (n *node) setExact(key string, keyPos pos, val *node) {
	for i, e := range n.entries {
		if e.key == key {
			n.entries = append(n.entries[:i], n.entries[i+1:]...)
			break
		}
	}
	n.entries = append(n.entries, &entry{key: key, keyPos: keyPos, val: val})
}

// offsetPos is the line and column (in characters, from 1) of a byte
// offset of src.
func offsetPos(src []byte, off int) (int, int) {
	off = max(0, min(off, len(src)))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}
