#!/usr/bin/env python3
"""Writes the SQL that loads what a compliance review needs into plain PostGIS tables, for the one-
statement review the benchmark compares the service with: the plan's polygons and the sample
projects from gis-data/ (raw GeoJSON, as the service loads it), and gis-data/rules.json as tables.

usage: rules_sql.py GIS_DATA_DIR > rules.sql"""
import json
import os
import sys


def literal(text):
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def array(values):
    return "ARRAY[" + ",".join(literal(v) for v in values) + "]::text[]"


def geometry(node):
    return f"ST_SetSRID(ST_GeomFromGeoJSON($json${json.dumps(node)}$json$), 4326)"


def main():
    root = sys.argv[1]
    manifest = json.load(open(os.path.join(root, "layers.json"), encoding="utf-8"))
    rules = json.load(open(os.path.join(root, manifest["rules"]), encoding="utf-8"))
    out = sys.stdout
    # a schema of its own: the service's migrations want the public schema to themselves
    out.write("""CREATE SCHEMA IF NOT EXISTS bench;
SET search_path = bench, public;
CREATE TABLE bench_area (layer text, feature text, geom geometry(Geometry, 4326));
CREATE TABLE bench_project (id text, geom geometry(Geometry, 4326));
CREATE TABLE bench_purpose (layer text, feature text, cities text[], industries text[]);
CREATE TABLE bench_restriction (layer text, feature text, industries text[], level text);
CREATE TABLE bench_constraint (layer text, inside text, outside text, permitted text[]);
CREATE TABLE bench_general (rule text PRIMARY KEY, level text);
""")
    for layer in manifest["layers"]:
        collection = json.load(open(os.path.join(root, layer["file"]), encoding="utf-8"))
        table = "bench_area" if layer["kind"] == "plan-area" else "bench_project"
        for feature in collection["features"]:
            columns = f"{literal(layer['id'])}, {literal(feature['id'])}" if table == "bench_area" else literal(feature["id"])
            out.write(f"INSERT INTO {table} VALUES ({columns}, {geometry(feature['geometry'])});\n")
    for area in rules["areas"]:
        out.write(f"INSERT INTO bench_purpose VALUES ({literal(area['layer'])}, {literal(area['feature'])}, "
                  f"{array(area['cities'])}, {array(area['industries'])});\n")
    for restriction in rules["restrictions"]:
        out.write(f"INSERT INTO bench_restriction VALUES ({literal(restriction['layer'])}, "
                  f"{literal(restriction['feature'])}, {array(restriction['industries'])}, {literal(restriction['level'])});\n")
    kinds = {k["kind"]: k for k in rules["constraint_kinds"]}
    for constraint in rules["constraints"]:
        kind = kinds[constraint["kind"]]
        out.write(f"INSERT INTO bench_constraint VALUES ({literal(constraint['layer'])}, {literal(kind['inside'])}, "
                  f"{literal(kind['outside'])}, {array(kind['permitted_industries'])});\n")
    for rule, value in rules["general"].items():
        out.write(f"INSERT INTO bench_general VALUES ({literal(rule)}, {literal(value['level'])});\n")
    # distances to areas are measured in CGCS2000 / 3-degree Gauss-Kruger zone 42, Changchun's own
    # projection (under 0.1 % off the spheroid here), from geometries projected once, as the service
    # indexes each area's edges once
    out.write("""ALTER TABLE bench_area ADD COLUMN geom_gk geometry;
UPDATE bench_area SET geom_gk = ST_Transform(geom, 4530);
CREATE INDEX ON bench_area USING gist (geom);
CREATE INDEX ON bench_project USING gist (geom);
ANALYZE;
""")


if __name__ == "__main__":
    main()
