#!/usr/bin/env python3
"""Load and fault harness: two replicas of the service on one throwaway PostGIS cluster, then

  1. load     wrk, 64 connections, a mix of tiles, items, coverage, identify and cities on
              replica A; the heap and RSS are sampled every 5 s (they must stay flat) and every
              answer must be 2xx/3xx;
  2. outage   PostgreSQL is stopped for 20 s under load: how long until health says DOWN, what
              requests get meanwhile (503, never 500), that none hangs beyond the connection
              timeout, how long until both replicas are UP again after PostgreSQL restarts, and
              whether replica B still hears of A's writes (NOTIFY);
  3. kill -9  replica A is killed while it imports 1,000,000 points over a 100,000-point layer:
              the layer must still be the previous version on both replicas, the job must be
              marked failed, and the unfinished version must be removed;
  4. races    the 1,000,000-point import runs to the end while project edits go to replica B and
              readers poll B (they must see the old or the new layer, nothing in between); then
              two imports into one layer at once on one replica (queued: both succeed), and on
              two replicas (one wins, the other fails with a message; nothing half-written).

Prints every figure and a summary; exits non-zero when a check fails.

usage: bench/reliability/run.sh [--load-seconds 60] [--points 1000000]
"""
import argparse
import base64
import json
import math
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
ADMIN, ADMIN_PASSWORD = "admin", "reliability-admin-" + secrets.token_hex(8)
EDITOR, EDITOR_PASSWORD = "editor", "reliability-editor-" + secrets.token_hex(8)
ABANDONED_AFTER = "90s"
CONNECTION_TIMEOUT_S = 10  # spring.datasource.hikari.connection-timeout, the default

failures = []
figures = {}


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def check(condition, what):
    log(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=60):
    """(status, headers, body bytes); network errors are status 0."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
    except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError):
        return 0, {}, b""


def get_json(url):
    status, _, body = http("GET", url)
    if status != 200:
        raise RuntimeError(f"GET {url}: {status} {body[:300]!r}")
    return json.loads(body)


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def wait_until(what, condition, timeout, interval=0.25):
    """Seconds it took, or None after timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return round(time.monotonic() - started, 2)
        time.sleep(interval)
    log(f"gave up waiting for {what} after {timeout} s")
    return None


