#!/usr/bin/env python3
"""What `factcheck serve --metrics` costs per check, in instructions (callgrind), which the other work on a shared
machine does not change, unlike a latency (see server-load.py --metrics for that).

Usage: python3 Benchmarks/metrics-cost.py [--binary .build/release/factcheck] [--requests 200]
Needs valgrind. Runs the server under callgrind four times, with and without --metrics, answering 0 and then
--requests sequential POST /v1/check of Examples/drafts/belarus-errors.md, and prints the instructions per check
of each (the difference of the two runs over the requests, so start-up cancels out). Valgrind 3.19 cannot read
the DWARF 5 of Swift's binaries, so a copy without debug information (strip --strip-debug) is what runs.
"""
import argparse, http.client, json, os, re, shutil, signal, subprocess, sys, tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--requests", type=int, default=200)
args = parser.parse_args()

scratch = tempfile.mkdtemp(prefix="factcheck-metrics-cost-")
binary = os.path.join(scratch, "factcheck")
shutil.copy(args.binary, binary)
subprocess.run(["strip", "--strip-debug", binary], check=True)
with open("Examples/drafts/belarus-errors.md", encoding="utf-8") as draft:
    body = json.dumps({"draft": draft.read(), "format": "markdown"})


def instructions(requests, metrics):
    """The instructions callgrind counted for a server that answered `requests` checks and stopped."""
    out = os.path.join(scratch, f"callgrind-{requests}-{metrics}.out")
    server = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "serve",
                               "--port", "0"] + (["--metrics"] if metrics else []),
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    port = None
    for line in server.stderr:
        found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if found:
            port = int(found.group(1))
            break
    if port is None:
        sys.exit("factcheck serve did not start under valgrind")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for _ in range(requests):
        connection.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"POST /v1/check answered {response.status}")
    connection.close()
    server.send_signal(signal.SIGTERM)
    server.communicate()
    with open(out) as profile:
        return int(re.findall(r"^(?:summary|totals): (\d+)", profile.read(), re.M)[-1])


per_check = {}
for metrics in (False, True):
    idle = instructions(0, metrics)
    busy = instructions(args.requests, metrics)
    per_check[metrics] = (busy - idle) / args.requests
    print(f"{'--metrics' if metrics else 'no metrics'}: start-up {idle / 1e6:.1f} M instructions, "
          f"{args.requests} checks {busy / 1e6:.1f} M, {per_check[metrics] / 1e6:.3f} M per check")
extra = per_check[True] - per_check[False]
print(f"--metrics costs {extra / 1e3:.1f} k instructions per check ({100 * extra / per_check[False]:.2f} %)")
shutil.rmtree(scratch)
