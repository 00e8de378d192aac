package theme

import (
	"bytes"
	"html/template"
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
