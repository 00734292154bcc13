#!/usr/bin/env python3
"""Writes synthetic project points and polygons around Changchun as CSV with WKT, for ogr2ogr
to turn into shapefiles the way agencies deliver them (GBK, CGCS2000 Gauss-Kruger zone 42).

usage: generate.py POINTS POLYGONS OUT_DIR"""
import math
import random
import sys

CITIES = ["automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"]
STATUS = ["planned", "under_construction", "completed"]
NAMES = ["新能源", "汽车零部件", "现代农业", "光电信息", "文化旅游", "生物医药", "物流园", "数字经济"]


def location(rng):
    """Denser near the city centre (125.32E 43.88N), spread over the municipality."""
    if rng.random() < 0.6:
        return rng.gauss(125.32, 0.15), rng.gauss(43.88, 0.12)
    return rng.uniform(124.2, 126.9), rng.uniform(43.3, 45.1)


def row(rng, i, wkt):
    name = f"{rng.choice(NAMES)}项目{i:07d}"
    return (f'{name},{rng.choice(CITIES)},{rng.choice(STATUS)},{rng.randint(2021, 2026)},'
            f'{round(rng.uniform(0.5, 200), 2)},"{wkt}"\n')


def main():
    points, polygons, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(42)
    header = "名称,city,status,start_year,invest,WKT\n"
    with open(f"{out}/points.csv", "w", encoding="utf-8") as f:
        f.write(header)
        for i in range(points):
            x, y = location(rng)
            f.write(row(rng, i, f"POINT ({x:.6f} {y:.6f})"))
    with open(f"{out}/polygons.csv", "w", encoding="utf-8") as f:
        f.write(header)
        for i in range(polygons):
            x, y = location(rng)
            r = rng.uniform(0.002, 0.01)
            ring = [(x + r * math.cos(a / 8 * 2 * math.pi), y + r * 0.8 * math.sin(a / 8 * 2 * math.pi))
                    for a in range(8)]
            ring.append(ring[0])
            f.write(row(rng, i, "POLYGON ((" + ", ".join(f"{px:.6f} {py:.6f}" for px, py in ring) + "))"))


if __name__ == "__main__":
    main()
