#!/usr/bin/env python3
"""Prints run.sh's figures as Markdown: one table per store and size, the parcels, then the cost
curve (size -> import, memory, tiles, items, identify, coverage) with the issue's targets.

Input: results.tsv, one figure per line: store  size  metric  value  (run.sh's result function).
usage: report.py results.tsv"""
import collections
import sys

BANDS = ["z5-z9", "z10-z12", "z13-z14", "all"]
TILE_P99_MS, TILE_RATIO, ITEMS_RATIO, ANSWER_MS, IMPORT_GROWTH, PEER_RATIO = 250, 0.8, 1.5, 1000, 1.1, 1.0
STORES = {"postgis": "PostGIS", "embedded": "embedded H2GIS"}


def load(path):
    figures = collections.OrderedDict()
    with open(path) as f:
        for line in f:
            store, size, metric, value = line.rstrip("\n").split("\t", 3)
            figures.setdefault((store, size), {})[metric] = value
    return figures


def num(row, metric):
    try:
        return float(row[metric])
    except (KeyError, ValueError):
        return None


def counts(row, prefix):
    """The connection or client counts measured for metric PREFIX<count>, e.g. tiles_per_s_all_c -> [2, 16]."""
    return sorted({int(m[len(prefix):]) for m in row if m.startswith(prefix) and m[len(prefix):].isdigit()})


def verdict(ok):
    return "-" if ok is None else ("met" if ok else "**not met**")


def fmt(value, pattern="{:,.0f}"):
    return "-" if value is None else pattern.format(value)


def import_rows(row, kind, count):
    seconds, peer = num(row, f"{kind}_import_s"), num(row, f"{kind}_peer_s")
    if f"{kind}_import_failed" in row:
        print(f"| import through the API | **failed** (see the service log) | | |")
        return
    print(f"| import through the API | {fmt(seconds, '{:.1f}')} s, {fmt(num(row, f'{kind}_features_per_s'))} features/s | | |")
    print(f"| JVM peak RSS; OutOfMemoryError | {fmt(num(row, f'{kind}_peak_rss_mb'))} MB; {row.get(f'{kind}_oom', '-')} "
          f"| no OOM | {verdict(row.get(f'{kind}_oom') == 'no' if f'{kind}_oom' in row else None)} |")
    heap_rows(row, kind, "the import")
    if peer:
        ratio = peer / seconds
        print(f"| shp2pgsql -D \\| psql + CREATE INDEX gist | {peer:.1f} s, {count / peer:,.0f} features/s | | |")
        print(f"| service / peer (features/s) | {ratio:.2f} | >= {PEER_RATIO:g} | {verdict(ratio >= PEER_RATIO)} |")


def heap_rows(row, phase, title):
    """The heap as the GC log saw it during a phase: in use before a collection, still in use after
    one (near -Xmx: close to an OutOfMemoryError), full collections (G1 compacts when it ran out)."""
    if f"{phase}_heap_after_gc_mb" not in row:
        return
    full = num(row, f"{phase}_full_gcs")
    print(f"| heap during {title}: most in use / most still in use after a GC / full GCs "
          f"| {fmt(num(row, f'{phase}_peak_heap_mb'))} / {fmt(num(row, f'{phase}_heap_after_gc_mb'))} MB / {fmt(full)} "
          f"| no full GC | {verdict(None if full is None else full == 0)} |")


def tile_rows(row, store):
    for c in counts(row, "tiles_per_s_all_c"):
        for band in BANDS:
            rate, p99 = num(row, f"tiles_per_s_{band}_c{c}"), num(row, f"tiles_p99_ms_{band}_c{c}")
            floor_rate, floor_p99 = num(row, f"floor_tiles_per_s_{band}_c{c}"), num(row, f"floor_p99_ms_{band}_c{c}")
            others = row.get(f"others_cpu_{band}_c{c}", "?")
            print(f"| tiles {band}, {c} conn.: tiles/s, p99 (others' CPU {others} %) | {fmt(rate, '{:,.1f}')}/s, "
                  f"p99 {fmt(p99, '{:.0f}')} ms | p99 <= {TILE_P99_MS} ms | {verdict(None if p99 is None else p99 <= TILE_P99_MS)} |")
            if store == "postgis" and floor_rate:
                ratio = rate / floor_rate
                print(f"| &nbsp;&nbsp;floor (ST_AsMVT by pgbench) {band}, {c} cl.; service / floor | "
                      f"{floor_rate:,.1f}/s, p99 {fmt(floor_p99, '{:.0f}')} ms; **{ratio:.2f}x** | >= {TILE_RATIO:g}x "
                      f"| {verdict(ratio >= TILE_RATIO)} |")


