#!/bin/sh
# PostgreSQL fact store against SQLite, in the same run (numbers, not assertions). Release build; the archive from
# Benchmarks/make-archive.py. Prints, for each store: load speed of the archive (MB/s of source text), the base's
# counts and size, a re-add of the unchanged archive, check latency of the 1,000-word draft in process (p50/p99),
# and whether the two stores' JSON reports of the draft are byte-identical. With LOADS="copy insert", the
# PostgreSQL load is also timed with one INSERT per fact (FACTCHECK_POSTGRES_LOAD=insert) instead of COPY.
#
# Usage: sh Benchmarks/postgres.sh [DOCUMENTS]     (default 100000; a smaller archive goes to Benchmarks/archive-N)
# Environment: FACTCHECK_BENCH_DATABASE_URL (else a throw-away cluster, fsync on, from .ci/postgres-cluster), BIN.
set -eu
DOCUMENTS=${1:-100000}
BIN=${BIN:-.build/release}
LOADS=${LOADS:-copy}
if [ "$DOCUMENTS" = 100000 ]; then ARCHIVE=${ARCHIVE:-Benchmarks/archive}; else ARCHIVE=${ARCHIVE:-Benchmarks/archive-$DOCUMENTS}; fi
[ -d "$ARCHIVE/documents" ] || python3 Benchmarks/make-archive.py --documents "$DOCUMENTS" --out "$ARCHIVE"
WORK=$(mktemp -d /tmp/factcheck-pg-bench.XXXXXX)
if [ -z "${FACTCHECK_BENCH_DATABASE_URL:-}" ]; then
    # fsync on: the figures are those of a durable server, as SQLite's are of a synced file.
    eval "$(FACTCHECK_PG_FSYNC=on .ci/postgres-cluster start)"
    trap '.ci/postgres-cluster stop "$FACTCHECK_TEST_CLUSTER"; rm -rf "$WORK"' EXIT
    FACTCHECK_BENCH_DATABASE_URL=$FACTCHECK_TEST_DATABASE_URL
else
    trap 'rm -rf "$WORK"' EXIT
fi
BYTES=$(find "$ARCHIVE/documents" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
FILES=$(find "$ARCHIVE/documents" -type f | wc -l)
echo "archive: $FILES documents, $BYTES bytes; $(nproc) cores; $("$BIN/factcheck" --version)"

# Runs a command, prints its wall time in seconds (and nothing else).
timed() {
    start=$(date +%s.%N)
    "$@" > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" >&2; return 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}'
}
speed() { awk -v b="$BYTES" -v s="$1" 'BEGIN {printf "%.2f", b / 1048576 / s}'; }

SQLITE=$WORK/facts.sqlite
RUN=$(date +%s)
for load in $LOADS; do
    SCHEMA=bench_${load}_$RUN
    URL="$FACTCHECK_BENCH_DATABASE_URL?schema=$SCHEMA"
    "$BIN/factcheck" base migrate --factbase "$URL" > /dev/null
    if [ "$load" = copy ] && [ ! -f "$SQLITE" ]; then
        SECONDS_=$(timed "$BIN/factcheck" base add "$ARCHIVE/documents" --factbase "$SQLITE" --progress never)
        echo "load sqlite: $SECONDS_ s, $(speed "$SECONDS_") MB/s"
    fi
    SECONDS_=$(FACTCHECK_POSTGRES_LOAD=$load timed "$BIN/factcheck" base add "$ARCHIVE/documents" --factbase "$URL" --progress never)
    echo "load postgresql ($load): $SECONDS_ s, $(speed "$SECONDS_") MB/s"
    [ "$load" = copy ] && COPYURL=$URL
done
URL=$COPYURL
for store in "$SQLITE" "$URL"; do
    echo "== $store"
    "$BIN/factcheck" base stats --factbase "$store" | sed 's/^/  /'
    SECONDS_=$(timed "$BIN/factcheck" base add "$ARCHIVE/documents" --factbase "$store" --progress never)
    echo "  re-add of the unchanged archive: $SECONDS_ s ($(cat "$WORK/out"))"
    "$BIN/factcheck-bench" check "$ARCHIVE/draft.txt" --factbase "$store" --runs 30 | sed 's/^/  /'
done
"$BIN/factcheck" check "$ARCHIVE/draft.txt" --factbase "$SQLITE" --format json > "$WORK/sqlite.json" || true
"$BIN/factcheck" check "$ARCHIVE/draft.txt" --factbase "$URL" --format json > "$WORK/postgresql.json" || true
if cmp -s "$WORK/sqlite.json" "$WORK/postgresql.json"; then
    echo "JSON reports of the draft: byte-identical ($(wc -c < "$WORK/sqlite.json") bytes)"
else
    echo "JSON reports of the draft: DIFFERENT"; diff "$WORK/sqlite.json" "$WORK/postgresql.json" | head -20
fi
