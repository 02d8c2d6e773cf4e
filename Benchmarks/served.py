"""Starts `factcheck serve --port 0` with a bearer token for the benchmarks, and finds the port it chose."""
import os, re, subprocess, sys


def start(binary, token, extra=()):
    """The server process (its standard error still to be drained by the caller) and its port.
    `extra`: more `serve` flags (`--metrics`)."""
    server = subprocess.Popen([binary, "serve", "--port", "0", *extra], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              env={**os.environ, "FACTCHECK_TOKEN": token}, text=True)
    for line in server.stderr:
        found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if found:
            return server, int(found.group(1))
    sys.exit("factcheck serve did not start")
