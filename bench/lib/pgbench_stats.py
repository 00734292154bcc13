#!/usr/bin/env python3
"""Latency figures from pgbench per-transaction logs (pgbench -l --log-prefix=PREFIX).

pgbench prints only the mean latency; p50/p99 come from its logs, one file per thread
(PREFIX.<pid>, PREFIX.<pid>.1, ...), whose third column is the transaction's latency in µs.
Prints: count mean_us p50_us p99_us   (nearest-rank percentiles, as wrk reports them)
usage: pgbench_stats.py PREFIX
"""
import glob
import sys


def percentile(ordered, p):
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100), at least 1
    return ordered[int(rank) - 1]


def main():
    prefix = sys.argv[1]
    latencies = []
    for name in glob.glob(prefix + ".*"):
        with open(name) as log:
            latencies.extend(int(line.split()[2]) for line in log if line.strip())
    if not latencies:
        sys.exit(f"no pgbench log lines under {prefix}.*")
    latencies.sort()
    mean = sum(latencies) / len(latencies)
    print(len(latencies), f"{mean:.1f}", percentile(latencies, 50), percentile(latencies, 99))


if __name__ == "__main__":
    main()
