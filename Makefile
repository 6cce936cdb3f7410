# Debrief: `make run` to try it, `make test` to check it.
SWIFT ?= swift
DB ?= ./debrief.sqlite
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
	@echo; echo "Explore further with $(BIN_DIR)/debrief --help (the database is $(DB))."

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/smoke.sh "$(BIN_DIR)/debrief"

bench:
	@echo "make bench: no benchmarks yet. The importer and report benchmarks (issues 4 and 5) add them here and record results in BENCHMARKS.md."

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
