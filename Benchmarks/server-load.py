#!/usr/bin/env python3
"""Throughput and latency of `factcheck serve` on loopback (release build), and its memory over many requests.

Usage: python3 Benchmarks/server-load.py [--binary .build/release/factcheck] [--requests 2000] [--soak 10000]
       [--soak-rounds 3] [--metrics]
Needs wrk (Debian: apt-get install -y wrk). Starts `factcheck serve --port 0` with a token, then, with
Examples/drafts/belarus-errors.md as the draft of every POST /v1/check:
  1. a warm-up of 200 requests;
  2. --requests requests with 1 client, then with 8 clients (wrk -t1 -c1 / -t2 -c8): throughput, p50, p99, max;
  3. --soak-rounds times --soak requests with 8 clients while the server's RSS (/proc/PID/status VmRSS) is
     sampled every 0.5 s: before, during (min/max) and after each round.
With --metrics the server counts (`serve --metrics`), and its /metrics page's check count is printed at the end:
run with and without it to see what counting costs. Numbers, not assertions; a non-200 answer or a socket error is reported, and the exit code is 1 if there was any.
"""
import argparse, json, os, re, signal, subprocess, sys, tempfile, threading, time, urllib.request

import served

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--requests", type=int, default=2000)
parser.add_argument("--soak", type=int, default=10000)
parser.add_argument("--soak-rounds", type=int, default=3, help="soaks in a row; a leak grows RSS round after round")
parser.add_argument("--draft", default="Examples/drafts/belarus-errors.md")
parser.add_argument("--metrics", action="store_true", help="start the server with --metrics")
args = parser.parse_args()

token = "benchmark-token"
with open(args.draft, encoding="utf-8") as draft:
    body = json.dumps({"draft": draft.read(), "name": args.draft, "format": "markdown"})
body_file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
body_file.write(body)
body_file.close()

server, port = served.start(args.binary, token, ["--metrics"] if args.metrics else [])
# Keep draining the request log so that the pipe never fills and stalls the server; count the checks answered.
checks_logged = 0
counter_lock = threading.Lock()


def read_log():
    global checks_logged
    for line in server.stderr:
        if "path=/v1/check" in line:
            with counter_lock:
                checks_logged += 1


threading.Thread(target=read_log, daemon=True).start()


def logged():
    with counter_lock:
        return checks_logged


def rss_kib():
    with open(f"/proc/{server.pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1))


def wrk(threads, connections, requests, every=None):
    """Runs wrk until the server has logged `requests` more checks, then interrupts it (wrk then prints its summary;
    the requests still in flight, at most one per connection, complete). Calls `every` about every 0.5 s."""
    environment = {**os.environ, "FACTCHECK_BODY": body_file.name, "FACTCHECK_TOKEN": token}
    target = logged() + requests
    process = subprocess.Popen(["wrk", f"-t{threads}", f"-c{connections}", "-d3600s", "--timeout", "30s",
                                "-s", os.path.join(here, "server-load", "check.lua"), f"http://127.0.0.1:{port}"],
                               env=environment, stdout=subprocess.PIPE, text=True)
    last_call = time.monotonic()
    while logged() < target and process.poll() is None:
        time.sleep(0.005)
        if every and time.monotonic() - last_call >= 0.5:
            every()
            last_call = time.monotonic()
    process.send_signal(signal.SIGINT)
    output = process.communicate()[0]
    result = re.search(r"RESULT (.*)", output)
    if not result:
        sys.exit(f"wrk printed no result:\n{output}")
    return dict(pair.split("=") for pair in result.group(1).split())


failures = 0
print(f"factcheck serve (pid {server.pid}) on 127.0.0.1:{port}, draft {args.draft} ({len(body)} bytes of JSON)")
wrk(1, 1, 200)
for threads, connections in [(1, 1), (2, 8)]:
    result = wrk(threads, connections, args.requests)
    failures += int(result["non200"]) + int(result["socket_errors"])
    print(f"{connections} client(s): {result['requests']} requests in {result['seconds']} s, {result['rps']} req/s, "
          f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms, "
          f"non-200 {result['non200']}, socket errors {result['socket_errors']}")

before = rss_kib()
print(f"RSS before the soak: {before / 1024:.1f} MiB")
for round in range(1, args.soak_rounds + 1):
    samples = []
    result = wrk(2, 8, args.soak, every=lambda: samples.append(rss_kib()))
    time.sleep(1)
    after = rss_kib()
    failures += int(result["non200"]) + int(result["socket_errors"])
    print(f"soak {round}, 8 clients: {result['requests']} requests in {result['seconds']} s, {result['rps']} req/s, "
          f"non-200 {result['non200']}, socket errors {result['socket_errors']}; "
          f"RSS during {min(samples) / 1024:.1f}-{max(samples) / 1024:.1f} MiB ({len(samples)} samples), "
          f"after {after / 1024:.1f} MiB")
print(f"checks logged by the server: {logged()}")
if args.metrics:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/metrics", headers={"Authorization": f"Bearer {token}"})
    page = urllib.request.urlopen(request).read().decode()
    counted = sum(float(value) for value in re.findall(r"^factcheck_checks_total\{[^}]*\} (\S+)$", page, re.M))
    print(f"checks counted by /metrics: {counted:.0f}")

server.terminate()
server.wait()
os.unlink(body_file.name)
sys.exit(1 if failures else 0)
