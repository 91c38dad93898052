#!/usr/bin/env python3
"""Sends exactly N fault reports, each with a new Idempotency-Key, over a few keep-alive connections
to a host on the loopback, and prints how many were answered with which status. Bounded by N and by
a time limit; stops by itself. Used by idempotency-memory.sh (wrk cannot stop after a count)."""
import argparse
import collections
import http.client
import threading
import time
import urllib.parse

BODY = (b'{"reporter":{"name":"Li","organization":"Bank","contact":"138"},"channel":"Phone",'
        b'"site":{"locality":"Local","name":"HQ","address":"1 Road"},"deviceSerialNumber":"SN-1",'
        b'"symptom":"array down","severityCode":"A"}')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="e.g. http://127.0.0.1:5082/after-sales/tickets")
    parser.add_argument("--keys", type=int, required=True)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--credential", required=True, help='one header line, e.g. "Authorization: Bearer …"')
    parser.add_argument("--run", default=str(int(time.time())), help="a prefix that makes this run's keys distinct")
    parser.add_argument("--time-limit", type=float, default=900)
    args = parser.parse_args()

    url = urllib.parse.urlsplit(args.url)
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback only")
    name, value = (part.strip() for part in args.credential.split(":", 1))
    statuses = collections.Counter()
    lock = threading.Lock()
    next_key = iter(range(args.keys))
    deadline = time.monotonic() + args.time_limit

    def worker():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                n = next(next_key, None)
            if n is None:
                break
            headers = {name: value, "Content-Type": "application/json", "Idempotency-Key": f"{args.run}-{n}"}
            try:
                connection.request("POST", url.path, BODY, headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                status = "error"
            with lock:
                statuses[status] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    total = sum(statuses.values())
    print(f"sent {total} in {elapsed:.0f} s ({total / elapsed:.0f}/s); statuses: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))


if __name__ == "__main__":
    main()
