#!/usr/bin/env python3
"""Where the service's Java CPU time goes during a benchmark run, from a JFR recording.

Reads `jfr print --events jdk.ExecutionSample,jdk.GarbageCollection --stack-depth 96` on stdin.
Only the request threads count: Tomcat's (http-nio-*) and the front door's (HttpCore's HTTP-worker-*). Each sample goes to the first bucket of
the chosen set whose marker appears anywhere in its stack, so e.g. a String built by
CoordinateFormat counts as "geometry -> GeoJSON", and the Deflater under Jackson's flush as "gzip".
Samples are taken only while a thread runs Java code, so time spent waiting on PostgreSQL or
in the kernel is not in here: this is the service's own CPU cost.
usage: jfr print ... | jfr_profile.py items|tiles
"""
import collections
import sys

BUCKETS = {  # (label, markers: class-name prefixes), per benchmark
    "items": [
        ("socket reads/writes (JDK, in Java)", ("sun.nio.ch.", "java.net.Socket", "sun.security.ssl.")),
        ("gzip", ("java.util.zip.", "org.apache.coyote.http11.filters.GzipOutputFilter",
                  "org.changchun.layout.frontdoor.FastGzip")),
        ("catalog lookups (CatalogTables)", ("org.changchun.layout.store.jdbc.CatalogTables",)),
        ("WKB -> JTS geometry (WKBReader)", ("org.locationtech.jts.io.WKBReader",)),
        ("geometry -> GeoJSON text (GeoJsonGeometryWriter, CoordinateFormat)",
         ("org.changchun.layout.geo.GeoJsonGeometryWriter", "org.changchun.layout.geo.CoordinateFormat")),
        ("PostgreSQL JDBC driver (protocol, decoding row values)", ("org.postgresql.",)),
        ("row mapping (FeatureTables, FieldValues)", ("org.changchun.layout.store.jdbc.",)),
        ("Jackson: properties, links, envelope", ("tools.jackson.", "com.fasterxml.jackson.")),
        ("everything else (the front door or Tomcat, Spring MVC and security, request parsing)", ("",)),
    ],
    "tiles": [
        ("catalog lookups (CatalogTables)", ("org.changchun.layout.store.jdbc.CatalogTables",)),
        ("the MVT statement (JdbcNativeTiles: JdbcTemplate, Hikari, PostgreSQL driver)",
         ("org.changchun.layout.store.jdbc.JdbcNativeTiles",)),
        ("entity tag (TileService.etag: versions digested once per set, plus the address)",
         ("org.changchun.layout.tiles.TileService.etag",)),
        ("tile cache (Caffeine)", ("com.github.benmanes.caffeine.",)),
        ("socket reads/writes (JDK, in Java)", ("sun.nio.ch.", "java.net.Socket")),
        ("Spring Security filter chain", ("org.springframework.security.",)),
        ("metrics (Micrometer observation of requests)", ("io.micrometer.",)),
        ("everything else (Tomcat, Spring MVC, response writing)", ("",)),
    ],
}
UNITS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in BUCKETS:
        sys.exit(f"usage: jfr print ... | jfr_profile.py {'|'.join(BUCKETS)}")
    chosen = BUCKETS[sys.argv[1]]
    buckets = collections.Counter()
    leaves = collections.Counter()
    gc_count, gc_pause_ms = 0, 0.0
    event, thread, frames, in_stack = None, "", [], False
    for raw in sys.stdin:
        line = raw.strip()
        if line.endswith("{") and line.startswith("jdk."):
            event, thread, frames, in_stack = line.split()[0], "", [], False
        elif line.startswith("sampledThread ="):
            thread = line.split('"')[1] if '"' in line else ""
        elif line == "stackTrace = [":
            in_stack = True
        elif in_stack and line == "]":
            in_stack = False
        elif in_stack and line and line != "...":
            frames.append(line.split("(")[0])
        elif line.startswith("sumOfPauses =") and event == "jdk.GarbageCollection":
            value, unit = line.split("=")[1].split()
            gc_count += 1
            gc_pause_ms += float(value) * UNITS[unit]
        elif line == "}" and event == "jdk.ExecutionSample":
            if thread.startswith(("http-nio", "HTTP-worker")) and frames:
                leaves[frames[0]] += 1
                for label, markers in chosen:
                    if any(frame.startswith(m) for frame in frames for m in markers):
                        buckets[label] += 1
                        break
            event = None
    total = sum(buckets.values())
    if total == 0:
        sys.exit("no execution samples from request threads")
    print(f"Java CPU samples on request threads: {total}; GC: {gc_count} collections, "
          f"{gc_pause_ms:.0f} ms of pauses in all\n")
    print("| where | share of samples |")
    print("|---|---:|")
    for label, _ in chosen:
        if buckets[label]:
            print(f"| {label} | {100 * buckets[label] / total:.0f} % |")
    print("\nhottest methods (self):\n")
    for method, count in leaves.most_common(8):
        short = ".".join(method.split(".")[-2:])  # Class.method
        print(f"- {100 * count / total:4.1f} %  {short}")


if __name__ == "__main__":
    main()
