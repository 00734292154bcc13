#!/usr/bin/env python3
"""Prints run.sh's results as Markdown tables: the figures, then the service/floor ratios.

Input: results.tsv, one row per measurement:
  name  clients  round  rate/s  mean_us  p50_us  p99_us  db_statements_per_request  db_exec_ms_per_request
  others_cpu_percent
Figures are medians over the rounds. Ratios are taken within each round (the service run and
the floor run next to it) and the median is shown with the lowest and highest round; rounds
in which other processes took more than QUIET % of the machine during either run are left
out of the ratios when at least one quiet round remains.
Latency ratio = service latency / floor latency (1.0 = as fast as the raw SQL; the target is
<= 1.5). Throughput ratio = service requests/s / floor transactions/s (1.0 = as many).
usage: report.py results.tsv
"""
import collections
import statistics
import sys

TARGET = 1.5
QUIET = 10  # % of the machine's CPU used by processes that are not part of the benchmark
LABELS = {
    "floor-wkb": "floor: PostGIS page (WKB rows) + count",
    "floor-geojson": "PostGIS renders GeoJSON + count",
    "items": "service /items (GeoJSON)",
    "items-gzip": "service /items, Accept-Encoding: gzip",
    "feature": "service /ogc/collections/districts/items/220112",
    "identify": "service /api/identify?lon=125.33&lat=43.88",
}
METRICS = ("rate", "mean", "p50", "p99", "statements", "exec_ms")


def load(path):
    """{(name, clients): {round: {metric: value}}}; latencies in ms."""
    runs = collections.defaultdict(dict)
    with open(path) as f:
        for line in f:
            name, clients, round_, rate, mean, p50, p99, statements, exec_ms, others = line.rstrip("\n").split("\t")
            runs[(name, int(clients))][int(round_)] = {
                "rate": float(rate), "mean": float(mean) / 1000, "p50": float(p50) / 1000,
                "p99": float(p99) / 1000, "statements": float(statements), "exec_ms": float(exec_ms),
                "others": float(others)}
    return runs


def median(rounds, metric):
    return statistics.median(r[metric] for r in rounds.values())


def figures_table(runs, names):
    print("| clients | what | req or tx /s | mean ms | p50 ms | p99 ms | DB statements / req | DB exec ms / req "
          "| other processes' CPU, worst round |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for clients in sorted({c for _, c in runs}):
        for name in names:
            rounds = runs.get((name, clients))
            if rounds:
                m = {metric: median(rounds, metric) for metric in METRICS}
                print(f"| {clients} | {LABELS[name]} | {m['rate']:.1f} | {m['mean']:.2f} | {m['p50']:.2f} "
                      f"| {m['p99']:.2f} | {m['statements']:.1f} | {m['exec_ms']:.2f} "
                      f"| {max(r['others'] for r in rounds.values()):.0f} % |")


def quiet_rounds(service, floor):
    """Rounds in which neither run shared the machine with much else; all rounds if none."""
    both = [r for r in service if r in floor]
    quiet = [r for r in both if service[r]["others"] <= QUIET and floor[r]["others"] <= QUIET]
    return quiet or both


def paired(service, floor, metric, rounds):
    """Median, lowest and highest of the per-round ratios service/floor."""
    ratios = sorted(service[r][metric] / floor[r][metric] for r in rounds)
    return statistics.median(ratios), ratios[0], ratios[-1]


def cell(ratio):
    mid, low, high = ratio
    return f"{mid:.2f} ({low:.2f}-{high:.2f})" if high - low >= 0.005 else f"{mid:.2f}"


def ratios_table(runs):
    print("| clients | service vs | latency ratio p50 | mean | p99 | throughput ratio | rounds used "
          "| target: p50 <= 1.5x floor |")
    print("|---:|---|---:|---:|---:|---:|---|---|")
    for clients in sorted({c for _, c in runs}):
        service = runs.get(("items", clients))
        for floor_name in ("floor-wkb", "floor-geojson"):
            floor = runs.get((floor_name, clients))
            if not service or not floor:
                continue
            rounds = quiet_rounds(service, floor)
            p50 = paired(service, floor, "p50", rounds)
            verdict = ("met" if p50[0] <= TARGET else "**not met**") if floor_name == "floor-wkb" else "(reference)"
            used = ", ".join(str(r) for r in sorted(rounds))
            print(f"| {clients} | {LABELS[floor_name]} | {cell(p50)} | {cell(paired(service, floor, 'mean', rounds))} "
                  f"| {cell(paired(service, floor, 'p99', rounds))} | {cell(paired(service, floor, 'rate', rounds))} "
                  f"| {used} | {verdict} |")


def main():
    runs = load(sys.argv[1])
    rounds = max(len(r) for r in runs.values())
    print(f"### bbox page (limit=1000), medians of {rounds} round(s)\n")
    figures_table(runs, ["floor-wkb", "floor-geojson", "items", "items-gzip"])
    print("\n### ratios service / floor: median of the rounds (lowest-highest round)\n")
    print("Latency: lower is better, 1.0 = as fast as the raw SQL. Throughput: higher is better. "
          f"Rounds in which other processes used more than {QUIET} % of the machine are left out.\n")
    ratios_table(runs)
    print("\n### for the record (one round)\n")
    figures_table(runs, ["feature", "identify"])


if __name__ == "__main__":
    main()
