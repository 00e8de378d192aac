package site

import (
	"path/filepath"
	"testing"
)

// TestOneOffComputesNoKeys holds a one-off build (mutual build, mutual
// check: a Builder's first build, without Watch) to computing no memo
// keys: its page job has no memo, so that every key it asks for is the
// empty one and any key made without asking (memo.keyer) panics, and it
// leaves no manifest, memo or worksheet reports behind. Builds that may be followed by a
// rebuild (Watch, or a Builder built again) do compute them.
func TestOneOffComputesNoKeys(t *testing.T) {
	tests := []struct {
		name  string
		watch bool
		check bool // Check, not Build
		// keys: whether each build in turn has a memo
		keys []bool
	}{
		{"one-off build, then reused", false, false, []bool{false, true, true}},
		{"check", false, true, []bool{false}},
		{"watch", true, false, []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/worksheets/w.yaml", "title: W\nsummary: A check.\nareas:\n  - {id: e, label: E, see: ../guides/b.md}\n"+
				"sections:\n  - title: S\n    questions:\n      - {id: q, type: pair, area: e, give: I give., receive: I get., scale: frequency}\n"+
				"results:\n  - {title: Any, body: Fine., see: [../guides/b.md]}\n")
			b := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "public"), Watch: tt.watch})
			var job *pageJob
			b.onPages = func(j *pageJob) { job = j }
			for i, want := range tt.keys {
				job = nil
				var stats *Stats
				var err error
				if tt.check {
					err = b.Check()
				} else {
					stats, err = b.Build()
				}
				if err != nil {
					t.Fatalf("build %d: %v", i, err)
				}
				if job == nil {
					t.Fatalf("build %d rendered no pages", i)
				}
				if got := job.keys != nil; got != want {
					t.Errorf("build %d: has a memo = %v, want %v", i, got, want)
				}
				if job.keepBodies != want {
					t.Errorf("build %d: keeps bodies = %v, want %v", i, job.keepBodies, want)
				}
				if !want && b.last != nil {
					t.Errorf("build %d: a one-off build left a manifest and memo for a next build", i)
				}
				if got := len(b.sheets.byOut) > 0; got != want {
					t.Errorf("build %d: keeps worksheet pages' reports = %v, want %v", i, got, want)
				}
				if want && !tt.check && b.last == nil {
					t.Errorf("build %d: left nothing for the next build", i)
				}
				// The build after a one-off one is a full one: it renders
				// every page, with no previous build to keep any from.
				if i == 1 && !tt.watch && job.prev != nil {
					t.Errorf("build %d: compares with the one-off build before it", i)
				}
				if i == 1 && !tt.watch && stats.Rendered != len(job.model.Nodes) {
					t.Errorf("build %d: rendered %d of %d pages", i, stats.Rendered, len(job.model.Nodes))
				}
			}
		})
	}
	// A nil memo's keys are empty; making a key from one panics.
	var m *memo
	if m.siteKey() != "" || m.bodyKey(nil) != "" || m.pageKey(nil, nil) != "" || m.bytesKey([]byte("x")) != "" || m.fileKey(nil) != "" {
		t.Error("a nil memo gave a key")
	}
	defer func() {
		if recover() == nil {
			t.Error("keyer on a nil memo did not panic")
		}
	}()
	m.keyer()
}
