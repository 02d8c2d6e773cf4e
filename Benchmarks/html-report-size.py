#!/usr/bin/env python3
"""Time of the HTML report for a long draft (release build): a generated 5,000-word draft with about 200 claims
about the bundled example's story, checked against Examples/sources and written as an HTML page.

Usage: python3 Benchmarks/html-report-size.py [--runs N] [--words 5000] [--claims 200] [--keep DIR]
Prints the claim count, the page size and the median, minimum and maximum wall-clock time of whole runs of
`factcheck check DRAFT --format html` beside `--format text` on the same draft (the difference is the HTML
report's own cost). Numbers, not assertions.
"""
import argparse, json, os, random, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=10)
parser.add_argument("--words", type=int, default=5000)
parser.add_argument("--claims", type=int, default=200)
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--keep", help="write the draft and its report into this folder and keep them")
args = parser.parse_args()

# Sentences with one claim each: some restate the source, some change its figure, some speak of what the source
# does not mention (unverified). A fixed seed keeps the draft the same from run to run.
CLAIMS = [
    "Trump thanked Lukashenko for the release of {n} prisoners.",
    "Talks were ongoing about freeing another {big} detainees.",
    "On August {day}, Trump and Lukashenko spoke by phone ahead of the summit.",
    "Yuri Zenkovich, an opposition activist, was sentenced to {years} years.",
    "Putin laid {n} red roses at the ALSIB memorial in Magadan.",
    "His plane is due to land in Anchorage at {hour} a.m. local time.",
    "The regional council approved a budget of ${n} million for road repairs.",
    "Turnout in the municipal vote reached {pct}% according to the election office.",
]
FILLER = ("Editors reviewed the piece with care and asked the reporter to keep the wording plain and the "
          "structure simple so that readers can follow the story from the first line to the last").split()

random.seed(5)
claim_sentences = [random.choice(CLAIMS).format(n=random.choice([16, 18, 20, 21]), big=random.choice(["1,300", "1,500"]),
                                                day=random.choice([14, 15]), years=random.choice([11, 12]),
                                                hour=random.choice([10, 11]), pct=random.randint(30, 70))
                   for _ in range(args.claims)]
# Four claims a paragraph, and plain sentences of 15 words between them up to the word count.
groups = [claim_sentences[index:index + 4] for index in range(0, len(claim_sentences), 4)]
spare = max(0, args.words - sum(len(sentence.split()) for sentence in claim_sentences))
fillers_per_paragraph = round(spare / 15 / max(1, len(groups)))
paragraphs = []
for group in groups:
    sentences = list(group)
    for _ in range(fillers_per_paragraph):
        sentences.insert(random.randint(0, len(sentences)), " ".join(random.choice(FILLER) for _ in range(15)).capitalize() + ".")
    paragraphs.append(" ".join(sentences))
draft_text = "---\ndate: 2025-08-16\n---\n# A long draft\n\n" + "\n\n".join(paragraphs) + "\n"

folder = args.keep or tempfile.mkdtemp(prefix="factcheck-bench-")
os.makedirs(folder, exist_ok=True)
draft = os.path.join(folder, "long-draft.md")
with open(draft, "w") as handle:
    handle.write(draft_text)
page = os.path.join(folder, "long-draft.html")

report = json.loads(subprocess.run([args.binary, draft, "--format", "json"], capture_output=True, text=True).stdout)
summary = report["drafts"][0]["summary"]
print(f"draft: {len(draft_text.split())} words, {summary['claims']} claims "
      f"({summary['contradicted']} contradicted, {summary['unverified']} unverified, {summary['supported']} supported)")

def timed(command):
    for _ in range(2):
        subprocess.run(command, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1):
            sys.exit(f"{' '.join(command)}: factcheck exited {result.returncode}")
    return f"median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms ({args.runs} runs)"

html = timed([args.binary, draft, "--format", "html", "--output", page])
print(f"--format html: {html}; page {os.path.getsize(page) / 1024:.0f} KB")
print(f"--format text: {timed([args.binary, draft, '--format', 'text'])}")
