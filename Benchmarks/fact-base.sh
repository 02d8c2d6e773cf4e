#!/bin/sh
# Fact base benchmark (numbers, not assertions). Release build; the archive from Benchmarks/make-archive.py.
#   build throughput (MB/s, median of RUNS fresh builds) beside the raw PCRE2 JIT scan of the same patterns,
#   peak memory of a build and of a check (/usr/bin/time -v), store size on disk, re-adding the unchanged
#   archive, check latency of the 1,000-word draft (in process: p50/p99; whole CLI runs: median).
# Usage: sh Benchmarks/fact-base.sh [RUNS]     (environment: ARCHIVE, STORE, BIN)
set -eu
RUNS=${1:-3}
ARCHIVE=${ARCHIVE:-Benchmarks/archive}
STORE=${STORE:-/tmp/factcheck-bench/facts.sqlite}
BIN=${BIN:-.build/release}
[ -d "$ARCHIVE/documents" ] || python3 Benchmarks/make-archive.py --out "$ARCHIVE"
mkdir -p "$(dirname "$STORE")"
BYTES=$(find "$ARCHIVE/documents" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
FILES=$(find "$ARCHIVE/documents" -type f | wc -l)
echo "archive: $FILES documents, $BYTES bytes; $(nproc) cores"

echo "== raw PCRE2 JIT scan of the rule patterns (the first 10,000 documents: the speed per MB is the same)"
"$BIN/factcheck-bench" scan "$ARCHIVE/documents/00?" --runs "$RUNS"

echo "== build (fresh store each run)"
SPEEDS=""
PER_CORES=""
for run in $(seq "$RUNS"); do
    rm -f "$STORE" "$STORE-wal" "$STORE-shm"
    /usr/bin/time -v -o /tmp/factcheck-bench/build.time "$BIN/factcheck" base add "$ARCHIVE/documents" \
        --factbase "$STORE" --progress never
    SECONDS_=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' /tmp/factcheck-bench/build.time)
    RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/factcheck-bench/build.time)
    CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' /tmp/factcheck-bench/build.time)
    SPEED=$(awk -v b="$BYTES" -v s="$SECONDS_" 'BEGIN {printf "%.2f", b / 1048576 / s}')
    # Per core: the MB for each second of CPU time (user and system) the build spent on all its threads.
    PER_CORE=$(awk -v b="$BYTES" -v c="$CPU" 'BEGIN {printf "%.2f", b / 1048576 / c}')
    echo "run $run: ${SECONDS_} s, $SPEED MB/s, CPU ${CPU} s ($PER_CORE MB/s per core), peak RSS $((RSS / 1024)) MB"
    SPEEDS="$SPEEDS $SPEED"
    PER_CORES="$PER_CORES $PER_CORE"
done
median() { echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "build median: $(median $SPEEDS) MB/s, $(median $PER_CORES) MB/s per core of CPU time"
"$BIN/factcheck" base stats --factbase "$STORE"
# The store and its log, if any (not its empty lock file).
ls -l "$STORE" "$STORE-wal" 2>/dev/null | awk '{print "on disk: " $9 " " $5 " bytes"}'

echo "== re-adding the unchanged archive"
/usr/bin/time -v -o /tmp/factcheck-bench/readd.time "$BIN/factcheck" base add "$ARCHIVE/documents" --factbase "$STORE" --progress never
awk -F': ' -v f="$FILES" '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "re-add: %.2f s, %.3f s per 10,000 files\n", s, s * 10000 / f}' /tmp/factcheck-bench/readd.time

echo "== check latency, 1,000-word draft"
"$BIN/factcheck-bench" check "$ARCHIVE/draft.txt" --factbase "$STORE" --runs 50
/usr/bin/time -v -o /tmp/factcheck-bench/check.time "$BIN/factcheck" check "$ARCHIVE/draft.txt" --factbase "$STORE" > /dev/null || true
echo "CLI check peak RSS: $(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' /tmp/factcheck-bench/check.time) MB"
python3 - "$BIN/factcheck" "$ARCHIVE/draft.txt" "$STORE" <<'PY'
import statistics, subprocess, sys, time
binary, draft, store = sys.argv[1:4]
command = [binary, "check", draft, "--factbase", store]
times = []
for run in range(22):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL)
    if run >= 2:
        times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"CLI check (process start, rules, store, check, report), 20 runs: median {statistics.median(times):.1f} ms, max {times[-1]:.1f} ms")
PY
