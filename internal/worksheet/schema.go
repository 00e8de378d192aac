package worksheet

import (
	"bytes"
	_ "embed"
)

//go:embed schema/worksheet.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of the worksheet format,
// which the site publishes as /schema/worksheet.json for editors. It checks
// the shape of a worksheet: keys, types, id patterns, required fields,
// enums and bounds. What needs the whole file (unique ids, declared areas
// and scales, distinct option values, min <= max, alerts that match an
// option, results coverage) and links are checked by Parse and the site only.
func Schema() []byte { return bytes.Clone(schemaJSON) }
