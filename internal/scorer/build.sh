#!/usr/bin/env bash
# Builds the worksheet scorer: cmd/scorer for GOOS=js GOARCH=wasm into
# internal/scorer/dist/scorer.wasm, next to the wasm_exec.js of the same Go
# toolchain (the two must match). Run from anywhere; it works from the
# repository root. The flags make the bytes reproducible.
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=internal/scorer/dist
GOOS=js GOARCH=wasm CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags='-s -w' \
	-o "$dist/scorer.wasm" ./cmd/scorer
goroot=$(go env GOROOT)
src=$goroot/lib/wasm/wasm_exec.js
if [[ ! -f $src ]]; then
	src=$goroot/misc/wasm/wasm_exec.js # Go before 1.24
fi
cp "$src" "$dist/wasm_exec.js"
chmod 0644 "$dist/wasm_exec.js"
