package theme

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"mutual/themes"
)

const bom = "\xef\xbb\xbf"

// utf16LE is s as Windows Notepad saves "Unicode": UTF-16 little endian,
// with its byte-order mark.
func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestLayoutEncodings: a layout saved with a UTF-8 byte-order mark is read
// without it (it is no character of the page), one with Windows line ends
// builds the pages the same layout with Unix ones does, and one saved as
// UTF-16 is an error that says so.
func TestLayoutEncodings(t *testing.T) {
	tests := []struct {
		name, partial, want, err string
	}{
		{"plain", "<footer>{{.}}</footer>\n", "[<footer>x</footer>\n]", ""},
		{"UTF-8 with BOM", bom + "<footer>{{.}}</footer>\n", "[<footer>x</footer>\n]", ""},
		{"Windows line ends", "<footer>\r\n  {{- .}}\r\n</footer>\r\n", "[<footer>x\n</footer>\n]", ""},
		{"a lone CR stays", "<footer>\r{{.}}</footer>", "[<footer>\rx</footer>]", ""},
		{"UTF-16", utf16LE("<footer>{{.}}</footer>\r\n"), "", "themes/t/layouts/partials/footer.html:1:1: the file is saved as UTF-16 text; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, err := parseTestTheme(t, map[string]string{
				"base.html":            `{{block "main" .}}{{end}}`,
				"page.html":            `{{define "main"}}[{{partial "footer.html" .}}]{{end}}`,
				"partials/footer.html": tt.partial,
			}, nil)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := ts.ExecuteLayout(&b, "page", "", "", "x"); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("page %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestStaticEncodings: a stylesheet or script saved with a UTF-8
// byte-order mark is published without it and checked like any other (its
// colours measured); one saved as UTF-16, which no check and no compactor
// of mutual's could read, is an error.
func TestStaticEncodings(t *testing.T) {
	const css = ":root { --accent: #7a1fa2; }\n"
	tests := []struct {
		name, file, data string
		published        string // the asset's data, when no error
		err, warn        string
	}{
		{"css", "css/custom.css", css, ":root{--accent:#7a1fa2;}\n", "", "custom.css:1:9: --accent #7a1fa2"},
		{"css with BOM", "css/custom.css", bom + css, ":root{--accent:#7a1fa2;}\n", "", "custom.css:1:9: --accent #7a1fa2"},
		{"js with BOM", "js/x.js", bom + "let a = 1;\n", "let a=1;\n", "", ""},
		{"css as UTF-16", "css/custom.css", utf16LE(css), "", "themes/brand/static/css/custom.css:1:1: the file is saved as UTF-16 text; save it as UTF-8", ""},
		{"js as UTF-16", "js/x.js", utf16LE("let a = 1;\n"), "", "themes/brand/static/js/x.js:1:1: the file is saved as UTF-16 text; save it as UTF-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chain := Chain{
				{Name: "brand", Dir: "themes/brand", OnDisk: "themes/brand", FS: fstest.MapFS{"static/" + tt.file: &fstest.MapFile{Data: []byte(tt.data)}}},
				{Name: "default", Dir: "themes/default", FS: themes.Default()},
			}
			as, errs := chain.Static()
			if tt.err != "" {
				if !strings.Contains(errs.Error(), tt.err) {
					t.Fatalf("errors %q, want %q", errs.Error(), tt.err)
				}
				return
			}
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := string(as[tt.file].Data); got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			warns := chain.Contrast().Error()
			if tt.warn == "" && warns != "" || !strings.Contains(warns, tt.warn) {
				t.Errorf("contrast warnings %q, want %q", warns, tt.warn)
			}
		})
	}
}
