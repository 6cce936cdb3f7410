# Debrief: `make run` to try it, `make test` to check it.
SWIFT ?= swift
DB ?= ./debrief.sqlite
HOST ?= 127.0.0.1
PORT ?= 8080
BENCH_MB ?= 30
BENCH_CANDIDATES ?= 20000
# Position sizes of the growth series (about 50 ratings per candidate: 10k, 100k and 1M ratings).
GROWTH_CANDIDATES ?= 200 2000 20000
# Ratings per simulated position of the panel reliability study's benchmark.
RELIABILITY_RATINGS ?= 10000 100000 1000000
FUZZ_SECONDS ?= 60
# libFuzzer's runtime without its main: SwiftPM links the executable's own main, and
# -sanitize=fuzzer would link a second one; debrief-fuzz starts libFuzzer with LLVMFuzzerRunDriver.
LIBFUZZER = $(firstword $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: build run demo test e2e conformance soak reliability bench fuzz format lint clean

build:
	$(SWIFT) build

## Builds, fills $(DB) with demo data the first time, prints how to sign in as each role and serves the web app.
run: build
	@if [ ! -s "$(DB)" ]; then $(BIN_DIR)/debrief demo generate --db "$(DB)" --candidates 120 --seed 1; fi
	@echo; $(BIN_DIR)/debrief positions list --db "$(DB)"
	@echo; echo "Sign in at http://$(HOST):$(PORT)/sign-in. The first time, open a link below to choose that person's password:"
	@echo; $(BIN_DIR)/debrief users invite admin@debrief.example --role admin --name "Avery Admin" --base-url "http://$(HOST):$(PORT)" --db "$(DB)"
	@echo; $(BIN_DIR)/debrief users invite recruiter@debrief.example --base-url "http://$(HOST):$(PORT)" --db "$(DB)"
	@echo; $(BIN_DIR)/debrief users invite interviewer1@debrief.example --base-url "http://$(HOST):$(PORT)" --db "$(DB)"
	@echo; echo "Scripts: $(BIN_DIR)/debrief users token recruiter@debrief.example --db $(DB), then"
	@echo "  curl -H 'Authorization: Bearer TOKEN' http://$(HOST):$(PORT)/api/v1/positions/1/report"
	@echo "The CLI works on the same database: $(BIN_DIR)/debrief --help (the database is $(DB))."; echo
	@$(BIN_DIR)/debrief serve --db "$(DB)" --host $(HOST) --port $(PORT)

test: lint
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/smoke.sh "$(BIN_DIR)/debrief"
	scripts/api-walk.sh "$(BIN_DIR)/debrief"
	scripts/shutdown-under-load.py "$(BIN_DIR)/debrief"
	scripts/crash-test.py "$(BIN_DIR)/debrief"
	scripts/soak.py "$(BIN_DIR)/debrief" --seconds 30
	scripts/readme-check.py "$(BIN_DIR)/debrief"
	$(MAKE) conformance
	$(MAKE) e2e

## Many clients over loopback for $(SOAK_SECONDS) s: no errors, no lost or doubled writes, memory flat
## (make test runs it for 30 s).
SOAK_SECONDS ?= 180
soak: build
	scripts/soak.py "$(BIN_DIR)/debrief" --seconds $(SOAK_SECONDS)

## The long runs of RELIABILITY.md (make test runs the short ones): 200 SIGKILLs under load, the
## $(SOAK_SECONDS) s soak, and every fuzz target for FUZZ_SECONDS.
reliability: build
	scripts/crash-test.py "$(BIN_DIR)/debrief" --kills 200
	scripts/soak.py "$(BIN_DIR)/debrief" --seconds $(SOAK_SECONDS)
	$(MAKE) fuzz

## The API against its contract: schemathesis drives a live `debrief serve` from /api/v1/openapi.json
## alone, $(CONFORMANCE_EXAMPLES) examples per operation (see scripts/conformance.sh for the checks).
CONFORMANCE_EXAMPLES ?= 20
conformance: build
	@if command -v schemathesis >/dev/null; then \
		scripts/conformance.sh "$(BIN_DIR)/debrief" $(CONFORMANCE_EXAMPLES); \
	elif [ -n "$$CI" ]; then echo "conformance: CI needs schemathesis (.ci/run installs it)"; exit 1; \
	else echo "conformance: skipped; pip install schemathesis"; fi

## The browser walk: headless Chromium through Selenium against `debrief serve` on a fresh database,
## with axe-core checks; screenshots of every main page at 1280 and 375 px go to $(SHOTS).
SHOTS ?= .build/screenshots
e2e: build
	@if command -v chromedriver >/dev/null && python3 -c 'import selenium, axe_selenium_python' 2>/dev/null; then \
		scripts/e2e.sh "$(BIN_DIR)/debrief" "$(SHOTS)"; \
	elif [ -n "$$CI" ]; then echo "e2e: CI needs chromium-driver, selenium and axe-selenium-python (.ci/run installs them)"; exit 1; \
	else echo "e2e: skipped; apt-get install chromium chromium-driver && pip install selenium axe-selenium-python"; fi

## Release build, then each benchmark against its baseline measured in the same run (see BENCHMARKS.md).
bench:
	@command -v xmllint >/dev/null && command -v hyperfine >/dev/null && command -v sqlite3 >/dev/null && command -v cc >/dev/null || \
		{ echo "make bench needs xmllint, hyperfine, sqlite3 and a C compiler: apt-get install libxml2-utils hyperfine sqlite3 gcc"; exit 1; }
	$(SWIFT) build -c release --product debrief
	bench/import-bench.sh "$$($(SWIFT) build -c release --show-bin-path)/debrief" $(BENCH_MB)
	bench/report-bench.sh "$$($(SWIFT) build -c release --show-bin-path)/debrief" $(BENCH_CANDIDATES)
	bench/growth-bench.sh "$$($(SWIFT) build -c release --show-bin-path)/debrief" $(GROWTH_CANDIDATES)
	$(SWIFT) build -c release --product debrief-bench-reliability
	"$$($(SWIFT) build -c release --show-bin-path)/debrief-bench-reliability" $(RELIABILITY_RATINGS)
	@command -v wrk >/dev/null && bench/http-bench.py "$$($(SWIFT) build -c release --show-bin-path)/debrief" || \
		echo "make bench: the HTTP benchmark needs wrk (apt-get install wrk)"

## Each fuzz target for FUZZ_SECONDS under libFuzzer and AddressSanitizer (coverage as -sanitize=fuzzer
## instruments it), in its own build folder; findings land in .build-fuzz/findings (see RELIABILITY.md).
fuzz:
	@test -n "$(LIBFUZZER)" || { echo "make fuzz needs libclang_rt.fuzzer_no_main from the Swift toolchain's clang"; exit 1; }
	$(SWIFT) build --product debrief-fuzz --scratch-path .build-fuzz -Xswiftc -DFUZZING -Xswiftc -sanitize=address \
		-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xlinker $(LIBFUZZER) -Xlinker -lstdc++
	scripts/fuzz.sh .build-fuzz/debug/debrief-fuzz $(FUZZ_SECONDS)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
