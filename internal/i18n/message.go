package i18n

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"
)

// CountName is the placeholder that holds the count: the number that picks
// a plural form, and the value `{{T "key" 3}}` fills in.
const CountName = "count"

// segment is one piece of a parsed text: literal text, or a placeholder.
type segment struct {
	text string
	name string // placeholder name; "" for literal text
}

// Text is a parsed message text: literal runs and {placeholders}.
type Text struct {
	segs []segment
}

// SyntaxError is a mistake inside one message text; Offset is the byte
// offset of the mistake in the text, so a reader can point at its column.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParseText reads a message text. A placeholder is a name in braces,
// {count} or {name}: a lowercase letter, then lowercase letters, digits,
// "_" or "-". A literal brace is written twice, "{{" or "}}", as Python's
// format strings do; a lone brace is a mistake, so that a typo such as
// "{count" never reaches a page.
func ParseText(s string) (Text, error) {
	var t Text
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.segs = append(t.segs, segment{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '{':
			if strings.HasPrefix(s[i:], "{{") {
				lit.WriteByte('{')
				i += 2
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return Text{}, &SyntaxError{i, fmt.Sprintf("a brace opens a placeholder that never closes: %q (write {{ for a brace itself)", clip(s[i:]))}
			}
			name := s[i+1 : i+end]
			if !validName(name) {
				msg := fmt.Sprintf("{%s} is not a placeholder: a name is lowercase letters, digits, \"_\" or \"-\", starting with a letter (write {{ for a brace itself)", name)
				if lower := strings.ToLower(name); lower != name && validName(lower) {
					msg = fmt.Sprintf("{%s} is not a placeholder: names are lowercase (did you mean {%s}?)", name, lower)
				}
				return Text{}, &SyntaxError{i, msg}
			}
			flush()
			t.segs = append(t.segs, segment{name: name})
			i += end + 1
		case '}':
			if strings.HasPrefix(s[i:], "}}") {
				lit.WriteByte('}')
				i += 2
				continue
			}
			return Text{}, &SyntaxError{i, "a closing brace without an opening one (write }} for a brace itself)"}
		default:
			lit.WriteByte(s[i])
			i++
		}
	}
	flush()
	return t, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Source writes the text back as a translation file holds it, braces
// doubled: ParseText(t.Source()) gives t again.
func (t Text) Source() string {
	var b strings.Builder
	for _, s := range t.segs {
		if s.name != "" {
			b.WriteString("{" + s.name + "}")
			continue
		}
		b.WriteString(strings.NewReplacer("{", "{{", "}", "}}").Replace(s.text))
	}
	return b.String()
}

// Placeholders are the names the text uses, sorted, each once.
func (t Text) Placeholders() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range t.segs {
		if s.name != "" && !seen[s.name] {
			seen[s.name] = true
			out = append(out, s.name)
		}
	}
	sort.Strings(out)
	return out
}

// uses reports whether the text has the placeholder.
func (t Text) uses(name string) bool {
	for _, s := range t.segs {
		if s.name == name {
			return true
		}
	}
	return false
}

// fill writes the text with each placeholder replaced by its value,
// written in language lang; a placeholder without a value is an error
// naming it.
func (t Text) fill(lang Code, count *Number, values map[string]any) (string, error) {
	var b strings.Builder
	for _, s := range t.segs {
		if s.name == "" {
			b.WriteString(s.text)
			continue
		}
		if s.name == CountName && count != nil {
			b.WriteString(FormatNumber(lang, *count))
			continue
		}
		v, ok := values[s.name]
		if !ok {
			return "", fmt.Errorf("no value for {%s}", s.name)
		}
		str, err := formatValue(lang, v)
		if err != nil {
			return "", fmt.Errorf("the value of {%s}: %w", s.name, err)
		}
		b.WriteString(str)
	}
	return b.String(), nil
}

// Message is one interface string in one language: a plain text, or a
// text per plural category. A plain message is held as its Other form.
type Message struct {
	forms  [numCategories]*Text
	plural bool
	// Where the message is defined, for errors: the file, and the line and
	// column of the value (per form for a plural message).
	Path string
	Line int
	Col  int
	pos  [numCategories][2]int
}

// NewMessage makes a plain message from a text ParseText accepts.
func NewMessage(text string) (*Message, error) {
	t, err := ParseText(text)
	if err != nil {
		return nil, err
	}
	m := &Message{}
	m.forms[Other] = &t
	return m, nil
}

// NewPlural makes a message with plural forms; it needs an Other form.
// Which forms a language needs is Check's concern, not this one's: a
// message is a value, checked against its language when it is in a
// catalog.
func NewPlural(forms map[Category]string) (*Message, error) {
	if _, ok := forms[Other]; !ok {
		return nil, fmt.Errorf("no \"other\" form, which every language needs")
	}
	m := &Message{plural: true}
	for c, s := range forms {
		if c >= numCategories {
			return nil, fmt.Errorf("%v is not a plural category", c)
		}
		t, err := ParseText(s)
		if err != nil {
			return nil, fmt.Errorf("the %q form: %w", c.String(), err)
		}
		m.forms[c] = &t
	}
	return m, nil
}

// Plural reports whether the message was written with plural forms.
func (m *Message) Plural() bool { return m.plural }

// Form is the text of one category, if the message has it.
func (m *Message) Form(c Category) (Text, bool) {
	if c >= numCategories || m.forms[c] == nil {
		return Text{}, false
	}
	return *m.forms[c], true
}

// Forms are the categories the message has, in CLDR order.
func (m *Message) Forms() []Category {
	var out []Category
	for c := Category(0); c < numCategories; c++ {
		if m.forms[c] != nil {
			out = append(out, c)
		}
	}
	return out
}

// Placeholders are the names any form of the message uses, sorted.
func (m *Message) Placeholders() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range m.forms {
		if t == nil {
			continue
		}
		for _, n := range t.Placeholders() {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// position is where form c is defined, or the message's own position.
func (m *Message) position(c Category) (line, col int) {
	if p := m.pos[c]; p[0] > 0 {
		return p[0], p[1]
	}
	return m.Line, m.Col
}

// Format writes the message in language lang. count, when not nil, picks
// the plural form and fills {count} (written as lang writes numbers);
// values fill the other placeholders (see formatValue). A plural message
// needs a count. When the message lacks the form the count needs (a
// translation that Check would reject), its Other form is used.
func (m *Message) Format(lang Code, count *Number, values map[string]any) (string, error) {
	text := m.forms[Other]
	if m.plural {
		if count == nil {
			return "", fmt.Errorf("this message has plural forms and needs a count")
		}
		if t := m.forms[Plural(lang, *count)]; t != nil {
			text = t
		}
	}
	return text.fill(lang, count, values)
}

// formatValue writes one placeholder value as text in language lang: a
// string or fmt.Stringer as is, a number as lang writes numbers, a
// time.Time as a date. HTML is refused: messages are plain text.
func formatValue(lang Code, v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case template.HTML:
		return "", fmt.Errorf("messages are plain text, so a value cannot be HTML; pass the text itself")
	case time.Time:
		return FormatDate(lang, x), nil
	case Number:
		return FormatNumber(lang, x), nil
	case fmt.Stringer:
		return x.String(), nil
	}
	if n, err := NumberOf(v); err == nil {
		return FormatNumber(lang, n), nil
	}
	return "", fmt.Errorf("%v (%T) is neither text nor a number nor a date", v, v)
}
