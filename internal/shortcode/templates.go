package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	ttemplate "text/template"
	"text/template/parse"

	"mutual/internal/diag"
	"mutual/internal/markdown"
)

// TemplateFile is one shortcode template: layouts/shortcodes/NAME.html of
// a theme.
type TemplateFile struct {
	Name string // the shortcode's name: "hint", "media/audio"
	Path string // the file, site-relative, for messages
	Text string
}

// Files lists the shortcode templates under dir of fsys (such as a theme's
// "layouts/shortcodes"): every .html file, named by its path below dir
// without the extension. display is the site-relative path of dir, for
// messages. A missing dir has no templates.
func Files(fsys fs.FS, dir, display string) ([]TemplateFile, error) {
	var out []TemplateFile
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || path.Ext(p) != ".html" || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, dir+"/")
		out = append(out, TemplateFile{
			Name: strings.TrimSuffix(rel, ".html"),
			Path: path.Join(display, rel),
			Text: string(b),
		})
		return nil
	})
	return out, err
}

// Set is a parsed set of shortcode templates, one per name. It is safe for
// concurrent use once built.
type Set struct {
	tmpls map[string]*template.Template
	defs  map[string]Def
}

// NewSet parses the templates with Funcs and the site's funcs (which win
// on a shared name). The site's funcs must include those the default
// theme's templates call: ref, relref, resolveLink, resolveImage and highlight (see the
// package documentation). A name given twice takes the first file, so list
// a site's files before its theme's.
func NewSet(files []TemplateFile, siteFuncs template.FuncMap) (*Set, diag.List) {
	s := &Set{tmpls: map[string]*template.Template{}, defs: map[string]Def{}}
	var errs diag.List
	for _, f := range files {
		if _, dup := s.tmpls[f.Name]; dup {
			continue
		}
		if line, col := diag.InvalidUTF8([]byte(f.Text)); line > 0 {
			// Reported, and the template kept, so that its calls are not
			// also said to name no shortcode; the build stops anyway.
			errs.Add(f.Path, line, col, "%s", diag.NotUTF8)
		}
		t, err := template.New(f.Path).Funcs(Funcs()).Funcs(siteFuncs).Parse(f.Text)
		if err != nil {
			names := append(slices.Collect(maps.Keys(Funcs())), slices.Collect(maps.Keys(siteFuncs))...)
			slices.Sort(names)
			errs.Append(templateError(err, f.Path, f.Text, names))
			continue
		}
		s.tmpls[f.Name] = t
		s.defs[f.Name] = Def{Inner: UsesInner(t)}
	}
	return s, errs
}

// Defs returns the names the set defines and whether each reads its inner
// content: Options.Defs for Parse.
func (s *Set) Defs() map[string]Def { return s.defs }

// Execute runs the template of c.Name with c as its dot: Env.Execute for
// Expand. A function's error comes back as the function wrote it, without
// html/template's wrapping, since it speaks to the writer.
func (s *Set) Execute(c *Call) (string, error) {
	t := s.tmpls[c.Name]
	if t == nil {
		return "", fmt.Errorf("no template layouts/shortcodes/%s.html", c.Name)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, c); err != nil {
		return "", execError(err)
	}
	return b.String(), nil
}

// execError unwraps the error of a function a template called (errorf,
// callout, ref...) from html/template's text, which names the template
// and the call; other errors (a missing field) keep it, less "template: ".
func execError(err error) error {
	var ee ttemplate.ExecError
	if errors.As(err, &ee) {
		if inner := errors.Unwrap(ee.Err); inner != nil {
			return inner
		}
	}
	msg := strings.TrimPrefix(err.Error(), "template: ")
	return errors.New(executingRE.ReplaceAllString(msg, ""))
}

// executingRE matches html/template's `executing "name" ` part, which
// repeats the file name the message starts with.
var executingRE = regexp.MustCompile(`executing "[^"]*" `)

var templateErrRE = regexp.MustCompile(`^template: [^:]+(?:\.html)?:(\d+)(?::(\d+))?: (.*)$`)

// templateError places a parse error in its file, text, at the column
// diag.TemplateSyntax finds; funcs are the names the file may call.
func templateError(err error, file, text string, funcs []string) *diag.Error {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(strings.Replace(msg, "template: "+file, "template: x", 1)); m != nil {
		line, _ := strconv.Atoi(m[1])
		if m[2] != "" {
			// Not a syntax error (text/template gives those a line alone).
			col, _ := strconv.Atoi(m[2])
			return &diag.Error{Path: file, Line: line, Col: col + 1, Msg: m[3]}
		}
		l, col, words := diag.TemplateSyntax(text, line, m[3], funcs)
		return &diag.Error{Path: file, Line: l, Col: col, Msg: words}
	}
	return &diag.Error{Path: file, Msg: msg}
}

