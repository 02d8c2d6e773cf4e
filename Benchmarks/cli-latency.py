#!/usr/bin/env python3
"""Wall-clock latency of whole `factcheck` runs (release build): process start, rules, fact base, check, report.

Usage: python3 Benchmarks/cli-latency.py [--runs N] [DRAFT ...]
Prints the median, minimum and maximum of N runs per draft after two warm-up runs. Numbers, not assertions.
"""
import argparse, statistics, subprocess, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=30)
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("drafts", nargs="*", default=["Examples/drafts/belarus-errors.md", "Examples/drafts/belarus-clean.md"])
args = parser.parse_args()

for draft in args.drafts:
    command = [args.binary, draft]
    for _ in range(2):
        subprocess.run(command, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1):
            sys.exit(f"{draft}: factcheck exited {result.returncode}")
    print(f"{draft}: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms ({args.runs} runs)")
