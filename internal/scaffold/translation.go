package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// NewTranslation starts the translation into the language code of the
// page or worksheet at content/<rel>: a copy of it beside it, named
// <name>.<code>.<ext> as the site's translations are, with a comment on
// what to translate and draft: true, so that the site goes on showing the
// original in that language until the translator removes it. The language
// must be one of site.yaml's languages other than the default; rel must be
// an original (not itself a translation) that exists. It never overwrites
// a file, and returns the path it wrote.
func NewTranslation(siteDir, code, rel string) (string, error) {
	cfg, err := siteConfig(siteDir)
	if err != nil {
		return "", err
	}
	name := cfg.Path
	if len(cfg.Languages) < 2 {
		return "", fmt.Errorf("the site has one language: list its languages in %s first (see the README's Several languages)", name)
	}
	var codes []string
	lang := -1
	for i, l := range cfg.Languages {
		codes = append(codes, string(l.Code))
		if strings.EqualFold(string(l.Code), code) {
			lang = i
		}
	}
	switch {
	case lang < 0:
		return "", fmt.Errorf("%q is not one of the site's languages (%s)%s", code, strings.Join(codes, ", "), diag.Hint(code, codes[1:]))
	case lang == 0:
		return "", fmt.Errorf("%s is the site's default language: its pages are the originals; give the code of the language to translate into (%s)", codes[0], strings.Join(codes[1:], ", "))
	}
	l := cfg.Languages[lang]
	clean, err := contentPath(rel, ".md", "page", ".yaml", ".yml")
	if err != nil {
		return "", err
	}
	if first, _, ok := strings.Cut(clean, "/"); ok && isCode(first, codes) {
		return "", fmt.Errorf("%s is in the tree of a language (content/%s/): give the path of the original in the default language", clean, first)
	}
	ext := path.Ext(clean)
	stem := strings.TrimSuffix(clean, ext)
	if i := strings.LastIndexByte(path.Base(stem), '.'); i > 0 && isCode(path.Base(stem)[i+1:], codes) {
		return "", fmt.Errorf("%s is a translation already: give the path of the original (%s)", clean, strings.TrimSuffix(stem, path.Base(stem)[i:])+ext)
	}
	if link, target, ok := linkOutOf(siteDir, "content/"+clean); ok {
		return "", fmt.Errorf("%s is a symbolic link to %s, which is outside the site folder: mutual new does not read through it", link, target)
	}
	orig := filepath.Join(siteDir, "content", filepath.FromSlash(clean))
	limit := int64(content.MaxPageSize)
	if ext != ".md" {
		limit = content.MaxWorksheetSize
	}
	data, err := content.ReadOSLimited(orig, limit, "file")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("content/%s does not exist: give the path of the page or worksheet to translate, inside content/", clean)
	case err != nil:
		return "", err
	}
	language := l.Code.EnglishName() // "Spanish": the notes are in English, as mutual's messages
	if strings.HasPrefix(language, "language ") {
		language = l.Name // a language mutual knows no name for
	}
	var body []byte
	if ext == ".md" {
		body = draftPage(data, fmt.Sprintf(pageNote, language, clean))
	} else {
		if !strings.HasPrefix(clean, "worksheets/") {
			return "", fmt.Errorf("content/%s is no worksheet (worksheets live in content/worksheets/): only pages (.md) and worksheets can be translated", clean)
		}
		body = draftWorksheet(data, fmt.Sprintf(worksheetNote, language, clean))
	}
	return create(siteDir, stem+"."+string(l.Code)+ext, string(body))
}

func isCode(s string, codes []string) bool {
	for _, c := range codes {
		if strings.EqualFold(s, c) {
			return true
		}
	}
	return false
}

// The notes a new translation starts with.
const (
	pageNote = "The %s translation of content/%s, started by mutual new translation.\n" +
		"Translate the title, the description and the text. Links stay as they are written:\n" +
		"they lead to the pages of this language. While draft: true is here, the site shows\n" +
		"the original in this language: remove it to publish the translation."
	worksheetNote = "The %s translation of content/%s, started by mutual new translation.\n" +
		"Translate the texts only. Every id, type, area, scale, value, weight, reverse flag,\n" +
		"alert and band range stays as it is: the build checks that this file scores exactly\n" +
		"as the original, so that answers and shared codes work in both languages. While\n" +
		"draft: true is here, the site shows the original in this language: remove it to\n" +
		"publish the translation."
)

var (
	yamlDraft = regexp.MustCompile(`(?m)^draft[ \t]*:.*$`)
	tomlDraft = regexp.MustCompile(`(?m)^draft[ \t]*=.*$`)
	tomlTable = regexp.MustCompile(`(?m)^[ \t]*\[`)
)

