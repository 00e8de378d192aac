package yamldoc

import "gopkg.in/yaml.v3"

// EditorValue is the value an editor's YAML language server reads from
// src when it checks the file against a JSON Schema: YAML's own types by
// how values look (2024 a number, true a boolean), aliases expanded,
// duplicate keys and syntax errors refused as YAML refuses them. mutual
// itself never reads values this way (see the type rules above); the
// worksheet schema's tests use it to check the published schema as editors
// apply it.
func EditorValue(src []byte) (any, error) {
	var v any
	err := yaml.Unmarshal(src, &v)
	return v, err
}
