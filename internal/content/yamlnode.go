package content

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
)

// yamlFile is a YAML document being walked for one file, with the offset of
// its first line in that file (front matter starts on line 2).
type yamlFile struct {
	path       string
	lineOffset int
	errs       *diag.List
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse decodes src into a node tree, reporting a syntax error at its line.
// yaml.v3 gives no column for syntax errors, so the column is left out.
func (y *yamlFile) parse(src []byte) *yaml.Node {
	if n, ok := simpleYAML(src); ok {
		return n
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		if line > 0 {
			line += y.lineOffset
		} else {
			line = y.lineOffset + 1
		}
		y.errs.Add(y.path, line, 0, "invalid YAML: %s", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

func (y *yamlFile) errorf(n *yaml.Node, format string, args ...any) {
	y.errs.Add(y.path, n.Line+y.lineOffset, n.Column, format, args...)
}

// fields walks a mapping node, calling fn for each key with its value.
// Unknown keys are reported with a "did you mean" hint; ignored keys are
// accepted silently.
func (y *yamlFile) fields(n *yaml.Node, what string, known, ignored []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		y.errorf(n, "%s must be a mapping of keys to values", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if seen[key] {
			y.errorf(k, "duplicate key %q", key)
			continue
		}
		seen[key] = true
		if contains(ignored, key) {
			continue
		}
		if !contains(known, key) {
			y.errorf(k, "unknown key %q in %s%s", key, what, diag.Hint(key, known))
			continue
		}
		fn(key, k, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (y *yamlFile) str(key string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		if v.Tag == "!!null" {
			return ""
		}
		y.errorf(v, "%s must be a text value", key)
		return ""
	}
	return v.Value
}

func (y *yamlFile) boolean(key string, v *yaml.Node) bool {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, _ := strconv.ParseBool(strings.ToLower(v.Value))
		return b
	}
	y.errorf(v, "%s must be true or false, not %q", key, v.Value)
	return false
}

func (y *yamlFile) integer(key string, v *yaml.Node) int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		i, err := strconv.Atoi(v.Value)
		if err == nil {
			return i
		}
	}
	y.errorf(v, "%s must be a whole number, not %q", key, v.Value)
	return 0
}

// strings accepts a sequence of text values, or a single text value.
func (y *yamlFile) strings(key string, v *yaml.Node) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil
		}
		return []string{v.Value}
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				y.errorf(c, "each entry of %s must be a text value", key)
				continue
			}
			out = append(out, c.Value)
		}
		return out
	}
	y.errorf(v, "%s must be a list of text values", key)
	return nil
}

var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

func (y *yamlFile) date(key string, v *yaml.Node) time.Time {
	if v.Kind == yaml.ScalarNode {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, v.Value); err == nil {
				return t
			}
		}
	}
	y.errorf(v, "%s must be a date like 2026-03-14, not %q", key, v.Value)
	return time.Time{}
}
