package yamldoc

import (
	"math"
	"strconv"
)

// Value is a node as a Go value, for keys no field reads: Hugo's params,
// which templates read as they are. It is the one place where how a value
// looks decides its type, and it decides as Hugo's shortcode arguments do:
// a quoted text is always a string; an unquoted true or false (also True,
// TRUE, ...) is a bool, a whole number an int, a decimal number a float64,
// anything else (a date, a word) the string written. A Map is a
// map[string]any (each key through key, when key is not nil), a List a
// []any, an empty value nil. Refused nodes are nil too: they are reported.
func Value(n *Node, key func(string) string) any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Scalar:
		if n.Style != Plain {
			return n.Value
		}
		switch n.Value {
		case "true", "True", "TRUE":
			return true
		case "false", "False", "FALSE":
			return false
		}
		if intRE.MatchString(n.Value) {
			if v, err := strconv.Atoi(n.Value); err == nil {
				return v
			}
		}
		if numberRE.MatchString(n.Value) {
			if v, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(v, 0) {
				return v
			}
		}
		return n.Value
	case Map:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if key != nil {
				k = key(k)
			}
			m[k] = Value(n.Content[i+1], key)
		}
		return m
	case List:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			l = append(l, Value(c, key))
		}
		return l
	}
	return nil
}
