package markdown

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Highlighting must never hang a build. Some of chroma's lexers loop
// forever on some inputs (alecthomas/chroma#1377: jungle on "/", jsonata
// on `"`): a cycle of rules that match the empty string and push or pop
// states, so that the lexer never moves on. Go cannot stop a goroutine
// stuck in such a loop, so a timeout would leave it spinning; instead the
// loop itself is bounded.
//
// A chroma regular-expression lexer only ever stops advancing through
// rules that match the empty string: every other match moves its position
// forward. So mutual highlights with copies of chroma's lexers whose every
// rule counts the empty matches made in a row at one position of the text
// (any match that moves on starts the count again). Past maxEmptyMatches,
// the rules are caught in a loop: the copy panics with errLexerLoop, which
// highlight recovers, and the block is shown as plain text with a warning.
// Real lexers make a handful of empty matches at one position (popping out
// of nested states), far below the bound.
//
// What the bound covers, and what it does not:
//
//   - Every chroma lexer that is a set of regular-expression rules is
//     copied with the guard, and the copies find the lexers they
//     delegate to by name (Using, and the lookups rst and raku make for
//     embedded code) among the guarded copies: chroma's global registry is
//     replaced by the registry of copies when this package starts.
//   - The nine lexers that are not plain rule sets (Markdown, HTTP, ERB, PHTML,
//     Svelte, Go HTML Template, YAML+Jinja, Common Lisp, Emacs Lisp) wrap
//     rule-set lexers: they are copied with their wrapped lexers replaced by
//     guarded copies (see lexerSet.guard). A lexer that could not be copied
//     so would have its blocks shown as plain text, without a warning.
//   - Go's lexer highlights raw strings with chroma's own Go template lexer,
//     referenced directly rather than by name, so unguarded; its only rule
//     that matches the empty string pops out of a state that only "{{"
//     enters, so it cannot loop (TestLexersTerminate runs it on raw strings
//     of the hostile inputs too).
//
// TestLexersTerminate runs every lexer over a corpus of short hostile texts
// and fails if any of them does not finish.
const maxEmptyMatches = 1000

// errLexerLoop is what a guarded lexer panics with when its rules loop.
var errLexerLoop = errors.New("the highlighter gets stuck on it")

// emptyRun is a guarded lexing's count of empty matches in a row, kept in
// chroma's per-lexing mutator context under emptyRunKey.
type emptyRun struct {
	pos, n int
}

type emptyRunKey struct{}

// guard wraps a rule's emitter: it counts the rule's empty matches before
// emitting what the rule emits. Every rule gets one, those without an
// emitter too, so every match of every rule is counted.
type guard struct{ inner chroma.Emitter }

func (g guard) Emit(groups []string, state *chroma.LexerState) chroma.Iterator {
	if groups[0] == "" {
		run, _ := state.MutatorContext[emptyRunKey{}].(*emptyRun)
		if run == nil {
			run = &emptyRun{pos: -1}
			state.MutatorContext[emptyRunKey{}] = run
		}
		if run.pos == state.Pos {
			run.n++
			if run.n > maxEmptyMatches {
				panic(errLexerLoop)
			}
		} else {
			run.pos, run.n = state.Pos, 1
		}
	}
	if g.inner == nil {
		return emptyIterator
	}
	return g.inner.Emit(groups, state)
}

func emptyIterator() chroma.Token { return chroma.EOF }

// guardedRules copies rules with a guard on every rule. Include rules are
// expanded by chroma when it compiles the copy and bring their (guarded)
// rules with them. Combined rules push a new state made of other states'
// rules; chroma makes that state when it compiles, and replaces the rule's
// mutator with a push, so the copy makes the combined state itself, as
// includes of the guarded states.
func guardedRules(rules chroma.Rules) chroma.Rules {
	out := chroma.Rules{}
	for state, rs := range rules {
		copied := make([]chroma.Rule, len(rs))
		for i, r := range rs {
			if states, ok := combinedStates(r.Mutator); ok {
				name := "__combined_" + strings.Join(states, "__")
				if _, done := out[name]; !done {
					var inc []chroma.Rule
					for _, s := range states {
						inc = append(inc, chroma.Include(s))
					}
					out[name] = inc
				}
				r.Mutator = chroma.Push(name)
			}
			if _, include := r.Mutator.(chroma.LexerMutator); !include {
				r.Type = guard{inner: r.Type}
			}
			copied[i] = r
		}
		out[state] = copied
	}
	if root, ok := out["root"]; ok {
		out["root"] = append(root, chroma.Rule{Mutator: &matchTimeouts{}})
	}
	return out
}

