package worksheet

import (
	"bytes"
	"encoding/json"
	"regexp"
	"unicode/utf8"

	"mutual/internal/score"
)

// Answer files: "Save to a file" on a worksheet page writes one; "Open a
// file" reads it back, on any device. The page does both itself, in the
// browser (worksheet-file.js); this file is the format's reference, which
// the tests hold the page to.

// The answer file's fixed fields.
const (
	FileFormat  = "mutual-answers"
	FileVersion = 1
)

// Limits an answer file is read with: a file beyond them was not written
// by a worksheet page, and the page refuses it as damaged.
const (
	MaxFileSize    = 5 << 20 // bytes
	MaxTextLen     = 20000   // characters of a reflection (as the page keeps)
	MaxListLen     = 200     // ticked boxes of one checklist
	MaxSnapshots   = 1000
	MaxComparisons = 100
	MaxCodeLen     = 4 * 1024
)

// File is an answer file, as JSON:
//
//	{
//	  "format": "mutual-answers",
//	  "version": 1,
//	  "worksheet": "give-and-take",
//	  "title": "Give and take",
//	  "fingerprint": "4d6evOS",
//	  "saved": "2026-03-14",
//	  "answers": {"listening": {"fingerprint": "0a1b2c3d4e",
//	                            "values": {"listening.give": "3", "listening.receive": "na"}},
//	              "this-week": {"fingerprint": "...", "values": {"this-week": ["cooked", "none"]}},
//	              "one-gesture": {"fingerprint": "...", "values": {"one-gesture": "Call Sam."}}},
//	  "snapshots": [{"date": "2026-03-01", "fingerprint": "4d6evOS",
//	                 "scores": {"answered": 12, "total": 40, "give": 63, "receive": 50,
//	                            "balance": -13, "lean": null},
//	                 "answers": {...}}],
//	  "comparisons": [{"code": "1k4Q...", "kept": "2026-03-10"}]
//	}
//
// worksheet is the slug, fingerprint the worksheet's scoring fingerprint
// (score.Fingerprint) when the file was saved, and title is for people.
// answers are the person's answers by question id, each with the
// fingerprint of the question it was given to (Question.Fingerprint) and
// its values by input name: a radio's value ("3", "na"), the ticked boxes
// of a checklist (a list of option ids, "none" for "None of these") or a
// reflection's text. snapshots are the saved results, each with its date
// (the person's own calendar day), the fingerprint of the worksheet on that
// day, its scores (null when empty) and its answers; comparisons are the
// kept comparisons: the other person's share code and the day it was kept.
// Dates are YYYY-MM-DD. Readers ignore fields they do not know.
type File struct {
	Format      string       `json:"format"`
	Version     int          `json:"version"`
	Worksheet   string       `json:"worksheet"`
	Title       string       `json:"title,omitempty"`
	Fingerprint string       `json:"fingerprint"`
	Saved       string       `json:"saved"`
	Answers     Records      `json:"answers"`
	Snapshots   []Snapshot   `json:"snapshots"`
	Comparisons []Comparison `json:"comparisons"`
}

// Records are saved answers by question id.
type Records map[string]Record

// Record is the answers saved for one question.
type Record struct {
	Fingerprint string            `json:"fingerprint"` // the question's, when answered
	Values      map[string]Answer `json:"values"`      // by input name
}

// Answer is one input's answer: a radio's value or a reflection's text
// (Text), or the ticked boxes of a checklist (List, IsList).
type Answer struct {
	Text   string
	List   []string
	IsList bool
}

// MarshalJSON writes a string, or a list of strings.
func (a Answer) MarshalJSON() ([]byte, error) {
	if a.IsList {
		if a.List == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(a.List)
	}
	return json.Marshal(a.Text)
}

// UnmarshalJSON reads a string, or a list of strings.
func (a *Answer) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		a.IsList, a.Text = true, ""
		a.List = []string{}
		return json.Unmarshal(b, &a.List)
	}
	a.IsList, a.List = false, nil
	return json.Unmarshal(b, &a.Text)
}

// Snapshot is one saved result.
type Snapshot struct {
	Date        string  `json:"date"`
	Fingerprint string  `json:"fingerprint"`
	Scores      Scores  `json:"scores"`
	Answers     Records `json:"answers"`
}

// Scores are a snapshot's numbers; nil is an empty score.
type Scores struct {
	Answered int  `json:"answered"`
	Total    int  `json:"total"`
	Give     *int `json:"give"`
	Receive  *int `json:"receive"`
	Balance  *int `json:"balance"`
	Lean     *int `json:"lean"`
}

// Comparison is a kept comparison.
type Comparison struct {
	Code string `json:"code"`
	Kept string `json:"kept"`
}

// FileProblem says why ReadFile or File.For refused a file, in a word a
// page keys its sentence on.
type FileProblem string

// The ways a file is refused.
const (
	NotAnswers         FileProblem = "not-answers"     // not JSON, or not an answer file
	NewerFile          FileProblem = "newer"           // a later version of the format
	DamagedFile        FileProblem = "damaged"         // an answer file whose content is broken
	OtherWorksheetFile FileProblem = "other-worksheet" // answers to another worksheet
)

// FileError is the error of a refused file.
type FileError struct{ Problem FileProblem }

