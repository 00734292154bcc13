#!/usr/bin/env python3
"""Prints run.sh's results as Markdown tables: the figures, then the service/floor ratios.

Input: results.tsv, one row per measurement:
  name  clients  rate/s  mean_us  p50_us  p99_us  db_statements_per_request  db_exec_ms_per_request
Latency ratio = service latency / floor latency (1.0 = as fast as the raw SQL; the target is
<= 1.5). Throughput ratio = service requests/s / floor transactions/s (1.0 = as many).
usage: report.py results.tsv
"""
import sys

TARGET = 1.5
LABELS = {
    "floor-wkb": "floor: PostGIS page (WKB rows) + count",
    "floor-geojson": "PostGIS renders GeoJSON + count",
    "items": "service /items (GeoJSON)",
    "items-gzip": "service /items, Accept-Encoding: gzip",
    "feature": "service /ogc/collections/districts/items/220112",
    "identify": "service /api/identify?lon=125.33&lat=43.88",
}


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            name, clients, rate, mean, p50, p99, statements, exec_ms = line.rstrip("\n").split("\t")
            rows[(name, int(clients))] = {
                "rate": float(rate), "mean": float(mean) / 1000, "p50": float(p50) / 1000,
                "p99": float(p99) / 1000, "statements": statements, "exec_ms": exec_ms}
    return rows


def figures_table(rows, names):
    print("| clients | what | req or tx /s | mean ms | p50 ms | p99 ms | DB statements / req | DB exec ms / req |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for (name, clients), r in sorted(rows.items(), key=lambda kv: (kv[0][1], names.index(kv[0][0])
                                                                    if kv[0][0] in names else 99)):
        if name in names:
            print(f"| {clients} | {LABELS[name]} | {r['rate']:.1f} | {r['mean']:.2f} | {r['p50']:.2f} "
                  f"| {r['p99']:.2f} | {r['statements']} | {r['exec_ms']} |")


def ratios_table(rows):
    print("| clients | service vs | latency ratio p50 | mean | p99 | throughput ratio | p50 within 1.5x? |")
    print("|---:|---|---:|---:|---:|---:|---|")
    for clients in sorted({c for _, c in rows}):
        service = rows.get(("items", clients))
        for floor_name in ("floor-wkb", "floor-geojson"):
            floor = rows.get((floor_name, clients))
            if not service or not floor:
                continue
            p50 = service["p50"] / floor["p50"]
            verdict = "yes" if p50 <= TARGET else "**no**"
            print(f"| {clients} | {LABELS[floor_name]} | {p50:.2f} | {service['mean'] / floor['mean']:.2f} "
                  f"| {service['p99'] / floor['p99']:.2f} | {service['rate'] / floor['rate']:.2f} | {verdict} |")


def main():
    rows = load(sys.argv[1])
    print("### bbox page (limit=1000)\n")
    figures_table(rows, ["floor-wkb", "floor-geojson", "items", "items-gzip"])
    print("\n### ratios service / floor (latency: lower is better, 1.0 = raw SQL; throughput: higher is better)\n")
    ratios_table(rows)
    print("\n### for the record\n")
    figures_table(rows, ["feature", "identify"])


if __name__ == "__main__":
    main()