def items_rows(row, store):
    warmed = num(row, "items_warm_up_s")
    if warmed:
        print(f"| items warm-up: load until the JIT compilers settle | {warmed:.0f} s | | |")
    for c in counts(row, "items_p50_ms_c"):
        p50, p99, floor = num(row, f"items_p50_ms_c{c}"), num(row, f"items_p99_ms_c{c}"), num(row, f"items_floor_p50_ms_c{c}")
        if store == "postgis" and floor:
            ratio = p50 / floor
            print(f"| items bbox limit=1000, {c} client(s): p50 (p99); raw page + count SQL p50; ratio | "
                  f"{p50:.1f} ({fmt(p99, '{:.0f}')}) ms; {floor:.1f} ms; **{ratio:.2f}x** | <= {ITEMS_RATIO:g}x | {verdict(ratio <= ITEMS_RATIO)} |")
        else:
            print(f"| items bbox limit=1000, {c} client(s): p50 (p99) | {fmt(p50, '{:.1f}')} ({fmt(p99, '{:.0f}')}) ms | | |")


def question_rows(row):
    for kind, title in (("identify", "identify (/api/identify, every layer)"),
                        ("coverage", "coverage (/api/coverage/projects, layer within each district)"),
                        ("statistics", "statistics of the whole layer (/api/statistics/projects, each grouping)")):
        p50, p99 = num(row, f"{kind}_p50_ms"), num(row, f"{kind}_p99_ms")
        if p50 is None:
            continue
        print(f"| {title}: p50 / p99, statuses | {p50:.0f} / {p99:.0f} ms, {row.get(f'{kind}_statuses')} "
              f"| < {ANSWER_MS} ms | {verdict(p99 < ANSWER_MS)} |")


def size_table(store, size, row):
    count = int(size)
    print(f"### {STORES[store]}, {count:,} points\n")
    print("| measure | figure | target | met? |")
    print("|---|---|---|---|")
    import_rows(row, "points", count)
    for key, title in (("tiles_first_pass", "every tile once (tiles, 200s, 204s, bytes, s)"),
                       ("tile_bytes", "tile size: median / largest (bytes)"),
                       ("floor_check", "floor statement vs service tiles")):
        if key in row:
            print(f"| {title} | {row[key]} | | |")
    tile_rows(row, store)
    heap_rows(row, "tiles", "the tile measurements")
    items_rows(row, store)
    question_rows(row)
    print()


def cost_curve(figures):
    print("### cost curve\n")
    print("| store | features | import s | features/s | peak RSS MB | heap after GC MB (import, tiles) | tile p99 ms (all zooms) "
          "| tiles / floor (all zooms) | items / SQL (p50) | identify p50/p99 ms | coverage p50/p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---|---|---|---|---|")
    for (store, size), row in figures.items():
        if size == "parcels":
            continue
        conns = counts(row, "tiles_per_s_all_c")
        p99 = ", ".join(f"{fmt(num(row, f'tiles_p99_ms_all_c{c}'), '{:.0f}')} ({c} c.)" for c in conns)
        ratio = ", ".join(f"{num(row, f'tiles_per_s_all_c{c}') / num(row, f'floor_tiles_per_s_all_c{c}'):.2f}x ({c} c.)"
                          for c in conns if num(row, f"floor_tiles_per_s_all_c{c}"))
        clients = counts(row, "items_floor_p50_ms_c")
        items = ", ".join(f"{num(row, f'items_p50_ms_c{c}') / num(row, f'items_floor_p50_ms_c{c}'):.2f}x ({c} cl.)"
                          for c in clients)
        print(f"| {STORES[store]} | {int(size):,} | {fmt(num(row, 'points_import_s'), '{:.1f}')} "
              f"| {fmt(num(row, 'points_features_per_s'))} | {fmt(num(row, 'points_peak_rss_mb'))} "
              f"| {fmt(num(row, 'points_heap_after_gc_mb'))}, {fmt(num(row, 'tiles_heap_after_gc_mb'))} | {p99 or '-'} | {ratio or '-'} | {items or '-'} "
              f"| {fmt(num(row, 'identify_p50_ms'))}/{fmt(num(row, 'identify_p99_ms'))} "
              f"| {fmt(num(row, 'coverage_p50_ms'))}/{fmt(num(row, 'coverage_p99_ms'))} |")
    print()
    for store in STORES:
        sizes = sorted((int(size), row) for (s, size), row in figures.items()
                       if s == store and size != "parcels" and num(row, "points_import_s"))
        for (small, base), (big, row) in zip(sizes[:1] * len(sizes), sizes[1:]):
            growth = num(row, "points_import_s") / num(base, "points_import_s")
            limit = IMPORT_GROWTH * big / small
            print(f"- {STORES[store]}: import({big:,}) / import({small:,}) = **{growth:.2f}x** for {big / small:g}x the "
                  f"features (target <= {limit:g}x: {verdict(growth <= limit)})")
    print()


def main():
    figures = load(sys.argv[1])
    for (store, size), row in figures.items():
        if size != "parcels":
            size_table(store, size, row)
    parcels = figures.get(("postgis", "parcels"))
    if parcels:
        print("### PostGIS, parcels (polygons)\n")
        print("| measure | figure | target | met? |")
        print("|---|---|---|---|")
        import_rows(parcels, "parcels", int(num(parcels, "parcels_count") or 0))
        print()
    cost_curve(figures)


if __name__ == "__main__":
    main()