func (e *FileError) Error() string { return "answer file refused: " + string(e.Problem) }

var (
	datePattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
	fpPattern   = regexp.MustCompile(`^[0-9a-f]{10}$`)
	codeFP      = regexp.MustCompile(`^[A-Za-z0-9_-]{7}$`)
	codePattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	// An input name: a question id, or a pair's "<id>.give" / "<id>.receive".
	namePattern = regexp.MustCompile(`^[a-z0-9-]+(\.(give|receive))?$`)
)

// ReadFile reads an answer file and checks it as the page does: the
// format and version, then every field against the shapes above and the
// limits (sizes, dates, ids, fingerprints, codes). It does not look at the
// worksheet: see File.For.
func ReadFile(data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{DamagedFile}
	}
	var head struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if !utf8.Valid(data) || json.Unmarshal(data, &head) != nil || head.Format == nil || *head.Format != FileFormat {
		return nil, &FileError{NotAnswers}
	}
	if head.Version == nil || *head.Version < 1 {
		return nil, &FileError{DamagedFile}
	}
	if *head.Version > FileVersion {
		return nil, &FileError{NewerFile}
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, &FileError{DamagedFile}
	}
	if !f.valid() {
		return nil, &FileError{DamagedFile}
	}
	if f.Answers == nil {
		f.Answers = Records{}
	}
	return &f, nil
}

func (f *File) valid() bool {
	if !idPattern.MatchString(f.Worksheet) || !codeFP.MatchString(f.Fingerprint) || !datePattern.MatchString(f.Saved) ||
		len(f.Title) > MaxTextLen || len(f.Snapshots) > MaxSnapshots || len(f.Comparisons) > MaxComparisons || !f.Answers.valid() {
		return false
	}
	for _, s := range f.Snapshots {
		if !datePattern.MatchString(s.Date) || !codeFP.MatchString(s.Fingerprint) || !s.Answers.valid() || !s.Scores.valid() {
			return false
		}
	}
	for _, c := range f.Comparisons {
		if len(c.Code) > MaxCodeLen || !codePattern.MatchString(c.Code) || !datePattern.MatchString(c.Kept) {
			return false
		}
	}
	return true
}

func (rs Records) valid() bool {
	for id, r := range rs {
		if !idPattern.MatchString(id) || !fpPattern.MatchString(r.Fingerprint) || r.Values == nil {
			return false
		}
		for name, a := range r.Values {
			if !namePattern.MatchString(name) || !a.valid() {
				return false
			}
		}
	}
	return true
}

func (a Answer) valid() bool {
	if !a.IsList {
		return utf8.RuneCountInString(a.Text) <= MaxTextLen
	}
	if len(a.List) > MaxListLen {
		return false
	}
	for _, v := range a.List {
		if !idPattern.MatchString(v) || len(v) > 200 {
			return false
		}
	}
	return true
}

func (s Scores) valid() bool {
	if s.Answered < 0 || s.Total < 0 || s.Answered > s.Total {
		return false
	}
	for i, p := range []*int{s.Give, s.Receive, s.Balance, s.Lean} {
		lo := 0
		if i >= 2 {
			lo = -100
		}
		if p != nil && (*p < lo || *p > 100) {
			return false
		}
	}
	return true
}

// Marshal writes the file as the page does, with the format and version
// set: JSON, indented by two spaces, ending in a newline.
func (f *File) Marshal() ([]byte, error) {
	c := *f
	c.Format, c.Version = FileFormat, FileVersion
	if c.Answers == nil {
		c.Answers = Records{}
	}
	if c.Snapshots == nil {
		c.Snapshots = []Snapshot{}
	}
	if c.Comparisons == nil {
		c.Comparisons = []Comparison{}
	}
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// For checks that the file holds answers to w (same slug) and returns
// what opening it restores, by the rule that restores saved answers after
// a worksheet change: the records whose question is still there with the
// same fingerprint come back; changed counts the records of questions still
// there but changed since, that hold an answer (the page says "2 answers
// were not restored: those questions have changed."). Records of questions
// no longer there are kept, not counted.
func (f *File) For(w *Worksheet) (restored Records, changed int, err error) {
	if f.Worksheet != w.Slug {
		return nil, 0, &FileError{OtherWorksheetFile}
	}
	restored = Records{}
	fps := map[string]string{}
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			fps[q.ID] = q.Fingerprint
		}
	}
	for id, r := range f.Answers {
		fp, ok := fps[id]
		switch {
		case !ok:
		case fp == r.Fingerprint:
			restored[id] = r
		case r.holds():
			changed++
		}
	}
	return restored, changed, nil
}

// holds reports whether a record holds any answer.
func (r Record) holds() bool {
	for _, a := range r.Values {
		if (a.IsList && len(a.List) > 0) || (!a.IsList && a.Text != "") {
			return true
		}
	}
	return false
}

// ScoresOf turns a result into a snapshot's scores.
func ScoresOf(r score.Result) Scores {
	p := func(s score.Score) *int {
		if !s.Valid {
			return nil
		}
		v := s.Value
		return &v
	}
	return Scores{Answered: r.Answered, Total: r.Total, Give: p(r.Give), Receive: p(r.Receive), Balance: p(r.Balance), Lean: p(r.Lean)}
}
