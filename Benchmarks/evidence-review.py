#!/usr/bin/env python3
"""Prints every contradicted finding on a labelled set beside its evidence, for reading by eye.

Issue 4 asks that every contradiction carry evidence whose sentence really speaks about the claim; no script can
judge that, so this one lays the pairs out to be read. Usage:

    python3 Benchmarks/evidence-review.py ../shared/eval/summedits-numdate-dev.jsonl [--binary .build/release/factcheck]
    python3 Benchmarks/evidence-review.py ../shared/eval/seed-dev.jsonl --baseline ../shared/corpus/belarus-us-call.txt
"""
import argparse, json, os, subprocess, sys, tempfile

parser = argparse.ArgumentParser()
parser.add_argument("cases")
parser.add_argument("--baseline", help="source for seed-form cases (which carry no source of their own)")
parser.add_argument("--binary", default=".build/release/factcheck")
args = parser.parse_args()

count = 0
with tempfile.TemporaryDirectory() as folder:
    for line in open(args.cases, encoding="utf-8"):
        case = json.loads(line)
        draft = os.path.join(folder, "draft.txt")
        with open(draft, "w", encoding="utf-8") as handle:
            handle.write(case["draft"])
        baseline = args.baseline
        if "source" in case:
            baseline = os.path.join(folder, "source.txt")
            with open(baseline, "w", encoding="utf-8") as handle:
                handle.write(case["source"])
        run = subprocess.run([args.binary, "check", draft, "--baseline", baseline, "--format", "json"],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"{case['id']}: factcheck failed: {run.stderr}")
        for finding in json.loads(run.stdout)["drafts"][0]["findings"]:
            if finding["verdict"] != "contradicted" or not finding["evidence"]:
                continue
            count += 1
            evidence = finding["evidence"][0]
            label = case.get("expect") or f"contradicted {case.get('contradicted')}"
            print(f"#{count} {case['id']} (labelled {label}) [{finding['kind']}]")
            print(f"  DRAFT  {finding['claim']['text']!r}: {finding['claim']['sentence']}")
            print(f"  SOURCE {evidence['text']!r}: {evidence['sentence']}")
print(f"{count} contradicted findings with evidence", file=sys.stderr)
