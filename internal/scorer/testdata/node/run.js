// Runs scorer.wasm under Node for wasm_test.go:
//   node run.js wasm_exec.js scorer.wasm < calls.json
// calls.json is an array of {fn, args}: each calls the global function fn
// (mutualScore, mutualShare, mutualCompare) with args as they are. Prints
// {instantiateMs, results: [...]} as JSON.
"use strict";
const fs = require("fs");
require(process.argv[2]); // defines globalThis.Go

const start = performance.now();
const go = new Go();
WebAssembly.instantiate(fs.readFileSync(process.argv[3]), go.importObject).then(({ instance }) => {
	go.run(instance); // runs main until it blocks in select {}, mutualScore is then registered
	const instantiateMs = performance.now() - start;
	for (const fn of ["mutualScore", "mutualShare", "mutualCompare"]) {
		if (typeof globalThis[fn] !== "function") {
			throw new Error(fn + " is not registered");
		}
	}
	const calls = JSON.parse(fs.readFileSync(0, "utf8"));
	const results = calls.map((c) => globalThis[c.fn](...c.args));
	// Exit once the output is written: a pipe takes it in chunks, and the
	// Go program never exits on its own.
	process.stdout.write(JSON.stringify({ instantiateMs, results }), () => process.exit(0));
}).catch((err) => {
	console.error(err);
	process.exit(1);
});
