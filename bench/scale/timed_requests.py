#!/usr/bin/env python3
"""Asks a service for each path of a list once, one at a time over one keep-alive connection, and
prints the median and the 99th percentile (nearest rank: of 20 requests, the slowest) in ms, and
the statuses seen, e.g. "41.2 95.0 200x20" or "310.5 402.1 200x12,400x8". Every status is an
answer to report (coverage refuses with a 400 an area holding more than plan.coverage.max-features;
a query over plan.store.statement-timeout ends in a 5xx, whose body goes to standard error).
--warm N asks the first N paths once, untimed, before the timed pass.

usage: timed_requests.py [--warm N] BASE_URL PATHS_FILE
       timed_requests.py --extent BASE_URL COLLECTION   (prints the collection's bbox: W S E N)"""
import collections
import http.client
import json
import sys
import time
import urllib.parse
import urllib.request


def percentile(ordered, p):
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def main():
    if sys.argv[1] == "--extent":
        base, collection = sys.argv[2:4]
        with urllib.request.urlopen(f"{base}/ogc/collections/{collection}?f=json") as response:
            print(*json.load(response)["extent"]["spatial"]["bbox"][0][:4])
        return
    warm = 0
    if sys.argv[1] == "--warm":
        warm = int(sys.argv[2])
        del sys.argv[1:3]
    base, paths_file = sys.argv[1:3]
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
    times, statuses = [], collections.Counter()
    with open(paths_file) as f:
        paths = [line.strip() for line in f if line.strip()]
    for path in paths[:warm]:
        connection.request("GET", path)
        connection.getresponse().read()
    for path in paths:
        started = time.monotonic()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        times.append((time.monotonic() - started) * 1000)
        statuses[response.status] += 1
        if response.status >= 500:
            print(f"{path}: HTTP {response.status}: {body[:300]!r}", file=sys.stderr)
    times.sort()
    print(f"{percentile(times, 50):.1f} {percentile(times, 99):.1f}",
          ",".join(f"{status}x{count}" for status, count in sorted(statuses.items())))


if __name__ == "__main__":
    main()
