package i18n

// This file is the package's only YAML reader. It reads translation files
// with internal/yamldoc, the project's one YAML reader, and walks its
// nodes. Nothing else in the package knows about YAML: callers that hold
// parsed data build Catalogs with NewMessage and NewPlural.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/yamldoc"
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
//
// A file whose mistakes are in some of its messages comes back with its
// errors and a catalog of the messages that are right, the keys of the
// others marked as present (Catalog.broken), so that the check against the
// original (Translations.Check) reports the rest of the file in the same
// run: a misspelt key with its hint beside a text in the wrong shape, and
// no key called unknown because the message that holds it is broken.
func ParseFile(path string, lang Code, src []byte) (*Catalog, error) {
	cat := &Catalog{Lang: lang, Path: path, Messages: map[string]*Message{}}
	root, errs := yamldoc.Parse(src, yamldoc.Options{Path: path})
	if root == nil && len(errs) > 0 {
		// A syntax error: the mistakes translators make most get advice of
		// their own.
		if more := commonMistakes(path, src); len(more) > 0 {
			return nil, more
		}
		return nil, errs
	}
	if root == nil {
		return cat, nil // nothing, comments, "---" or "~"
	}
	if root.Kind != yamldoc.Map {
		errs.Add(path, root.Line, root.Col, "a translation file is a list of \"key: text\" lines")
		errs.Sort()
		return nil, errs
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if !keyPattern.MatchString(key) {
			errs.Add(path, k.Line, k.Col, "%q is not a key: keys are lowercase words joined by \".\", \"-\" or \"_\", such as \"pager.next\"", clip(key))
			continue
		}
		if m := parseMessage(&errs, path, key, k, v); m != nil {
			cat.Messages[key] = m
		} else {
			if cat.broken == nil {
				cat.broken = map[string]bool{}
			}
			cat.broken[key] = true
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return cat, errs
	}
	return cat, nil
}

func parseMessage(errs *diag.List, path, key string, k, v *yamldoc.Node) *Message {
	switch v.Kind {
	case yamldoc.Scalar, yamldoc.Null:
		t, ok := parseText(errs, path, key, "", k, v)
		if !ok {
			return nil
		}
		m := &Message{Path: path, Line: v.Line, Col: v.Col}
		m.forms[Other] = &t
		return m
	case yamldoc.Map:
		if v.Style == yamldoc.Flow {
			// "key: {count}" is YAML's inline map, not a text.
			errs.Add(path, v.Line, v.Col, "%q: a text that starts with \"{\" goes in quotes, as in %s: \"{count} pages\"", key, key)
			return nil
		}
		m := &Message{plural: true, Path: path, Line: v.Line, Col: v.Col}
		good := true
		for i := 0; i+1 < len(v.Content); i += 2 {
			fk, fv := v.Content[i], v.Content[i+1]
			c, ok := ParseCategory(fk.Value)
			if !ok {
				errs.Add(path, fk.Line, fk.Col, "%q is not a plural form of %q: forms are zero, one, two, few, many and other%s", fk.Value, key, diag.Hint(fk.Value, categoryNames[:]))
				good = false
				continue
			}
			if fv.Kind != yamldoc.Scalar && fv.Kind != yamldoc.Null {
				if fv.Kind != yamldoc.Refused {
					errs.Add(path, fv.Line, fv.Col, "the %q form of %q must be a text", fk.Value, key)
				}
				good = false
				continue
			}
			t, ok := parseText(errs, path, key, fk.Value, fk, fv)
			if !ok {
				good = false
				continue
			}
			m.forms[c] = &t
			m.pos[c] = [2]int{fv.Line, fv.Col}
		}
		if good && m.forms[Other] == nil {
			errs.Add(path, v.Line, v.Col, "%q has no \"other\" form, which every language needs", key)
			return nil
		}
		if !good {
			return nil
		}
		return m
	case yamldoc.Refused:
		// An alias, anchor or tag: yamldoc reported it.
	default:
		errs.Add(path, v.Line, v.Col, "%q must be a text, or its plural forms (one:, other: ...)", key)
	}
	return nil
}

// parseText reads one scalar v, the value of k, as a message text,
// pointing placeholder mistakes at their column when the text is plain
// (unquoted) and on one line, where a byte offset in the value is a column
// offset in the file. A missing text is reported at its key: YAML places
// an empty value wherever the next token starts.
func parseText(errs *diag.List, path, key, form string, k, v *yamldoc.Node) (Text, bool) {
	where := fmt.Sprintf("%q", key)
	if form != "" {
		where = fmt.Sprintf("the %q form of %q", form, key)
	}
	if v.Kind == yamldoc.Null {
		errs.Add(path, k.Line, k.Col, "%s has no text", where)
		return Text{}, false
	}
	t, err := ParseText(v.Value)
	if err != nil {
		col := v.Col
		var se *SyntaxError
		if errors.As(err, &se) && v.Style == yamldoc.Plain && !strings.Contains(v.Value, "\n") {
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