// combinedStates are the states a Combined mutator joins: the exported
// field States of chroma's unexported mutator type.
func combinedStates(m chroma.Mutator) ([]string, bool) {
	sm, ok := m.(chroma.SerialisableMutator)
	if !ok || sm.MutatorKind() != "combined" {
		return nil, false
	}
	v := reflect.ValueOf(m)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil, false
	}
	f := v.FieldByName("States")
	if !f.IsValid() || !f.CanInterface() {
		return nil, false
	}
	states, ok := f.Interface().([]string)
	return states, ok && len(states) > 0
}

// lexerSet is chroma's lexers as mutual uses them.
type lexerSet struct {
	original *chroma.LexerRegistry // chroma's own, for name lookups
	guarded  map[chroma.Lexer]chroma.Lexer
}

// theLexers is made when the package starts, and chroma's registry
// replaced, before anything can lex: chroma's rst and raku lexers look up
// the lexers of embedded code blocks in it while lexing.
var theLexers = newLexerSet()

func newLexerSet() *lexerSet {
	set := &lexerSet{original: lexers.GlobalLexerRegistry, guarded: map[chroma.Lexer]chroma.Lexer{}}
	reg := chroma.NewLexerRegistry()
	for _, l := range set.original.Lexers {
		if g := set.guard(l); g != nil {
			reg.Register(g)
		}
	}
	lexers.GlobalLexerRegistry = reg
	return set
}

// guard returns a guarded copy of l, made once per lexer, or nil when l
// holds something that cannot be copied with the guard.
//
// A rule-set lexer is copied rule by rule. The other lexers chroma
// registers (Markdown, HTTP, ERB, PHTML, Svelte, Go HTML Template,
// YAML+Jinja, Common Lisp, Emacs Lisp) are small wrappers: a struct
// holding one or two lexers (the language and the one it is embedded in)
// and perhaps a function that remaps tokens. Their fields are unexported,
// so the copy of such a wrapper is made with reflect and unsafe: the
// struct is copied whole, then each field that holds a lexer is replaced
// by that lexer's guarded copy. A wrapper with a lexer field that cannot
// be guarded is not copied, and its blocks are shown plain.
// TestLexersTerminate runs every registered lexer, the wrappers included.
func (s *lexerSet) guard(l chroma.Lexer) chroma.Lexer {
	if g, done := s.guarded[l]; done {
		return g
	}
	var g chroma.Lexer
	if rl, ok := l.(*chroma.RegexLexer); ok {
		g = chroma.MustNewLexer(rl.Config(), func() chroma.Rules {
			rules, err := rl.Rules()
			if err != nil {
				// No "root" state: the copy fails to compile as the
				// original did, and highlight reports it.
				return chroma.Rules{}
			}
			return guardedRules(rules)
		})
	} else {
		g = s.guardWrapper(l)
	}
	s.guarded[l] = g
	return g
}

var lexerType = reflect.TypeFor[chroma.Lexer]()

func (s *lexerSet) guardWrapper(l chroma.Lexer) chroma.Lexer {
	v := reflect.ValueOf(l)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	cp := reflect.New(v.Elem().Type())
	cp.Elem().Set(v.Elem())
	found := false
	for i := 0; i < cp.Elem().NumField(); i++ {
		f := cp.Elem().Field(i)
		if !f.Type().Implements(lexerType) && f.Type() != lexerType {
			continue
		}
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		inner, ok := f.Interface().(chroma.Lexer)
		if !ok || inner == nil {
			continue
		}
		g := s.guard(inner)
		if g == nil || !reflect.TypeOf(g).AssignableTo(f.Type()) {
			return nil
		}
		f.Set(reflect.ValueOf(g))
		found = true
	}
	if !found {
		return nil
	}
	g, _ := cp.Interface().(chroma.Lexer)
	return g
}

// lookup returns the guarded lexer chroma would pick for a language name,
// or nil when it knows none or the lexer cannot be guarded.
func (s *lexerSet) lookup(name string) chroma.Lexer {
	l := s.original.Get(name)
	if l == nil {
		return nil
	}
	if g := s.guarded[l]; g != nil {
		return g
	}
	return nil
}