// comment is note as comment lines ("# ...").
func comment(note string) string {
	return "# " + strings.ReplaceAll(note, "\n", "\n# ") + "\n"
}

// draftPage is a Markdown file with the note and draft: true in its front
// matter: YAML and TOML get both after their opening line (a draft key
// there is set to true), JSON, which has no comments, the key alone; a
// page without front matter gets a YAML one.
func draftPage(src []byte, note string) []byte {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	delim := string(bytes.TrimRight(first, " \t\r"))
	switch {
	case delim == "---" || delim == "+++":
		end := bytes.Index(rest, []byte("\n"+delim))
		if bytes.HasPrefix(rest, []byte(delim)) {
			end = 0
		}
		if end < 0 {
			break // not closed: the build says so; treat as no front matter
		}
		fm, after := rest[:end], rest[end:]
		var b bytes.Buffer
		b.Write(first)
		b.WriteString("\n")
		b.WriteString(comment(note))
		if delim == "---" {
			b.Write(yamlSetDraft(fm))
			b.Write(after)
			return b.Bytes()
		}
		// TOML: the top-level keys are those before the first [table].
		top, tables := fm, []byte(nil)
		if loc := tomlTable.FindIndex(fm); loc != nil {
			top, tables = fm[:loc[0]], fm[loc[0]:]
		}
		if tomlDraft.Match(top) {
			b.Write(tomlDraft.ReplaceAll(top, []byte("draft = true")))
			b.Write(tables)
		} else {
			b.WriteString("draft = true\n")
			b.Write(bytes.TrimPrefix(fm, []byte("\n")))
		}
		b.Write(after)
		return b.Bytes()
	case bytes.HasPrefix(src, []byte("{")) && !bytes.HasPrefix(src, []byte("{{")):
		if from, to, ok := jsonTopKey(src, "draft"); ok {
			return append(append(src[:from:from], "true"...), src[to:]...)
		}
		if t := bytes.TrimLeft(src[1:], " \t\r\n"); bytes.HasPrefix(t, []byte("}")) {
			return append([]byte(`{"draft": true`), t...)
		}
		return append([]byte("{\n  \"draft\": true,"), src[1:]...)
	}
	return append([]byte("---\n"+comment(note)+"draft: true\n---\n"), src...)
}

// yamlSetDraft returns the YAML mapping doc with draft: true: a draft
// key at its top level set to true, else one added before its first key
// (inside the braces of a mapping written in them); a document that says
// nothing (comments, ~, null, a bare "!") becomes "draft: true".
func yamlSetDraft(doc []byte) []byte {
	// A tag or an anchor on a line of its own ("!" or "&a") belongs to the
	// mapping below it: the key goes after it.
	head := leadingLines(doc, yamlProperties.Match)
	if head > 0 {
		if len(bytes.TrimSpace(doc[head:])) == 0 {
			return append(append(slices.Clip(doc[:head]), bytes.TrimRight(doc[head:], " \t\r\n")...), "\ndraft: true"...)
		}
		return append(slices.Clip(doc[:head]), yamlSetDraft(doc[head:])...)
	}
	var b bytes.Buffer
	if i, ok := yamlFlowOrNull(doc); ok {
		switch {
		case i < 0: // nothing to keep
			b.WriteString("draft: true\n")
		case yamlFlowDraft.Match(doc[i:]):
			b.Write(doc[:i])
			b.Write(yamlFlowDraft.ReplaceAll(doc[i:], []byte("${1}draft: true")))
		default:
			b.Write(doc[:i+1])
			if t := bytes.TrimLeft(doc[i+1:], " \t\r\n"); bytes.HasPrefix(t, []byte("}")) {
				b.WriteString("draft: true")
				b.Write(t)
			} else {
				b.WriteString("draft: true, ")
				b.Write(doc[i+1:])
			}
		}
		return b.Bytes()
	}
	re, line := yamlDraft, "draft: true"
	if ind := yamlIndent(doc); ind != "" {
		// A mapping indented as a whole: its keys line up.
		re = regexp.MustCompile(`(?m)^` + ind + `draft[ \t]*:.*$`)
		line = ind + line
	}
	if re.Match(doc) {
		return re.ReplaceAll(doc, []byte(line))
	}
	b.WriteString(line + "\n")
	b.Write(bytes.TrimPrefix(doc, []byte("\n")))
	return b.Bytes()
}

