package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strings"

	"mutual/internal/diag"
)

// Active content. A file of content/ is published as it is, from the
// site's own origin, where the pages carry their Content-Security-Policy
// but the file itself carries none: an HTML page or an SVG image opened on
// its own runs its scripts there, and a script there can read everything
// readers saved on the site, worksheet answers and reflections included.
// So, unless the site says it trusts its HTML (trustHTML: true, or the
// older markdown: {unsafe: true}), a build refuses the files that can hold
// a script, by their extension (activeKinds), except SVG images that
// checkSVG finds clean: no script, no event attribute, no reference to
// anything outside the image itself.

// activeKinds are the extensions of files that can run a script when
// opened, and how to name them in a message.
var activeKinds = map[string]string{
	".html": "an HTML page", ".htm": "an HTML page", ".xhtml": "an XHTML page", ".xht": "an XHTML page",
	".shtml": "an HTML page", ".svgz": "a compressed SVG image", ".js": "a JavaScript file",
	".mjs": "a JavaScript file", ".xml": "an XML file", ".xsl": "an XSL stylesheet", ".xslt": "an XSL stylesheet",
}

const trustHint = "; if you trust every file of this site, set trustHTML: true in content/site.yaml"

// CheckActive checks a content file that is copied as it is, at file on
// disk: the errors it finds, none when the file cannot run a script.
func CheckActive(s *Source, file string) diag.List {
	ext := strings.ToLower(path.Ext(s.Rel))
	if kind, ok := activeKinds[ext]; ok {
		// Named by the folder it is really in: content/ or static/.
		folder := "content/"
		if s.Static {
			folder = StaticDir + "/"
		}
		return diag.List{diag.Errorf(s.Path(), 0, 0, "%s in %s is published as it is, and a script in it could read what readers saved on this site, worksheet answers included: write the page in Markdown instead%s", kind, folder, trustHint)}
	}
	if ext != ".svg" {
		return nil
	}
	if s.svgChecked {
		return s.svgErrs
	}
	s.svgChecked = true
	f, err := os.Open(file)
	if err != nil {
		s.svgErrs = diag.List{diag.Errorf(s.Path(), 0, 0, "%s", ReadError(err))}
		return s.svgErrs
	}
	defer f.Close()
	for _, p := range checkSVG(io.LimitReader(f, maxSVGSize+1)) {
		s.svgErrs.Add(s.Path(), p.line, p.col, "%s: an SVG image may hold no script, event attribute or reference to another file, since opened on its own it would run with the site's rights%s", p.msg, trustHint)
	}
	return s.svgErrs
}

type svgProblem struct {
	line, col int
	msg       string
}

// svgDangerous are the SVG (and, in another namespace, HTML) elements that
// run scripts or embed other documents.
var svgDangerous = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "embed": true, "object": true,
	"handler": true, "listener": true, "frame": true, "frameset": true, "meta": true, "link": true,
	"base": true, "form": true, "audio": true, "video": true, "portal": true,
}

var (
	svgAnimation = map[string]bool{"animate": true, "set": true, "animatetransform": true, "animatemotion": true, "animatecolor": true}
	// cssURL finds url(...) in a style, and what it refers to.
	cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?\s*([^'")\s]*)`)
	// dataImage is a data: URL of a raster image, which cannot run a script.
	dataImage = regexp.MustCompile(`(?i)^data:image/(png|jpeg|gif|webp|avif);`)
)

// checkSVG reads an SVG image and returns what makes it unsafe to publish:
// anything that is not well-formed XML, a DOCTYPE with declarations of its
// own (entities can hide markup), processing instructions other than the
// XML declaration (stylesheets), script and embedding elements, event
// attributes (on...), links and references (href, xlink:href, url(...),
// @import) to anything but a fragment of the image itself or a raster
// data: image, xml:base, and animations of links or events.
func checkSVG(r io.Reader) []svgProblem {
	var out []svgProblem
	d := xml.NewDecoder(r)
	d.Strict = true
	// Entities other than XML's own are refused, not expanded.
	d.Entity = nil
	add := func(format string, args ...any) {
		line, col := d.InputPos()
		out = append(out, svgProblem{line: line, col: col, msg: fmt.Sprintf(format, args...)})
	}
	inStyle := 0
	sawSVG := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			msg := err.Error()
			if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
				line, msg = se.Line, se.Msg
			}
			out = append(out, svgProblem{line: line, msg: "this SVG is not well-formed XML (" + msg + "), so what a browser makes of it cannot be checked"})
			return out
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.ContainsAny(t, "[") || bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				add("its DOCTYPE declares entities or other markup of its own")
			}
		case xml.ProcInst:
			if !strings.EqualFold(t.Target, "xml") {
				add("it has a processing instruction <?%s?>", t.Target)
			}
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if !sawSVG && name != "svg" {
				add("its root element is <%s>, not <svg>", t.Name.Local)
			}
			sawSVG = true
			if svgDangerous[name] {
				add("it has a <%s> element", t.Name.Local)
			}
			if name == "style" {
				inStyle++
			}
			for _, a := range t.Attr {
				checkSVGAttr(name, a, add)
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") && inStyle > 0 {
				inStyle--
			}
		case xml.CharData:
			if inStyle > 0 {
				checkCSS(string(t), add)
			}
		}
	}
	if !sawSVG {
		out = append(out, svgProblem{line: 1, msg: "it has no <svg> element"})
	}
	return out
}

func checkSVGAttr(elem string, a xml.Attr, add func(string, ...any)) {
	name := strings.ToLower(a.Name.Local)
	value := strings.TrimSpace(a.Value)
	switch {
	case strings.HasPrefix(name, "on"):
		add("it has an event attribute %s", a.Name.Local)
	case name == "href" || name == "src" || name == "action" || name == "formaction":
		if !strings.HasPrefix(value, "#") && !((elem == "image" || elem == "feimage") && dataImage.MatchString(value)) {
			add("its <%s> refers to %q, outside the image", elem, value)
		}
	case name == "base" && a.Name.Space != "":
		add("it has an xml:base attribute")
	case name == "style":
		checkCSS(value, add)
	case svgAnimation[elem] && name == "attributename" && (strings.HasSuffix(strings.ToLower(value), "href") || strings.HasPrefix(strings.ToLower(value), "on")):
		add("it animates the %s attribute", value)
	default:
		if strings.Contains(strings.ToLower(value), "url(") {
			checkCSS(value, add)
		}
	}
	if strings.Contains(strings.ToLower(strings.Join(strings.Fields(value), "")), "javascript:") {
		add("its %s attribute holds a javascript: URL", a.Name.Local)
	}
}

// checkCSS refuses references out of the image in a style: url() of
// anything but a fragment or a raster data: image, and @import.
func checkCSS(css string, add func(string, ...any)) {
	if strings.Contains(strings.ToLower(css), "@import") {
		add("its style imports another stylesheet")
	}
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if ref := m[1]; !strings.HasPrefix(ref, "#") && !dataImage.MatchString(ref) {
			add("its style refers to %q, outside the image", ref)
		}
	}
}
