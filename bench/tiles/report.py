#!/usr/bin/env python3
"""Prints run.sh's results as Markdown: figures per layer and peer, then the target ratios.

Input: results.tsv, one row per measurement:
  layer  peer  connections  round  tiles_per_s  mean_us  p50_us  p99_us  others_cpu_pct  note
where peer is one of floor (pgbench), jdbc (the floor's statements from a Java client), cold, warm
(the service's port, its front door, without / with its tile cache), cold-api (Tomcat behind the door, cache off), mapserver and nginx (static files), and note is free
text (DB statements per tile, cache hits). Figures are medians over the rounds. A ratio is taken within each round (two runs next to each
other in time, so drift hits both alike); the table gives the median over the rounds and the
lowest-highest round. Rounds in which other processes took more than QUIET % of the machine
during either run are left out of a ratio when at least one quiet round remains, and the table
says which rounds were used.
usage: report.py results.tsv
"""
import collections
import os
import re
import statistics
import sys

QUIET = 10  # % of the machine's CPU used by processes that are not part of the benchmark
PEERS = {
    "floor": "PostGIS ST_AsMVT straight (pgbench)",
    "jdbc": "same statement via pgjdbc, no HTTP (Java client)",
    "cold": "service, cache off (its port: the front door)",
    "cold-api": "service, cache off, Tomcat alone (behind the door)",
    "mapserver": "MapServer 8, FastCGI",
    "warm": "service, cache warm (its port)",
    "nginx": "nginx, the service's tiles as static files",
}
SHORT = {"floor": "raw PostGIS", "jdbc": "pgjdbc client", "cold": "service cold", "cold-api": "Tomcat alone cold",
         "warm": "service warm",
         "mapserver": "MapServer", "nginx": "nginx static"}
# (numerator, denominator, target or None for a reference ratio)
RATIOS = [
    ("cold", "floor", 0.8),
    ("jdbc", "floor", None),
    ("cold", "jdbc", None),
    ("cold-api", "floor", None),
    ("cold", "mapserver", 2.0),
    ("warm", "mapserver", None),
    ("warm", "nginx", 0.5),
]
LAYER_TITLES = {"all": "all plan layers (/ogc/tiles/...)"}


def load(path):
    """{(layer, peer, connections): {round: row}}, latencies in ms, in the order first seen."""
    runs = collections.OrderedDict()
    with open(path) as f:
        for line in f:
            layer, peer, conns, round_, rate, mean, p50, p99, others, note = line.rstrip("\n").split("\t")
            runs.setdefault((layer, peer, int(conns)), {})[int(round_)] = {
                "rate": float(rate), "mean": float(mean) / 1000, "p50": float(p50) / 1000,
                "p99": float(p99) / 1000, "others": float(others), "note": note}
    return runs


def median(rounds, metric):
    return statistics.median(r[metric] for r in rounds.values())


