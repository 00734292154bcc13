#!/usr/bin/env python3
"""Writes the tile list of the tiles benchmark: one "z y x" line per WebMercatorQuad tile.

A map of Changchun is looked at the way people look at city maps: whole at low zoom, then more
and more closely around the centre. So the list holds
  * every tile covering the city's box (lon 124.0-127.0, lat 43.2-45.2) at z8, z9 and z10;
  * at z11-z16 a fixed number of distinct tiles per zoom, drawn around the centre (125.32E
    43.88N) with a spread that shrinks as the zoom grows, so the share of tiles near the centre
    grows with the zoom (z16 tiles are street level in the core).
The order interleaves the zooms evenly (each zoom's tiles shuffled, then spread over the list at
its own regular step, seeded jitter breaking ties), so every stretch of the list mixes the zooms
in the proportions of the whole list: a peer measured for a few seconds, who serves only part of
the list, then serves a fair sample of it, whatever the stretch. (A plain shuffle gave stretches
with twice or half the share of the costly z8-z9 tiles.) Every peer of the benchmark is asked for
the same tiles in the same order.

usage: tile_list.py --out tiles.txt [--seed 7] [--scale 1.0]
"""
import argparse
import math
import os
import random

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 124.0, 127.0, 43.2, 45.2
CENTRE = (125.32, 43.88)
# distinct tiles drawn per zoom above z10; about 2,000 tiles in all with the z8-z10 cover
PER_ZOOM = {11: 150, 12: 220, 13: 280, 14: 340, 15: 400, 16: 480}
SIGMA_LON_Z11 = 0.32   # degrees; shrinks by SHRINK per zoom (0.054 degrees at z16, ~10 tiles)
SHRINK = 0.7
LAT_PER_LON = 0.72     # a degree of longitude is ~0.72 of a degree of latitude on the ground here


def tile_of(lon, lat, z):
    """The WebMercatorQuad tile (x, y) holding a point (y counted from the top)."""
    n = 2 ** z
    x = int((lon + 180.0) / 360.0 * n)
    lat_rad = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(lat_rad)) / math.pi) / 2.0 * n)
    return min(x, n - 1), min(y, n - 1)


def cover(z):
    """Every tile meeting the city's box at zoom z."""
    x0, y0 = tile_of(LON_MIN, LAT_MAX, z)  # north-west corner: smallest x and y
    x1, y1 = tile_of(LON_MAX, LAT_MIN, z)
    return [(z, y, x) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def near_centre(z, count, rng):
    """count distinct tiles at zoom z around the centre, inside the city's box."""
    sigma_lon = SIGMA_LON_Z11 * SHRINK ** (z - 11)
    sigma_lat = sigma_lon * LAT_PER_LON
    tiles = set()
    while len(tiles) < count:
        lon, lat = rng.gauss(CENTRE[0], sigma_lon), rng.gauss(CENTRE[1], sigma_lat)
        if LON_MIN <= lon <= LON_MAX and LAT_MIN <= lat <= LAT_MAX:
            x, y = tile_of(lon, lat, z)
            tiles.add((z, y, x))
    return sorted(tiles)


def interleave(by_zoom, rng):
    """Every zoom's tiles, shuffled, at evenly spaced places of one list: the i-th of n tiles of
    a zoom sits at fraction (i + jitter) / n of it."""
    placed = []
    for tiles in by_zoom.values():
        tiles = list(tiles)
        rng.shuffle(tiles)
        n = len(tiles)
        placed += [((i + rng.uniform(0.25, 0.75)) / n, tile) for i, tile in enumerate(tiles)]
    return [tile for _, tile in sorted(placed)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiplies the number of tiles drawn at z11-z16")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    by_zoom = {z: cover(z) for z in (8, 9, 10)}
    for z, count in PER_ZOOM.items():
        by_zoom[z] = near_centre(z, max(1, round(count * args.scale)), rng)
    tiles = interleave(by_zoom, rng)
    with open(args.out, "w") as out:
        for z, y, x in tiles:
            out.write(f"{z} {y} {x}\n")
    per_zoom = {}
    for z, _, _ in tiles:
        per_zoom[z] = per_zoom.get(z, 0) + 1
    print(f"wrote {len(tiles)} tiles to {os.path.basename(args.out)}: "
          + ", ".join(f"z{z} {n}" for z, n in sorted(per_zoom.items())))


if __name__ == "__main__":
    main()
