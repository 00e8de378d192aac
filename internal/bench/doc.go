// Package bench measures mutual against the targets of the build pipeline
// and authoring-loop issues, on corpora written by package benchcorpus. It
// is what `make bench` runs (through cmd/mutual-bench); nothing here is a
// test, and the figures are printed, not asserted.
//
// For every corpus size it measures, in one run so that both see the same
// machine load:
//
//   - the floor: goldmark and chroma alone (markdown.Render of every page
//     body, front matter cut off, links kept as written) in GOMAXPROCS
//     goroutines over pages already read into memory; wall time;
//   - the build: `bin/mutual build` of the corpus as a child process, wall
//     time and peak resident memory (getrusage's ru_maxrss, as a relay
//     process reports it: see childBuild), into an output
//     folder removed before each run so every run is a full build;
//   - the authoring loop in process: a site.Builder made as mutual serve
//     makes it, built once, then pages edited on disk (a sentence appended):
//     write to Build returning, called directly; then write to the "reload"
//     Server-Sent Event that a browser gets from serve.Server (watcher,
//     debounce, build and event, end to end over a loopback connection);
//     then the heap before and after a long run of edits, to show it stays
//     flat.
//
// Floor and build runs alternate (floor, build, floor, build...), so a
// burst of load from elsewhere on a shared machine hits both, and each
// build is paired with the floor run just before it: the ratio build/floor
// is the median of the runs' own ratios (the report gives the ratio of the
// medians below it; until 2026-11-30 that was the one the verdict read).
// It is the figure issue 2 sets a target for: at most 1.25 at 10,000
// pages, with under 400 MB peak memory.
//
// Search (issue 15) is measured beside the build: each build run is paired
// with a build of the same corpus with search: false (corpus-N-nosearch),
// and the report gives what search adds in wall time (the median of the
// runs' own ratios; the target is at most 5 % at 10,000 pages) and CPU
// time. At the largest size, Pagefind (the npm package, installed into
// Options.Dir/pagefind the first time) indexes the output of the last build,
// and the report sets both indexes side by side: build time, size, and the
// bytes four queries in a row transfer as a static host serves them (the
// three of issue 15, then a phrase in quotes; search.go explains how each
// is counted).
//
// Corpora live in Options.Dir (.bench/ by default, git-ignored) as
// corpus-N/ and are reused while their stamp matches the generator version
// and seed; edits made by the loop measurements are undone afterwards.
//
// Every build writes into a folder of its own that is removed only when all
// measurements are done: on ext4, creating inodes right after tens of
// thousands were deleted costs several times more kernel time (the
// allocator's recently_deleted check), and deleting the previous run's
// output just before a timed build doubled its file-creation cost here.
// (Until 2026-11-29 the builds with search: false were an exception, removed
// at once, so that the next build with search paid for it and search seemed
// to cost more than it does.) And every timed run, floor or build, starts
// after a sync (syscall.Sync, outside the timing), so that it does not pay
// for writing back what the runs before it left in the page cache: builds
// of 10,000 pages one after the other took 2.5 to 2.9 s of system time
// each, against 1.2 to 1.5 s after a sync. A person's build, too, starts
// from a settled disk, and its own output is still written back after it
// ends, as here.
//
// # Performance hacks
//
// A speed trick that costs clarity stays only while a paired measurement
// in the same run shows it saves at least 5% of the 10,000-page build's
// wall time (issue 11). Each hack reads MUTUAL_BENCH_WITHOUT, a
// comma-separated list of names, and turns itself off when named; Hacks
// lists them, and the largest corpus is built with and without each,
// Options.HackRuns rounds in alternating order (with first, then without
// first), each round's two builds one after the other. The report gives
// the medians, the median of the rounds' own savings (1 - with/without) in
// wall time, the fastest build with against the fastest without (load from
// elsewhere only adds time), the saving in CPU time, and the verdict on
// the first. One is measured: gctune; see the log below for the others
// measured and removed (raw file calls, the front-matter fast path,
// natives).
//
// # Performance log
//
// Measured on this project's shared 2-core virtual machines (Intel Xeon,
// ext4 without a journal, Go 1.26). Other engineers' builds run on the
// same machine: wall times vary by 20% and more from run to run, which is
// why floor and build alternate and the report pairs them.
//
// Before issue 11 (ranges over the `make bench` runs of one session, five
// floor and five build runs each):
//
//	                                     1,000 pages   10,000 pages
//	floor: goldmark + chroma             1.07-1.11 s   8.3-10.4 s
//	mutual build                         1.19-1.36 s   10.6-12.0 s
//	ratio build/floor                    1.08-1.27     1.11-1.16 on a quiet disk; 1.32 five
//	                                                   minutes after output folders were deleted
//	median of each run's own ratio       1.14-1.16     1.16-1.19
//	CPU time / without system time       1.06-1.25 /   1.12-1.15 / 1.04-1.06
//	                                     0.98-1.13
//	peak memory                          66 MB         331 MB
//	edit -> reload event                 35-41 ms      109-150 ms
//	live heap over 200 edits             +0.2%         +0.0%
//
// Hugo 0.165 on the same class of machine: 23.5 s and 2.9 GB for the
// 10,000 pages, and 330 ms from an edit to the new page at 1,000 pages.
//
// Where the time goes (CPU profile of an in-process 10,000-page build):
// goldmark and chroma rendering about 80% (chroma's regular-expression
// lexers alone over half of all CPU), html/template execution about 7%,
// garbage collection about 5%, writing 20,000 folders and files 3% plus
// kernel time, reading and parsing sources 1%. What brought the rest
// down, and what became of it:
//
//   - Templates. BenchmarkPageLayout (internal/site) showed each guide
//     page's layout spending most of its time on the reflection behind each
//     action, so the default theme renders what pages share once per build
//     with partialCached (the site-wide part of <head>, the header per
//     active menu entry, the footer, breadcrumbs per trail, tag lists and
//     every list entry), and the build hands layouts ready-made HTML for
//     the per-page parts that need a dozen actions (.TableOfContents,
//     .MetaTags): a guide page's layout went from about 110 to about 60
//     microseconds. These are features of the theme contract, not hacks,
//     and stay.
//   - System calls. Making a folder or a file on ext4 often takes longer
//     than the 20 us after which the scheduler hands a thread's processor to
//     another thread, and each hand-off keeps sysmon waking every 20 us,
//     preempting a worker: 62,000 context switches per 10,000-page build. A
//     full build made its folders and files with syscall.RawSyscall (3,500
//     context switches, a quarter less system time, about a tenth less wall
//     time). RawSyscall holds the processor through a call that can block
//     (a slow or network disk), so issue 11 made them syscall.Syscall
//     calls, which tell the scheduler, and then they saved nothing
//     (below): removed. A full build still writes its temporary
//     folder with plain os calls, each folder made once.
//   - Reading sources happens on every core, with one open a file. Plain
//     front matter took a fast path that built yaml.v3's tree about eight
//     times faster; under yamldoc it built yamldoc's tree (2.7 us against
//     23 us a page, BenchmarkFrontMatterYAML), which is at most 0.2 s of
//     CPU time in a 17 s build: removed (below).
//   - Memory. Rendering runs on every core and each page streams to disk as
//     soon as it is rendered; a one-off build lets go of each page's
//     Markdown once rendered. internal/gctune makes `mutual build` collect
//     garbage only near a soft limit (320 MiB, 360 MiB since issue 15
//     kept the search index live during the build) once the live heap passes
//     24 MiB (half as many collections for the same peak memory): kept
//     (below).
//
// The kernel's work creating a folder and a file per page is about 1.5 s
// of system time per 10,000-page build on this VM's ext4 when the disk is
// quiet, and several seconds more within five (up to ten) minutes of
// deleting other large output folders: ext4 without a journal passes over
// each recently freed inode when it picks one for a new file. A run deletes
// its output folders when it ends and says so in the next run's report: wait
// ten minutes between runs. The floor never pays that.
//
// Issue 11 (the engine split into rooms, one YAML reader, the memo layer)
// measured each hack with and without in the same run, at 10,000 pages:
// the median of the rounds' own savings in wall time, and in CPU time.
// Other engineers' work kept the load average between 4 and 9 throughout,
// so single rounds ranged from -169% to +54%:
//
//	                    run A (6 rounds)      run B (10 rounds)
//	                    wall      CPU         wall      CPU
//	raw file calls      -1.8%     -2.9%       -         -
//	front-matter path   -2.6%     +3.4%       +10.2%    -1.2%
//	gctune              +4.1%     +10.4%      +7.0%     +10.5%
//
// (An earlier run of four rounds, while I compiled beside it, gave -20.2%,
// +11.8% and -2.7% in wall time.) The raw file calls saved nothing in wall
// or CPU time: removed. The front-matter path's wall-time medians swing
// from -2.6% to +10.2% with the load, while its CPU time saving is -1.2%
// to +3.4%; a build that keeps both cores busy cannot save more of its
// wall time than of its CPU time, so it cannot save 5%: removed. gctune
// saves a tenth of the CPU time in both runs (fewer collections), and
// +4.1% and +7.0% of the wall time: kept, and measured by every make bench
// (its figure there decides, run by run, whether it still pays).
//
// The last make bench of issue 11 ran at a quiet moment (load average 2):
// floor 0.84 s and 7.01 s, build 1.04 s and 8.75 s at 1,000 and 10,000
// pages (ratios 1.24 and 1.25; in CPU time 1.24 and 1.23, 1.15 and 1.15
// without the build's system time), peak memory 77 and 330 MB, edit to
// reload event 31.7 and 90.6 ms; gctune saved 10.3% of the wall time (its
// five rounds 7% to 19%) and 10.2% of the CPU time. In the same hour,
// main's binary (with the raw calls and the fast path) built the 10,000
// pages in a median of 8.38 s against this 8.85 s, five alternating rounds
// each: the two removed hacks were together worth about 5%.
//
// 2026-11-29, after issues 12 (Hugo content), 14 (languages) and 15
// (search) were merged; load average 1.6 to 5. Floor 0.88 s and 6.88 s,
// build 1.18 s and 10.90 s (ratios 1.34 and 1.58: the 10,000-page target
// of 1.25 is missed), with search: false 1.02 s and 8.80 s (1.16 and
// 1.28). Search added 13.3% and 21.6% of the wall time (15.3% and 22.4% of
// the CPU time); a single-run bench the same hour gave +8.3% wall and
// +9.1% CPU at 10,000 pages. A CPU profile of the 10,000-page build puts
// search's analysis at 0.9 s and the index write at 0.3 to 0.5 s of 21.7 s:
// less than the paired builds show, so part of the cost is elsewhere (the
// extra files, the garbage collector's work on the retained postings, the
// header form on every page); not yet found. Error path 1.80x the clean
// build at 10,000 pages. Edit to reload event 59.2 ms at 1,000 pages
// (missed: the search index is rewritten on every edit). gctune saved 2.2%
// (rounds -2.7% to +6.5%): below 5% in this run, kept until a quieter run
// decides. Pagefind 1.6 on the same output: 31.97 s wall and 46.35 s CPU
// to index (mutual's index: +0.91 s wall, +1.88 s CPU), 55.2 MB against
// 36.4 MB stored, 578/437/442 KB against 49/25/23 KB for the three queries.
//
// Search, measured beside the builds that day (load 5 to 16, so CPU times
// are the figures to read): the index of 1,000 pages added 0.27 s of CPU
// time to a 2.27 s build (Pagefind: 4.7 s); 10,000 pages took 1.25 to 1.45
// s of CPU time in BenchmarkIndex (0.43 s wall analysing on 2 cores, 0.26 s
// writing). A rebuild in serve that remembers each term's encoding took
// 31.8 to 33.7 ms of CPU time per edit at 1,000 pages with search, against
// 52.1 to 54.5 ms before that change and 18.0 to 19.9 ms without search.
// Issue 12 (Hugo content) on 1,000 pages: a page without shortcodes cost
// what it did (2.73 s against 2.79 s of CPU time, 10 alternating runs), and
// the error path fell from about 10 s of CPU time (every broken link
// compared with every file for "did you mean") to 1.05x the clean build.
//
// 2026-11-29, second session (the lead and three engineers): serve writes
// a rebuild's search index after the reload (site.Options.DeferIndex) and
// keeps parsed translation files (i18n.Files); mutual build collects near
// 360 MiB instead of 320 (the search index's documents stay live through
// the build, which left less room between collections: CPU -0.6 s at
// 10,000 pages, peak 376 to 380 MB); a Doc's terms and positions are one
// uvarint byte slice (19 MB less live at 10,000 pages) and the writer reads
// each posting once; the analysis is about 30% cheaper per word
// (BenchmarkAnalyze: 100.5 to 70.7 ns a word, median of 6; BenchmarkIndex
// at 10,000 pages: 1,277 to 1,022 ms of CPU time); partialCached keys flat
// variants without fmt. make bench at 13:31 UTC, load 1.7 to 2.4: floor
// 0.82 s and 6.89 s, build 1.17 s and 10.61 s (ratios 1.42 and 1.54; CPU
// 1.41 and 1.52, 1.22 and 1.33 without the build's system time), with
// search: false 1.04 s and 8.88 s (1.27 and 1.29): every 10,000-page target
// but memory (379 MB) is missed. Search added 12.3% and 18.7% of the wall
// time (10.2% and 19.0% of the CPU time: +3.28 s at 10,000 pages). Paired
// in-process profiles at 10,000 pages (GOMAXPROCS 2, quiet): 19.37 s of
// CPU samples with search against 17.40 s without; the analysis 0.86 s, the
// index write about 0.25 s, the collector +0.3 s (marking, assists,
// sweeping), and the rest spread over work that search does not change
// (templates +0.3 s, writing files +0.27 s with the index's 36 MB): the
// two cores' caches shared with the analysis's tables, as far as a
// profile can tell. Under GOMAXPROCS=1 the difference was 2.5 s of 19.75 s.
// Edit to reload event 37.7 ms at 1,000 pages (target met again: the index
// no longer holds up the reload); error path 1.30x and 1.78x; gctune saved
// 7.2% of the wall time (rounds +1.3% to +8.1%) and 7.8% of the CPU time:
// it pays. Results ready 29.9, 11.6 and 9.7 ms after the three queries'
// files arrived (median of 5 fresh Node processes), within 50 ms.
//
// 2026-11-29, third session (the lead and four engineers: bundle files per
// language, fallback texts marked in the scripts, a pass over a counselor's
// mistakes; no change meant for speed). make bench at 15:47 UTC, load 1.8
// to 2.6: floor 0.81 s and 6.86 s, build 1.18 s and 10.82 s (ratios 1.45
// and 1.58; CPU 1.44 and 1.54), with search: false 1.05 s and 9.01 s (1.31
// at 10,000 pages); search added 13.1% and 20.2% of the wall time, peak
// 372 MB, error path 1.34x and 1.85x, edit to reload event 39.2 ms at
// 1,000 pages, gctune saved 8.0%. The phrase query now in the report
// ("the weekly rhythm", fourth in a row) transferred 321.0 KB (Pagefind
// 611.8 KB), its results ready 37.7 ms after its files arrived. Paired
// in-process measurements at 10,000 pages the same afternoon: the floor
// took 13.2 s of CPU time with its collector and 11.9 s with GOGC=off (1.4
// s of collection); the build 18.3 s of user time with gctune and 16.0 s
// with GOGC=off (2.3 s). Reading page bodies again when they render
// instead of keeping them from the scan (live heap 38 to 98 MB instead of
// about 100 MB throughout) made 38 collections instead of 36 and no
// difference in CPU time over three alternating pairs (18.25 against 18.29
// s of user time, 0.17 s more system time): not kept. Search's analysis
// measured alone (BenchmarkAnalyze) is 68 to 73 ns a word, of which the
// reading of the rendered HTML (extractor.parts) is 14 ms of 60 per 1,000
// pages. Positions cut into blocks of at most 4 KB per run of documents,
// so that a phrase loads only the documents it still needs, were built on
// a branch and measured: at 1,000 pages phrases transferred 15 to 47% less,
// at 10,000 no less (each common word's own positions are 90 to 220 KB, and
// its documents hold the other words too), with 5,722 index files instead
// of 1,898: not merged.
//
// 2026-11-29, fourth session (no change meant for speed; Hugo's
// translationKey, multilingual imports, translations started by mutual new,
// serve's warnings panel, template error columns, a worksheet QA pass). The
// disk, not the build, moved most: writing 10,000 folders with a 20 KB file
// each from two goroutines (a bare Go loop, nothing of mutual) took 0.29 to
// 4.44 s of wall time and 0.47 to 8.61 s of system time on this machine's
// ext4 within one hour, the slow runs right after large trees were deleted;
// on tmpfs, 0.12 to 0.14 s. Three alternating rounds of the 10,000-page
// corpus with the output on tmpfs (/dev/shm) isolate what mutual controls:
// floor 6.38 to 6.81 s, build 9.59 to 10.35 s (ratio about 1.5), with
// search: false 8.53 to 8.79 s (about 1.33); search added 1.06 to 1.56 s of
// wall time and about 2 s of CPU time (CPU profile: analysis 0.85 s, index
// write 0.47 s, the rest spread over the collector and the caches). On
// ext4 the same rounds gave builds of 13.6 to 14.4 s, 4.3 to 6.9 s of it
// system time. Outside Markdown (13.6 s of the 17.1 s of CPU samples
// without search) the build spends 1.2 s in templates, about 1 s in the
// collector, 0.5 s reading and front matter, 0.3 s writing (on tmpfs): the
// 25% the target allows (3.3 s of CPU) is less than these and search
// together, so no tuning of one of them reaches it. make bench at 17:48
// UTC, load 1.3 to 1.8, everything of the session merged: floor 0.81 s and
// 6.86 s, build 1.18 s and 10.48 s (ratios 1.46 and 1.53; CPU 1.45 and
// 1.49), with search: false 1.05 s and 8.75 s (1.28 at 10,000 pages);
// search added 12.5% and 19.8% of the wall time (+1.73 s, +3.11 s of CPU
// time at 10,000 pages); peak 372 MB; error path 1.34x and 1.72x; edit to
// reload event 37.5 ms at 1,000 pages; gctune saved 6.6% (rounds -1.1% to
// +10.2%): it pays. Search: first query 49.3 KB, results ready 29.3, 12.2
// and 8.5 ms after the three queries' files arrived, the phrase 321.0 KB
// and 34.2 ms; Pagefind 34.50 s to index, 578/437/442/612 KB.
//
// 2026-11-29, fifth session (speed worked on in two places). In-process
// 10,000-page builds on tmpfs: floor 6.3 to 6.5 s (12.5 to 12.7 s of CPU),
// build 9.0 to 9.5 s (17.6 to 18.5 s of CPU), with search: false 8.1 to
// 8.8 s (16.0 to 16.4 s). With the collector off (GOGC=off, a 3 GB limit)
// three alternating pairs gave 17.8 against 18.1 s of CPU: the collector
// is not where the time goes. The same Markdown code ran 13.4 s in the
// build against 12.5 s alone. The layouts: BenchmarkPageLayout rendered one
// made-up page with a warm partialCached cache (46 us); its new corpus case
// runs the real page job over the 1,000-page corpus with a cold cache, as a
// build does: about 120 us a page (guide pages 77 us, section pages 1.7 ms
// for their 50 entries rendered once each, tag pages 10% of the time), two
// thirds of it reflect.Value.call, about 50 calls a guide page, most of them
// html/template's escapers. Keys of partialCached built without allocation
// and page data made at its final size gave -4% CPU and -10% allocations a
// page. Search: the index write's serial steps now run on every core
// (BenchmarkWrite at 10,000 pages: 234 to 170 ms wall, 336 to 314 ms CPU);
// analysis 67.3 to 64.3 cpu-ns a word (BenchmarkAnalyze: HTML scan about
// 25%, word lookup 35%, positions 10 to 15%, passages and JSON 9%).
// make bench at 20:12 UTC, load 0.9 to 2.2: floor 0.84 s and 7.18 s, build
// 1.17 s and 10.96 s (ratios 1.39 and 1.53; CPU 1.37 and 1.50, 1.29
// without the kernel's time), with search: false 1.04 s and 9.88 s; search
// added 13.4% and 15.6% (+1.08 s wall, +2.72 s CPU at 10,000 pages);
// peak 380 MB; error path 1.40x and 1.74x; edit to reload event 36.9 ms at
// 1,000 pages; gctune saved 6.0% (rounds +3.0% to +8.2%): it pays. Search:
// first query 49.3 KB, results 29.2, 13.8, 6.5 and 35.8 ms (the phrase
// 321.0 KB); Pagefind 31.11 s to index.
//
// 2026-11-29, sixth session (21:00 to 24:00 UTC). Back-to-back 10,000-page
// builds took 2.5 to 2.9 s of system time each, 1.2 to 1.5 s after a sync:
// every timed run now starts after one (settle), and the builds with
// search: false are no longer deleted just before the next build with
// search (which made search look dearer). Layouts: the default theme's
// per-page parts ready-made and its tag list and list entry run as Go
// (1.31 to 0.65 s of CPU). Search: positions read in order by the write,
// 8-byte postings, the analysed pages in shared slabs (search added about
// 2.2 s of CPU in process, then 1.3 s). The Markdown walk (heading ids,
// links, tables): 0.40 to 0.22 s. Hints for broken links (diag.Index):
// the error path had gone to 2.03x the clean build, 11.3 s of its CPU on
// comparing each link in a missing section with 4,000 alike pages; now
// 300, those sharing most of its rarer pairs: 2.3 s. make bench at 22:48
// UTC, load 1.7 to 2.4, after a quiet hour: floor 0.86 s and 7.18 s,
// build 1.12 s and 9.86 s (ratios 1.30 and 1.37; CPU 1.30 and 1.36, 1.20
// and 1.26 without the build's system time of 0.17 and 1.44 s), with
// search: false 1.07 s and 8.83 s; search added 4.3% and 10.9% of the wall
// time (+1.03 s, +2.06 s of CPU at 10,000 pages); peak 372 MB; error path
// 1.27x and 2.03x (before the hints' fix); edit to reload event 37.5 ms at
// 1,000 pages; gctune saved 7.3%: it pays. Search: first query 49.3 KB,
// results 32.3, 12.4, 8.2 and 36.6 ms. make bench again at 23:00 UTC, with
// the hints' fix, but 2 minutes after the first run deleted its 42 output
// folders: error path 1.17x and 1.31x; the builds paid the deletions (2.67
// s of system time at 10,000 pages, ratio 1.61, search +17.5%), so its
// error path ratios flattered. make bench at 23:14 UTC, load 1.9 to 3.8,
// everything merged: floor 0.95 s and 7.55 s, build 1.32 s and 9.78 s
// (ratios 1.39 and 1.29; CPU 1.37 and 1.27, 1.25 and 1.17 without the
// build's system time), with search: false 1.25 s and 9.00 s; search added
// 9.2% and 9.1% of the wall time (+0.78 s, +1.33 s of CPU at 10,000
// pages); peak 90 and 372 MB; error path 1.05x and 1.72x; edit to reload
// event 43.2 ms at 1,000 pages; gctune saved 5.6% (rounds -6.9% to
// +12.4%): it pays. Search: first query 49.3 KB, results 32.4, 12.8,
// 10.1 and 33.4 ms; Pagefind 33.12 s to index.
//
// 2026-11-30, seventh session (23:44 to 02:44 UTC; the lead and three
// engineers, all on speed). Search analysis: the HTML pass reads lone
// tags at once and passes over code blocks by strings.IndexByte; collapse
// and appendJSON copy runs of plain bytes; a render worker analyses its
// pages in runs of 8 (Index.Analyze 0.79 to 0.69 s of CPU at 10,000 pages
// in process). Tried and not kept, none above the noise: the index write
// laying out its files from a first reading (allocation 102 to 68 MB, CPU
// unchanged; branch sw), fewer live objects in the page model (the
// collector's CPU 0.985 to 0.945 s, total within noise; branch gcheap),
// GOGC 150 or 200 instead of gctune (the same CPU and page faults), a
// memory limit of 450 MB (26 collections instead of 35, about 0.5 s of
// CPU, but past the 400 MB peak). Measured in process: a collection costs
// about 45 ms at 10,000 pages and follows the number of live objects
// (0.5 million: template trees, front matter, the page model), not their
// bytes; writing the 1,906 index files costs about 33 ms of CPU on tmpfs,
// and copying them to ext4 0.09 s of system time (the pages: 0.73 s). make
// bench at 01:04 UTC, minutes after the engineers' work stopped: floors
// from 7.28 to 11.70 s at 10,000 pages, so not counted. make bench at
// 01:25 UTC, load 1.8, the last deletion 12 minutes before: floor 0.90 s
// and 7.35 s, build 1.06 s and 9.89 s (ratios 1.17 and 1.35, runs' own
// 1.23 and 1.33; CPU 1.16 and 1.33, 1.08 and 1.23 without the build's
// system time of 0.14 and 1.35 s), with search: false 1.02 s and 9.09 s;
// search added 2.1% and 3.9% of the wall time as the median of the
// rounds' own ratios (the medians differ by 0.80 s, 8.8%, at 10,000
// pages) and 2.4% and 8.5% of the CPU time; peak 351 and 372 MB (the
// 1,000-page peak follows gctune's switch, see its package); error path
// 1.19x and 1.58x; edit to reload event 38.4 ms at 1,000 pages; gctune
// saved 6.4% (rounds +2.0% to +7.9%): it pays. Search: first query 49.3
// KB, results 29.8, 13.2, 9.0 and 36.1 ms; Pagefind 30.57 s to index.
//
// 2026-11-30, eighth session (01:51 to 04:51 UTC; the lead and two
// engineers, all on speed). Measured with a figure the host's speed
// cancels: in a CPU profile of an in-process 10,000-page build, the
// samples in all against those under markdown.(*Markdown).Render (the
// floor's own work); it was 1.33 at the start, and it moves by about 0.02
// between runs of one binary. Kept: a one-off build unloads every page's
// Markdown after the scan and reads it again when it renders the page
// (content.Source.Unload, Markdown): 1.327 to 1.300, about 0.35 s less
// CPU outside rendering; the live heap after a collection was about 105
// MB throughout, now 35 MB growing to about 110 MB as the search index
// fills (4 rounds each); a one-off build makes no
// search keys (about 0.01 s). Tried and not kept: the default theme's
// page, tag and section layouts run as Go where a theme has them as
// built in (branch lay: 1.298 to 1.280, ExecuteLayout 0.79 to 0.24 s,
// about 0.5 s of CPU, 2.7%): a second implementation of three layouts
// kept in step with them, a speed trick that does not reach the 5% a
// hack must save; a per-build cache of list entries (no gain); in the
// search analysis, positions chained per term and short words handled
// in the word loop (no gain). What search costs, 10,000 pages, in
// process (about 1.2 s of CPU): reading and counting words about 27 ns a
// word (0.6 s with extraction and positions), the index write 0.27 s
// (half gathering the postings, 14% the impact levels, 12% SHA-256 for
// the file names), collections brought sooner by its 43.5 MB of analysed
// pages (pointer-free) 0.1 to 0.2 s. The tag-list and list-entry natives
// of an earlier session measured no difference in that figure either way
// (1.330 with, 1.333 without, 3 rounds): they are not yet among the hacks
// make bench measures.
// make bench at 02:50 UTC, load 1.9, minutes after the engineers' work
// stopped: floor 1.23 s and 7.32 s, build 1.44 s and 9.48 s (ratios 1.16
// and 1.29, runs' own 1.23 and 1.30; CPU 1.15 and 1.28, 1.20 without the
// build's system time at 10,000 pages), with search: false 1.54 s and
// 8.78 s; search added 1.4% and 9.3% of the wall time, -6.2% and 8.3% of
// the CPU time; peak 86 and 372 MB; error path 1.24x and 1.58x; edit to
// reload event 46.1 ms at 1,000 pages; gctune saved 11.8%. make bench at
// 03:09 UTC, load 1.8, 10 minutes after the 02:50 run's deletion: floor
// 0.93 s and 7.73 s (10,000-page floors 7.31 to 9.13 s), build 1.23 s
// and 9.81 s (ratios 1.32 and 1.27, runs' own 1.17 and 1.21; CPU 1.28 and
// 1.25, 1.16 and 1.16 without the build's system time of 0.21 and 1.42
// s), with search: false 1.13 s and 9.04 s; search added 3.3% and 5.3% of
// the wall time, 7.8% and 8.4% of the CPU time; peak 85 and 372 MB; error
// path 1.23x and 1.69x; edit to reload event 48.6 ms at 1,000 pages;
// gctune saved 14.9% (rounds +11.9% to +28.9%): it pays. Search: first
// query 49.3 KB, results 35.5, 14.7, 12.0 and 42.3 ms; Pagefind 31.92 s
// to index. make bench at 03:36 UTC, load 1.9, 16 minutes after the last
// bench deletion, the same build with natives measured as a hack: floor 0.91 s
// and 7.18 s, build 1.24 s and 9.74 s (ratios 1.37 and 1.36, runs' own
// 1.35 and 1.34; CPU 1.35 and 1.34, 1.24 and 1.25 without the build's
// system time), with search: false 1.39 s and 9.01 s; search added 1.5%
// and 8.3% of the wall time, -11.0% and 8.8% of the CPU time; peak 88 and
// 372 MB; error path 1.52x and 1.68x; edit to reload event 39.3 ms at
// 1,000 pages; gctune saved 14.1% (rounds -1.9% to +15.5%), natives 5.3%
// (rounds -4.8% to +6.4%; CPU 4.8%): both pay, natives at the line.
// Search: first query 49.3 KB, results 31.9, 11.7, 10.8 and 38.3 ms;
// Pagefind 32.03 s to index. Three runs of one build, 1.27 to 1.36: the
// host's speed moves more between runs than this session's changes.
// 2026-11-30, 04:05 UTC on: natives removed. Besides the 03:36 run's
// 5.3% (CPU 4.8%, rounds -4.8% to +6.4%), three in-process comparisons of
// CPU profiles found no difference (profile ratios 1.330 and 1.333;
// medians 1.320 with and 1.309 without, 3 rounds each, on a loaded
// machine), and the microbenchmark that brought them in measured 20 µs a
// page (about 1% of the build): under the 5% a hack must save. Merged
// the same morning: a one-off build computes no memo keys (profile ratio
// 1.315 to 1.298), and the verdict reads the median of the runs' own
// ratios. make bench at 05:01 UTC, load 1.7, 50 minutes after the last
// large deletion: floor 0.82 s and 6.98 s, build 1.08 s and 9.36 s
// (ratios, runs' own, 1.32 and 1.33; of the medians 1.31 and 1.34; CPU
// 1.29 and 1.32, 1.17 and 1.23 without the build's system time of 0.20
// and 1.33 s), with search: false 1.03 s and 8.72 s; search added 4.0%
// and 7.1% of the wall time, 4.9% and 7.3% of the CPU time; peak 90 and
// 371 MB; error path 1.28x and 1.61x; edit to reload event 38.2 ms at
// 1,000 pages; gctune saved 15.1% (rounds +9.5% to +16.0%). make bench
// at 05:21 UTC, load 2.0, 11 minutes after the 05:01 run's deletion, the
// same build: floor 0.86 s and 7.08 s, build 1.13 s and 9.46 s (ratios
// 1.32 and 1.32; of the medians 1.32 and 1.34; CPU 1.31 and 1.31, 1.19
// and 1.19 without the build's system time of 0.18 and 1.66 s), with
// search: false 1.05 s and 8.76 s; search added 8.0% and 7.1% of the
// wall time, 6.4% and 6.9% of the CPU time; peak 89 and 371 MB; error
// path 1.20x and 1.52x; edit to reload event 38.3 ms at 1,000 pages;
// gctune saved 13.8% (rounds +12.5% to +14.5%). Search: first query
// 49.3 KB, results 29.7, 13.4, 9.0 and 34.0 ms; Pagefind 31.51 s to
// index. Both runs miss 1.25 by 0.07 to 0.08; without the kernel's time
// the build is at 1.19 to 1.23. Tried the same morning and not merged:
// every kind's layouts running their partials from one shared parsed set
// (branch tplshare: template objects halved, profile ratio 1.310 to
// 1.299, for rules on which partials may be shared that html/template's
// in-place escaping makes subtle); huge pages for the heap (an madvise
// of the heap's mappings from a watcher: the page faults did not change).
//
// 2026-11-30, 05:50 to 08:50 UTC (the lead, three QA
// engineers and eight fixing rooms). For speed: the search index's write
// hands each file to the output as it is made (Index.WriteFiles) instead of
// returning its 40 MB in a map (a write on a heap held at the limit: 0.315
// to 0.245 s of CPU, 2 to 3 collections to 1, 16,000 to 9,500 page faults);
// chroma's 250 ms match timeout became 3 s in the guarded lexers, since
// builds at a load of 50 came out different now and then. An accounting of
// search's cost in process (each part turned off in turn): pages, form and
// script nothing measurable; Index.Analyze about 0.7 s; keeping the
// analysed pages to the end 3 more collections; the write about 0.6 s
// (its own work 0.23 s). Without search the in-process profile ratio is
// 1.22 to 1.25. Not kept: the collector paced by a proportional setting in
// place of the limit (peak 430 to 480 MB, profile ratio unchanged); a
// page's heading ids, texts and links in one array (29,000 fewer live
// objects, 9 MB more heap, no saving). make bench at 07:40 UTC, load 6 and
// falling, other engineers' test runs just finished: floor 0.85 s and
// 6.96 s, build 1.12 s and 9.34 s (ratios, runs' own, 1.32 and 1.34; of
// the medians 1.31 and 1.34; CPU 1.29 and 1.32, 1.19 and 1.23 without the
// build's system time of 0.17 and 1.26 s), with search: false 1.16 s and
// 8.74 s; search added 2.9% and 5.6% of the wall time, 1.8% and 6.2% of
// the CPU time (+1.06 s); peak 88 and 372 MB; error path 1.20x and 1.57x;
// edit to reload event 42.3 ms at 1,000 pages; gctune saved 15.2% (rounds
// +13.0% to +16.3%). Search: first query 63.1 KB (the script now reads the
// best results' titles and headings to put those matches first), results
// 35.8, 20.8, 9.4 and 34.2 ms, the phrase 311.8 KB; Pagefind 34.49 s to
// index.
//
// 2026-11-30, from 08:31 UTC, on a new machine of another kind: AMD EPYC
// under a paravirtualised, nested hypervisor (the kernel's time shows as
// pvm_irq_enable in perf). The same code and corpus as the run above, on a
// machine just started, nothing else running: floor 0.77 s and 7.52 s,
// build 1.14 s and 12.60 s (ratios, runs' own, 1.50 and 1.70; CPU 1.41 and
// 1.61, 1.15 and 1.32 without the build's system time of 0.39 and 4.36 s),
// with search: false 1.08 s and 11.09 s (search +5.4% and +13.7% of the
// wall time); peak 101 and 372 MB. What changed is the price of the
// kernel: a system call that does nothing took 1 to 2.2 us (about 0.1 on
// the earlier machines) and the first touch of a fresh 4 KiB page 13 us
// (0.5), whether the page is new to the machine or freed a moment before
// (madvise and touch again: the same 13 us). A 10,000-page build takes
// about 113,000 page faults and 350,000 system calls (strace -c: 128,000
// fcntl and 32,000 failing epoll_ctl from os.File's poller set-up for
// 32,000 opened files, 98,000 nanosleep from the scheduler's monitor,
// 10,000 mkdir); the floor, in the bench process on a heap already faulted
// in, almost none. Tried, measured with perf stat (counts, which load does
// not move) at a load of 10 from other engineers' work: pacing the
// collector to a heap goal below the limit, so that the scavenger gives
// back less (page faults 114,000 to 100,000, madvise calls 4,900 to 2,700;
// worth about 0.2 s here); opening and reading files with plain system
// calls instead of os.File (10,000 reads 0.35 to 0.18 s of CPU, 10,000
// writes 0.25 to 0.18 s: about 0.4 s for a build's 32,000 files, 2% of its
// CPU time). Neither comes near the 5% a speed trick must save (issue 11);
// not kept. The report now prints this machine's two prices and what the
// build's page faults cost at them (machine.go), so that ratios from
// different machines can be read side by side.
//
// The same machine at 10:18 UTC, with this session's fixes merged, load
// 1.6 as it started: floor 0.77 s and 6.21 s (its 10,000-page runs 5.20 to
// 7.93 s), build 1.20 s and 10.38 s (ratios 1.57 and 1.67; CPU 1.47 and
// 1.62, 1.22 and 1.27 without the build's system time of 0.36 and 4.21 s);
// 114,212 page faults, 1.51 s at the machine's 13.24 us; with search:
// false 1.12 s and 10.41 s: search +3.1% and -1.1% of the wall time (the
// run at 08:33 gave +13.7% at 10,000 pages: on this machine the pairs are
// within the noise); peak 84 and 377 MB; error path 1.73x and 1.41x; edit
// to reload event 43.2 ms at 1,000 pages; gctune -1.8% (rounds -16.4% to
// +8.0%; +9.7% at 08:33): kept, as every earlier run measured it paying.
// Search: first query 63.1 KB; results 69.8, 28.6, 21.5 and 72.6 ms once
// the files arrived (35.8 ms at most on the earlier machines: not yet
// examined); Pagefind 44.17 s to index.
//
// A third run at 10:43 UTC, nothing else running, the machine slower
// throughout: floor 0.96 s and 8.43 s, build 1.50 s and 15.53 s (ratios
// 1.57 and 1.82; CPU 1.47 and 1.78, 1.23 and 1.48 without the build's
// system time of 0.46 and 4.90 s); search +8.4% of the wall time and
// +22.4% of the CPU time at 10,000 pages; error path 1.04x; edit to reload
// event 42.0 ms; gctune +8.7% (rounds +7.8% to +15.2%); search results
// 78.7, 37.8, 27.5 and 79.5 ms once the files arrived.
//
// 2026-11-30, from 11:30 UTC, the same machine. Search's engine ranks hits
// as numbers in typed arrays and puts in order only the first ones, sums
// each hit once and reads a phrase's positions into one reused array:
// results 44.1 to 44.2, 23.0, 13.4 to 14.6 and 37.8 to 40.2 ms once the
// files arrived (target 50 ms; before, 69.8 to 79.5 ms for the slowest).
// The index write gathers postings as document and level (47 to 35 MB
// allocated per write, 474 to 405 ms of CPU in BenchmarkWrite; about 1,300
// fewer page faults a build). Tried and not kept: the build's heap backed
// by transparent huge pages (madvise MADV_HUGEPAGE of a range made by one
// untouched allocation, up to gctune's limit). In a test program, 90,000
// page faults became 3,500 and its CPU time fell from 2.1-3.5 s to 1.3-2.1
// s; a build's faults went from 113,000 to 23,000. But make bench measured
// it saving 3.0% of the wall time (rounds +8.2, -79.6, +3.0, +6.4 and
// -65.0%) and 1.6% of the CPU time: under 5%, removed. What a first touch
// costs here is mostly the hypervisor backing fresh memory (a 2 MiB page
// first touched took 4.7 ms; touched again after madvise(MADV_DONTNEED),
// 0.2 ms), which huge pages do not save.
//
// Peak memory was misread until then: Linux counts into a process's
// ru_maxrss the memory of the process that started it, as of its start
// (os/exec starts a program from within its parent's memory), so each
// build showed at least the bench process's own peak: 381 MB for a
// 1,000-page build in the 12:58 run. Builds now run under a relay, a
// small bench process that starts the build and reports its resource use
// (childBuild, Relay): 87 MB at 1,000 pages, 372 MB at 10,000, as before
// (the build's own), 72 MB at 1,000 with search: false. The 10,000-page
// figures of the earlier runs stand; their 1,000-page peaks were at least
// partly the bench's.
//
// The run at 13:16 UTC (1m44s after the run before it deleted its output
// folders, so the builds' system time is inflated; load 1.4): floor 0.69 s
// and 7.42 s, build 1.30 s and 13.79 s (ratios 1.89 and 1.84; CPU 1.72 and
// 1.77, 1.38 and 1.40 without the build's system time of 0.43 and 5.36 s);
// 112,508 page faults, 1.99 s at the machine's 17.68 us; with search:
// false 1.20 s and 11.56 s: search +3.9% and +12.6% of the wall time,
// +7.2% and +18.6% of the CPU time; peak 87 and 372 MB; error path 1.48x
// and 1.41x; edit to reload event 39.5 ms at 1,000 pages; gctune +8.3%
// (rounds +6.0% to +10.8%), kept; first query 63.1 KB, slowest results
// 44.2 ms.
//
// And at 13:39 UTC, ten minutes after the last deletion of output folders
// (a quiet disk), load 2.1: floor 0.92 s and 6.36 s, build 1.59 s and
// 10.84 s (ratios 1.72 and 1.70; CPU 1.54 and 1.63, 1.32 and 1.36 without
// the build's system time of 0.39 and 3.30 s); 112,357 page faults; with
// search: false 1.53 s and 9.66 s: search +4.3% and +10.0% of the wall
// time, +6.9% and +13.3% (+2.40 s) of the CPU time; peak 81 and 372 MB;
// error path 1.36x and 1.79x; edit to reload event 43.0 ms at 1,000 pages;
// gctune +11.6% (rounds +4.9% to +13.8%); first query 63.1 KB; results
// 42.9, 18.7, 15.2 and 32.3 ms once the files arrived; Pagefind 39.61 s to
// index.
//
// 2026-11-30, 14:20 to 17:20 UTC, the same machine, two engineers working
// beside the measurements (times below are from alternating runs of
// bin/mutual build under /usr/bin/time, 10,000 pages, each into a new
// folder). The collector's limit against page faults: with GOGC=off and
// GOMEMLIMIT at 360, 240 and 180 MiB, peak 381, 258 and 197 MB, page
// faults 114,500, 87,000 and 73,500, user time 17.9-21.3, 22.7-24.6 and
// 24.3-29.5 s, system time 3.4-3.9, 4.2-4.3 and 4.1-4.8 s: a lower limit
// saves fewer faults than it costs in collections, so gctune's 360 MiB
// stays. Freed memory returned with MADV_FREE (GODEBUG=madvdontneed=0)
// in place of MADV_DONTNEED: page faults 113,000 to 110,500, no faster,
// peak 455 MB: not kept. Where the build's time beyond the floor goes, in
// an in-process CPU profile (20.9 s of samples, 11.8 s of them rendering):
// system calls 3.0 s (creating files and folders 2.0 s, in a folder
// deleted just before: ext4's recently-deleted cost), front matter 1.1 s
// (much of it the first touch of the heap, which the scan is the first to
// grow), templates 1.0 s, search 1.6 s plus 0.45 s of madvise: the search
// index's slabs, allocated at the collector's limit, make the runtime
// return memory to the system before each, which is then faulted in
// again. strace -c of one build: 100,000 nanosleep (the scheduler's
// monitor, kept at its shortest interval because system calls here block
// long enough for it to hand their processor to another thread), 25,000
// futex, 128,000 fcntl, 32,000 openat.
//
// 2026-12-01, 00:20 UTC, the same machine, two engineers' tests running
// beside (load 4 to 9). perf record of one 10,000-page build (25,700
// samples at 999 Hz): 21% in the kernel (system calls 12.9%, of which
// reading sources 2.8% and writing pages 7.5%; page faults 5.4%, most
// under the first Markdown renders and the scan, which grow the heap);
// Markdown.Render 54.7% (the floor's own work; allocation inside it
// 13.4%); reading and front matter 10.2% (yamldoc 4.9%, a quarter of it
// page faults); templates 5.1%; search 5.5%; the collector's background
// marking 3.4% and sweeping 2.3%; sysmon 1.3%. Tried: GOMAXPROCS=3 on the
// 2 cores, so that an idle P would keep the scheduler's monitor from
// handing a P off at each slow system call (perf stat, two alternating
// pairs): task clock 23.6 and 22.3 s with 2, 26.6 and 22.3 s with 3;
// context switches 69,900 and 25,900 with 2, 70,400 and 38,400 with 3;
// nanosleeps 30,000 and 12,700 against 29,500 and 15,900. No gain, and
// the counts move more between runs of one setting than between settings:
// not kept.
//
// make bench at 04:22 UTC the same day, load 2.0, with that session's
// work merged (no change meant for speed; a search page now records the
// cards of its language's pages, content names are composed, theme files
// lose a byte-order mark): floor 0.74 s and 6.77 s, build 1.41 s and
// 12.52 s (ratios, runs' own, 1.81 and 1.90; of the medians 1.89 and
// 1.85; CPU 1.70 and 1.76, 1.41 and 1.38 without the build's system time
// of 0.41 and 5.16 s); 113,426 page faults, 2.20 s at the machine's 19.43
// us (13 to 17.7 us in the runs before); with search: false 1.27 s and
// 12.49 s: search +6.0% and +6.5% of the wall time, +12.2% and +5.5% of
// the CPU time; peak 84 and 372 MB; error path 1.11x and 1.64x; edit to
// reload event 41.8 ms at 1,000 pages; gctune -5.0% (rounds -9.7% to
// +8.9%; CPU -4.0%): of its five runs on this machine, three measured it
// paying (+8.3% to +11.6%) and two not (-1.8%, -5.0%). Kept for now; a
// collector that holds more memory to collect less often buys less where
// each fresh page costs 19 us. Search: first query 63.1 KB, results 48.7,
// 25.5, 17.1 and 41.3 ms once the files arrived; Pagefind 48.05 s to
// index. Against the build of the session before (9664095), three
// alternating pairs of 10,000-page builds right after: wall 12.34, 11.00
// and 12.05 s before, 10.16, 12.70 and 10.39 s after; user time 17.4 to
// 19.4 s before, 16.4 to 20.3 s after: no slower.
//
// gctune settled at 05:10 UTC the same day (load 2 to 8, nothing else of
// mutual running): eight alternating pairs of bin/mutual build of the
// 10,000-page corpus under /usr/bin/time, with and without it (with
// first in odd rounds), each into a new folder after a sync. Wall time
// with 9.37 to 14.60 s, without 10.35 to 15.27 s; the median of the
// rounds' own savings 7.7% (rounds -9.2%, +3.5%, +4.4%, +6.2%, +9.1%,
// +9.5%, +9.6%, +20.0%), of user and system time 8.5%; system time
// 2.9 to 6.0 s with against 2.4 to 4.3 s without (its higher peak, 372
// against 241 to 284 MB, is more memory touched for the first time), user
// time 15.0 to 21.8 against 17.4 to 25.7 s. Four of its six runs on this
// machine measure it paying: kept.
//
// make bench on 2026-12-01 at 08:34 UTC, on a 2-core Intel Xeon virtual machine
// again (a system call 0.07 us, a first touch of memory 1.44 us), with the
// morning's work merged (lists cut into pages, guides listing the worksheets
// that point to them, print and reader-settings fixes; the bench corpus uses
// neither feature), nothing else running: floor 0.59 s and 5.31 s, build 0.83 s
// and 7.75 s (ratios 1.42 and 1.45; of the medians 1.41 and 1.46; CPU 1.35 and
// 1.43, 1.17 and 1.26 without the build's system time of 0.20 and 1.81 s);
// 114,766 page faults, 0.16 s at this machine's price; with search: false 0.79 s
// and 7.25 s: search +4.1% and +6.6% of the wall time, +4.7% and +6.9% of the CPU
// time; peak 156 MB at 1,000 pages (the highest of five runs; four builds timed
// alone right after, with this binary and the one before, 85 to 100 MB) and 373 MB;
// error path 1.35x and 1.52x; edit to reload event 36.8 ms at 1,000 pages;
// gctune +12.8% (rounds +12.2% to +13.6%; CPU +12.8%); search results 16.9, 7.7,
// 6.5 and 17.0 ms once the files arrived; Pagefind 26.28 s to index. Three
// alternating pairs of 10,000-page builds against the previous session's binary
// (98613d2) right after: 7.47, 7.28 and 7.19 s before, 7.48, 7.26 and 7.12 s
// after, user time 12.9 to 13.2 s both.
//
// # The README's performance section until 2026-12-01
//
// The README then kept every run of the two days before; it now keeps the
// latest only. What it said, as it said it:
//
// Measured by `make bench` on 2026-11-30 at 10:18 UTC, with everything merged, on a machine of
// another kind than the earlier figures: an AMD EPYC virtual machine under a nested, paravirtualised
// hypervisor, where the kernel's work costs many times more (the report's first lines measure it: a
// system call that does nothing 1.03 µs, the first touch of a fresh 4 KiB page 13.2 µs; on the
// earlier machines about 0.1 and 0.5 µs). Nothing else ran; the load average was 1.6 as it started,
// after a `make test`. Every timed run starts after a `sync`, so that it does not pay for writing
// back what the runs before it wrote. Ratios are medians of the runs' own ratios, each build paired
// with the floor run just before it; the whole report and the earlier runs are in
// `go doc mutual/internal/bench`:
//
//	| | 1,000 pages | 10,000 pages |
//	|---|---|---|
//	| floor: goldmark + chroma (median of 5) | 0.77 s | 6.21 s (runs 5.20 to 7.93 s) |
//	| `mutual build` (median of 5) | 1.20 s | 10.38 s |
//	| ratio build/floor (target ≤ 1.25 at 10,000) | 1.57 | **1.67 (missed)**; of the medians 1.67; CPU time 1.62, 1.27 without the kernel's time (4.21 s) |
//	| the build's page faults, at this machine's price | 17,808: 0.24 s | 114,212: 1.51 s |
//	| `mutual build` with `search: false` | 1.12 s | 10.41 s |
//	| what search adds (target ≤ 5 % at 10,000) | +3.1 % wall, +5.8 % CPU | -1.1 % wall, -0.0 % CPU (runs at 08:33 and 10:43: +13.7 % and +8.4 % wall) |
//	| peak memory (target < 400 MB) | 84 MB | 377 MB |
//	| error path: 3 broken links a page (target ≤ 2x the clean build) | 2.09 s, 1.73x | 14.64 s, 1.41x |
//	| edit → rebuilt (in process) | 23.0 ms | 116.0 ms |
//	| edit → browser reload event (target < 50 ms at 1,000) | 43.2 ms | 129.3 ms |
//	| live heap over 200 edits | flat (+0.3 %) | flat (+0.0 %) |
//	| `gctune` with against without (5 rounds) | | 11.19 s against 10.99 s: -1.8 % (rounds -16.4 to +8.0 %); at 08:33 +9.7 % (rounds -2.7 to +16.6 %), at 10:43 +8.7 % (rounds +7.8 to +15.2 %) |
//
// **On this machine the 10,000-page ratio is missed by far.** The same code measured 1.34 on the
// earlier machines (07:40 UTC the same morning; 1.23 without the kernel's time), and 1.70 and 1.67
// here (1.82 in a third run at 10:43, when the machine was slower throughout, the floor included). The difference is the kernel: 4.2 to 4.9 s of system time a build here against 1.3 s there,
// for the same 114,000 page faults and 350,000 system calls (opening, reading and writing 32,000
// files, 10,000 folders, the scheduler's sleeps and wake-ups), while the floor, which runs in the
// bench's process on a heap already faulted in and writes nothing, pays almost none of it. Without
// the kernel's time the build is 1.27 to 1.48 of the floor here. Search's share read +13.7 %, -1.1 %
// and +8.4 % in three runs of the same code on a quiet machine: the pairs are within the noise of
// this machine, and the 5 % target is missed here too; at 07:40 on the earlier one it was +5.6 % (+1.06 s of CPU). `gctune` paid
// +9.7 % and +8.7 % in the first and third runs and -1.8 % in the second, whose rounds went from -16.4 to +8.0 %: kept,
// as every other run measured it paying (4.1 to 15.2 %). Tried here and not kept, with their
// measurements in the bench package's log: pacing the collector to a heap goal below its limit
// (14,000 fewer page faults, about 0.2 s) and reading and writing files with plain system calls
// instead of `os.File`, whose set-up costs 6 more calls a file (about 0.4 s of CPU for 32,000
// files, 2 %): neither is near the 5 % a speed trick must save.
//
// Later the same day (13:16 UTC, everything of the afternoon merged, the same machine; 1m44s after
// the run before it deleted its output folders, so the builds' system time is inflated): floor 7.42 s,
// build 13.79 s, ratio **1.84 (missed)** (CPU 1.77, 1.40 without the kernel's 5.36 s); with
// `search: false` 11.56 s, search **+12.6 % (missed)** of the wall time and +18.6 % of the CPU time;
// peak memory 372 MB (87 MB at 1,000 pages: the earlier 1,000-page peaks were partly the bench's own,
// see above); error path 1.41x; edit → reload event 39.5 ms at 1,000 pages; `gctune` +8.3 % (rounds
// +6.0 to +10.8 %), kept; first query 63.1 KB; search results 44.2, 23.0, 14.6 and 40.2 ms once the
// files arrived, **within the 50 ms now** (the engine change below). Tried and not kept: the build's
// heap backed by transparent huge pages, which cut a build's page faults from 113,000 to 23,000 but
// saved 3.0 % of the wall time and 1.6 % of the CPU time in `make bench` (rounds +8.2 to -79.6 %):
// here a first touch of memory costs mostly the hypervisor backing it, which huge pages do not save.
// A run on a quiet disk at 13:39 UTC (ten minutes after the last deletion, load 2.1): floor 6.36 s,
// build 10.84 s, ratio **1.70 (missed)** (CPU 1.63, 1.36 without the kernel's 3.30 s); with
// `search: false` 9.66 s, search **+10.0 % (missed)** of the wall time, +13.3 % (+2.40 s) of the CPU
// time; peak memory 372 MB (81 MB at 1,000 pages); error path 1.79x; edit → reload event 43.0 ms at
// 1,000 pages; `gctune` +11.6 %; first query 63.1 KB; search results 42.9, 18.7, 15.2 and 32.3 ms once
// the files arrived (**met**); Pagefind took 39.61 s to index the same output.
// The latest run, 2026-12-01 at 04:22 UTC (load 2.0; a first touch of memory measured 19.4 µs, against
// 13 to 17.7 µs before): floor 6.77 s, build 12.52 s, ratio **1.90 (missed)** (CPU 1.76, 1.38 without
// the kernel's 5.16 s); with `search: false` 12.49 s, search **+6.5 % (missed)** of the wall time and
// +5.5 % of the CPU time; peak memory 372 MB; error path 1.64x; edit → reload event 41.8 ms at 1,000
// pages; `gctune` -5.0 % (rounds -9.7 to +8.9 %; three of its five runs on this machine measured it
// paying, two not: kept for now, see the bench package's log); search results 48.7 ms at the slowest
// (**met**). Three alternating pairs of builds against the previous session's binary right after: no
// slower (medians 12.05 s before, 10.39 s after).
// `gctune` settled the same day at 05:10 UTC (load 2 to 8): eight alternating pairs of 10,000-page
// builds with and without it, each into a new folder after a `sync`, saved a median **7.7 %** of the
// wall time (rounds -9.2 to +20.0 %) and 8.5 % of the user and system time (peak 372 MB against 241 to
// 284 MB): four of its six runs on this machine now measure it paying, and it stays.
//
// Where the time went on the earlier machines (07:40 UTC, the same code but for this session's
// fixes): floor 6.96 s, build 9.34 s, ratio 1.34 (CPU 1.32, 1.23 without the kernel's 1.26 s),
// with `search: false` 8.74 s (1.26x), search +5.6 % of the wall time and +6.2 % (+1.06 s) of the
// CPU time. Without search, the build is within 1.22 to 1.25 of the floor in process (a CPU profile's
// samples against those in the Markdown rendering). An accounting of search's cost in process (each
// part turned off in turn, three rounds each): its pages, form and script cost nothing measurable;
// reading and counting the words of 10,000 pages about 0.7 s (Index.Analyze; about 70 ns a word,
// already read 8 bytes at a time); keeping the analysed pages to the end 3 more collections; the
// write about 0.6 s, of which 0.23 s the writer's own work and the rest collections, page faults and
// memory given back at the collector's limit. The write hands each file to the output as soon as it
// is made (Index.WriteFiles), instead of holding the index's 40 MB until it is all made: in a
// controlled test on a heap at the limit, 0.315 to 0.245 s of CPU a write, 2 to 3 collections to
// 1, 16,000 to 9,500 page faults. Other causes of the gap, in process on tmpfs: the garbage
// collector about 0.6 s more than the floor's, the layouts and page data 0.7 s, reading the sources
// and their front matter 0.45 s (YAML 0.27 s) and their Markdown again 0.12 s, writing 12,000 files
// 0.45 s of system calls, page faults 0.25 s. Tried and not kept: the default theme's page, tag and
// section layouts run as Go (0.5 s of CPU, 2.7 %: a speed trick short of the 5 % a hack must save);
// the layouts of every kind sharing one parsed copy of the partials (about 0.1 s, for subtle sharing
// rules); the collector paced by a proportional setting instead of its limit (peak memory 430 to
// 480 MB, no saving); the heading ids, texts and links of a page in one array (29,000 fewer live
// objects at 10,000 pages, 9 MB more heap, no saving); and, as none measured a saving above the
// noise, a write of the index that lays its files out from a first reading, fewer live objects in
// the page model, a cache of list entries, other word loops in the search analysis.
//
// **Search beside Pagefind** (the same run, on the 10,000-page output):
//
//	| | mutual | Pagefind 1.6 |
//	|---|---|---|
//	| index build | -0.03 s wall, -0.00 s CPU in the build against the same build without search, within this run's noise (at 08:33: +1.52 s wall, +2.92 s CPU) | 44.17 s wall, 64.67 s CPU |
//	| index size | 1,905 files, 36.4 MB stored, 25.2 MB served | 10,407 files, 55.2 MB stored, 54.8 MB served |
//	| three queries in a row (`partner listens`, `gratitude apology`, `repairs trust`) | 63.1, 25.2 and 27.1 KB (the first: target ≤ 100 KB) | 578.4, 436.7 and 442.3 KB |
//	| then the phrase `"the weekly rhythm"` | 311.8 KB | 611.8 KB |
//	| results once a query's files arrived (target ≤ 50 ms) | 69.8, 28.6, 21.5 and 72.6 ms (median of 5 fresh Node processes, as on a page just loaded; **missed** on this machine, examined since: see below; 35.8, 20.8, 9.4 and 34.2 ms on the earlier machines) | |
//
// Why results missed 50 ms there, and what changed after that run (2026-11-30): on a page just
// loaded the engine's code runs in the JavaScript interpreter, where each step of a loop costs and each
// arithmetic on a fraction allocates a number, and these queries' words are on 9,300 to 10,000 of the
// 10,021 pages. The engine made an object of every hit and sorted them all to show 8, added each
// word's weighted level page by page, and read the positions of "the" on every page into an array
// each. It now keeps the hits as numbers and puts in order only the first ones (the browser's own
// sort of number keys finds them), sums each hit once (once per pair of levels for one or two words),
// and reads a phrase's positions one candidate page at a time into one array; the results are the
// same. Each query in a fresh Node process, as the bench runs them, the engine before and after in
// turn, medians of 10 on this machine (shared while measured, so each run at real-time priority): 76.7, 28.1, 30.7 and 65.8 ms before, 42.5, 13.0, 12.5 and
// 32.2 ms after. The next `make bench` gives the row above its own figures.
package bench
