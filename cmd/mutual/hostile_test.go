package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// TestHighlightNeverHangs builds and checks a site whose guide, worksheet
// and help block hold code blocks that make chroma's lexers loop forever
// (alecthomas/chroma#1377). Both finish, exit 0, and print one warning per
// block at its language name; the blocks are published as plain text.
func TestHighlightNeverHangs(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/site.yaml":   "title: T\nbaseURL: https://example.org/\nhelp: |\n  Call us.\n\n  ```jungle\n  /\n  ```\n",
		"content/guides/a.md": "---\ntitle: A\n---\nA.\n\n```jungle\n/\n```\n\n```jsonata\n\"\n```\n",
		"content/worksheets/w.yaml": `title: W
intro: |
  Before.

  ` + "```jsonata" + `
  "
  ` + "```" + `
sections:
  - title: S
    questions:
      - {id: q, type: rating, side: give, text: Q, scale: agreement}
results:
  - {title: Any}
`,
	})
	want := []string{
		`content/guides/a.md:6:4: warning: cannot highlight this "jungle" code block: the highlighter gets stuck on it; it is shown as plain text`,
		`content/guides/a.md:10:4: warning: cannot highlight this "jsonata" code block: the highlighter gets stuck on it; it is shown as plain text`,
		`content/site.yaml:6:6: warning: cannot highlight this "jungle" code block: the highlighter gets stuck on it; it is shown as plain text`,
		// Columns inside a worksheet's block scalars are the worksheet
		// package's to count; the line is what matters here.
		`content/worksheets/w.yaml:5:`,
	}
	for _, args := range [][]string{{"build", "-s", dir}, {"check", "-s", dir}} {
		var stdout, stderr bytes.Buffer
		done := make(chan int, 1)
		go func() { done <- run(args, &stdout, &stderr) }()
		select {
		case code := <-done:
			if code != exitOK {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
			}
		case <-time.After(5 * time.Minute):
			t.Fatalf("%v hangs", args)
		}
		got := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if len(got) != len(want) {
			t.Fatalf("%v: stderr:\n%s\nwant:\n%s", args, stderr.String(), strings.Join(want, "\n"))
		}
		for i := range want {
			if !strings.HasPrefix(got[i], want[i]) || !strings.HasSuffix(got[i], "it is shown as plain text") {
				t.Errorf("%v: warning %d is\n%s\nwant\n%s", args, i, got[i], want[i])
			}
		}
		if args[0] == "check" && !strings.Contains(stdout.String(), "no errors found, 4 warnings") {
			t.Errorf("check: stdout %q", stdout.String())
		}
	}
}

// TestInitNeedsAFolder: an empty folder name is a usage error, and nothing
// is written into the current folder.
func TestInitNeedsAFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, arg := range []string{"", "  "} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"init", arg}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "name the new site's folder") {
			t.Errorf("init %q = %d: %s", arg, code, stderr.String())
		}
	}
	if ents, _ := os.ReadDir("."); len(ents) > 0 {
		t.Errorf("init wrote into the current folder: %v", ents)
	}
}
