# Jobnet. `make run` starts the portal with demo data; `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# One set of flags for every go command, so the build cache is shared between
# the WASM build, the server build and the tests.
export GOFLAGS := -buildvcs=false -trimpath
LDFLAGS := -s -w
# brotli quality of web/app.wasm.br: 9 builds in 2 s; use 11 for a release (smaller, 60 s)
BROTLI_LEVEL ?= 9

GO_SOURCES := $(shell find app shared server migrations cmd -name '*.go' -o -name '*.sql' 2>/dev/null) go.mod go.sum
# The static files under web/ (not app.wasm and not the precompressed copies).
WEB_STATIC := $(shell find web -type f ! -name '*.br' ! -name '*.gz' ! -name '*.tmp' ! -name app.wasm 2>/dev/null)
WASM_EXEC := $(shell go env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: run build test test-go test-wasm check-wasm-deps chromium poppler axe dkfds bench bench-go bench-wasm wasm-size wasm-profile bench-findjob bench-jobagents bench-http lighthouse leak fuzz seed-scale scale-jobs bench-scale bench-tti wrk ha-up pg-auto-failover clean

## build: the WASM app and the static files (precompressed) and the server binary
build: web/app.wasm bin/web-precompressed bin/jobnet

web/app.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm go build -ldflags='$(LDFLAGS)' -o $@ ./cmd/jobnet-wasm
	go run ./cmd/precompress -brotli $(BROTLI_LEVEL) $@

# .br and .gz beside the static text files (styles, SVG icons); the stamp
# says when, so an unchanged web/ costs nothing.
bin/web-precompressed: $(WEB_STATIC) cmd/precompress/main.go server/site/static.go server/site/encoding.go
	go run ./cmd/precompress -static web
	@mkdir -p bin && touch $@

bin/jobnet: $(GO_SOURCES)
	go build -ldflags='$(LDFLAGS)' -o $@ ./cmd/jobnet

## run: build and start the portal on http://127.0.0.1:8080 (PORT overrides)
run: build
	./bin/jobnet

## test: every test — unit, PostgreSQL, WASM and real browser (installs Chromium if missing)
test: check-wasm-deps build chromium poppler pg-auto-failover axe
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./shared/... ./app/... ./cmd/jobnet-wasm
	$(MAKE) --no-print-directory test-wasm
	JOBNET_AXE=$$(scripts/axe.sh) go test -count=1 -timeout 20m ./...

## test-wasm: shared/ and the app's API client tests compiled to WebAssembly and run in node
## (app/ui's tests need a DOM: they run with go-app's test engine on the server's build, and in Chromium)
test-wasm:
	GOOS=js GOARCH=wasm go test -count=1 -exec='$(WASM_EXEC)' ./shared/... ./app/api/...

## check-wasm-deps: fail if a server-only package reaches the WASM build
check-wasm-deps:
	@bad=$$(GOOS=js GOARCH=wasm go list -deps ./cmd/jobnet-wasm | grep -E 'uptrace/bun|jackc/pgx|lib/pq|database/sql$$|jobnet/server|jobnet/migrations' || true); \
	if [ -n "$$bad" ]; then echo "server-only packages in the WASM build:"; echo "$$bad"; exit 1; fi; \
	echo "WASM build is free of server-only packages"

## chromium: install Debian's Chromium for the browser tests when it is missing
chromium:
	@command -v chromium >/dev/null || { \
		echo "installing chromium (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## poppler: install Debian's poppler-utils (pdftotext, for the PDF tests) when missing
poppler:
	@command -v pdftotext >/dev/null || { \
		echo "installing poppler-utils (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

## pg-auto-failover: install Debian's pg_auto_failover (the failover test, make ha-up) when missing
pg-auto-failover:
	@command -v pg_autoctl >/dev/null || { \
		echo "installing postgresql-15-auto-failover (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-auto-failover >/dev/null; }

## ha-up: the portal with demo data on PostgreSQL with automatic failover: a monitor and three nodes (throwaway)
ha-up: build pg-auto-failover
	go run ./cmd/jobnet-ha

## axe: fetch the pinned axe-core used by the browser tests
axe:
	@scripts/axe.sh >/dev/null

## dkfds: refresh the vendored Det Fælles Designsystem from npm (pinned in the script)
dkfds:
	scripts/vendor-dkfds.sh --force

## fuzz: every fuzz target for FUZZTIME each (their seed corpora run in `make test`)
FUZZTIME ?= 60s
fuzz:
	@for pkg in ./shared ./server; do \
	  for t in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t ($(FUZZTIME))"; \
	    go test $$pkg -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10x -parallel 2 || exit 1; \
	  done; \
	done

## bench: every measurement, side by side with its floor in the same run
bench: bench-go bench-wasm wasm-size bench-tti bench-findjob bench-jobagents bench-http bench-scale lighthouse

## bench-go: the Go benchmarks (API latency per role, PDF, counters, WASM size)
bench-go: build
	go test -run '^$$' -bench . -benchmem ./...

## wasm-size: app.wasm raw, gzip -9 and brotli 11 beside go-app's hello world, built the same way in the same run
wasm-size: web/app.wasm
	GOOS=js GOARCH=wasm go build -ldflags='$(LDFLAGS)' -o bin/floor.wasm ./internal/wasmfloor
	go run ./cmd/wasmsize bin/floor.wasm web/app.wasm

## bench-tti: time to interactive of Min Plan in headless Chromium beside go-app's hello world served the same way, cold and warm, 1280 and 375 px
TTI_RUNS ?= 7
bench-tti: build chromium
	GOOS=js GOARCH=wasm go build -ldflags='$(LDFLAGS)' -o bin/floor.wasm ./internal/wasmfloor
	go run ./cmd/ttibench -runs $(TTI_RUNS)

## bench-findjob: Find Job's search and suggestions at 100,000 and 1,000,000 generated ads, 8 clients, beside a primary-key SELECT
FINDJOB_ADS ?= 100000,1000000
bench-findjob:
	go test ./server/storage -run '^$$' -bench 'BenchmarkFindJob|BenchmarkAutomatch' -findjob.ads=$(FINDJOB_ADS) -benchtime=400x -timeout 60m

## bench-jobagents: the job agents' morning run, 10,000 agents over 100,000 ads (JOBAGENTS, JOBAGENT_ADS): time and mails per second
JOBAGENTS ?= 10000
JOBAGENT_ADS ?= 100000
bench-jobagents:
	go test ./server/jobs -run '^$$' -bench BenchmarkJobAgentRun -jobagents.agents=$(JOBAGENTS) -jobagents.ads=$(JOBAGENT_ADS) -benchtime=1x -timeout 60m

## wasm-profile: app.wasm's code bytes per package (built with names, otherwise as make build)
wasm-profile:
	GOOS=js GOARCH=wasm go build -ldflags='-w' -o bin/app-names.wasm ./cmd/jobnet-wasm
	go run ./cmd/wasmprofile bin/app-names.wasm

## bench-wasm: the per-keystroke work of the counters in WebAssembly (node), beside parsing the keystroke (the floor)
bench-wasm:
	GOOS=js GOARCH=wasm go test -run '^$$' -bench 'ProjectDagpengeperiode|ComputeDagpenge|ParseWeeklyHours' -benchmem -exec='$(WASM_EXEC)' ./shared/

## bench-http: citizen-scoped GETs against GET /healthz with wrk, 9 sessions x 9 connections (BENCH_SECONDS per run)
BENCH_SECONDS ?= 10
bench-http: build
	scripts/bench-http.sh $(BENCH_SECONDS)

## bench-scale: seed-scale (a no-op once done; 10 minutes and 14 GB the first time), then the citizen-scoped GETs over HTTP
## at SCALE_CITIZENS: 200 connections over 10,000 live sessions beside GET /api/eures (a primary-key SELECT); results/scale-http.txt
bench-scale: build wrk
	go build -o bin/seedscale ./cmd/seedscale
	./bin/seedscale -citizens $(SCALE_CITIZENS) -ads $(SCALE_ADS) -http -seconds $(BENCH_SECONDS)

## wrk: install Debian's wrk (the HTTP benchmarks) when missing
wrk:
	@command -v wrk >/dev/null || { \
		echo "installing wrk (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

## lighthouse: Lighthouse's mobile and desktop profiles on every page, signed in where needed (LIGHTHOUSE_RUNS=3, LIGHTHOUSE_PAGES, LIGHTHOUSE_PROFILES)
lighthouse: build chromium
	scripts/lighthouse.sh

## leak: the leak test with many random citizens (make leak LEAK_CITIZENS=300 LEAK_SEED=7)
LEAK_CITIZENS ?= 300
LEAK_SEED ?= $(shell date +%s)
leak: poppler
	go test -count=1 -timeout 30m -run '^TestLeak$$' -v ./server/ -leak.citizens=$(LEAK_CITIZENS) -leak.seed=$(LEAK_SEED)

## seed-scale: the national-scale data set (issue 15) with COPY, resumable: SCALE_CITIZENS citizens and SCALE_ADS ads
## in DATABASE_URL, or in a private PostgreSQL in .data/scale (JOBNET_SCALE_DIR); logins skala0000000… (README)
SCALE_CITIZENS ?= 1000000
SCALE_ADS ?= 100000
seed-scale:
	go build -o bin/seedscale ./cmd/seedscale
	./bin/seedscale -citizens $(SCALE_CITIZENS) -ads $(SCALE_ADS)

## scale-jobs: seed-scale (a no-op once done), then the daily scheduled jobs over it, three runs each beside a primary-key SELECT
scale-jobs:
	go build -o bin/seedscale ./cmd/seedscale
	./bin/seedscale -citizens $(SCALE_CITIZENS) -ads $(SCALE_ADS) -jobs

clean:
	rm -rf bin web/app.wasm
	find web -type f \( -name '*.br' -o -name '*.gz' \) -delete