// innerNames are the fields and methods of Call that read the content
// between the tags.
var innerNames = map[string]bool{"Inner": true, "InnerDeindent": true, "Body": true, "InlineBody": true}

// UsesInner reports that a template reads the content between a call's
// tags (.Inner, .InnerDeindent, .Body or .InlineBody, also as $.Inner or
// in a chain), as Hugo decides whether a shortcode is paired.
func UsesInner(t *template.Template) bool {
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return false
	}
	found := false
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		if found || n == nil || reflect.ValueOf(n).IsNil() {
			return
		}
		switch n := n.(type) {
		case *parse.ListNode:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c)
			}
			for _, v := range n.Decl {
				walk(v)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			found = hasInnerIdent(n.Ident)
		case *parse.VariableNode:
			found = hasInnerIdent(n.Ident[1:])
		case *parse.ChainNode:
			found = hasInnerIdent(n.Field)
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(t.Tree.Root)
	return found
}

func hasInnerIdent(idents []string) bool {
	for _, id := range idents {
		if innerNames[id] {
			return true
		}
	}
	return false
}

// Funcs are the template functions of shortcode templates, besides
// html/template's own and the site's. Most carry Hugo's names and
// meaning, so that Hugo themes' templates run:
//
//	default D V        V, or D when V is empty (nil, "", 0, false, empty list)
//	split S SEP        S cut at each SEP: a list of strings
//	trim S CUTSET      S without the runes of CUTSET at its ends
//	in SET V           whether the list SET holds V, or the string SET contains V
//	lower S, upper S   S in lower or upper case
//	errorf F ARGS...   stops the call with the message: the build fails there
//	safeHTML S         S as HTML, written without escaping
//	safeURL S          S as a URL html/template does not filter
//	plainify S         S without HTML tags, entities decoded
//	dict K V ...       a map of the keys and values, to pass several to a template
//
// and one is mutual's:
//
//	callout NAME TITLE the callout box for NAME (note, tip, warning and the
//	                   other themes' names, see markdown.LookupCallout), with
//	                   .Kind and .Title (TITLE, or the name's default): an
//	                   unknown NAME stops the call with a "did you mean"
//	knownCallout NAME  whether callout knows NAME
func Funcs() template.FuncMap {
	return template.FuncMap{
		"default": func(def, v any) any {
			if isEmpty(v) {
				return def
			}
			return v
		},
		"split": func(s any, sep string) []string { return strings.Split(toString(s), sep) },
		"trim":  func(s any, cutset string) string { return strings.Trim(toString(s), cutset) },
		"in":    in,
		"lower": func(s any) string { return strings.ToLower(toString(s)) },
		"upper": func(s any) string { return strings.ToUpper(toString(s)) },
		"errorf": func(format string, args ...any) (string, error) {
			return "", fmt.Errorf(format, args...)
		},
		"safeHTML": func(s any) template.HTML { return template.HTML(toString(s)) },
		"safeURL":  func(s any) template.URL { return template.URL(toString(s)) },
		"dict":     dict,
		"plainify": func(s any) string { return html.UnescapeString(stripTags(toString(s))) },
		"callout":  callout,
		"knownCallout": func(name any) bool {
			_, ok := markdown.LookupCallout(toString(name))
			return ok
		},
	}
}

// Callout is what the callout function returns.
type Callout struct {
	Kind  string // note, info, tip, important, warning or danger: the class callout-KIND
	Title string
}

func callout(name, title any) (Callout, error) {
	n := strings.TrimSpace(toString(name))
	c, ok := markdown.LookupCallout(n)
	if !ok {
		return Callout{}, fmt.Errorf("unknown callout type %q%s; use note, info, tip, important, warning or danger (or another theme's name for them)",
			n, diag.Hint(strings.ToLower(n), markdown.CalloutNames()))
	}
	t := strings.TrimSpace(toString(title))
	if t == "" {
		t = c.Title
	}
	return Callout{Kind: c.Kind, Title: t}, nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict needs pairs of keys and values")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

func isEmpty(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() == 0
	case reflect.Bool:
		return !rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return rv.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return rv.Float() == 0
	case reflect.Pointer, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

func in(set, v any) bool {
	if set == nil {
		return false
	}
	rv := reflect.ValueOf(set)
	switch rv.Kind() {
	case reflect.String:
		return strings.Contains(rv.String(), toString(v))
	case reflect.Slice, reflect.Array:
		for i := range rv.Len() {
			if reflect.DeepEqual(rv.Index(i).Interface(), v) || toString(rv.Index(i).Interface()) == toString(v) {
				return true
			}
		}
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if toString(k.Interface()) == toString(v) {
				return true
			}
		}
	}
	return false
}

// Names returns the names the set defines, sorted.
func (s *Set) Names() []string {
	names := make([]string, 0, len(s.tmpls))
	for n := range s.tmpls {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