// yamlProperties is a line of comments, blanks, tags and anchors only.
var yamlProperties = regexp.MustCompile(`^[ \t]*(?:[!&][^ \t\r\n]*[ \t]*)+(?:#.*)?\r?\n?$`)

// yamlFlowDraft is a draft key at the top of a mapping in braces (its
// value up to the next comma or brace).
var yamlFlowDraft = regexp.MustCompile(`([{,][ \t\r\n]*)["']?draft["']?[ \t]*:[^,}]*`)

// yamlFlowOrNull reports a YAML front matter that is no block of keys:
// one that says nothing (comments, ~, null, a bare "!"), with i -1, or a
// mapping in braces, with i the offset of its "{".
func yamlFlowOrNull(fm []byte) (i int, ok bool) {
	off := 0
	var value []byte
	for _, l := range bytes.SplitAfter(fm, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' {
			if value != nil {
				return 0, false // a second line of content
			}
			value = t
			if t[0] == '{' {
				return off + bytes.IndexByte(l, '{'), true
			}
		}
		off += len(l)
	}
	if c := bytes.Index(value, []byte(" #")); c >= 0 {
		value = bytes.TrimSpace(value[:c])
	}
	switch string(value) {
	case "", "~", "null", "Null", "NULL", "!":
		return -1, true
	}
	return 0, false
}

// yamlIndent is the indent of the first key of a YAML front matter
// (spaces before the first line that is neither blank nor a comment).
func yamlIndent(fm []byte) string {
	for _, l := range strings.Split(string(fm), "\n") {
		t := strings.TrimLeft(l, " ")
		if t == "" || strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return l[:len(l)-len(t)]
	}
	return ""
}

// jsonTopKey finds the value of the key named (in any case) at the top
// level of the JSON object src starts with, and returns its byte span.
func jsonTopKey(src []byte, key string) (from, to int, ok bool) {
	d := json.NewDecoder(bytes.NewReader(src))
	depth := 0
	wantKey := false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				depth++
				wantKey = t == '{' && depth == 1
			} else {
				depth--
				wantKey = depth == 1
				if depth == 0 {
					return 0, 0, false
				}
			}
			continue
		case string:
			if depth == 1 && wantKey {
				if strings.EqualFold(t, key) {
					v := d.InputOffset()
					if _, err := d.Token(); err != nil {
						return 0, 0, false
					}
					// The value's span: from after the colon, spaces skipped.
					for v < int64(len(src)) && (src[v] == ' ' || src[v] == '\t' || src[v] == '\n' || src[v] == '\r' || src[v] == ':') {
						v++
					}
					return int(v), int(d.InputOffset()), true
				}
				wantKey = false
				continue
			}
		}
		if depth == 1 {
			wantKey = true
		}
	}
}

// draftWorksheet is a worksheet's YAML with the note and draft: true at
// its top, after the comment lines it starts with (the schema line); a
// draft key it has is set to true.
func draftWorksheet(src []byte, note string) []byte {
	// The lines before the mapping: comments, blank lines, directives and
	// the document's "---".
	i := leadingLines(src, func(l []byte) bool {
		l = bytes.TrimSpace(l)
		return len(l) == 0 || l[0] == '#' || l[0] == '%' || yamlDocStart.Match(l)
	})
	var b bytes.Buffer
	b.Write(src[:i])
	b.WriteString(comment(note))
	b.Write(yamlSetDraft(src[i:]))
	return b.Bytes()
}

// leadingLines is the length of b's first lines (each with its line
// break) for which keep holds.
func leadingLines(b []byte, keep func(line []byte) bool) int {
	i := 0
	for i < len(b) {
		end := len(b)
		if nl := bytes.IndexByte(b[i:], '\n'); nl >= 0 {
			end = i + nl + 1
		}
		if !keep(b[i:end]) {
			break
		}
		i = end
	}
	return i
}

// yamlDocStart is the line that starts a YAML document ("---", perhaps
// with a comment after it).
var yamlDocStart = regexp.MustCompile(`^---(\s+#.*)?$`)

// siteConfig reads and checks the site.yaml of the site in siteDir, for a
// command that writes into the site: a site.yaml with mistakes is refused,
// since what the command writes depends on it.
func siteConfig(siteDir string) (*content.Config, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return nil, err
	}
	siteReal, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("%s has no content/ folder: is it a site? (create one with mutual init, or pick one with -s DIR)", siteDir)
	}
	name, src, err := content.ReadConfig(abs, siteReal)
	if err != nil {
		return nil, err
	}
	cfg, errs := content.ParseConfigFile(name, src)
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s has mistakes (mutual check lists them): fix them first", name)
	}
	return cfg, nil
}