// A rule's regular expression may run for at most matchTimeout of wall
// time on one match, against expressions that backtrack without end; past
// it the match fails and chroma quietly goes on with the lexer's next
// rule, so the same block could come out highlighted differently on a
// machine so busy that the build stalls that long. chroma sets regexp2's
// MatchTimeout to a quarter of a second, and builds on a heavily loaded
// machine (a load of 50 on 2 cores) came out different now and then; the
// guarded copies set their own, matchTimeout (see matchTimeouts), a stall
// no scheduler makes, while an expression that backtracks without end
// still fails in bounded time. A lexing that took less than matchTimeout
// in all had no match time out: settledHighlight lexes a block again when
// the first try took longer, up to highlightTries times in all, and keeps
// the first try that finished in time (or the last one). So the same
// block is highlighted the same way, as a build must be byte for byte the
// same.
const (
	matchTimeout   = 3 * time.Second
	highlightTries = 3
)

// matchTimeouts is a rule that guardedRules adds to every copied lexer:
// chroma runs a lexer's LexerMutators once it has compiled the lexer's
// expressions (and set their timeout), so this one sets every
// expression's MatchTimeout to matchTimeout and then removes itself from
// the rules. Each copy gets its own value: chroma refuses a mutator it
// meets twice.
type matchTimeouts struct {
	set int // the expressions it set (never zero-sized: each copy its own pointer)
}

func (m *matchTimeouts) MutateLexer(rules chroma.CompiledRules, state string, rule int) error {
	for _, rs := range rules {
		for _, r := range rs {
			if r.Regexp != nil {
				r.Regexp.MatchTimeout = matchTimeout
				m.set++
			}
		}
	}
	rules[state] = append(rules[state][:rule:rule], rules[state][rule+1:]...)
	return nil
}

// Mutate is never called: the rule is gone before any lexing.
func (m *matchTimeouts) Mutate(*chroma.LexerState) error { return nil }

// now is the clock settledHighlight reads; tests replace it.
var now = time.Now

// settledHighlight is highlight, tried again while a try took so long
// that one of its matches may have timed out (see matchTimeout), but not
// past deadline.
func settledHighlight(l chroma.Lexer, code string, deadline time.Time) ([]chroma.Token, error) {
	for try := 1; ; try++ {
		start := now()
		tokens, err := highlight(l, code, deadline)
		if err != nil || try == highlightTries || now().Sub(start) < matchTimeout {
			return tokens, err
		}
	}
}

// errTooSlow is highlight's error for a lexing still going at its
// deadline (see highlightShare).
var errTooSlow = errors.New("the highlighter takes too long on it")

// highlight lexes code, turning a loop or any other failure of chroma
// (which reports some by panicking) into an error, and stopping with
// errTooSlow once past deadline. It joins runs of tokens of one type as
// chroma.Coalesce does (up to 8 KB a token), here rather than in a
// wrapped lexer so that it sees the clock between any two tokens.
func highlight(l chroma.Lexer, code string, deadline time.Time) (tokens []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errLexerLoop) {
				err = errLexerLoop
				return
			}
			err = fmt.Errorf("the highlighter failed on it (%v)", r)
		}
	}()
	it, err := l.Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	// Reading the clock costs about as much as lexing a few dozen bytes
	// of real code, so it is read every 32 tokens while tokens come
	// quickly, and at every token once they come slowly (a millisecond or
	// more since the last reading): on a text that makes a lexer backtrack
	// each token can take a tenth of a second and more, the first ones
	// the longest, as each scans the rest of the text again.
	every, n, last := 1, 0, time.Now()
	for t := it(); t != chroma.EOF; t = it() {
		if n++; n == every {
			at := time.Now()
			if at.After(deadline) {
				return nil, errTooSlow
			}
			if at.Sub(last) < time.Millisecond {
				every = min(2*every, 32)
			} else {
				every = 1
			}
			n, last = 0, at
		}
		if t.Value == "" {
			continue
		}
		if k := len(tokens) - 1; k >= 0 && tokens[k].Type == t.Type && len(tokens[k].Value) < 8192 {
			tokens[k].Value += t.Value
			continue
		}
		tokens = append(tokens, t)
	}
	return tokens, nil
}
