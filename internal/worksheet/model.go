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
// (a pair gives its give item, then its receive item; a checklist one item
// per scored option, in option order), each with its scale's option values
// when they have gaps or run downwards, the area ids in declaration order,
// the bands, and as Wording a hash of the scored questions' fingerprints
// (so a reworded question changes score.Fingerprint). Call it on a
// worksheet parsed without errors.
func (w *Worksheet) Model() *score.Model {
	m := &score.Model{Items: []score.Item{}, Areas: []string{}, Bands: []score.Band{}}
	var wording strings.Builder
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			if q.Scored() {
				wording.WriteString(q.Fingerprint)
				wording.WriteByte(' ')
			}
			if q.Type == Checklist {
				for _, o := range q.Options {
					if o.Side == "" {
						continue
					}
					m.Items = append(m.Items, score.Item{
						Key: CheckKey(q.ID, o.ID), Side: o.Side, Area: q.Area, Weight: o.Weight,
						Min: 0, Max: 1, Checklist: q.ID,
					})
				}
				continue
			}
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
				NA:      q.Scale.HasNA(),
				Values:  q.Scale.values(),
			}
			if q.Type != Pair {
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
	if wording.Len() > 0 {
		sum := sha256.Sum256([]byte(wording.String()))
		m.Wording = hex.EncodeToString(sum[:])[:10]
	}
	for _, a := range w.Areas {
		m.Areas = append(m.Areas, a.ID)
	}
	for _, b := range w.Results {
		m.Bands = append(m.Bands, score.Band{
			Balance: copyRange(b.Balance),
			Give:    copyRange(b.Give),
			Receive: copyRange(b.Receive),
			Lean:    copyRange(b.Lean),
		})
	}
	return m
}

// values returns the scale's option values in scale order when they are
// not every whole number from the smallest to the largest, upwards, and
// nil when they are (the model leaves those out; see score.Item.Values).
func (s *Scale) values() []int {
	var vs []int
	consecutive := true
	for _, o := range s.Options {
		if o.NA {
			continue
		}
		if len(vs) > 0 && o.Value != vs[len(vs)-1]+1 {
			consecutive = false
		}
		vs = append(vs, o.Value)
	}
	if consecutive {
		return nil
	}
	return vs
}

// PairKey is the answer key (and radio name) of one side of a pair question:
// "listening.give", "listening.receive".
func PairKey(id string, side score.Side) string { return id + "." + string(side) }

// CheckKey is the answer key of a checklist's option: "this-week.cooked".
// The checkboxes themselves are named by the question id, valued by the
// option id.
func CheckKey(id, option string) string { return id + "." + option }

func copyRange(r *score.Range) *score.Range {
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// fingerprint hashes what a saved answer to q means: its id, type and
// side, its texts, its scale (labels, values, "does not apply") and its
// checklist options (ids, labels, sides) and last box. Weights, areas, help
// and the question's place change no answer's meaning and are left out.
func (q *Question) fingerprint() string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Quote(s))
		b.WriteByte(' ')
	}
	for _, s := range []string{q.ID, string(q.Type), string(q.Side), q.Text, q.Give, q.Receive} {
		field(s)
	}
	if q.Scale != nil {
		b.WriteString("scale ")
		for _, o := range q.Scale.Options {
			field(o.Label)
			if o.NA {
				field("na")
			} else {
				field(strconv.Itoa(o.Value))
			}
		}
	}
	if q.Type == Checklist {
		b.WriteString("options ")
		for _, o := range q.Options {
			field(o.ID)
			field(o.Label)
			field(string(o.Side))
		}
		field(q.NoneLabel)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])[:10]
}

// legacyFingerprint is how answers were keyed before each question had a
// fingerprint: a hash over the questions' ids, types and sides and their
// scales' option values, in id order. It stays as it was so the page can
// find the answers saved that way.
func (w *Worksheet) legacyFingerprint() string {
	var lines []string
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			var b strings.Builder
			b.WriteString(q.ID)
			b.WriteByte(0)
			b.WriteString(string(q.Type))
			b.WriteByte(0)
			if q.Type != Lean {
				b.WriteString(string(q.Side))
			}
			b.WriteByte(0)
			if q.Scale != nil {
				for _, o := range q.Scale.Options {
					if !o.NA {
						b.WriteString(strconv.Itoa(o.Value))
						b.WriteByte(',')
					}
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
