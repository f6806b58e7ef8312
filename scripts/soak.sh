#!/usr/bin/env bash
# The long reliability runs (issue 8): every cargo-fuzz target for SOAK_RUNS executions
# (default 10 million) and the SQLite store's SIGKILL crash loop for SOAK_KILLS kills
# (default 1000). Prints the figures recorded in RELIABILITY.md.
#
#   scripts/soak.sh [TARGET...]      targets: wire ledger sheet (default: all three)
#
# Environment: SOAK_RUNS (executions per target), SOAK_JOBS (workers per target, default: every
# core), SOAK_KILLS (crash-loop kills; 0 skips the loop).
#
# Inputs that increase coverage are merged back into core/fuzz/corpus/<target> (minimised), so
# `make test` replays them on stable Rust (core/tests/fuzz_regressions.rs). A crash stops the
# run; its input is copied to core/fuzz/regressions/<target>/ to be kept as a regression test
# once fixed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO="${CARGO_HOME:-$HOME/.cargo}/bin/cargo"
RUNS="${SOAK_RUNS:-10000000}"
KILLS="${SOAK_KILLS:-1000}"
JOBS="${SOAK_JOBS:-$(nproc)}"
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=(wire ledger sheet)

cd "$ROOT/core"
# Rust is memory-safe and renda has no unsafe code: no sanitizer, so the runs are ~3× faster.
# Comparison tracing is off too (~1.5× faster); the kept corpus already holds the command
# keywords and the CSV/XLSX structure it would have found.
FLAGS=(-O -s none --no-trace-compares)
"$CARGO" +nightly fuzz build "${FLAGS[@]}"
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/regressions/$t" "fuzz/artifacts/$t"
    work="$(mktemp -d)"   # the run's new corpus units
    logs="$(mktemp -d)"   # kept apart: libFuzzer reads every file of $work as an input
    start=$(date +%s)
    echo "soak: fuzz $t: $RUNS runs in $JOBS worker(s)"
    per_job=$(( (RUNS + JOBS - 1) / JOBS ))
    pids=()
    for j in $(seq 1 "$JOBS"); do
        "$CARGO" +nightly fuzz run "${FLAGS[@]}" "$t" "$work" "fuzz/corpus/$t" -- \
            -runs="$per_job" -max_len=8192 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
            -seed="$j" -artifact_prefix="fuzz/artifacts/$t/" >"$logs/log.$j" 2>&1 &
        pids+=($!)
    done
    status=0
    for p in "${pids[@]}"; do wait "$p" || status=1; done
    secs=$(( $(date +%s) - start ))
    execs=$(grep -h "stat::number_of_executed_units" "$logs"/log.* | awk '{s+=$2} END {print s+0}')
    if [ "$status" -ne 0 ]; then
        cp fuzz/artifacts/"$t"/* "fuzz/regressions/$t/" 2>/dev/null || true
        tail -40 "$logs"/log.* >&2
        echo "soak: fuzz $t FAILED after $execs executions; crashers copied to core/fuzz/regressions/$t/" >&2
        exit 1
    fi
    # Keep a minimised corpus (what the regression test replays): libFuzzer's merge of the kept
    # corpus and the run's new units into an empty directory, with the binary just run (not
    # `cargo fuzz cmin`, which minimises one directory in place).
    merged="$(mktemp -d)"
    if "fuzz/target/x86_64-unknown-linux-gnu/release/$t" -merge=1 "$merged" "fuzz/corpus/$t" "$work" \
        >"$logs/merge.log" 2>&1 && [ -n "$(ls -A "$merged")" ]; then
        rm -rf "fuzz/corpus/$t"
        mv "$merged" "fuzz/corpus/$t"
    else
        echo "soak: corpus merge for $t failed; kept the old corpus and the run's units in $work" >&2
        tail -5 "$logs/merge.log" >&2
        continue
    fi
    echo "soak: fuzz $t: $execs executions, 0 crashes, $secs s, corpus $(ls "fuzz/corpus/$t" | wc -l) files"
    rm -rf "$work" "$logs"
done

cd "$ROOT"
[ "$KILLS" -eq 0 ] && exit 0
echo "soak: store crash loop: $KILLS kills"
start=$(date +%s)
RENDA_CRASH_KILLS="$KILLS" "$CARGO" test -q --release -p renda-store --test processes -- --nocapture a_writer_killed 2>&1 | tail -5
echo "soak: store crash loop: $KILLS kills, $(( $(date +%s) - start )) s, no committed event lost"