def figures(runs, layer):
    print("| connections | peer | tiles/s | p50 ms | p99 ms | mean ms | other processes' CPU (worst round) | notes (round 1) |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for conns in sorted({c for (l, _, c) in runs if l == layer}):
        for peer, title in PEERS.items():
            rounds = runs.get((layer, peer, conns))
            if not rounds:
                continue
            first = rounds[min(rounds)]
            print(f"| {conns} | {title} | {median(rounds, 'rate'):,.0f} | {median(rounds, 'p50'):.2f} "
                  f"| {median(rounds, 'p99'):.2f} | {median(rounds, 'mean'):.2f} "
                  f"| {max(r['others'] for r in rounds.values()):.0f} % | {first['note']} |")


def ratio(runs, layer, conns, top, bottom):
    """(median, low, high, rounds used, all quiet?) of the per-round throughput ratios, or None."""
    a, b = runs.get((layer, top, conns)), runs.get((layer, bottom, conns))
    if not a or not b:
        return None
    both = sorted(r for r in a if r in b)
    quiet = [r for r in both if a[r]["others"] <= QUIET and b[r]["others"] <= QUIET]
    used = quiet or both
    values = sorted(a[r]["rate"] / b[r]["rate"] for r in used)
    return statistics.median(values), values[0], values[-1], used, bool(quiet)


def ratios(runs, layer):
    print("| connections | ratio of tiles/s | median (lowest-highest round) | rounds used | target | met? |")
    print("|---:|---|---:|---|---:|---|")
    for conns in sorted({c for (l, _, c) in runs if l == layer}):
        for top, bottom, target in RATIOS:
            found = ratio(runs, layer, conns, top, bottom)
            if not found:
                continue
            mid, low, high, used, quiet = found
            verdict = "(reference)" if target is None else ("met" if mid >= target else
                                                           f"**not met** ({mid / target:.0%} of the target)")
            rounds = ", ".join(map(str, used)) + ("" if quiet else " (none quiet)")
            print(f"| {conns} | {SHORT[top]} / {SHORT[bottom]} | {mid:.2f} ({low:.2f}-{high:.2f}) | {rounds} "
                  f"| {'-' if target is None else f'>= {target:g}'} | {verdict} |")


CPU_NOTE = re.compile(r"CPU ms/tile: service ([0-9.]+), PostgreSQL ([0-9.]+), nginx\+MapServer ([0-9.]+), "
                      r"clients ([0-9.]+)")


def cpu_per_tile(rounds):
    """Median over the rounds of the machine's CPU per tile (ms), every process of the run summed."""
    totals = [sum(map(float, m.groups())) for m in (CPU_NOTE.search(r["note"]) for r in rounds.values()) if m]
    return statistics.median(totals) if totals else None


def cpu_budget(runs, layer):
    """What the CPU alone allows: the rate each of floor and cold would reach with every core busy, so
    a cold/raw ratio below the target can be read as CPU spent (no fix but spending less) or idle time."""
    cores = os.cpu_count()
    for conns in sorted({c for (l, _, c) in runs if l == layer}):
        floor, cold = runs.get((layer, "floor", conns)), runs.get((layer, "cold", conns))
        if not floor or not cold:
            continue
        spent = {name: cpu_per_tile(rounds) for name, rounds in (("floor", floor), ("cold", cold))}
        if not all(spent.values()):
            continue
        parts = []
        for name, rounds in (("floor", floor), ("cold", cold)):
            rate = median(rounds, "rate")
            parts.append(f"{SHORT[name]} {spent[name]:.2f} ms of CPU per tile, at most {1000 * cores / spent[name]:,.0f} "
                         f"tiles/s on {cores} cores (measured {rate:,.0f}, the CPU {rate * spent[name] / (10 * cores):.0f} % busy)")
        print(f"- CPU budget at {conns} connections: " + "; ".join(parts)
              + f"; with every core busy, cold/raw could reach {spent['floor'] / spent['cold']:.2f}.")


def main():
    runs = load(sys.argv[1])
    layers = list(dict.fromkeys(layer for layer, _, _ in runs))
    count = max(len(r) for r in runs.values())
    for layer in layers:
        print(f"### {LAYER_TITLES.get(layer, 'layer ' + layer)}: medians of {count} round(s)\n")
        figures(runs, layer)
        print()
        ratios(runs, layer)
        print()
        cpu_budget(runs, layer)
        print()
    noisy = sorted({(l, p, c, r) for (l, p, c), rounds in runs.items() for r, row in rounds.items()
                    if row["others"] > QUIET})
    if noisy:
        print(f"Not quiet: in {len(noisy)} of {sum(len(r) for r in runs.values())} measurements other "
              f"processes used more than {QUIET} % of the machine (see the CPU column); ratios use the "
              "quiet rounds where there are any.")
    else:
        print(f"Every measurement ran on a quiet machine (others under {QUIET} % of the CPU).")


if __name__ == "__main__":
    main()
