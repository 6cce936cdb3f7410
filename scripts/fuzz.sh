#!/usr/bin/env bash
# Runs each fuzz target of debrief-fuzz (built by `make fuzz` with libFuzzer and AddressSanitizer)
# for a bounded time, from a corpus seeded with Fixtures, and reports executions and findings.
# Usage: scripts/fuzz.sh PATH/TO/debrief-fuzz [SECONDS_PER_TARGET] [TARGET...]
# The corpus grows in .build-fuzz/corpus/TARGET across runs; a crash, a hang (over 10 s) or a
# sanitizer report is written to .build-fuzz/findings/TARGET/ and fails the run: copy it into
# Fixtures/fuzz/TARGET/ with the fix, so every `make test` replays it (FuzzRegressionTests).
set -uo pipefail
source "$(dirname "$0")/help.sh"
bin="${1:?usage: scripts/fuzz.sh PATH/TO/debrief-fuzz [SECONDS] [TARGET...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html rubric scores api)
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.build-fuzz"
failed=0
printf '| target | seconds | executions | corpus inputs | findings |\n|---|---|---|---|---|\n'
for target in "${targets[@]}"; do
    case "$target" in
        html) seeds=("$root/Fixtures/questionsets"); max_len=65536 ;;
        rubric) seeds=("$root/Rubrics" "$root/Fixtures/fuzz-seeds/rubric"); max_len=16384 ;;
        scores) seeds=("$root/Fixtures/fuzz-seeds/scores"); max_len=16384 ;;
        api) seeds=("$root/Fixtures/fuzz-seeds/api"); max_len=16384 ;;
        *) echo "unknown target '$target' (html, rubric, scores, api)" >&2; exit 64 ;;
    esac
    corpus="$work/corpus/$target" findings="$work/findings/$target"
    mkdir -p "$corpus" "$findings"
    for seed in "${seeds[@]}" "$root/Fixtures/fuzz/$target"; do
        [ -d "$seed" ] && find "$seed" -type f \( -name '*.html' -o -name '*.yaml' -o -name '*.csv' -o -name '*.json' \) -exec cp {} "$corpus/" \;
    done
    log="$work/$target.log"
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin" "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 \
        -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" >"$log" 2>&1
    code=$?
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    found=$(find "$findings" -type f | wc -l)
    printf '| %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${executions:-?}" "$(find "$corpus" -type f | wc -l)" "$found"
    if [ "$code" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed=1
        echo "  $target: libFuzzer exited $code; see $log and $findings/" >&2
        grep -E "ERROR|SUMMARY|Fatal error|deadly signal" "$log" | head -5 >&2
    fi
done
exit $failed
