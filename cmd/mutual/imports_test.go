package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestImports holds the project's layering: imports point down, and each
// outside dependency has one owner. Every package of the module must be
// listed: a new package is a new room, and its place in the layering is a
// decision to write down here (and in the README's "How it is built").
func TestImports(t *testing.T) {
	// The code a package builds into, browser test support included (-tags
	// browser); tests may reach up, as integration tests do.
	out, err := exec.Command("go", "list", "-e", "-tags", "browser", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "mutual/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	// The scorer builds for the browser alone.
	wasm := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "mutual/cmd/scorer")
	wasm.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	scorer, err := wasm.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)+"\n"+string(scorer)), "\n") {
		if pkg, deps, ok := strings.Cut(line, ":"); ok {
			imports[pkg] = strings.Fields(deps)
		}
	}
	// Which project packages each package may import, from the bottom up.
	// The site engine's rooms: content -> theme -> render -> site, with
	// output beside them; site is the only one that runs them all.
	allowed := map[string][]string{
		"mutual/internal/diag":        {},
		"mutual/internal/gctune":      {},
		"mutual/internal/testio":      {},
		"mutual/internal/score":       {},
		"mutual/internal/scorer":      {},
		"mutual/internal/benchcorpus": {},
		"mutual/themes":               {},
		"mutual/internal/yamldoc":     {"mutual/internal/diag"},
		"mutual/internal/markdown":    {"mutual/internal/diag"},
		"mutual/internal/i18n":        {"mutual/internal/diag", "mutual/internal/yamldoc"},
		"mutual/internal/search":      {"mutual/internal/diag"},
		"mutual/internal/shortcode":   {"mutual/internal/diag", "mutual/internal/markdown"},
		"mutual/internal/worksheet":   {"mutual/internal/diag", "mutual/internal/score", "mutual/internal/yamldoc"},
		"mutual/internal/scaffold":    {"mutual/internal/diag", "mutual/internal/content", "mutual/themes"},
		"mutual/internal/content":     {"mutual/internal/diag", "mutual/internal/i18n", "mutual/internal/markdown", "mutual/internal/worksheet", "mutual/internal/yamldoc"},
		"mutual/internal/theme":       {"mutual/internal/diag", "mutual/internal/i18n", "mutual/internal/content", "mutual/internal/yamldoc", "mutual/themes"},
		"mutual/internal/render":      {"mutual/internal/diag", "mutual/internal/content", "mutual/internal/markdown", "mutual/internal/worksheet", "mutual/internal/theme", "mutual/internal/shortcode"},
		"mutual/internal/output":      {"mutual/internal/diag"},
		"mutual/internal/site":        {"mutual/internal/diag", "mutual/internal/i18n", "mutual/internal/content", "mutual/internal/theme", "mutual/internal/render", "mutual/internal/output", "mutual/internal/markdown", "mutual/internal/worksheet", "mutual/internal/scorer", "mutual/internal/search"},
		"mutual/internal/serve":       {"mutual/internal/site", "mutual/internal/diag"},
		"mutual/internal/hugo":        {"mutual/internal/diag", "mutual/internal/i18n", "mutual/internal/content", "mutual/internal/shortcode", "mutual/internal/site", "mutual/internal/yamldoc", "mutual/themes"},
		"mutual/internal/bench":       {"mutual/internal/benchcorpus", "mutual/internal/markdown", "mutual/internal/serve", "mutual/internal/site", "mutual/internal/diag"},
		"mutual/internal/browsertest": {},
		"mutual/internal/e2e":         {},
		"mutual/cmd/scorer":           {"mutual/internal/score"},
		"mutual/cmd/mutual-bench":     {"mutual/internal/bench"},
		"mutual/cmd/mutual":           {"mutual/internal/diag", "mutual/internal/gctune", "mutual/internal/hugo", "mutual/internal/scaffold", "mutual/internal/serve", "mutual/internal/site"},
	}
	// Outside packages (by prefix) and the only project packages that may
	// import them.
	owners := map[string][]string{
		"github.com/yuin/goldmark":     {"mutual/internal/markdown"},
		"github.com/alecthomas/chroma": {"mutual/internal/markdown"},
		"github.com/fsnotify/fsnotify": {"mutual/internal/serve"},
		"syscall/js":                   {"mutual/cmd/scorer"},
		"github.com/chromedp":          {"mutual/internal/browsertest"},
		"github.com/santhosh-tekuri":   {},
		"gopkg.in/yaml.v3":             {"mutual/internal/yamldoc"}, // the one YAML reader
		"github.com/pelletier/go-toml": {"mutual/internal/yamldoc"}, // TOML front matter, into the same tree
	}
	for pkg, deps := range imports {
		ok, listed := allowed[pkg]
		if !listed {
			t.Errorf("%s is not in the layering: add it to allowed in this test with the packages it may import, and to the README's \"How it is built\"", pkg)
		}
		for _, d := range deps {
			if strings.HasPrefix(d, "mutual/") && listed && d != pkg && !slices.Contains(ok, d) {
				t.Errorf("%s imports %s, which is not below it", pkg, d)
			}
			for prefix, who := range owners {
				if strings.HasPrefix(d, prefix) && !slices.Contains(who, pkg) {
					t.Errorf("%s imports %s, which only %v may import", pkg, d, who)
				}
			}
		}
	}
	for pkg := range allowed {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("%s is listed in the layering but is not a package of the module: remove it", pkg)
		}
	}
}

// TestBinaryGraph holds test-only dependencies out of what `go build ./...`
// compiles, and so out of the mutual binary: chromedp reaches only the
// browser tests (build tag browser, see internal/browsertest) and the JSON
// Schema validator only the worksheet tests.
func TestBinaryGraph(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "mutual/internal/site") {
		t.Fatalf("go list -deps listed %d packages without mutual/internal/site", len(deps))
	}
	for _, d := range deps {
		for _, testOnly := range []string{"github.com/chromedp/", "github.com/santhosh-tekuri/", "mutual/internal/browsertest"} {
			if strings.HasPrefix(d, testOnly) {
				t.Errorf("go build ./... compiles %s, which only tests may use", d)
			}
		}
	}
}
