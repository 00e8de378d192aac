package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"mutual/internal/serve"
	"mutual/internal/site"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("serve", "serve [-s DIR] [-o DIR] [--drafts] [--base-url URL] [--port N] [--bind ADDR]", stdout, stderr)
	f.register(fs, true)
	fs.Lookup("o").Usage = "also keep the served build in this `folder` (default: a temporary folder, removed on exit, so public/ never gets the live reload script)"
	fs.Lookup("base-url").Usage = "the site's address while serving (default: the server's own address)"
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 lets other devices on the network connect")
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "mutual serve: --port %d is not a port (0 to 65535)\n", *port)
		return exitUsage
	}
	basePath := "/"
	if f.baseURL != "" {
		u, err := url.Parse(f.baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintf(stderr, "mutual serve: --base-url %q is not an absolute http or https address\n", f.baseURL)
			return exitUsage
		}
		basePath = u.Path
	}
	if _, err := os.Stat(filepath.Join(f.dir, site.ConfigPath)); err != nil {
		fmt.Fprintf(stderr, "mutual serve: no site here: %s does not exist (use -s DIR to pick a site folder, or mutual init DIR to start one)\n", filepath.Join(f.dir, site.ConfigPath))
		return exitFail
	}

	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "mutual serve: %v (is another server using the port? try --port)\n", err)
		return exitFail
	}
	defer ln.Close()

	out := f.out
	if out == "" {
		tmp, err := os.MkdirTemp("", "mutual-serve-")
		if err != nil {
			fmt.Fprintf(stderr, "mutual serve: %v\n", err)
			return exitFail
		}
		defer os.RemoveAll(tmp)
		out = filepath.Join(tmp, "public")
	}
	baseURL := f.baseURL
	if baseURL == "" {
		baseURL = serve.LocalURL(ln.Addr())
	}
	opts := site.Options{
		Dir:     f.dir,
		Out:     out,
		Drafts:  f.drafts,
		BaseURL: baseURL,
		Scripts: []string{serve.ScriptURL},
		Watch:   true,
	}
	if isTerminal(stderr) {
		opts.Progress = stderr
	}
	srv := serve.New(site.New(opts), serve.Options{Stdout: stdout, Stderr: stderr, BasePath: basePath})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "mutual serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}
