# Debrief: `make run` to try it, `make test` to check it.
SWIFT ?= swift
DB ?= ./debrief.sqlite
BENCH_MB ?= 30
BENCH_CANDIDATES ?= 20000
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: build run demo test bench format lint clean

build:
	$(SWIFT) build

## Builds, fills $(DB) with demo data the first time, then tours it with the CLI.
run: build
	@if [ ! -s "$(DB)" ]; then $(BIN_DIR)/debrief demo generate --db "$(DB)" --candidates 40 --seed 1; fi
	@echo; echo "== Positions"; $(BIN_DIR)/debrief positions list --db "$(DB)"
	@echo; echo "== Candidates in interviews"; $(BIN_DIR)/debrief candidates list --stage interviewing --db "$(DB)"
	@echo; echo "== Rounds (first 15)"; $(BIN_DIR)/debrief rounds list --db "$(DB)" | head -16
	@echo; echo "== Scorecards of round 1"; $(BIN_DIR)/debrief scorecards show --round 1 --db "$(DB)"
	@echo; echo "== Position 1: ranking, agreement, calibration"; $(BIN_DIR)/debrief report position 1 --format text --db "$(DB)"
	@$(BIN_DIR)/debrief report position 1 --all --out ./debrief-reports --db "$(DB)" --quiet
	@echo; echo "Open ./debrief-reports/index.html in a browser for the debrief pack with charts and every candidate's report."
	@echo "Explore further with $(BIN_DIR)/debrief --help (the database is $(DB))."

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/smoke.sh "$(BIN_DIR)/debrief"

## Release build, then each benchmark against its baseline measured in the same run (see BENCHMARKS.md).
bench:
	@command -v xmllint >/dev/null && command -v hyperfine >/dev/null && command -v sqlite3 >/dev/null || \
		{ echo "make bench needs xmllint, hyperfine and sqlite3: apt-get install libxml2-utils hyperfine sqlite3"; exit 1; }
	$(SWIFT) build -c release --product debrief
	bench/import-bench.sh "$$($(SWIFT) build -c release --show-bin-path)/debrief" $(BENCH_MB)
	bench/report-bench.sh "$$($(SWIFT) build -c release --show-bin-path)/debrief" $(BENCH_CANDIDATES)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
