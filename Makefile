# Debrief: `make run` to try it, `make test` to check it.
SWIFT ?= swift
DB ?= ./debrief.sqlite
HOST ?= 127.0.0.1
PORT ?= 8080
BENCH_MB ?= 30
BENCH_CANDIDATES ?= 20000
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: build run demo test bench format lint clean

build:
	$(SWIFT) build

## Builds, fills $(DB) with demo data the first time, issues the demo recruiter a token and serves the web app.
run: build
	@if [ ! -s "$(DB)" ]; then $(BIN_DIR)/debrief demo generate --db "$(DB)" --candidates 40 --seed 1; fi
	@echo; $(BIN_DIR)/debrief positions list --db "$(DB)"
	@echo; $(BIN_DIR)/debrief users token recruiter@debrief.example --label "make run" --days 1 --db "$(DB)"
	@echo; echo "Open http://$(HOST):$(PORT)/sign-in in a browser and paste the token above."
	@echo "Scripts: curl -H 'Authorization: Bearer TOKEN' http://$(HOST):$(PORT)/api/positions/1/report"
	@echo "The CLI works on the same database: $(BIN_DIR)/debrief --help (the database is $(DB))."; echo
	@$(BIN_DIR)/debrief serve --db "$(DB)" --host $(HOST) --port $(PORT)

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/smoke.sh "$(BIN_DIR)/debrief"
	scripts/readme-check.py "$(BIN_DIR)/debrief"

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
