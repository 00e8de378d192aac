package output

import (
	"maps"
	"slices"
	"sync"
)

// Mode is how a Plan writes.
type Mode int

const (
	// Full writes every file at once into a new temporary folder, swapped
	// in by Commit.
	Full Mode = iota
	// Incremental stages the files whose key changed and writes them in
	// place, removing the files no longer given, at Commit.
	Incremental
	// CheckOnly writes nothing: a check, or a build that has already
	// failed and goes on only to report every error.
	CheckOnly
)

// Manifest is every output path of a build with the key of its bytes.
type Manifest map[string]string

// Plan is what one build writes. Its methods may be called from several
// goroutines at once.
type Plan struct {
	dir  *Dir     // nil for CheckOnly
	prev Manifest // the previous build's, for Incremental

	mu       sync.Mutex
	mode     Mode
	manifest Manifest
	staged   map[string][]byte // Incremental: changed files, written at Commit
	last     map[string]bool   // Incremental: staged files written after the others (WriteLast)
	copies   map[string]string // Incremental: changed content files, copied at Commit
}

// NewPlan makes the plan of a build writing into dir (nil for CheckOnly),
// after a build that left prev (nil for none).
func NewPlan(mode Mode, prev Manifest, dir *Dir) *Plan {
	if dir == nil {
		mode = CheckOnly
	}
	return &Plan{dir: dir, prev: prev, mode: mode, manifest: Manifest{}, staged: map[string][]byte{}, copies: map[string]string{}}
}

// StopWriting makes the plan write nothing more, as a check: for a build
// that failed and goes on only to find every error.
func (p *Plan) StopWriting() {
	p.mu.Lock()
	p.mode = CheckOnly
	p.mu.Unlock()
}

// WriteLast makes an incremental Commit write out (when it changed) after
// every other file, and before removing the files no longer given: a file
// that names others, such as the search index's manifest, then never
// names a file not yet written or already removed.
func (p *Plan) WriteLast(out string) {
	p.mu.Lock()
	if p.last == nil {
		p.last = map[string]bool{}
	}
	p.last[out] = true
	p.mu.Unlock()
}

// Unchanged reports whether the previous build wrote out with key, so
// that its file may be kept.
func (p *Plan) Unchanged(out, key string) bool {
	k, ok := p.prev[out]
	return ok && k == key
}

// Previous is the key the previous build wrote out with.
func (p *Plan) Previous(out string) (string, bool) {
	k, ok := p.prev[out]
	return k, ok
}

// Keep gives out as the previous build wrote it.
func (p *Plan) Keep(out string) {
	p.mu.Lock()
	p.manifest[out] = p.prev[out]
	p.mu.Unlock()
}

// Put gives out with the key of its bytes ("" when no build will compare
// with this one's manifest: a one-off build). A full build writes it at once
// (outside the plan's lock, so that other goroutines go on meanwhile); an
// incremental build stages it when its key changed.
func (p *Plan) Put(out, key string, data []byte) error {
	p.mu.Lock()
	p.manifest[out] = key
	mode := p.mode
	if mode == Incremental && !p.Unchanged(out, key) {
		p.staged[out] = slices.Clone(data)
	}
	p.mu.Unlock()
	if mode == Full {
		return p.dir.Write(out, data)
	}
	return nil
}

// Copy gives out as a copy of the file src, streamed when it is written
// (never read whole into memory); key changes when the file does.
func (p *Plan) Copy(out, key, src string) error {
	p.mu.Lock()
	p.manifest[out] = key
	mode := p.mode
	if mode == Incremental && !p.Unchanged(out, key) {
		p.copies[out] = src
	}
	p.mu.Unlock()
	if mode == Full {
		return p.dir.Copy(out, src)
	}
	return nil
}

// Len is the number of output paths given.
func (p *Plan) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.manifest)
}

// Manifest is every output path given, with its key: what the next build
// compares with. Call it once the build is done.
func (p *Plan) Manifest() Manifest { return p.manifest }

// Commit makes the plan the output and returns the output paths it wrote
// or removed, sorted: every path for a full build, the changed ones for an
// incremental build, none for a check. The output's marker lists what it
// holds of mutual's, so that no build removes or writes over a file
// mutual did not write: a full build refuses to replace a folder holding
// one (see Dir.Swap), and an incremental build refuses, writing nothing,
// to write a new path where such a file is. It only ever removes paths the
// previous build gave.
func (p *Plan) Commit() ([]string, error) {
	var changed []string
	switch p.mode {
	case Full:
		changed = slices.Sorted(maps.Keys(p.manifest))
		if err := p.dir.Swap(hashes(changed)); err != nil {
			return nil, err
		}
		return changed, nil
	case Incremental:
		staged := slices.Sorted(maps.Keys(p.staged))
		var added, removed []string
		for _, out := range staged {
			if _, ok := p.prev[out]; !ok {
				added = append(added, out)
			}
		}
		for out := range p.copies {
			if _, ok := p.prev[out]; !ok {
				added = append(added, out)
			}
		}
		for _, out := range slices.Sorted(maps.Keys(p.prev)) {
			if _, ok := p.manifest[out]; !ok {
				removed = append(removed, out)
			}
		}
		var listed map[uint64]bool
		if len(added) > 0 || len(removed) > 0 {
			var err error
			if listed, err = p.dir.claimNew(added); err != nil {
				return nil, err
			}
		}
		slices.SortStableFunc(staged, func(a, b string) int {
			switch {
			case p.last[a] == p.last[b]:
				return 0
			case p.last[b]:
				return -1
			}
			return 1
		})
		for _, out := range staged {
			if err := p.dir.Write(out, p.staged[out]); err != nil {
				return nil, err
			}
			changed = append(changed, out)
		}
		for _, out := range slices.Sorted(maps.Keys(p.copies)) {
			if err := p.dir.Copy(out, p.copies[out]); err != nil {
				return nil, err
			}
			changed = append(changed, out)
		}
		for _, out := range removed {
			p.dir.Remove(out)
			changed = append(changed, out)
		}
		if listed != nil && len(removed) > 0 {
			for _, out := range removed {
				delete(listed, pathHash(out))
			}
			if err := p.dir.writeMarker(slices.Sorted(maps.Keys(listed))); err != nil {
				return nil, err
			}
		}
	}
	slices.Sort(changed)
	return changed, nil
}
