#!/usr/bin/env python3
"""Several `factcheck serve` instances on one PostgreSQL fact base, under load, while an add runs (release build).

Usage: python3 Benchmarks/postgres-servers.py [--servers 4] [--clients 8] [--seconds 60] [--archive N]
       [--new 5000] [--binary .build/release/factcheck] [--database-url URL]
Needs wrk (Debian: apt-get install -y wrk). Without --database-url (or FACTCHECK_BENCH_DATABASE_URL) a throw-away
cluster is started with .ci/postgres-cluster (fsync on) and stopped at the end.

  1. `base migrate`, then `base add` of an archive of N documents (Benchmarks/make-archive.py; default 10,000);
  2. --servers servers on that database, each checking Examples/drafts/belarus-errors.md from --clients
     connections (wrk) for --seconds, while `base add` loads --new new documents (figures varied, so that none
     is a copy of an archive document), one of them a probe: a sentence that no other document states;
  3. per server and in all: checks/s, p50, p99, errors (non-200 answers, socket errors); the add's time;
  4. after the add, each server checks a draft that misstates the probe's figure: every one must answer
     contradicted, with the new document as evidence (the add is visible to all of them).
Numbers, not assertions; exit 1 when a check failed, a server missed the probe, or the add failed.
"""
import argparse, json, os, re, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.request

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--servers", type=int, default=4)
parser.add_argument("--clients", type=int, default=8, help="connections per server")
parser.add_argument("--seconds", type=int, default=60)
parser.add_argument("--archive", type=int, default=10000, help="documents in the base before the load starts")
parser.add_argument("--new", type=int, default=5000, help="documents added while the servers are under load")
parser.add_argument("--database-url", default=os.environ.get("FACTCHECK_BENCH_DATABASE_URL"))
parser.add_argument("--draft", default="Examples/drafts/belarus-errors.md")
args = parser.parse_args()
binary = os.path.abspath(args.binary)
token = "benchmark-token"
work = tempfile.mkdtemp(prefix="factcheck-pg-servers.")
cluster = None

if not args.database_url:
    started = subprocess.run([os.path.join(root, ".ci", "postgres-cluster"), "start"], env={**os.environ, "FACTCHECK_PG_FSYNC": "on"},
                             capture_output=True, text=True, check=True).stdout
    exports = dict(re.findall(r"export (\w+)=['\"]?([^'\"\n]+)['\"]?", started))
    args.database_url = exports["FACTCHECK_TEST_DATABASE_URL"]
    cluster = exports.get("FACTCHECK_TEST_CLUSTER")
url = f"{args.database_url}{'&' if '?' in args.database_url else '?'}schema=servers_{int(time.time())}"
environment = {**os.environ, "FACTCHECK_DATABASE_URL": url, "FACTCHECK_TOKEN": token}


