#!/bin/sh
# The database goes away mid-check and mid-add (pg_ctl stop -m immediate, as a crash would): factcheck must exit
# 2 with a clear message, not crash, and leave no half-written document. Prints what happened (not assertions).
# Usage: sh Benchmarks/postgres-outage.sh     (BIN: the build folder, default .build/release; ARCHIVE as for
# postgres.sh, default Benchmarks/archive; a throw-away cluster of its own)
set -eu
BIN=${BIN:-.build/release}
ARCHIVE=${ARCHIVE:-Benchmarks/archive}
[ -d "$ARCHIVE/documents" ] || python3 Benchmarks/make-archive.py --out "$ARCHIVE"
eval "$(.ci/postgres-cluster start)"
trap '.ci/postgres-cluster stop "$FACTCHECK_TEST_CLUSTER"' EXIT
URL=$FACTCHECK_TEST_DATABASE_URL
DATA=$FACTCHECK_TEST_CLUSTER/data
owner() { if [ "$(id -u)" = 0 ]; then runuser -u factcheck-ci -- "$@"; else "$@"; fi; }
PORT=$(echo "$URL" | sed 's/.*:\([0-9]*\)\/.*/\1/')
restart() {
    owner "$FACTCHECK_TEST_PG_BIN/pg_ctl" -D "$DATA" -l "$FACTCHECK_TEST_CLUSTER/log" -w -s start \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$FACTCHECK_TEST_CLUSTER -c fsync=off"
}
crash() { owner "$FACTCHECK_TEST_PG_BIN/pg_ctl" -D "$DATA" -m immediate -s stop; }

"$BIN/factcheck" base migrate --factbase "$URL"
"$BIN/factcheck" base add "$ARCHIVE/documents/000" "$ARCHIVE/documents/001" --factbase "$URL" --progress never
# A long draft: the 1,000-word draft fifty times over.
DRAFT=$(mktemp /tmp/factcheck-outage-draft.XXXXXX.txt)
for i in $(seq 50); do cat "$ARCHIVE/draft.txt"; echo; done > "$DRAFT"

echo "== the database stops in the middle of a check"
( rc=0; "$BIN/factcheck" check "$DRAFT" --factbase "$URL" > /dev/null 2> /tmp/factcheck-outage.err || rc=$?; echo "check exit code: $rc" ) &
sleep 0.5
crash
wait
cat /tmp/factcheck-outage.err
restart

echo "== the database stops in the middle of an add"
"$BIN/factcheck" base stats --factbase "$URL" | grep documents
( rc=0; "$BIN/factcheck" base add "$ARCHIVE/documents" --factbase "$URL" --progress never > /dev/null 2> /tmp/factcheck-outage.err || rc=$?; echo "add exit code: $rc" ) &
sleep 8
crash
wait
cat /tmp/factcheck-outage.err
restart
echo "after restarting the server:"
"$BIN/factcheck" base stats --verify --factbase "$URL"
echo "(documents above: whole batches of 256 on top of the 2,000 added first)"
rm -f "$DRAFT"
