package i18n

// This file is the package's only YAML reader. It reads translation files
// with gopkg.in/yaml.v3 until internal/yamldoc, the project's one YAML
// reader (issue 11), lands; then ParseFile switches to it and this file
// shrinks to the walk over its nodes. Nothing else in the package knows
// about YAML: callers that hold parsed data build Catalogs with NewMessage
// and NewPlural.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
)

// keyPattern is what a message key looks like: lowercase words joined by
// ".", "-" or "_", such as "pager.next" or "scale.frequency.almost-always".
var keyPattern = regexp.MustCompile(`^[a-z0-9]+([._-][a-z0-9]+)*$`)

// ParseFile reads one translation file of language lang:
//
//	# a comment
//	pager.next: Next                  # a plain message
//	minutes:                          # a message with plural forms
//	  one: About {count} minute
//	  other: About {count} minutes
//
// It reports every problem at its line and column: a file that is not a
// list of keys, a malformed or repeated key, a message with no text, a
// plural form that is not a CLDR category (with a hint), a plural message
// without "other", and mistakes in placeholders. An empty file is an empty
// catalog.
func ParseFile(path string, lang Code, src []byte) (*Catalog, error) {
	cat := &Catalog{Lang: lang, Path: path, Messages: map[string]*Message{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if errs := commonMistakes(path, src); len(errs) > 0 {
			return nil, errs
		}
		return nil, yamlError(path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cat, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cat, nil // "---" and nothing else, or only "~"
	}
	var errs diag.List
	if root.Kind != yaml.MappingNode {
		errs.Add(path, root.Line, root.Column, "a translation file is a list of \"key: text\" lines")
		return nil, errs
	}
	first := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode || !keyPattern.MatchString(key) {
			errs.Add(path, k.Line, k.Column, "%q is not a key: keys are lowercase words joined by \".\", \"-\" or \"_\", such as \"pager.next\"", clip(key))
			continue
		}
		if line, dup := first[key]; dup {
			errs.Add(path, k.Line, k.Column, "%q is defined twice (first at line %d)", key, line)
			continue
		}
		first[key] = k.Line
		if m := parseMessage(&errs, path, key, k, v); m != nil {
			cat.Messages[key] = m
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return cat, nil
}

func parseMessage(errs *diag.List, path, key string, k, v *yaml.Node) *Message {
	switch v.Kind {
	case yaml.ScalarNode:
		t, ok := parseText(errs, path, key, "", k, v)
		if !ok {
			return nil
		}
		m := &Message{Path: path, Line: v.Line, Col: v.Column}
		m.forms[Other] = &t
		return m
	case yaml.MappingNode:
		if v.Style&yaml.FlowStyle != 0 {
			// "key: {count}" is YAML's inline map, not a text.
			errs.Add(path, v.Line, v.Column, "%q: a text that starts with \"{\" goes in quotes, as in %s: \"{count} pages\"", key, key)
			return nil
		}
		m := &Message{plural: true, Path: path, Line: v.Line, Col: v.Column}
		good := true
		for i := 0; i+1 < len(v.Content); i += 2 {
			fk, fv := v.Content[i], v.Content[i+1]
			c, ok := ParseCategory(fk.Value)
			if !ok {
				errs.Add(path, fk.Line, fk.Column, "%q is not a plural form of %q: forms are zero, one, two, few, many and other%s", fk.Value, key, diag.Hint(fk.Value, categoryNames[:]))
				good = false
				continue
			}
			if m.forms[c] != nil {
				errs.Add(path, fk.Line, fk.Column, "the %q form of %q is defined twice (first at line %d)", fk.Value, key, m.pos[c][0])
				good = false
				continue
			}
			if fv.Kind != yaml.ScalarNode {
				errs.Add(path, fv.Line, fv.Column, "the %q form of %q must be a text", fk.Value, key)
				good = false
				continue
			}
			t, ok := parseText(errs, path, key, fk.Value, fk, fv)
			if !ok {
				good = false
				continue
			}
			m.forms[c] = &t
			m.pos[c] = [2]int{fv.Line, fv.Column}
		}
		if good && m.forms[Other] == nil {
			errs.Add(path, v.Line, v.Column, "%q has no \"other\" form, which every language needs", key)
			return nil
		}
		if !good {
			return nil
		}
		return m
	case yaml.AliasNode:
		errs.Add(path, v.Line, v.Column, "%q: write the text out here; aliases (*name) are not read in translation files", key)
	default:
		errs.Add(path, v.Line, v.Column, "%q must be a text, or its plural forms (one:, other: ...)", key)
	}
	return nil
}

// parseText reads one scalar v, the value of k, as a message text,
// pointing placeholder mistakes at their column when the text is plain
// (unquoted) and on one line, where a byte offset in the value is a column
// offset in the file. A missing text is reported at its key: YAML places
// an empty value wherever the next token starts.
func parseText(errs *diag.List, path, key, form string, k, v *yaml.Node) (Text, bool) {
	where := fmt.Sprintf("%q", key)
	if form != "" {
		where = fmt.Sprintf("the %q form of %q", form, key)
	}
	if v.Tag == "!!null" {
		errs.Add(path, k.Line, k.Column, "%s has no text", where)
		return Text{}, false
	}
	t, err := ParseText(v.Value)
	if err != nil {
		col := v.Column
		var se *SyntaxError
		if errors.As(err, &se) && v.Style == 0 && !strings.Contains(v.Value, "\n") {
			col += len([]rune(v.Value[:se.Offset]))
		}
		errs.Add(path, v.Line, col, "%s: %v", where, err)
		return Text{}, false
	}
	return t, true
}

// quoteLine finds "key: value" lines whose unquoted value YAML misreads:
// one that starts with "{" (an inline map to YAML) or holds ": " (a
// second key). Group 1 is the key, group 2 the value.
var quoteLine = regexp.MustCompile(`^(\s*[a-z0-9._-]+):[ \t]+([^'"|>&*#\s].*)$`)

// commonMistakes explains the syntax errors translators make most: a
// text that needed quotes, a tab in the indentation. It returns nothing
// when it finds none of them, and the caller reports YAML's own message.
func commonMistakes(path string, src []byte) diag.List {
	var errs diag.List
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSuffix(line, "\r")
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if j := strings.IndexByte(indent, '\t'); j >= 0 {
			errs.Add(path, i+1, j+1, "indent with spaces: YAML does not allow tabs there")
			continue
		}
		m := quoteLine.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		key, value := strings.TrimSpace(line[m[2]:m[3]]), line[m[4]:m[5]]
		if i := strings.Index(value, " #"); i >= 0 {
			value = value[:i] // a comment
		}
		value = strings.TrimRight(value, " \t")
		if strings.HasPrefix(value, "{") || strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
			col := len([]rune(line[:m[4]])) + 1
			errs.Add(path, i+1, col, "%q: a text that starts with \"{\" or holds a colon goes in quotes, as in %s: \"%s\"", key, key, strings.ReplaceAll(value, `"`, `\"`))
		}
	}
	return errs
}

// yamlError turns a yaml.v3 syntax error into a positioned one.
func yamlError(path string, err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if _, scanErr := fmt.Sscanf(n, "%d", &line); scanErr == nil {
				msg = after
			}
		}
	}
	return diag.List{diag.Errorf(path, line, 0, "this is not valid YAML: %s", msg)}
}
