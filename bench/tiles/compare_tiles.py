#!/usr/bin/python3
"""Compares two vector tiles of the same address, decoded with GDAL's MVT driver in tile units.

Two checks (run with Debian's python3, which has the GDAL bindings):

  compare_tiles.py content A B
      Same content: the same layers, and in each the same multiset of features (geometry and
      attributes), whatever their order. The floor's statement and the service give the same
      features but not always in the same order (the row order of a scan is not fixed), so their
      bytes may differ while the tiles are equal.

  compare_tiles.py features SERVICE_TILE SERVICE_LAYER MAPSERVER_TILE MAPSERVER_LAYER[,...]
      Same features as MapServer's tile. The two differ by design at the edges: the service keeps
      what falls in a 64-unit buffer around the tile, MapServer asks the database for the tile's
      own extent. So this compares the features that meet the tile proper: the same set of `id`
      attributes, the same geometry kind, and points at the same place give or take one unit
      (PostGIS rounds to the grid, MapServer truncates then rounds).

Tiles are read from files of neutral names: GDAL would georeference a path that looks like
{z}/{x}/{y}. Prints one line of findings; exits 1 when the tiles differ.
"""
import collections
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
TILE = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 4096 0, 4096 4096, 0 4096, 0 0))")


def layers(path):
    """{layer name: layer} of a tile file; an empty file (a 204) has none."""
    with open(path, "rb") as f:
        if not f.read(1):
            return None, {}
    dataset = gdal.OpenEx("MVT:" + path, gdal.OF_VECTOR)
    return dataset, {dataset.GetLayer(i).GetName(): dataset.GetLayer(i) for i in range(dataset.GetLayerCount())}


def content(path):
    """{layer: Counter of (geometry WKT, sorted attributes)}."""
    _dataset, found = layers(path)  # the dataset must outlive its layers
    result = {}
    for name, layer in found.items():
        features = collections.Counter()
        for feature in layer:
            geometry = feature.GetGeometryRef()
            attributes = tuple(sorted((k, str(v)) for k, v in feature.items().items() if v is not None))
            features[(geometry.ExportToWkt() if geometry else None, attributes)] += 1
        result[name] = features
    return result


def same_content(a, b):
    first, second = content(a), content(b)
    if first == second:
        print(f"same content ({sum(sum(c.values()) for c in first.values())} features)")
        return
    print(f"content differs: layers {sorted(first)} vs {sorted(second)}, features "
          f"{[sum(c.values()) for c in first.values()]} vs {[sum(c.values()) for c in second.values()]}")
    sys.exit(1)


def proper(path, layer_names):
    """{id: (kind, geometry)} of the features meeting the tile proper, in the named layers."""
    dataset, found = layers(path)
    missing = set(layer_names) - set(found)
    if missing:
        sys.exit(f"{path}: no layer {sorted(missing)} (has {sorted(found)})")
    result = {}
    for name in layer_names:
        for feature in found[name]:
            geometry = feature.GetGeometryRef()
            if geometry is None or not geometry.Intersects(TILE):
                continue
            kind = "point" if "POINT" in geometry.GetGeometryName() else "area"
            result[str(feature.GetField("id"))] = (kind, geometry.Clone())
    return result


def same_features(service_path, service_layer, mapserver_path, mapserver_layers):
    ours = proper(service_path, [service_layer])
    theirs = proper(mapserver_path, mapserver_layers.split(","))
    only_ours, only_theirs = set(ours) - set(theirs), set(theirs) - set(ours)
    kinds_differ = [i for i in set(ours) & set(theirs) if ours[i][0] != theirs[i][0]]
    worst = 0.0
    for i in set(ours) & set(theirs):
        if ours[i][0] == "point" and theirs[i][0] == "point":
            a, b = ours[i][1].GetPoint(0), theirs[i][1].GetPoint(0)
            worst = max(worst, abs(a[0] - b[0]), abs(a[1] - b[1]))
    points = sum(1 for kind, _ in ours.values() if kind == "point")
    print(f"{len(ours)} features in the tile proper ({points} points, {len(ours) - points} areas); "
          f"only in the service's tile: {len(only_ours)}, only in MapServer's: {len(only_theirs)}, "
          f"kind differs: {len(kinds_differ)}, largest point offset: {worst:g} units")
    if only_ours or only_theirs or kinds_differ or worst > 1 or not ours:
        examples = sorted(only_ours)[:3] + sorted(only_theirs)[:3] + sorted(kinds_differ)[:3]
        print(f"differences, e.g. {examples}")
        sys.exit(1)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "content":
        same_content(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 6 and sys.argv[1] == "features":
        same_features(*sys.argv[2:6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
