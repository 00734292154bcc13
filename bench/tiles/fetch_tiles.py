#!/usr/bin/env python3
"""Asks a server for every path of a list once, in order, over one keep-alive connection.

Used by run.sh to fill the service's tile cache before a warm measurement, to save the
service's tiles as files for the nginx static floor (--save DIR writes each 200 body to
DIR/<path>; a 204 writes nothing, and nginx answers 204 for a missing file), and to check that
a peer answers every tile. Any status other than 200 or 204 stops it with an error.
Prints: requests ok200 ok204 bytes seconds
usage: fetch_tiles.py --port PORT --paths paths.txt [--save DIR]
"""
import argparse
import http.client
import os
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", required=True)
    parser.add_argument("--save")
    args = parser.parse_args()
    with open(args.paths) as f:
        paths = [line.strip() for line in f if line.strip()]
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
    counts = {200: 0, 204: 0}
    total = 0
    started = time.monotonic()
    for path in paths:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status not in counts:
            sys.exit(f"{path}: HTTP {response.status}: {body[:300]!r}")
        counts[response.status] += 1
        total += len(body)
        if args.save and response.status == 200:
            # the URL path, query string and all, as a file under DIR (MapServer paths are not saved)
            target = os.path.join(args.save, path.lstrip("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(body)
    print(len(paths), counts[200], counts[204], total, f"{time.monotonic() - started:.1f}")


if __name__ == "__main__":
    main()
