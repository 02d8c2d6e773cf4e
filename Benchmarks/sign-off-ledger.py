#!/usr/bin/env python3
"""Cost of sign-offs (release build): `factcheck DRAFT` in a copy of the example newsroom with sign-off ledgers of
0, 1, 1,000 and 10,000 entries (one of them for the draft, the rest for other drafts), and `factcheck accept`
appending to the largest one.

Usage: python3 Benchmarks/sign-off-ledger.py [--runs N] [--binary PATH]
Prints the median, minimum and maximum wall-clock time of N runs after two warm-up runs. Numbers, not assertions.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--binary", default=".build/release/factcheck")
args = parser.parse_args()
binary = os.path.abspath(args.binary)
root = os.getcwd()
draft = "Examples/drafts/belarus-errors.md"

folder = tempfile.mkdtemp(prefix="factcheck-sign-offs-")
for item in ["factcheck.yml", "Rules", "Examples"]:
    (shutil.copytree if os.path.isdir(item) else shutil.copy)(os.path.join(root, item), os.path.join(folder, item))


def run(command, check_codes=(0, 1)):
    result = subprocess.run(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode not in check_codes:
        sys.exit(f"{' '.join(command)}: exit {result.returncode}: {result.stderr}")
    return result


def timed(command, label, prepare=None):
    for _ in range(2):
        if prepare: prepare()
        run(command)
    times = []
    for _ in range(args.runs):
        if prepare: prepare()
        start = time.perf_counter()
        run(command)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label}: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms ({args.runs} runs)")


report = json.loads(run([binary, draft, "--format", "json"]).stdout)
finding = next(f for f in report["drafts"][0]["findings"] if f["verdict"] == "contradicted")
ledger = os.path.join(folder, ".factcheck", "accepted.yml")
os.makedirs(os.path.dirname(ledger), exist_ok=True)
# The real entry, written by factcheck itself; the filler entries are copies of it for other drafts.
run([binary, "accept", draft, "--claim", finding["id"], "--reason", "benchmark"], check_codes=(0,))
entry = open(ledger).read()

for entries in [0, 1, 1000, 10000]:
    text = "" if entries == 0 else entry + "".join(
        entry.replace(f'"{draft}"', f'"Examples/drafts/other-{n}.md"') for n in range(entries - 1))
    with open(ledger, "w") as file:
        file.write(text)
    timed([binary, draft], f"check with a ledger of {entries} entries ({len(text) // 1024} KB)")

big = open(ledger).read()
second = next(f for f in report["drafts"][0]["findings"] if f["verdict"] == "contradicted" and f["id"] != finding["id"])


def restore():
    with open(ledger, "w") as file:
        file.write(big)


timed([binary, "accept", draft, "--claim", second["id"], "--reason", "benchmark"],
      "accept appending to a ledger of 10000 entries", prepare=restore)
shutil.rmtree(folder)
