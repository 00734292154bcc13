"""Imports one zip through a running service's API, as GIS staff would, and prints the seconds from
the upload's first byte to the job's end (upload, planning, import, indexes and links included).

usage: http_import.py BASE_URL USER PASSWORD ZIP LAYER"""
import json
import subprocess
import sys
import time
import urllib.request


def main():
    base, user, password, path, layer = sys.argv[1:6]
    started = time.monotonic()
    answer = subprocess.run(["curl", "-s", "-u", f"{user}:{password}", "-F", f"file=@{path}", "-F", f"layer={layer}",
                             "-F", "title_zh=基准测试", "-F", "title_en=Benchmark", f"{base}/api/imports"],
                            check=True, capture_output=True, text=True).stdout
    job = json.loads(answer)
    if "id" not in job:
        sys.exit(f"the service refused the upload: {answer[:500]}")
    while job["state"] not in ("SUCCEEDED", "FAILED"):
        time.sleep(0.05)
        with urllib.request.urlopen(f"{base}/api/imports/{job['id']}") as response:
            job = json.load(response)
    seconds = time.monotonic() - started
    if job["state"] != "SUCCEEDED":
        sys.exit(f"the import failed: {json.dumps(job, ensure_ascii=False)[:1000]}")
    print(f"{seconds:.2f}")


if __name__ == "__main__":
    main()