def factcheck(*arguments):
    """Runs factcheck in the empty work folder (no factcheck.yml of the repository's), returns its output."""
    result = subprocess.run([binary, *arguments], cwd=work, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"factcheck {' '.join(arguments)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


def archive(documents, out, vary=False):
    if not os.path.isdir(os.path.join(out, "documents")):
        subprocess.run([sys.executable, os.path.join(here, "make-archive.py"), "--documents", str(documents), "--out", out]
                       + (["--vary-figures"] if vary else []), check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "documents")


def check(port, text):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/check", method="POST",
                                     data=json.dumps({"draft": text, "name": "probe.txt"}).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


failures = 0
try:
    base_documents = archive(args.archive, os.path.join(root, "Benchmarks", f"archive-{args.archive}"))
    new_documents = archive(args.new, os.path.join(work, "new"), vary=True)
    probe_figure = 7321
    with open(os.path.join(new_documents, "zz-probe.txt"), "w") as probe:
        probe.write(f"The Quillmoor parish council approved {probe_figure:,} new homes on Tuesday.\n")
    probe_draft = f"The Quillmoor parish council approved {probe_figure + 4:,} new homes on Tuesday."
    factcheck("base", "migrate")
    start = time.monotonic()
    factcheck("base", "add", base_documents, "--progress", "never")
    print(f"base: {args.archive} documents added in {time.monotonic() - start:.1f} s; {factcheck('base', 'stats').strip()}")

    servers = []
    for _ in range(args.servers):
        server = subprocess.Popen([binary, "serve", "--port", "0"], cwd=work, env=environment,
                                  stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        for line in server.stderr:
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                servers.append((server, int(found.group(1))))
                break
        else:
            sys.exit("factcheck serve did not start")
        # Drained, so that the request log never fills the pipe and stalls the server.
        threading.Thread(target=lambda stream=server.stderr: [None for _ in stream], daemon=True).start()
    def cites_probe(report):
        """Whether a check's findings cite the probe document as evidence."""
        return any("zz-probe.txt" in evidence["source"] for finding in report["drafts"][0]["findings"]
                   for evidence in finding.get("evidence", []))

    before = [cites_probe(check(port, probe_draft)) for _, port in servers]
    print(f"probe before the add: the probe document cited by {sum(before)} of {len(before)} servers (expected 0)")
    failures += sum(before)

    with open(args.draft, encoding="utf-8") as draft:
        body = json.dumps({"draft": draft.read(), "name": args.draft, "format": "markdown"})
    body_file = os.path.join(work, "body.json")
    with open(body_file, "w") as out:
        out.write(body)
    loads = [subprocess.Popen(["wrk", "-t2", f"-c{args.clients}", f"-d{args.seconds}s", "--timeout", "30s",
                               "-s", os.path.join(here, "server-load", "check.lua"), f"http://127.0.0.1:{port}"],
                              env={**environment, "FACTCHECK_BODY": body_file}, stdout=subprocess.PIPE, text=True)
             for _, port in servers]
    time.sleep(min(5, args.seconds / 4))
    add_start = time.monotonic()
    add = subprocess.run([binary, "base", "add", new_documents, "--progress", "never"], cwd=work, env=environment,
                         capture_output=True, text=True)
    add_seconds = time.monotonic() - add_start
    print(f"add of {args.new + 1} new documents under load: exit {add.returncode}, {add_seconds:.1f} s "
          f"({(args.new + 1) / add_seconds:.0f} documents/s): {add.stdout.strip() or add.stderr.strip()}")
    failures += add.returncode != 0
    results = []
    for index, load in enumerate(loads):
        output = load.communicate()[0]
        found = re.search(r"RESULT (.*)", output)
        if not found:
            sys.exit(f"wrk printed no result:\n{output}")
        result = dict(pair.split("=") for pair in found.group(1).split())
        results.append(result)
        failures += int(result["non200"]) + int(result["socket_errors"])
        print(f"server {index + 1}: {result['requests']} checks in {result['seconds']} s, {result['rps']} checks/s, "
              f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms, "
              f"non-200 {result['non200']}, socket errors {result['socket_errors']}")
    total = sum(int(r["requests"]) for r in results)
    seconds = max(float(r["seconds"]) for r in results)
    print(f"all {args.servers} servers x {args.clients} clients: {total} checks, {total / seconds:.0f} checks/s, "
          f"worst p99 {max(float(r['p99_ms']) for r in results)} ms, errors "
          f"{sum(int(r['non200']) + int(r['socket_errors']) for r in results)}")
    after = [check(port, probe_draft) for _, port in servers]
    seen = [report["drafts"][0]["summary"]["contradicted"] >= 1 and cites_probe(report) for report in after]
    print(f"probe after the add: contradicted with the new document as evidence on {sum(seen)} of {len(seen)} servers")
    failures += seen.count(False)
    print(f"base after: {factcheck('base', 'stats').strip()}")
    for server, _ in servers:
        server.terminate()
        server.wait()
finally:
    shutil.rmtree(work, ignore_errors=True)
    if cluster:
        subprocess.run([os.path.join(root, ".ci", "postgres-cluster"), "stop", cluster], check=False)
sys.exit(1 if failures else 0)
