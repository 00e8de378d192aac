package worksheet

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"mutual/internal/yamldoc"
)

// schemaChecked lists the error cases in testdata/errors that the JSON
// Schema rejects too (through the YAML-to-JSON step for syntax errors and
// duplicate keys, which editors flag as well).
var schemaChecked = []string{
	"alert",              // alert not two integers
	"checklist",          // options missing, empty or not a list, bad or reserved ids, labels, sides, weights, keys
	"bad-id",             // id pattern, for questions, areas and scales
	"band-ranges",        // ranges not two integers, or outside -100..100 / 0..100
	"band-title",         // band without title, empty see link
	"builtin-scale",      // a declared scale named frequency or agreement
	"duplicate-key",      // duplicate keys (YAML)
	"duplicate-scale",    // duplicate scale id: a duplicate key (YAML)
	"empty",              // nothing at all
	"empty-section",      // a section without questions
	"lean",               // a lean question with a side, without scale or text, with give and receive
	"minutes",            // minutes < 1
	"missing-id",         // areas and questions without id
	"missing-scale",      // rating and pair without scale
	"missing-sections",   // no sections
	"sections-misspelt",  // sectons: for sections:, with bands that need a balance
	"areas-misspelt",     // aeras: for areas:, with a question in one of them
	"scales-misspelt",    // scals: and reslts: for scales: and results:
	"missing-text",       // rating and reflection without text, blank text, rating with give
	"missing-title",      // no title
	"na",                 // "does not apply" with a value, without label, twice; na not a boolean
	"no-questions",       // sections: []
	"not-mapping",        // the file is a list
	"pair-missing-side",  // pair without give or receive, pair with text or side
	"reflection-scored",  // reflection with scale, side, weight, area, reverse, alert
	"scale-options",      // fewer than two options, option without label or integer value
	"scale-broken-used",  // a scale with one option, one with a bad id, each used by a question
	"scale-too-long",     // more than 1000 options with a value
	"shapes",             // lists and mappings in the wrong places
	"options-alone",      // scale and checklist options written as texts alone
	"syntax",             // YAML syntax error
	"types",              // wrong scalar types
	"unknown-key",        // unknown keys at the top
	"unknown-key-nested", // unknown keys in options, areas, sections, questions and bands
	"unknown-side",       // side not give or receive, rating without side
	"unknown-type",       // type not pair, rating, lean, checklist or reflection, or missing
	"value-range",        // option values beyond ±1000000
	"weight",             // weight ≤ 0 or not a number
}

// goOnly lists the error cases only Parse can find, because they need the
// whole file: the schema accepts them, which this test checks so that the
// two lists stay exact. Unresolved `see` links are checked by the site.
var goOnly = []string{
	"alert-order",            // alert with min > max, or matching no option of its scale
	"alias",                  // YAML aliases (a YAML-to-JSON step expands them)
	"band-order",             // band range with min > max
	"band-unreachable",       // bands naming a score the worksheet never has
	"band-shadowed",          // bands the bands above them hide, or whose ranges contradict
	"checklist-ids",          // checklist option ids used twice
	"coverage",               // results leaving a (give, receive) pair without a band
	"coverage-give",          // the same, through give ranges
	"coverage-lean",          // lean alone without a band
	"coverage-sets",          // receive alone without a band
	"duplicate-ids",          // duplicate question and area ids
	"missing-results",        // give and receive questions but no results
	"scale-duplicate-values", // two options with the same value
	"second-document",        // a second YAML document (the YAML-to-JSON step reads the first)
	"undeclared-area",        // area not declared
	"undeclared-area-none",   // area used with no areas declared
	"unknown-scale",          // scale id neither built in nor declared
	"unlabeled-ends",         // a scale's first or last option without a label
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("worksheet.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("worksheet.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validate checks a YAML worksheet against the schema, as an editor does:
// YAML to JSON values first (which fails on syntax errors and duplicate
// keys), then the schema.
func validate(s *jsonschema.Schema, src []byte) error {
	v, err := yamldoc.EditorValue(src)
	if err != nil {
		return err
	}
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

func TestSchemaAcceptsShipped(t *testing.T) {
	s := compileSchema(t)
	files := glob(t, "../../content/worksheets/*.yaml")
	files = append(files, glob(t, "testdata/good/*.yaml")...)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, errs := Parse(sitePath(file), src); len(errs) > 0 {
			t.Errorf("%s: Parse: %v", file, errs)
		}
		if err := validate(s, src); err != nil {
			t.Errorf("%s: schema rejects it: %v", file, err)
		}
	}
}

func TestSchemaAgrees(t *testing.T) {
	s := compileSchema(t)
	listed := map[string]bool{}
	for _, name := range schemaChecked {
		listed[name] = true
	}
	for _, name := range goOnly {
		if listed[name] {
			t.Errorf("%s is listed twice", name)
		}
		listed[name] = false
	}
	for _, file := range glob(t, "testdata/errors/*.yaml") {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		checked, ok := listed[name]
		if !ok {
			t.Errorf("%s: list it in schemaChecked or goOnly", name)
			continue
		}
		delete(listed, name)
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		err = validate(s, src)
		switch {
		case checked && err == nil:
			t.Errorf("%s: the schema accepts a worksheet Parse rejects", name)
		case !checked && err != nil:
			t.Errorf("%s: listed as Go-only but the schema rejects it: %v", name, err)
		}
	}
	for name := range listed {
		t.Errorf("%s is listed but has no file in testdata/errors", name)
	}
}
