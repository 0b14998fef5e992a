#!/usr/bin/env python3
"""Seeds a running ALVH with N recorded evaluations for the console benchmark (docs/benchmarks.md, "Console").

Usage: src/test/bench/seed-evaluations.py http://127.0.0.1:8108 100000 [threads]
Credentials for HTTP Basic come from the environment: ALVH_AUTH=user:password (e.g. admin and the first-start
password in <data-dir>/initial-admin-password). Posts the three examples/ requests in turn with asOf spread over the 60 days before each example's asOf and
the VIX nudged, so searches, day counts and rule filters see a realistic mix. Only ever point it at 127.0.0.1.
"""
import base64
import json
import os
import sys
import threading
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

base, total = sys.argv[1], int(sys.argv[2])
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 8
examples = [json.loads(p.read_text()) for p in sorted(Path(__file__).resolve().parents[3].joinpath("examples").glob("*.json"))]
HEADERS = {"Content-Type": "application/json"}
if os.environ.get("ALVH_AUTH"):
    HEADERS["Authorization"] = "Basic " + base64.b64encode(os.environ["ALVH_AUTH"].encode()).decode()
lock = threading.Lock()
counter = {"next": 0, "ok": 0, "failed": 0}


def request(i):
    body = json.loads(json.dumps(examples[i % len(examples)]))
    as_of = datetime.fromisoformat(body["asOf"].replace("Z", "+00:00"))
    # spread over the 60 days before the example and over the hours of a day, never after it
    as_of -= timedelta(days=(i // len(examples)) % 60, minutes=(i * 7) % 600)
    body["asOf"] = as_of.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    body["market"]["vix"] = round(body["market"]["vix"] * (0.9 + (i % 21) / 100), 2)
    return json.dumps(body).encode()


def worker():
    while True:
        with lock:
            i = counter["next"]
            if i >= total:
                return
            counter["next"] += 1
        req = urllib.request.Request(base + "/api/v1/evaluations", data=request(i),
                                     headers=HEADERS)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                r.read()
            ok = True
        except Exception as e:  # keep seeding; report the count at the end
            ok = False
            if counter["failed"] < 3:
                print("failed:", e, getattr(e, "read", lambda: b"")()[:300], file=sys.stderr)
        with lock:
            counter["ok" if ok else "failed"] += 1
            done = counter["ok"] + counter["failed"]
            if done % 5000 == 0:
                print(done, "sent", counter["failed"], "failed", flush=True)


pool = [threading.Thread(target=worker) for _ in range(threads)]
for t in pool:
    t.start()
for t in pool:
    t.join()
print("seeded", counter["ok"], "failed", counter["failed"])
