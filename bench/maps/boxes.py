"""Writes the WMS GetMap query strings bench/maps/run.sh asks both servers for: COUNT maps of
WIDTHxHEIGHT pixels in EPSG:3857 at zooms ZMIN to ZMAX, centred at random within the city's
centre and its nearer counties (seeded, so every run and both servers get the same list).

    python3 boxes.py --size 256x256 --zooms 9-13 --count 400 --seed 7
"""
import argparse
import math
import random

HALF_WORLD = math.pi * 6378137


def mercator(lon, lat):
    return (math.radians(lon) * 6378137, math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--size', required=True)
    parser.add_argument('--zooms', required=True)
    parser.add_argument('--count', type=int, required=True)
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split('x'))
    zmin, zmax = (int(v) for v in args.zooms.split('-'))
    rng = random.Random(args.seed)
    for _ in range(args.count):
        zoom = rng.randint(zmin, zmax)
        lon = rng.uniform(124.9, 126.1)
        lat = rng.uniform(43.5, 44.4)
        x, y = mercator(lon, lat)
        metres_per_pixel = 2 * HALF_WORLD / (256 * 2 ** zoom)
        half_w = width / 2 * metres_per_pixel
        half_h = height / 2 * metres_per_pixel
        print(f'SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:3857&FORMAT=image/png'
              f'&WIDTH={width}&HEIGHT={height}&BBOX={x - half_w:.2f},{y - half_h:.2f},{x + half_w:.2f},{y + half_h:.2f}')


if __name__ == '__main__':
    main()
