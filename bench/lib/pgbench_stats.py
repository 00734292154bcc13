#!/usr/bin/env python3
"""Latency figures from pgbench per-transaction logs (pgbench -l --log-prefix=PREFIX).

pgbench prints only the mean latency; p50/p99 come from its logs, one file per thread
(PREFIX.<pid>, PREFIX.<pid>.1, ...), whose third column is the transaction's latency in µs.

Given CLIENTS and SECONDS, the latencies are corrected for coordinated omission exactly as wrk
corrects its own (wrk.c, stats_correct): with `interval` the mean time between one client's
transactions (SECONDS / (transactions / CLIENTS)), every latency of at least twice the interval
adds the samples a constant-rate client would have waited for meanwhile (latency - interval,
latency - 2 x interval, ... while above the interval). The peers asked by wrk and the floor asked
by pgbench are then compared like with like; without them, the figures are as measured.
Prints: count mean_us p50_us p99_us   (count: transactions run; nearest-rank percentiles, as wrk
reports them)
usage: pgbench_stats.py PREFIX [CLIENTS SECONDS]
"""
import glob
import sys


def percentile(ordered, p):
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100), at least 1
    return ordered[int(rank) - 1]


def corrected(latencies, interval):
    """The latencies with wrk's coordinated-omission samples added."""
    added = []
    if interval > 0:
        for latency in latencies:
            waited = latency - interval
            while latency >= 2 * interval and waited > interval:
                added.append(waited)
                waited -= interval
    return latencies + added


def main():
    prefix = sys.argv[1]
    latencies = []
    for name in glob.glob(prefix + ".*"):
        with open(name) as log:
            latencies.extend(int(line.split()[2]) for line in log if line.strip())
    if not latencies:
        sys.exit(f"no pgbench log lines under {prefix}.*")
    count = len(latencies)
    if len(sys.argv) == 4:
        clients, seconds = int(sys.argv[2]), float(sys.argv[3])
        latencies = corrected(latencies, int(seconds * 1e6 / max(1, len(latencies) // clients)))
    latencies.sort()
    mean = sum(latencies) / len(latencies)
    print(count, f"{mean:.1f}", percentile(latencies, 50), percentile(latencies, 99))


if __name__ == "__main__":
    main()
