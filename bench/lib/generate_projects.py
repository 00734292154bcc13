#!/usr/bin/env python3
"""Writes a synthetic project library as an RFC 7946 FeatureCollection for the benchmarks.

The numbers of points and of polygons are given exactly (--points, --polygons): the tiles
benchmark asks for at least 200,000 points AND 20,000 polygons. Points and polygons are
interleaved at random (seeded), so the table's physical order is not sorted by type.

The features follow the `projects` layer of layers.json exactly: every declared field is
present with a value of its declared type (or null where the shipped sample data has nulls),
ids are b000001, b000002, ... and `sample` is true. Locations are spread over Changchun
(lon 124.0-127.0, lat 43.2-45.2), dense near the centre (125.32E 43.88N) like a real project
library; the polygons are small and convex. Standard library only, and seeded, so the same
numbers give the same file on every machine.

usage: generate_projects.py --layers gis-data/layers.json --sample gis-data/projects.geojson \
                            --points 200000 --polygons 20000 --out /tmp/x/projects.geojson [--seed 20240601]
"""
import argparse
import json
import math
import random

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 124.0, 127.0, 43.2, 45.2
CENTRE = (125.32, 43.88)
METRES_PER_DEGREE_LAT = 111_320.0

# Where projects are: (share, sigma lon, sigma lat) around the centre; the rest is uniform.
# Three quarters within a few kilometres of the core, like the sample data.
CLUSTERS = [(0.45, 0.06, 0.045), (0.30, 0.25, 0.18)]


def project_fields(layers_file):
    with open(layers_file, encoding="utf-8") as f:
        manifest = json.load(f)
    for layer in manifest["layers"]:
        if layer["id"] == "projects":
            return layer["fields"]
    raise SystemExit(f"{layers_file}: no layer with id 'projects'")


def observed_values(sample_file, fields):
    """The values each field takes in the shipped sample projects (the domain's vocabulary)."""
    with open(sample_file, encoding="utf-8") as f:
        features = json.load(f)["features"]
    return {field["name"]: [feat["properties"].get(field["name"]) for feat in features] for field in fields}


def location(rng):
    pick = rng.random()
    for share, sigma_lon, sigma_lat in CLUSTERS:
        if pick < share:
            while True:  # redraw the rare tail that falls outside the city's box
                lon, lat = rng.gauss(CENTRE[0], sigma_lon), rng.gauss(CENTRE[1], sigma_lat)
                if LON_MIN <= lon <= LON_MAX and LAT_MIN <= lat <= LAT_MAX:
                    return lon, lat
        pick -= share
    return rng.uniform(LON_MIN, LON_MAX), rng.uniform(LAT_MIN, LAT_MAX)


def point(rng):
    lon, lat = location(rng)
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def polygon(rng):
    """A small star-shaped polygon: vertices at evenly spaced, jittered angles around the centre,
    so the ring never crosses itself and stays valid after rounding to 6 decimals (~0.1 m)."""
    lon, lat = location(rng)
    vertices = rng.randint(4, 8)
    radius_m = rng.uniform(60, 400)
    step = 2 * math.pi / vertices
    start = rng.uniform(0, step)
    metres_per_degree_lon = METRES_PER_DEGREE_LAT * math.cos(math.radians(lat))
    ring = []
    for i in range(vertices):  # increasing angle: counter-clockwise, as RFC 7946 asks
        angle = start + i * step + rng.uniform(-0.3, 0.3) * step
        r = radius_m * rng.uniform(0.8, 1.2)
        ring.append([round(lon + r * math.cos(angle) / metres_per_degree_lon, 6),
                     round(lat + r * math.sin(angle) / METRES_PER_DEGREE_LAT, 6)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def value(field, number, rng, observed):
    """A value of the field's declared type. Names are unique; other fields reuse the sample
    data's vocabulary (nulls included) so lookups such as city ids stay meaningful."""
    name, kind = field["name"], field["type"]
    if name == "name_zh":
        return f"基准测试项目{number:06d}（合成）"
    if name == "name_en":
        return f"Benchmark project {number:06d} (synthetic)"
    if name == "sample":
        return True
    if name == "note":
        return "合成基准数据，非真实项目 / synthetic benchmark data, not a real project"
    if kind == "integer":
        years = [v for v in observed if isinstance(v, int)] or [2020, 2026]
        return rng.randint(min(years), max(years))
    if kind == "number":
        return round(rng.uniform(0.5, 120.0), 1)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "date":
        return f"{rng.randint(2018, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    pool = [v for v in observed if v is None or isinstance(v, str)]
    return rng.choice(pool) if pool else f"{name} {number}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layers", required=True)
    parser.add_argument("--sample", required=True, help="the shipped projects.geojson (for vocabularies)")
    parser.add_argument("--points", type=int, default=200_000)
    parser.add_argument("--polygons", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    fields = project_fields(args.layers)
    observed = observed_values(args.sample, fields)
    rng = random.Random(args.seed)
    count = args.points + args.polygons
    polygons_left = args.polygons
    with open(args.out, "w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for number in range(1, count + 1):
            # draw without replacement: exactly --polygons polygons, spread through the file
            is_polygon = rng.random() * (count - number + 1) < polygons_left
            polygons_left -= is_polygon
            feature = {
                "type": "Feature",
                "id": f"b{number:06d}",
                "properties": {f["name"]: value(f, number, rng, observed[f["name"]]) for f in fields},
                "geometry": polygon(rng) if is_polygon else point(rng),
            }
            out.write(("," if number > 1 else "") + json.dumps(feature, ensure_ascii=False,
                                                               separators=(",", ":")) + "\n")
        out.write("]}\n")
    print(f"wrote {count} projects ({args.points} points, {args.polygons} polygons) to {args.out}")


if __name__ == "__main__":
    main()
