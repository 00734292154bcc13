#!/usr/bin/env python3
"""Writes a big generated layer straight as a shapefile the way agencies deliver them: GBK text,
CGCS2000 3-degree Gauss-Kruger zone 42 (EPSG:4530, the .prj as ogr2ogr writes it), with a .cpg.

  points   project points around Changchun, placed and named like bench/imports/generate.py
           (denser near the centre, 125.32E 43.88N, spread over the municipality)
  parcels  land parcels: a jittered grid of quadrilaterals around the centre that do not overlap,
           with a parcel number, a land-use code and an area

Streamed in chunks of CHUNK features (numpy for the random numbers, GDAL's osr for the projection),
so memory stays flat whatever the count: 10,000,000 points take about a minute. Needs Debian's
python3 with python3-gdal and python3-numpy.

usage: generate.py points|parcels COUNT OUT_BASENAME [--seed 42]"""
import argparse
import datetime
import math
import struct

import numpy as np
from osgeo import osr

CHUNK = 200_000
CENTRE = (125.32, 43.88)
CITIES = ["automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"]
STATUS = ["planned", "under_construction", "completed"]
NAMES = ["新能源", "汽车零部件", "现代农业", "光电信息", "文化旅游", "生物医药", "物流园", "数字经济"]
LAND_USES = ["R1", "R2", "B1", "B2", "M1", "M2", "W1", "G1", "A3", "S1", "E1", "E2"]
POINT, POLYGON = 1, 5


def transformation():
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(4530)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    esri = target.Clone()
    esri.MorphToESRI()
    return osr.CoordinateTransformation(source, target), esri.ExportToWkt()


def project(ct, lon, lat):
    """Easting and northing arrays for lon/lat arrays."""
    done = np.array(ct.TransformPoints(np.column_stack([lon, lat])))
    return done[:, 0], done[:, 1]


class Dbf:
    """A dBASE III table written record by record: fields (name, type C or N, width, decimals)."""

    def __init__(self, path, count, fields):
        self.out = open(path, "wb")
        self.fields = fields
        record_length = 1 + sum(width for _, _, width, _ in fields)
        today = datetime.date.today()
        # language driver 0x4D: GB 2312/GBK (the .cpg says GBK too)
        self.out.write(struct.pack("<BBBBIHH17xB2x", 3, today.year - 1900, today.month, today.day, count,
                                   32 + 32 * len(fields) + 1, record_length, 0x4D))
        for name, kind, width, decimals in fields:
            self.out.write(struct.pack("<11sc4xBB14x", name.encode("gbk"), kind.encode(), width, decimals))
        self.out.write(b"\r")

    def write(self, records):
        self.out.write(b"".join(records))

    def close(self):
        self.out.write(b"\x1a")
        self.out.close()


class Shapes:
    """The .shp and .shx of one shape type; the headers' bounding box is patched in at the end."""

    def __init__(self, base, shape_type):
        self.shp, self.shx = open(base + ".shp", "wb"), open(base + ".shx", "wb")
        self.type = shape_type
        self.box = [math.inf, math.inf, -math.inf, -math.inf]
        self.offset = 50  # in 16-bit words, after the 100-byte header
        self.count = 0
        for f in (self.shp, self.shx):
            f.write(b"\0" * 100)

    def write(self, contents, xs, ys):
        """contents: each record's content (bytes); xs, ys: every coordinate, for the bounding box."""
        index = bytearray()
        body = bytearray()
        for content in contents:
            self.count += 1
            words = len(content) // 2
            body += struct.pack(">ii", self.count, words) + content
            index += struct.pack(">ii", self.offset, words)
            self.offset += 4 + words
        self.shp.write(body)
        self.shx.write(index)
        self.box = [min(self.box[0], float(xs.min())), min(self.box[1], float(ys.min())),
                    max(self.box[2], float(xs.max())), max(self.box[3], float(ys.max()))]

    def close(self):
        for f, words in ((self.shp, self.offset), (self.shx, 50 + 4 * self.count)):
            f.seek(0)
            f.write(struct.pack(">i20xi", 9994, words) + struct.pack("<ii4d4d", 1000, self.type, *self.box, 0, 0, 0, 0))
            f.close()


