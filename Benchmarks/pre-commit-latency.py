#!/usr/bin/env python3
"""Wall-clock cost of the pre-commit hook, `--diff` and HTML drafts (release build). Numbers, not assertions.

Usage: python3 Benchmarks/pre-commit-latency.py [--runs N] [--binary PATH] [--copies N]
Builds a throw-away git repository (factcheck.yml, the example source, the repository's rules) with a long draft:
the clean example's paragraphs repeated --copies times, as Markdown and as HTML. Prints the median, minimum and
maximum of N runs of:
  - `factcheck check` on the long draft, Markdown and HTML (whole draft);
  - `factcheck check --diff HEAD` after one paragraph was edited;
  - `git commit` of that edit with the hook installed, and with --no-verify (git alone).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--copies", type=int, default=40)
args = parser.parse_args()

root = os.getcwd()
binary = os.path.abspath(args.binary)
env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="Bench",
           GIT_COMMITTER_EMAIL="b@example.org", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1")
repo = tempfile.mkdtemp(prefix="factcheck-bench-")


def run(command, expect=(0,)):
    result = subprocess.run(command, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode not in expect:
        sys.exit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()}")


def measure(label, command, before=None, expect=(0,)):
    times = []
    for index in range(args.runs + 2):
        if before:
            before()
        start = time.perf_counter()
        run(command, expect)
        elapsed = (time.perf_counter() - start) * 1000
        if index >= 2:  # two warm-up runs
            times.append(elapsed)
    print(f"{label}: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms ({args.runs} runs)")


try:
    shutil.copytree(os.path.join(root, "Rules"), os.path.join(repo, "Rules"))
    os.makedirs(os.path.join(repo, "sources"))
    os.makedirs(os.path.join(repo, "drafts"))
    shutil.copy(os.path.join(root, "Examples/sources/belarus-us-call.txt"), os.path.join(repo, "sources"))
    with open(os.path.join(repo, "factcheck.yml"), "w") as file:
        file.write("baseline: [sources]\nrules: [Rules]\ndrafts: [drafts/*.md, drafts/*.html]\n")
    clean = open(os.path.join(root, "Examples/drafts/belarus-clean.md")).read()
    front, body = clean.split("---\n", 2)[1:]
    paragraphs = [p for p in body.split("\n\n") if p.strip() and not p.startswith("#")]
    long_paragraphs = [p for _ in range(args.copies) for p in paragraphs]
    markdown = "---\n" + front + "---\n" + "\n\n".join(long_paragraphs) + "\n"
    html = ("<html><head><meta name='date' content='2025-08-16'></head><body>\n"
            + "\n".join(f"<p>{p}</p>" for p in long_paragraphs) + "\n</body></html>\n")
    with open(os.path.join(repo, "drafts/long.md"), "w") as file:
        file.write(markdown)
    with open(os.path.join(repo, "drafts/long.html"), "w") as file:
        file.write(html)
    run(["git", "init", "-q", "."])
    run(["git", "add", "."])
    run(["git", "commit", "-q", "-m", "Long drafts"])
    print(f"long draft: {len(long_paragraphs)} paragraphs, {len(markdown)} bytes Markdown, {len(html)} bytes HTML")

    measure("check drafts/long.md (whole)", [binary, "check", "drafts/long.md"])
    measure("check drafts/long.html (whole)", [binary, "check", "drafts/long.html"])
    edited = markdown.replace("an opposition activist", "a well-known opposition activist", 1)
    with open(os.path.join(repo, "drafts/long.md"), "w") as file:
        file.write(edited)
    measure("check drafts/long.md --diff HEAD (1 paragraph edited)", [binary, "check", "drafts/long.md", "--diff", "HEAD"])

    run([binary, "hook", "install"])
    run(["git", "add", "drafts/long.md"])

    def undo_commit():
        # Each run commits the same staged edit: undo the previous run's commit, keeping the edit staged.
        if subprocess.run(["git", "rev-parse", "-q", "--verify", "HEAD~1"], cwd=repo, env=env,
                          stdout=subprocess.DEVNULL).returncode == 0 and \
                subprocess.run(["git", "log", "-1", "--format=%s"], cwd=repo, env=env,
                               capture_output=True).stdout.strip() == b"Edit":
            run(["git", "reset", "-q", "--soft", "HEAD~1"])

    measure("git commit, hook installed (1 paragraph edited)", ["git", "commit", "-q", "-m", "Edit"], before=undo_commit)
    measure("git commit --no-verify (git alone)", ["git", "commit", "-q", "--no-verify", "-m", "Edit"], before=undo_commit)
finally:
    shutil.rmtree(repo)
