package score

import (
	"errors"
	"math"
)

// Validate reports the first way m breaks the invariants Compute relies on:
// every item has a non-empty key used once, a side of give, receive or lean,
// a finite weight > 0, Max > Min, an alert range with min <= max, and
// values (when given) that are distinct and run from Min to Max, both
// included; a checklist box is on the give or receive side, from 0 to 1,
// without "does not apply", alert or values, and its checklist id is no
// item's key; every band range has min <= max. Package worksheet only
// builds valid models; the WebAssembly adapter calls Validate to catch a
// page that passes something else. Messages are static text (no fmt in the
// WebAssembly build), naming the item by its key.
func (m *Model) Validate() error {
	if m == nil {
		return errors.New("score: no model")
	}
	seen := make(map[string]bool, len(m.Items))
	for i := range m.Items {
		it := &m.Items[i]
		if it.Key == "" {
			return errors.New("score: an item has no key")
		}
		if seen[it.Key] {
			return errors.New("score: item \"" + it.Key + "\" appears twice")
		}
		seen[it.Key] = true
		switch {
		case it.Side != Give && it.Side != Receive && it.Side != Lean:
			return errors.New("score: item \"" + it.Key + "\": side must be \"give\", \"receive\" or \"lean\"")
		case !(it.Weight > 0) || math.IsInf(it.Weight, 1):
			return errors.New("score: item \"" + it.Key + "\": weight must be a number > 0")
		case it.Max <= it.Min:
			return errors.New("score: item \"" + it.Key + "\": max must be greater than min")
		case it.Alert != nil && it.Alert[0] > it.Alert[1]:
			return errors.New("score: item \"" + it.Key + "\": alert range has min > max")
		case len(it.Values) > 0 && !valuesFit(it):
			return errors.New("score: item \"" + it.Key + "\": values must be distinct, from min to max, with both")
		case it.Checklist == "":
		case len(it.Values) > 0:
			return errors.New("score: item \"" + it.Key + "\": a checklist box has no values")
		case it.Side == Lean:
			return errors.New("score: item \"" + it.Key + "\": a checklist box scores give or receive")
		case it.Min != 0 || it.Max != 1:
			return errors.New("score: item \"" + it.Key + "\": a checklist box runs from 0 to 1")
		case it.NA || it.Alert != nil:
			return errors.New("score: item \"" + it.Key + "\": a checklist box has no \"does not apply\" and no alert")
		}
	}
	for i := range m.Items {
		if c := m.Items[i].Checklist; c != "" && seen[c] {
			return errors.New("score: checklist \"" + c + "\" has the key of an item")
		}
	}
	for _, b := range m.Bands {
		for _, r := range [...]*Range{b.Balance, b.Give, b.Receive, b.Lean} {
			if r != nil && r[0] > r[1] {
				return errors.New("score: a band range has min > max")
			}
		}
	}
	return nil
}

// valuesFit reports whether an item's Values are distinct, lie within
// Min..Max and include both.
func valuesFit(it *Item) bool {
	seen := make(map[int]bool, len(it.Values))
	for _, v := range it.Values {
		if seen[v] || v < it.Min || v > it.Max {
			return false
		}
		seen[v] = true
	}
	return seen[it.Min] && seen[it.Max]
}
