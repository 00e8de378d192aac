package theme

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"strings"
	"testing"
)

// in answers as Hugo's does for strings and lists, and false for the rest.
func TestIn(t *testing.T) {
	tests := []struct {
		name string
		set  any
		item any
		want bool
	}{
		{"substring", "give and take", "and", true},
		{"not a substring", "give and take", "or", false},
		{"empty item", "abc", "", true},
		{"HTML holds", template.HTML(`<pre tabindex="0" class="chroma">`), `class="chroma"`, true},
		{"HTML lacks", template.HTML(`<pre>x</pre>`), `class="chroma"`, false},
		{"string and a number", "a1", 1, false},
		{"string and nil", "abc", nil, false},
		{"list holds", []string{"en", "es"}, "es", true},
		{"list lacks", []string{"en", "es"}, "de", false},
		{"list of any", []any{1, "x"}, 1, true},
		{"array", [2]int{3, 4}, 4, true},
		{"number set", 12, 1, false},
		{"map set", map[string]int{"a": 1}, "a", false},
		{"nil set", nil, "a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := in(tt.set, tt.item); got != tt.want {
				t.Errorf("in(%#v, %#v) = %v, want %v", tt.set, tt.item, got, tt.want)
			}
		})
	}
}

// A layout calls it as {{if in .Content `class="chroma"`}}.
func TestInInTemplate(t *testing.T) {
	tmpl := template.Must(template.New("t").Funcs(Funcs(FuncEnv{})).Parse(
		"{{if in .Content `class=\"chroma\"`}}code{{else}}prose{{end}}"))
	for content, want := range map[template.HTML]string{
		`<pre tabindex="0" class="chroma"><code>x</code></pre>`: "code",
		`<p>class=&#34;chroma&#34;</p>`:                         "prose",
		"":                                                      "prose",
	} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, map[string]any{"Content": content}); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("content %q: %q, want %q", content, b.String(), want)
		}
	}
}

// dataAttr writes a value in single quotes, escaped so that it reads
// back as written, and refuses names that are not data attributes' names.
func TestDataAttr(t *testing.T) {
	tmpl := template.Must(template.New("t").Funcs(Funcs(FuncEnv{})).Parse(`<form{{dataAttr .Name .Value}}>`))
	tests := []struct {
		name, value, want string
	}{
		{"data-model", `{"items":[{"key":"a.give"}]}`, `<form data-model='{"items":[{"key":"a.give"}]}'>`},
		{"data-x", `it's <b> & "q"`, `<form data-x='it&#39;s &lt;b&gt; &amp; "q"'>`},
		{"data-empty", "", `<form data-empty=''>`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, map[string]string{"Name": tt.name, "Value": tt.value}); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if b.String() != tt.want {
			t.Errorf("%s %q: %s, want %s", tt.name, tt.value, b.String(), tt.want)
		}
	}
	for _, bad := range []string{"", "data-", "Data-x", "data-X", "data x", "onclick", "style", "data-x onclick=alert(1)", "-x", "data-x'"} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, map[string]string{"Name": bad, "Value": "v"}); err == nil {
			t.Errorf("dataAttr %q: no error, wrote %s", bad, b.String())
		}
	}
}

// assetData makes a data: URL of a small image, which html/template keeps
// in an href, gives the URL of anything else, and fails on a missing file.
func TestAssetData(t *testing.T) {
	icon := `<svg xmlns="http://www.w3.org/2000/svg"><title>a & b</title></svg>`
	as := Assets{
		"favicon.svg":  NewAsset("favicon.svg", []byte(icon), "themes/default/static/favicon.svg"),
		"css/main.css": NewAsset("css/main.css", []byte("a{}"), "themes/default/static/css/main.css"),
		"big.png":      NewAsset("big.png", make([]byte, MaxDataURLSize+1), "themes/default/static/big.png"),
	}
	tmpl := template.Must(template.New("t").Funcs(Funcs(FuncEnv{Assets: as, BasePath: "/help/"})).Parse(`<link rel="icon" href="{{assetData .}}">`))
	for name, want := range map[string]string{
		"favicon.svg":  `<link rel="icon" href="data:image/svg&#43;xml;base64,` + strings.ReplaceAll(base64.StdEncoding.EncodeToString([]byte(icon)), "+", "%2B") + `">`,
		"css/main.css": `<link rel="icon" href="/help/` + as["css/main.css"].Out + `">`,
		"big.png":      `<link rel="icon" href="/help/big.png">`,
	} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, name); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %s\nwant %s", name, b.String(), want)
		}
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, "favicon.png"); err == nil || !strings.Contains(err.Error(), `no static file "favicon.png"`) {
		t.Errorf("a missing file: error %v", err)
	}
}
