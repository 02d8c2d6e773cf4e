#!/usr/bin/env python3
"""`factcheck serve` under a hostile mix (issue 24) while 8 normal clients keep checking: do they keep their answers?

Usage: python3 Benchmarks/hostile-mix.py [--binary .build/release/factcheck] [--seconds 60]
Starts `factcheck serve --port 0` with a token. For --seconds, at once:
  - 8 normal clients POST /v1/check with Examples/drafts/belarus-errors.md, one request after another;
  - one client sends a front matter alias bomb (nine levels of nine aliases) again and again;
  - one client sends a sentence of 20,000 figures again and again;
  - one client sends an HTML draft of 40,000 unclosed <script> tags again and again;
  - 400 slow clients send headers announcing a body and never send it, reconnecting when closed.
Prints, for the normal clients, requests, p50, p99 and max latency and the errors (non-200 answers and socket
errors), and the hostile requests' statuses. Numbers, not assertions.
"""
import argparse, http.client, json, socket, statistics, threading, time

import served

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/factcheck")
parser.add_argument("--seconds", type=float, default=60)
parser.add_argument("--slow-clients", type=int, default=400)
args = parser.parse_args()

token = "hostile-mix-token"
server, port = served.start(args.binary, token)
threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

with open("Examples/drafts/belarus-errors.md", encoding="utf-8") as file:
    normal = json.dumps({"draft": file.read(), "format": "markdown"})
bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
for level, previous in zip("bcdefghi", "abcdefgh"):
    bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]\n"
hostile = {
    "alias bomb": json.dumps({"draft": "---\n" + bomb + "---\nSixteen prisoners were freed.\n", "format": "markdown"}),
    "20,000 figures": json.dumps({"draft": "Officials said " + "1,000 " * 20_000 + "prisoners were freed."}),
    "40,000 unclosed tags": json.dumps({"draft": "<script>x" * 40_000 + "<p>16 prisoners</p>", "format": "html"}),
}
headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
deadline = time.monotonic() + args.seconds
lock = threading.Lock()
latencies, errors, hostile_statuses = [], [], {name: {} for name in hostile}
slow = {"connections": 0, "closed by the server": 0}


def post(body, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/v1/check", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def normal_client():
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            status = post(normal)
        except OSError as error:
            status = type(error).__name__
        with lock:
            latencies.append((time.monotonic() - started) * 1000)
            if status != 200:
                errors.append(status)


def hostile_client(name):
    while time.monotonic() < deadline:
        try:
            status = post(hostile[name])
        except OSError as error:
            status = type(error).__name__
        with lock:
            hostile_statuses[name][status] = hostile_statuses[name].get(status, 0) + 1


def slow_client():
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                with lock:
                    slow["connections"] += 1
                connection.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   + f"Authorization: Bearer {token}\r\nContent-Length: 100000\r\n\r\n".encode())
                connection.settimeout(max(0.1, deadline - time.monotonic()))
                if connection.recv(1) == b"" or time.monotonic() < deadline:  # closed, or answered, before the end
                    with lock:
                        slow["closed by the server"] += 1
        except OSError:
            time.sleep(0.2)


threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(args.slow_clients)]
threads += [threading.Thread(target=hostile_client, args=(name,), daemon=True) for name in hostile]
threads += [threading.Thread(target=normal_client, daemon=True) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads[-8:]:
    thread.join()
time.sleep(0.5)
ordered = sorted(latencies)
p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
print(f"normal clients (8, {args.seconds:.0f} s): {len(ordered)} requests, p50 {statistics.median(ordered):.1f} ms, "
      f"p99 {p99:.1f} ms, max {ordered[-1]:.1f} ms, errors {len(errors)} {sorted(set(map(str, errors)))}")
print(f"slow clients ({args.slow_clients}): {slow['connections']} connections, "
      f"{slow['closed by the server']} closed by the server before the end")
for name, statuses in hostile_statuses.items():
    print(f"{name}: {dict(sorted((str(key), value) for key, value in statuses.items()))}")
server.terminate()
server.wait()
