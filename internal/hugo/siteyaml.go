package hugo

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// siteYAML writes the configuration as content/site.yaml: a comment naming
// where it came from, then the keys in the README's order. Texts are plain
// where YAML reads them back as written, and in double quotes otherwise;
// content.ParseConfig reads the file back to the same values (the tests and
// FuzzSiteYAML hold that).
func siteYAML(c siteConfig, from []string) []byte {
	var b strings.Builder
	b.WriteString("# The configuration of this mutual site, converted by mutual import hugo\n")
	b.WriteString("# from the Hugo site's " + strings.Join(from, ", ") + ".\n")
	b.WriteString("# The README's site.yaml reference describes every key.\n")
	comment := func(text string) {
		if text != "" {
			b.WriteString("# " + text + "\n")
		}
	}
	key := func(k, v string) {
		b.WriteString(k + ": " + yamlText(v) + "\n")
	}
	comment(c.TitleComment)
	key("title", c.Title)
	if c.Description != "" {
		key("description", c.Description)
	}
	comment(c.BaseURLComment)
	key("baseURL", c.BaseURL)
	if c.Language != "" {
		key("language", c.Language)
	}
	key("theme", c.Theme)
	if c.KeepCase {
		b.WriteString("lowercaseURLs: false\n")
	}
	if c.Paginate > 0 {
		b.WriteString("paginate: " + strconv.Itoa(c.Paginate) + "\n")
	}
	if len(c.Menu) > 0 {
		b.WriteString("menu:\n")
		for _, m := range c.Menu {
			b.WriteString("  - name: " + yamlText(m.Name) + "\n")
			b.WriteString("    url: " + yamlText(m.URL) + "\n")
			if m.Weight != 0 {
				b.WriteString("    weight: " + strconv.Itoa(m.Weight) + "\n")
			}
		}
	}
	if len(c.Languages) > 0 {
		b.WriteString("# The site's languages, the default first, at the root; the others under /<code>/.\n")
		b.WriteString("languages:\n")
		for _, l := range c.Languages {
			if l.NameComment != "" {
				b.WriteString("  # " + l.NameComment + "\n")
			}
			b.WriteString("  - code: " + yamlText(l.Code) + "\n")
			b.WriteString("    name: " + yamlText(l.Name) + "\n")
			if l.Title != "" {
				b.WriteString("    title: " + yamlText(l.Title) + "\n")
			}
			if l.Description != "" {
				b.WriteString("    description: " + yamlText(l.Description) + "\n")
			}
			if l.Dir != "" {
				b.WriteString("    dir: " + l.Dir + "\n")
			}
			if len(l.Menu) > 0 {
				b.WriteString("    menu:\n")
				for _, m := range l.Menu {
					b.WriteString("      - name: " + yamlText(m.Name) + "\n")
					b.WriteString("        url: " + yamlText(m.URL) + "\n")
					if m.Weight != 0 {
						b.WriteString("        weight: " + strconv.Itoa(m.Weight) + "\n")
					}
				}
			}
		}
	}
	if len(c.Params.entriesOrNil()) > 0 {
		b.WriteString("# Hugo's params, which templates and the param shortcode read as .Site.Params.\n")
		b.WriteString("params:")
		writeValue(&b, c.Params, 0)
	}
	return []byte(b.String())
}

// writeValue writes n as the value of a key or a list entry whose line is
// already begun (after "key:" or "-"), at the given indent: a single
// value on the same line, keys and values and lists on the lines below.
// A value reads back (yamldoc.Value) as Hugo's does: a text that was
// quoted, or that YAML would read as a number or a boolean, is quoted.
func writeValue(b *strings.Builder, n *node, indent int) {
	pad := strings.Repeat(" ", indent+2)
	switch n.kind {
	case null:
		b.WriteString("\n")
	case scalar:
		b.WriteString(" " + scalarText(n) + "\n")
	case table:
		if len(n.entries) == 0 {
			b.WriteString(" {}\n")
			return
		}
		b.WriteString("\n")
		for _, e := range n.entries {
			b.WriteString(pad + keyText(e.key) + ":")
			writeValue(b, e.val, indent+2)
		}
	case list:
		if len(n.items) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteString("\n")
		for _, it := range n.items {
			b.WriteString(pad + "-")
			writeValue(b, it, indent+2)
		}
	}
}

// scalarText writes a single value of Hugo's configuration so that it
// keeps its type: quoted texts stay texts, numbers, booleans and dates
// (written without quotes in TOML, YAML or JSON) stay plain.
func scalarText(n *node) string {
	if n.quoted {
		if plainSafe(n.text) && !looksTyped(n.text) {
			return n.text
		}
		return strconv.Quote(n.text)
	}
	if looksTyped(n.text) {
		return n.text // -1.5e3: YAML reads a plain value as written
	}
	return yamlText(n.text)
}

// looksTyped reports that a plain value would be read as something other
// than a text: a boolean or a number (yamldoc.Value's rules).
func looksTyped(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false":
		return true
	}
	return numberLike.MatchString(s)
}

var numberLike = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// keyText writes a key: plain when it reads back as itself.
func keyText(k string) string {
	if plainSafe(k) && !strings.ContainsAny(k, ":#") {
		return k
	}
	return strconv.Quote(k)
}

// yamlText writes s as a YAML value that reads back as s.
func yamlText(s string) string {
	if plainSafe(s) {
		return s
	}
	return strconv.Quote(s)
}

// plainSafe reports that s may be written without quotes: it starts with a
// letter, a digit, "/", "." or "_", holds only letters, digits, spaces and punctuation that
// YAML gives no meaning within a value, has no ": " or " #", and is not
// one of YAML's words for nothing.
func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "null", "~":
		return false
	}
	r := []rune(s)
	if !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) && !strings.ContainsRune("/._", r[0]) {
		return false
	}
	for i, c := range r {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
		case c == ' ':
			if i+1 < len(r) && r[i+1] == '#' {
				return false
			}
		case c == ':':
			if i+1 == len(r) || r[i+1] == ' ' {
				return false
			}
		case strings.ContainsRune(".,;!?()'/&+_-=%@$", c):
		default:
			return false
		}
	}
	return true
}
