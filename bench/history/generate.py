#!/usr/bin/env python3
"""Writes two versions of a layer of synthetic land parcels around Changchun, as CSV with WKT for
ogr2ogr to turn into shapefiles as agencies deliver them, and what differs between them.

v2 is v1 with: STATUS_CHANGED parcels of another status, MOVED parcels moved about 40 m east, BOTH
parcels with both, the last REMOVED parcels left out and ADDED new ones appended. The rest is the
same, in the same order, so an import numbers them alike (features match by id as well as by the
key field `code`).

usage: generate.py FEATURES OUT_DIR     prints the expected counts as JSON"""
import json
import math
import random
import sys

STATUS = ["planned", "under_construction", "completed"]
NAMES = ["新能源", "汽车零部件", "现代农业", "光电信息", "文化旅游", "生物医药", "物流园", "数字经济"]


def parcel(rng, i, shift=0.0):
    """An octagon of 0.2–1 km across, 60 % near the centre (125.32E 43.88N)."""
    if rng.random() < 0.6:
        x, y = rng.gauss(125.32, 0.15), rng.gauss(43.88, 0.12)
    else:
        x, y = rng.uniform(124.2, 126.9), rng.uniform(43.3, 45.1)
    r = rng.uniform(0.002, 0.01)
    ring = [(x + shift + r * math.cos(a / 8 * 2 * math.pi), y + r * 0.8 * math.sin(a / 8 * 2 * math.pi)) for a in range(8)]
    ring.append(ring[0])
    return {"code": f"P{i:07d}", "name": f"{NAMES[i % len(NAMES)]}地块{i:07d}", "status": rng.choice(STATUS),
            "wkt": "POLYGON ((" + ", ".join(f"{px:.6f} {py:.6f}" for px, py in ring) + "))"}


def line(p):
    return f'{p["code"]},{p["name"]},{p["status"]},"{p["wkt"]}"\n'


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    status_changed, moved, both = n // 200, n * 3 // 1000, n // 1000
    removed = added = n // 500
    header = "code,名称,status,WKT\n"
    kinds = ["status"] * status_changed + ["moved"] * moved + ["both"] * both
    change = dict(zip(random.Random(7).sample(range(n - removed), len(kinds)), kinds))
    with open(f"{out}/v1.csv", "w", encoding="utf-8") as v1, open(f"{out}/v2.csv", "w", encoding="utf-8") as v2:
        v1.write(header)
        v2.write(header)
        for i in range(n):
            # the same seed per parcel draws the same parcel in both versions
            p = parcel(random.Random(i), i)
            v1.write(line(p))
            if i >= n - removed:
                continue
            kind = change.get(i)
            if kind in ("moved", "both"):
                p = dict(parcel(random.Random(i), i, shift=0.0005), status=p["status"])
            if kind in ("status", "both"):
                p["status"] = STATUS[(STATUS.index(p["status"]) + 1) % len(STATUS)]
            v2.write(line(p))
        for i in range(n, n + added):
            v2.write(line(parcel(random.Random(i), i)))
    print(json.dumps({"features": n, "added": added, "removed": removed, "changed": len(kinds),
                      "geometry_changed": moved + both}))


if __name__ == "__main__":
    main()
