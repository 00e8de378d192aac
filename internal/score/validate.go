package score

import (
	"errors"
	"math"
)

// Validate reports the first way m breaks the invariants Compute relies on:
// every item has a non-empty key used once, a side of give or receive, a
// finite weight > 0, Max > Min and an alert range with min <= max; every
// band range has min <= max. Package worksheet only builds valid models;
// the WebAssembly adapter calls Validate to catch a page that passes
// something else. Messages are static text (no fmt in the WebAssembly
// build), naming the item by its key.
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
		case it.Side != Give && it.Side != Receive:
			return errors.New("score: item \"" + it.Key + "\": side must be \"give\" or \"receive\"")
		case !(it.Weight > 0) || math.IsInf(it.Weight, 1):
			return errors.New("score: item \"" + it.Key + "\": weight must be a number > 0")
		case it.Max <= it.Min:
			return errors.New("score: item \"" + it.Key + "\": max must be greater than min")
		case it.Alert != nil && it.Alert[0] > it.Alert[1]:
			return errors.New("score: item \"" + it.Key + "\": alert range has min > max")
		}
	}
	for _, b := range m.Bands {
		for _, r := range [...]*Range{b.Balance, b.Give, b.Receive} {
			if r != nil && r[0] > r[1] {
				return errors.New("score: a band range has min > max")
			}
		}
	}
	return nil
}
