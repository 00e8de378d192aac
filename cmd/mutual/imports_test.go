package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports holds the project's layering: imports point down, and each
// outside dependency has one owner.
func TestImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}", "mutual/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ":")
		imports[pkg] = strings.Fields(deps)
	}
	// Which project packages each package may import.
	allowed := map[string][]string{
		"mutual/internal/diag":        {},
		"mutual/internal/gctune":      {},
		"mutual/internal/testio":      {},
		"mutual/internal/score":       {},
		"mutual/internal/scorer":      {},
		"mutual/themes":               {},
		"mutual/internal/markdown":    {"mutual/internal/diag"},
		"mutual/internal/i18n":        {"mutual/internal/diag"},
		"mutual/internal/shortcode":   {"mutual/internal/diag", "mutual/internal/markdown"},
		"mutual/internal/yamldoc":     {"mutual/internal/diag"},
		"mutual/internal/worksheet":   {"mutual/internal/diag", "mutual/internal/score"},
		"mutual/internal/site":        {"mutual/internal/diag", "mutual/internal/markdown", "mutual/internal/shortcode", "mutual/internal/worksheet", "mutual/internal/score", "mutual/internal/scorer", "mutual/themes"},
		"mutual/internal/scaffold":    {"mutual/internal/diag"},
		"mutual/internal/serve":       {"mutual/internal/site", "mutual/internal/diag"},
		"mutual/internal/benchcorpus": {},
		"mutual/internal/search":      {"mutual/internal/diag"},
		"mutual/internal/bench":       {"mutual/internal/benchcorpus", "mutual/internal/markdown", "mutual/internal/serve", "mutual/internal/site", "mutual/internal/diag"},
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
		// internal/i18n reads YAML in yaml.go alone, until it moves to
		// internal/yamldoc, the one reader (issue 11).
		"gopkg.in/yaml.v3": {"mutual/internal/yamldoc", "mutual/internal/site", "mutual/internal/worksheet", "mutual/internal/scaffold", "mutual/internal/i18n"},
	}
	if len(imports) < len(allowed) {
		t.Fatalf("go list found only %d packages", len(imports))
	}
	for pkg, deps := range imports {
		for _, d := range deps {
			if strings.HasPrefix(d, "mutual/") {
				if ok, listed := allowed[pkg]; listed && !containsString(ok, d) {
					t.Errorf("%s imports %s, which is not below it", pkg, d)
				}
			}
			for prefix, who := range owners {
				if strings.HasPrefix(d, prefix) && !containsString(who, pkg) {
					t.Errorf("%s imports %s, which only %v may import", pkg, d, who)
				}
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
