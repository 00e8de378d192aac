package hugo

import (
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
	if len(c.Menu) > 0 {
		b.WriteString("menu:\n")
		for _, m := range c.Menu {
			b.WriteString("  - name: " + yamlText(m.Name) + "\n")
			b.WriteString("    url: " + yamlText(m.URL) + "\n")
		}
	}
	return []byte(b.String())
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
