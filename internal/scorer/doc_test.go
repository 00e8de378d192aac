package scorer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDocSaysWhatTheBuildDoes holds this package's documentation to what
// the site does without the scorer: every message the code gives when
// Available() is false (the first string of words, not a path, in each
// `if !scorer.Available()` of the module's non-test code) is quoted in the
// package doc, word for word, so the doc cannot promise a build that does
// not happen.
func TestDocSaysWhatTheBuildDoes(t *testing.T) {
	fset := token.NewFileSet()
	self, err := parser.ParseFile(fset, "scorer.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := self.Doc.Text()
	var msgs []string
	root := filepath.Join("..", "..")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(src), "scorer.Available()") {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ifs, ok := n.(*ast.IfStmt)
			if !ok || !notAvailable(ifs.Cond) {
				return true
			}
			found := false
			ast.Inspect(ifs.Body, func(n ast.Node) bool {
				if found {
					return false
				}
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && strings.Contains(s, " ") {
						msgs = append(msgs, s)
						found = true
					}
				}
				return true
			})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) == 0 {
		t.Fatal("no code checks scorer.Available(): update this test and the package doc")
	}
	for _, m := range msgs {
		if !strings.Contains(doc, m) {
			t.Errorf("without the scorer the build says %q, and the package doc does not:\n%s", m, doc)
		}
	}
}

// notAvailable reports whether e is `!scorer.Available()`.
func notAvailable(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.NOT {
		return false
	}
	call, ok := u.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Available" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "scorer"
}
