#!/usr/bin/env python3
"""Generates the benchmark archive: 100,000 documents (>= 100 MB) of real text, and a 1,000-word draft.

Where the text comes from: every distinct source document of ../shared/eval/*.jsonl (news, earnings calls,
meetings, emails, dialogues; SummEdits) and ../shared/corpus/*.txt, split into sentences (2,000+ distinct
sentences). Document i is a run of consecutive sentences from one source, starting at a pseudo-random place
(random.Random(20251129), so the archive is the same on every machine), extended with sentences from the next
sources until it holds at least 1,060 bytes; every tenth document gets a `date:` front matter line and is
written as Markdown. Documents go into 100 folders of 1,000 (Benchmarks/archive/documents/, git-ignored: never commit it).

The draft (Benchmarks/archive/draft.txt) is the eval drafts (`draft` fields) joined in file order until it has
1,000 words: the claims a checker meets in practice, against a base that speaks about the same things.

--vary-figures makes a stress variant: every run of digits in document i is raised by a random 1 to 999
(random.Random(i)), so that the copies of a sentence state different figures ("11:00" may become "11:400"). The
base then holds hundreds of thousands of distinct claims that share their contexts: every copy of a sentence is
a candidate for a draft claim about it. A real archive repeats a story's figures and varies its words; this one
is the worst case of the other kind.

Usage: python3 Benchmarks/make-archive.py [--documents 100000] [--out Benchmarks/archive] [--vary-figures]
"""
import argparse, glob, json, os, random, re

parser = argparse.ArgumentParser()
parser.add_argument("--documents", type=int, default=100_000)
parser.add_argument("--out", default="Benchmarks/archive")
parser.add_argument("--min-bytes", type=int, default=1_060)
parser.add_argument("--vary-figures", action="store_true", help="raise every figure of a document by a random 1-999")
args = parser.parse_args()

shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
sources, drafts = [], []
for path in sorted(glob.glob(os.path.join(shared, "eval", "*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        case = json.loads(line)
        if case.get("source") and case["source"] not in sources:
            sources.append(case["source"])
        if case.get("draft"):
            drafts.append(case["draft"])
for path in sorted(glob.glob(os.path.join(shared, "corpus", "*.txt"))):
    sources.append(open(path, encoding="utf-8").read())

# Sentences per source, kept in order: a document reads as a passage of one article, then the next.
split = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
texts = [[s.strip() for s in split.split(source.replace("\r", "")) if s.strip()] for source in sources]
texts = [t for t in texts if t]

rng = random.Random(20251129)
total = 0
os.makedirs(args.out, exist_ok=True)
for index in range(args.documents):
    folder = os.path.join(args.out, "documents", f"{index // 1000:03d}")
    if index % 1000 == 0:
        os.makedirs(folder, exist_ok=True)
    source = rng.randrange(len(texts))
    position = rng.randrange(len(texts[source]))
    parts, size = [], 0
    while size < args.min_bytes:
        sentence = texts[source][position]
        parts.append(sentence)
        size += len(sentence.encode()) + 1
        position += 1
        if position == len(texts[source]):
            source, position = (source + 1) % len(texts), 0
    body = " ".join(parts) + "\n"
    if args.vary_figures:
        vary = random.Random(index)
        body = re.sub(r"[0-9]+", lambda match: str(int(match.group()) + vary.randrange(1, 1000)), body)
    if index % 10 == 0:
        year, month, day = 2015 + index % 10, 1 + index % 12, 1 + index % 28
        name, text = f"doc-{index:06d}.md", f"---\ndate: {year}-{month:02d}-{day:02d}\n---\n\n{body}"
    else:
        name, text = f"doc-{index:06d}.txt", body
    data = text.encode()
    total += len(data)
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)

words = []
for draft in drafts:
    words += draft.split()
    if len(words) >= 1000:
        break
with open(os.path.join(args.out, "draft.txt"), "w", encoding="utf-8") as handle:
    handle.write(" ".join(words[:1000]) + "\n")
print(f"{args.documents} documents, {total / 1_048_576:.1f} MB ({total} bytes) in {args.out}; "
      f"draft: {min(len(words), 1000)} words")
