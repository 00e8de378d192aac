package worksheet

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/score"
)

// Model returns what the scorer needs: the scored items in question order
// (a pair gives its give item, then its receive item), the area ids in
// declaration order and the bands. Call it on a worksheet parsed without
// errors.
func (w *Worksheet) Model() *score.Model {
	m := &score.Model{Items: []score.Item{}, Areas: []string{}, Bands: []score.Band{}}
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			if !q.Scored() || q.Scale == nil {
				continue
			}
			item := score.Item{
				Key:     q.ID,
				Side:    q.Side,
				Area:    q.Area,
				Weight:  q.Weight,
				Reverse: q.Reverse,
				Min:     q.Scale.Min(),
				Max:     q.Scale.Max(),
				Alert:   copyRange(q.Alert),
			}
			if q.Type == Rating {
				m.Items = append(m.Items, item)
				continue
			}
			for _, side := range []score.Side{score.Give, score.Receive} {
				it := item
				it.Key, it.Side, it.Alert = PairKey(q.ID, side), side, copyRange(q.Alert)
				m.Items = append(m.Items, it)
			}
		}
	}
	for _, a := range w.Areas {
		m.Areas = append(m.Areas, a.ID)
	}
	for _, b := range w.Results {
		m.Bands = append(m.Bands, score.Band{
			Balance: copyRange(b.Balance),
			Give:    copyRange(b.Give),
			Receive: copyRange(b.Receive),
		})
	}
	return m
}

// PairKey is the answer key (and radio name) of one side of a pair question:
// "listening.give", "listening.receive".
func PairKey(id string, side score.Side) string { return id + "." + string(side) }

func copyRange(r *score.Range) *score.Range {
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// fingerprint hashes what decides where a saved answer lands. Answers are
// saved by question id, so the order of the questions does not count:
// moving a question keeps the answers.
func (w *Worksheet) fingerprint() string {
	var lines []string
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			var b strings.Builder
			b.WriteString(q.ID)
			b.WriteByte(0)
			b.WriteString(string(q.Type))
			b.WriteByte(0)
			b.WriteString(string(q.Side))
			b.WriteByte(0)
			if q.Scale != nil {
				for _, o := range q.Scale.Options {
					b.WriteString(strconv.Itoa(o.Value))
					b.WriteByte(',')
				}
			}
			b.WriteByte('\n')
			lines = append(lines, b.String())
		}
	}
	slices.Sort(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "")))
	return hex.EncodeToString(sum[:])[:12]
}