def points(count, base, rng, ct):
    names = [n.encode("gbk") + "项目".encode("gbk") for n in NAMES]
    cities = [c.encode() for c in CITIES]
    statuses = [s.encode() for s in STATUS]
    dbf = Dbf(base + ".dbf", count, [("名称", "C", 32, 0), ("city", "C", 16, 0), ("status", "C", 24, 0),
                                     ("start_year", "N", 4, 0), ("invest", "N", 10, 2)])
    shapes = Shapes(base, POINT)
    for start in range(0, count, CHUNK):
        n = min(CHUNK, count - start)
        near = rng.random(n) < 0.6
        lon = np.where(near, rng.normal(CENTRE[0], 0.15, n), rng.uniform(124.2, 126.9, n))
        lat = np.where(near, rng.normal(CENTRE[1], 0.12, n), rng.uniform(43.3, 45.1, n))
        x, y = project(ct, lon, lat)
        shapes.write([struct.pack("<i2d", POINT, a, b) for a, b in zip(x.tolist(), y.tolist())], x, y)
        name, city, status = rng.integers(0, len(names), n), rng.integers(0, len(cities), n), rng.integers(0, 3, n)
        year, invest = rng.integers(2021, 2027, n), rng.uniform(0.5, 200, n)
        dbf.write([b" %-32s%-16s%-24s%4d%10.2f" % (names[a] + b"%07d" % i, cities[c], statuses[s], yr, inv)
                   for i, a, c, s, yr, inv in zip(range(start, start + n), name.tolist(), city.tolist(),
                                                  status.tolist(), year.tolist(), invest.tolist())])
    shapes.close()
    dbf.close()


def parcels(count, base, rng, ct):
    """A side x side grid of cells (100 m x 100 m near the centre); each parcel is its cell with
    corners pulled inwards at random, so parcels never overlap, and rings run clockwise."""
    side = math.ceil(math.sqrt(count))
    cell_lon, cell_lat = 0.00125, 0.0009
    west, south = CENTRE[0] - side * cell_lon / 2, CENTRE[1] - side * cell_lat / 2
    uses = [u.encode() for u in LAND_USES]
    dbf = Dbf(base + ".dbf", count, [("地块编号", "C", 16, 0), ("用地性质", "C", 4, 0), ("面积", "N", 12, 1)])
    shapes = Shapes(base, POLYGON)
    for start in range(0, count, CHUNK):
        n = min(CHUNK, count - start)
        i = np.arange(start, start + n)
        col, row = i % side, i // side
        x0, y0 = west + col * cell_lon, south + row * cell_lat
        inset = rng.uniform(0.05, 0.25, (n, 4, 2))
        # corners clockwise from the south-west: SW, NW, NE, SE
        lon = np.stack([x0 + inset[:, 0, 0] * cell_lon, x0 + inset[:, 1, 0] * cell_lon,
                        x0 + (1 - inset[:, 2, 0]) * cell_lon, x0 + (1 - inset[:, 3, 0]) * cell_lon], axis=1)
        lat = np.stack([y0 + inset[:, 0, 1] * cell_lat, y0 + (1 - inset[:, 1, 1]) * cell_lat,
                        y0 + (1 - inset[:, 2, 1]) * cell_lat, y0 + inset[:, 3, 1] * cell_lat], axis=1)
        x, y = project(ct, lon.ravel(), lat.ravel())
        x, y = x.reshape(n, 4), y.reshape(n, 4)
        # shoelace, in square metres of the projection (clockwise: negative sum)
        area = -0.5 * (x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1)
        contents = []
        for px, py in zip(x.tolist(), y.tolist()):
            ring = [v for k in (0, 1, 2, 3, 0) for v in (px[k], py[k])]
            contents.append(struct.pack("<i4dii i10d", POLYGON, min(px), min(py), max(px), max(py), 1, 5, 0, *ring))
        shapes.write(contents, x, y)
        use = rng.integers(0, len(uses), n)
        dbf.write([b" %-16s%-4s%12.1f" % (b"DK%08d" % k, uses[u], a)
                   for k, u, a in zip(i.tolist(), use.tolist(), area.tolist())])
    shapes.close()
    dbf.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["points", "parcels"])
    parser.add_argument("count", type=int)
    parser.add_argument("base", help="output path without extension")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    ct, prj = transformation()
    (points if args.kind == "points" else parcels)(args.count, args.base, np.random.default_rng(args.seed), ct)
    with open(args.base + ".prj", "w") as f:
        f.write(prj)
    with open(args.base + ".cpg", "w") as f:
        f.write("GBK")


if __name__ == "__main__":
    main()