class Cluster:
    """A throwaway PostgreSQL + PostGIS cluster, run by the postgres user when we are root."""

    def __init__(self, folder):
        self.folder = folder
        self.bin = subprocess.run(["bash", "-c", f"source {ROOT}/scripts/lib/pg-cluster.sh && pg_cluster_bin"],
                                  check=True, capture_output=True, text=True).stdout.strip()
        self.port = free_port()
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def init(self):
        os.makedirs(self.folder, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(self.as_owner + [f"{self.bin}/initdb", "-D", f"{self.folder}/data", "-U", "postgres",
                                        "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                       check=True, capture_output=True)
        self.start()
        self.psql("postgres", "CREATE DATABASE plan")
        self.psql("plan", "CREATE EXTENSION postgis")

    def start(self):
        subprocess.run(self.as_owner + [
            f"{self.bin}/pg_ctl", "-D", f"{self.folder}/data", "-l", f"{self.folder}/log", "-w", "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            " -c max_connections=100", "start"], check=True, capture_output=True)

    def stop(self, mode="fast"):
        subprocess.run(self.as_owner + [f"{self.bin}/pg_ctl", "-D", f"{self.folder}/data", "-m", mode, "-w",
                                        "stop"], capture_output=True)

    def psql(self, database, sql):
        return subprocess.run([f"{self.bin}/psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                               str(self.port), "-U", "postgres", "-d", database, "-c", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    @property
    def url(self):
        return f"jdbc:postgresql://127.0.0.1:{self.port}/plan"


class Replica:
    """One service process (-Xmx512m) on the shared database."""

    def __init__(self, name, jar, cluster, work):
        self.name, self.jar, self.cluster, self.work = name, jar, cluster, work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_file = os.path.join(work, f"service-{name}.log")

    def start(self):
        log_handle = open(self.log_file, "a")
        self.process = subprocess.Popen([
            "java", "-Xmx512m", "-jar", self.jar,
            f"--server.port={self.port}", "--server.address=127.0.0.1",
            f"--spring.datasource.url={self.cluster.url}", "--spring.datasource.username=postgres",
            # the cluster trusts local connections; the password only satisfies the start-up guard
            f"--spring.datasource.password={secrets.token_hex(16)}",
            f"--plan.security.bootstrap-admin.name={ADMIN}",
            f"--plan.security.bootstrap-admin.password={ADMIN_PASSWORD}",
            f"--plan.store.abandoned-after={ABANDONED_AFTER}",
            f"--plan.imports.work-dir={self.work}/imports-{self.name}",
            "--logging.level.org.changchun.layout.store.jdbc=DEBUG"],
            stdout=log_handle, stderr=subprocess.STDOUT, cwd=self.work)
        seconds = wait_until(f"replica {self.name} up", lambda: self.health() == 200, 240, 0.5)
        if seconds is None:
            raise RuntimeError(f"replica {self.name} did not start; see {self.log_file}")
        return seconds

    def health(self):
        return http("GET", self.base + "/actuator/health", timeout=15)[0]

    def kill9(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def heap_mb(self):
        status, _, body = http("GET", self.base + "/actuator/prometheus", timeout=10)
        if status != 200:
            return None
        used = sum(float(m.group(1)) for m in re.finditer(
            r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} (\S+)$', body.decode(), re.MULTILINE))
        return round(used / 2**20, 1)

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
        return None

    def layer(self, layer_id):
        status, _, body = http("GET", f"{self.base}/api/layers/{layer_id}", timeout=10)
        return json.loads(body) if status == 200 else None

    def matched(self, layer_id):
        status, _, body = http("GET", f"{self.base}/ogc/collections/{layer_id}/items?limit=1", timeout=30)
        return json.loads(body)["numberMatched"] if status == 200 else f"HTTP {status}"

    def upload(self, path, layer):
        out = subprocess.run(["curl", "-s", "-u", f"{EDITOR}:{EDITOR_PASSWORD}", "-F", f"file=@{path}",
                              "-F", f"layer={layer}", "-F", "title_zh=可靠性测试点", "-F", "title_en=Reliability points",
                              f"{self.base}/api/imports"], check=True, capture_output=True, text=True).stdout
        job = json.loads(out)
        if "id" not in job:
            raise RuntimeError(f"upload refused: {out[:500]}")
        return job["id"]

    def job(self, job_id):
        return get_json(f"{self.base}/api/imports/{job_id}")

    def wait_job(self, job_id, timeout=1800):
        ended = {}

        def done():
            ended.update(self.job(job_id))
            return ended["state"] in ("SUCCEEDED", "FAILED")
        wait_until(f"job {job_id}", done, timeout, 1)
        return ended


class Sampler(threading.Thread):
    """Calls probe() every interval seconds until stopped, keeping the answers."""

    def __init__(self, probe, interval):
        super().__init__(daemon=True)
        self.probe, self.interval, self.samples, self.running = probe, interval, [], True

    def run(self):
        while self.running:
            started = time.monotonic()
            try:
                self.samples.append((round(time.monotonic(), 2), self.probe()))
            except Exception as e:  # a probe failing is itself a sample
                self.samples.append((round(time.monotonic(), 2), f"error {e}"))
            time.sleep(max(0.0, self.interval - (time.monotonic() - started)))

    def stop(self):
        self.running = False
        self.join(30)
        return self.samples


def build(work):
    if os.environ.get("PLAN_JAR"):
        return os.environ["PLAN_JAR"]
    log("building the service")
    src = os.path.join(work, "src")
    os.makedirs(src)
    subprocess.run(f"tar --exclude=./target --exclude=./data --exclude=./.git --exclude=./bench -cf - . "
                   f"| tar -xf - -C {src}", shell=True, check=True, cwd=ROOT)
    subprocess.run(["./mvnw", "-q", "-B", "-ntp", "package", "-DskipTests"], check=True, cwd=src)
    return next(os.path.join(src, "target", f) for f in os.listdir(os.path.join(src, "target"))
                if f.startswith("changchun-layout-") and f.endswith(".jar"))


def shapefile_zip(work, name, points):
    """points generated around Changchun, as a GBK CGCS2000 Gauss-Kruger shapefile in a zip."""
    folder = os.path.join(work, name)
    os.makedirs(folder)
    subprocess.run([sys.executable, f"{ROOT}/bench/imports/generate.py", str(points), "0", folder], check=True)
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-s_srs", "EPSG:4326",
                    "-t_srs", "EPSG:4530", "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO",
                    f"{folder}/{name}.shp", f"{folder}/points.csv"], check=True)
    subprocess.run(f"zip -q {name}.zip {name}.shp {name}.shx {name}.dbf {name}.prj {name}.cpg", shell=True,
                   check=True, cwd=folder)
    return f"{folder}/{name}.zip"


def load_paths(path, rng):
    """A mix of what the map page and API clients ask, spread over the municipality."""
    zones = ["changchun-new-area", "jingkai", "gaoxin", "qikai", "jingyue", "sino-korea-zone", "beihu"]
    lines = []
    for _ in range(4000):
        kind = rng.random()
        if kind < 0.45:
            z = rng.randint(8, 14)
            lon, lat = rng.gauss(125.32, 0.25), rng.gauss(43.88, 0.2)

            n = 2 ** z
            x = int((lon + 180) / 360 * n)
            y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
            layer = rng.choice(["", "collections/districts/", "collections/projects/", "collections/bench-points/"])
            lines.append(f"/ogc/{layer}tiles/WebMercatorQuad/{z}/{y}/{x}")
        elif kind < 0.75:
            lon, lat, size = rng.gauss(125.32, 0.2), rng.gauss(43.88, 0.15), rng.uniform(0.01, 0.1)
            layer = rng.choice(["bench-points", "projects", "districts"])
            lines.append(f"/ogc/collections/{layer}/items?limit=100&bbox={lon:.4f},{lat:.4f},"
                         f"{lon + size:.4f},{lat + size:.4f}")
        elif kind < 0.85:
            lines.append(f"/api/coverage/projects?layer=dev-zones&feature={rng.choice(zones)}")
        elif kind < 0.95:
            lines.append(f"/api/identify?lon={rng.gauss(125.32, 0.2):.5f}&lat={rng.gauss(43.88, 0.15):.5f}")
        else:
            lines.append(rng.choice(["/api/cities", "/api/districts", "/api/layers", "/ogc/collections"]))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def single_request_latency(replica, paths_file):
    """One client, each kind of request of the mix in turn: what the load is made of."""
    by_kind = {}
    with open(paths_file) as f:
        for path in f.read().split():
            kind = re.sub(r"/\d+/\d+/\d+$", "", path.split("?")[0])
            kind = re.sub(r"/(8|9|1[0-4])$", "", kind)
            by_kind.setdefault(kind, []).append(path)
    latency = {}
    for kind, paths in sorted(by_kind.items()):
        times = []
        for path in paths[:8]:
            started = time.monotonic()
            http("GET", replica.base + path)
            times.append((time.monotonic() - started) * 1000)
        times.sort()
        latency[kind] = round(times[len(times) // 2], 1)
    figures["single_request_median_ms"] = latency
    log(f"   one client, median ms per kind: {latency}")


def wrk(base, paths, connections, seconds):
    """Runs wrk with mix.lua; (statuses by code, RESULT figures)."""
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
                          "-s", f"{HERE}/mix.lua", base, "--", paths], capture_output=True, text=True).stdout
    status_line = next(l for l in out.splitlines() if l.startswith("STATUS"))
    statuses = {int(k): int(v) for k, v in re.findall(r"(\d+)=(\d+)", status_line)}
    result = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)",
                                                 next(l for l in out.splitlines() if l.startswith("RESULT")))}
    return statuses, result


def phase_load(a, work, seconds):
    log(f"1. load: wrk 64 connections for {seconds} s on replica A")
    paths = os.path.join(work, "paths.txt")
    load_paths(paths, random.Random(7))
    single_request_latency(a, paths)
    memory = Sampler(lambda: (a.heap_mb(), a.rss_mb()), 5)
    memory.start()
    statuses, result = wrk(a.base, paths, 64, seconds)
    samples = memory.stop()
    heap = [s[1][0] for s in samples if isinstance(s[1], tuple) and s[1][0] is not None]
    rss = [s[1][1] for s in samples if isinstance(s[1], tuple) and s[1][1] is not None]
    third = max(1, len(rss) // 3)
    errors = sum(count for status, count in statuses.items() if status >= 400)
    figures["load"] = {
        "requests": int(result["requests"]), "rps": result["rps"], "statuses": statuses,
        "p50_ms": result["p50_us"] / 1000, "p99_ms": result["p99_us"] / 1000, "max_ms": result["max_us"] / 1000,
        "socket_errors": int(result["socket_errors"]), "timeouts": int(result["timeouts"]),
        "heap_used_mb_min_max": (min(heap), max(heap)), "rss_mb_first_third_max": max(rss[:third]),
        "rss_mb_last_third_max": max(rss[-third:]), "memory_samples": len(samples)}
    log(f"   {figures['load']}")
    check(errors == 0, f"every answer under load is 2xx/3xx ({statuses})")
    check(result["socket_errors"] == 0 and result["timeouts"] == 0, "no connection errors or timeouts under load")
    check(max(heap) < 512, "the heap stays within -Xmx512m")
    check(max(rss[-third:]) <= max(rss[:third]) * 1.25,
          "RSS is flat: the last third of the run peaks within 25 % of the first third")


def phase_outage(cluster, a, b, work, connection_timeout_s):
    log("2. outage: PostgreSQL stops for 20 s under load (wrk, 16 connections) on both replicas")
    paths = os.path.join(work, "paths.txt")
    load = {}
    loader = threading.Thread(target=lambda: load.update(zip(("statuses", "result"), wrk(a.base, paths, 16, 60))))
    loader.start()
    time.sleep(10)
    stopped = time.monotonic()
    cluster.stop("fast")
    down = wait_until("health DOWN", lambda: a.health() == 503, 60)
    asked = time.monotonic()
    status, headers, body = http("GET", f"{a.base}/ogc/collections/bench-points/items?limit=5&bbox=125.30,43.85,"
                                        "125.31,43.86")
    waited = round(time.monotonic() - asked, 2)
    time.sleep(max(0.0, 20 - (time.monotonic() - stopped)))
    away = round(time.monotonic() - stopped, 1)
    cluster.start()
    restarted = time.monotonic()
    up_a = wait_until("A UP", lambda: a.health() == 200, 120)
    up_b = wait_until("B UP", lambda: b.health() == 200, 120)
    loader.join()
    statuses, result = load["statuses"], load["result"]
    figures["outage"] = {"health_down_after_s": down, "database_away_s": away,
                         "uncached_request": {"status": status, "answered_after_s": waited,
                                              "retry_after": headers.get("Retry-After")},
                         "a_up_after_restart_s": up_a, "b_up_after_restart_s": up_b,
                         "load_statuses": statuses, "load_max_latency_s": round(result["max_us"] / 1e6, 2),
                         "load_socket_errors": int(result["socket_errors"]), "load_timeouts": int(result["timeouts"])}
    check(down is not None, "health reports DOWN while the database is away")
    check(status == 503 and headers.get("Retry-After"), f"a request needing the database gets 503 with Retry-After "
                                                         f"(got {status})")
    check("数据库暂时不可用" in body.decode(errors="replace"), "the 503 says what is wrong, in Chinese and English")
    check(up_a is not None and up_b is not None, "both replicas are UP again without a restart")
    check(500 not in statuses, f"no 500 under load during the outage ({statuses})")
    check(result["max_us"] / 1e6 <= connection_timeout_s + 5 and result["timeouts"] == 0,
          f"no request hangs: the slowest took {result['max_us'] / 1e6:.1f} s "
          f"(connection timeout {connection_timeout_s} s)")
    check(statuses.get(200, 0) > 0, "requests succeed before and after the outage")

    # does B still hear of A's writes, or did its change feed die with the connection?
    project = get_json(f"{a.base}/ogc/collections/projects/items?limit=1")["features"][0]["id"]
    tile = "/ogc/collections/projects/tiles/WebMercatorQuad/0/0/0"
    before = http("GET", b.base + tile)[1].get("ETag")
    patch = json.dumps({"properties": {"note": f"reliability {time.time()}"}}).encode()
    status = http("PATCH", f"{a.base}/ogc/collections/projects/items/{project}", patch,
                  {"Content-Type": "application/merge-patch+json", **basic(EDITOR, EDITOR_PASSWORD)})[0]
    check(status in (200, 204), f"an edit on A after the outage succeeds (HTTP {status})")
    seen = wait_until("B sees A's edit", lambda: http("GET", b.base + tile)[1].get("ETag") != before, 60, 0.1)
    figures["outage"]["b_sees_a_edit_after_s"] = seen
    check(seen is not None and seen < 5, f"B hears of A's edit at once after the outage ({seen} s; NOTIFY, "
                                         "not the 30 s catalog refresh)")
    log(f"   {figures['outage']}")


def readers(replica, layer):
    return Sampler(lambda: replica.matched(layer), 0.3)


def phase_kill(cluster, a, b, big_zip, small_count):
    log("3. kill -9: replica A dies while importing the big file")
    before = a.layer("bench-points")
    reading = readers(b, "bench-points")
    reading.start()
    job_id = a.upload(big_zip, "bench-points")
    progress = {}

    def third_done():
        progress.update(a.job(job_id))
        return progress.get("percent", 0) >= 30
    wait_until("the import a third done", third_done, 600, 0.2)
    building = cluster.psql("plan", "SELECT count(*) FROM layer_version WHERE state = 'BUILDING'")
    a.kill9()
    killed = time.monotonic()
    log(f"   killed A at {progress.get('percent')} % ({progress.get('features_per_second')} features/s), "
        f"{building} version being written")
    time.sleep(2)
    on_b = b.layer("bench-points")
    restart = a.start()
    after = a.layer("bench-points")
    failed_after = wait_until("the job marked FAILED", lambda: a.job(job_id)["state"] == "FAILED", 180, 1)
    job = a.job(job_id)
    observed = sorted(set(map(str, (s[1] for s in reading.stop()))))
    figures["kill"] = {"killed_at_percent": progress.get("percent"), "restart_s": restart,
                       "job_failed_after_kill_s": round(time.monotonic() - killed, 1) if failed_after is not None
                       else None, "job_error": job.get("error", {}).get("message_en") if isinstance(
                           job.get("error"), dict) else job.get("error"),
                       "counts_seen_by_readers_on_b": observed}
    check(on_b["version"] == before["version"] and on_b["feature_count"] == small_count,
          "while A is dead, B serves the previous version")
    check(after["version"] == before["version"] and after["feature_count"] == small_count,
          "after the restart, the layer is the previous version, whole")
    check(failed_after is not None, "the killed job is marked FAILED")
    check(observed == [str(small_count)], f"readers saw only the previous layer ({observed})")
    gone = wait_until("the unfinished version removed",
                      lambda: cluster.psql("plan", "SELECT count(*) FROM layer_version WHERE state = 'BUILDING'") == "0",
                      600, 2)
    figures["kill"]["unfinished_version_removed_after_kill_s"] = round(time.monotonic() - killed, 1) if gone else None
    tables = int(cluster.psql("plan", "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'lv\\_%'"))
    versions = int(cluster.psql("plan", "SELECT count(*) FROM layer_version"))
    figures["kill"]["layer_tables_vs_versions"] = (tables, versions)
    check(gone is not None, f"the unfinished version is removed (abandoned-after {ABANDONED_AFTER})")
    check(tables == versions, f"no orphaned layer table ({tables} tables for {versions} versions)")
    log(f"   {figures['kill']}")


def phase_races(cluster, a, b, big_zip, small_zip, big_count, small_count):
    log("4. races: the big import to the end with edits and readers on B; two imports at once")
    reading = readers(b, "bench-points")
    reading.start()
    started = time.monotonic()
    job_id = a.upload(big_zip, "bench-points")
    projects = [f["id"] for f in get_json(f"{b.base}/ogc/collections/projects/items?limit=20")["features"]]
    edits = []
    while a.job(job_id)["state"] not in ("SUCCEEDED", "FAILED"):
        project = random.choice(projects)
        patch = json.dumps({"properties": {"note": f"edited during an import {time.time()}"}}).encode()
        edits.append(http("PATCH", f"{b.base}/ogc/collections/projects/items/{project}", patch,
                          {"Content-Type": "application/merge-patch+json", **basic(EDITOR, EDITOR_PASSWORD)})[0])
        time.sleep(0.5)
    job = a.job(job_id)
    seconds = round(time.monotonic() - started, 1)
    time.sleep(1)
    observed = sorted(set(map(str, (s[1] for s in reading.stop()))))
    figures["races"] = {"big_import_s": seconds, "big_import_state": job["state"],
                        "features_per_second": job.get("features_per_second"),
                        "edit_statuses": sorted(set(edits)), "edits": len(edits),
                        "counts_seen_by_readers_on_b": observed}
    check(job["state"] == "SUCCEEDED", "the big import succeeds while B takes edits")
    check(set(edits) <= {200, 204}, f"every edit during the import succeeds ({len(edits)} edits)")
    check(set(observed) <= {str(small_count), str(big_count)},
          f"readers saw the old or the new layer, nothing in between ({observed})")

    # one replica, two imports of one layer at once: the job queue takes them in turn
    first, second = a.upload(small_zip, "race-one"), a.upload(small_zip, "race-one")
    ends = [a.wait_job(first)["state"], a.wait_job(second)["state"]]
    layer = a.layer("race-one")
    figures["races"]["same_replica_states"] = ends
    check(ends == ["SUCCEEDED", "SUCCEEDED"], "two imports on one replica run in turn and both succeed")
    check(layer["feature_count"] == small_count, "the layer holds one import, whole")

    # two replicas, one layer: the later writer finds the layer changed under it
    jobs = [(a, a.upload(small_zip, "race-two")), (b, b.upload(small_zip, "race-two"))]
    ends = [replica.wait_job(job_id) for replica, job_id in jobs]
    states = [e["state"] for e in ends]
    messages = [e.get("error", {}).get("message_en") if isinstance(e.get("error"), dict) else e.get("error")
                for e in ends]
    layer = b.layer("race-two")
    building = cluster.psql("plan", "SELECT count(*) FROM layer_version WHERE state = 'BUILDING'")
    figures["races"]["two_replica_states"] = states
    figures["races"]["two_replica_messages"] = [m for m in messages if m]
    check("SUCCEEDED" in states, "at least one of two imports on two replicas succeeds")
    check(all(s == "SUCCEEDED" or m for s, m in zip(states, messages)), "an import that loses says why")
    check(layer["feature_count"] == small_count and building == "0", "the layer is whole; nothing half-written")
    log(f"   {figures['races']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--base-points", type=int, default=100_000)
    args = parser.parse_args()
    for tool in ("wrk", "ogr2ogr", "zip", "curl", "java"):
        if not shutil.which(tool):
            sys.exit(f"needs {tool} (apt-get install wrk gdal-bin zip curl)")
    work = tempfile.mkdtemp(prefix="bench-reliability-")
    os.chmod(work, 0o755)
    cluster = Cluster(os.path.join(work, "pg"))
    replicas = []
    try:
        jar = build(work)
        log(f"generating {args.base_points} and {args.points} points")
        small_zip = shapefile_zip(work, "base", args.base_points)
        big_zip = shapefile_zip(work, "big", args.points)
        cluster.init()
        a, b = Replica("a", jar, cluster, work), Replica("b", jar, cluster, work)
        replicas += [a, b]
        log(f"replica A up in {a.start()} s (plan loaded); replica B up in {b.start()} s")
        account = json.dumps({"username": EDITOR, "password": EDITOR_PASSWORD, "roles": ["EDITOR"]}).encode()
        status = http("PUT", f"{a.base}/api/admin/accounts/{EDITOR}", account,
                      {"Content-Type": "application/json", **basic(ADMIN, ADMIN_PASSWORD)})[0]
        if status != 200:
            raise RuntimeError(f"could not create the editor account: HTTP {status}")
        base = a.wait_job(a.upload(small_zip, "bench-points"))
        if base["state"] != "SUCCEEDED":
            raise RuntimeError(f"the base import failed: {base}")
        log(f"base layer: {args.base_points} points imported")

        phase_load(a, work, args.load_seconds)
        phase_outage(cluster, a, b, work, CONNECTION_TIMEOUT_S)
        phase_kill(cluster, a, b, big_zip, args.base_points)
        phase_races(cluster, a, b, big_zip, small_zip, args.points, args.base_points)
    finally:
        for replica in replicas:
            replica.stop()
        cluster.stop("immediate")
        if failures or os.environ.get("KEEP"):
            log(f"kept {work} (service logs, PostgreSQL log)")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\nSUMMARY")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"\n{len(failures)} failed checks" + ("".join(f"\n  - {f}" for f in failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
