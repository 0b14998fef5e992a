#!/bin/bash
# Latency of the doors that compile untrusted rules, against the packaged service on loopback (issue 10; figures in
# docs/benchmarks.md, "Sandbox and isolation"):
#   - validation of the shipped rule set (a candidate process per request: JVM start, compile, verify),
#   - candidate upload (the same plus the scenario gate),
#   - edit on disk -> new version serving (a change notice and a 100 ms quiet period, compile, verify, gate, in process).
# Environment: PORT (8107), RUNS (5), JAR (target/quarkus-app/quarkus-run.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8107}
RUNS=${RUNS:-5}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/alvh-sandbox-bench.XXXXXX)
cp -r rules "$WORK/rules"
PID=
trap '[ -n "$PID" ] && kill "$PID" 2> /dev/null; rm -rf "$WORK"' EXIT
java -Xmx256m -Dquarkus.http.port="$PORT" -Dalvh.data-dir="$WORK/data" -Dalvh.rules-dir="$WORK/rules" \
  -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
  kill -0 "$PID" 2> /dev/null || { tail -20 "$WORK/service.log"; exit 1; }
  sleep 0.2
done
AUTH="admin:$(tr -d '\n' < "$WORK/data/initial-admin-password")"
api() { curl -s -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
# the shipped rule files as one JSON body {"files": {...}}
python3 - "$WORK/rules" > "$WORK/files.json" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
print(json.dumps({"files": {p.name: p.read_text() for p in sorted(d.glob("*.drl"))}}))
PY
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %.2f s, min %.2f s, max %.2f s (n=%d)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf 'validate:      '
for _ in $(seq "$RUNS"); do
  api -o /dev/null -w '%{time_total}\n' -X POST --data @"$WORK/files.json" "http://127.0.0.1:$PORT/api/v1/rulesets/validate"
done | stats
printf 'candidate:     '
for i in $(seq "$RUNS"); do
  # a comment makes each upload a new version, so none is answered from the version store
  python3 -c "import json,sys; b=json.load(open(sys.argv[1])); b['files']['guards.drl'] += '\n// run $i $$\n'; print(json.dumps(b))" \
    "$WORK/files.json" > "$WORK/candidate.json"
  api -o /dev/null -w '%{time_total}\n' -X POST --data @"$WORK/candidate.json" "http://127.0.0.1:$PORT/api/v1/rulesets/candidates"
done | stats
printf 'edit -> live:  '
for i in $(seq "$RUNS"); do
  before=$(api "http://127.0.0.1:$PORT/api/v1/rulesets/active" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
  t0=$(date +%s.%N)
  printf '\n// edit %s\n' "$i" >> "$WORK/rules/guards.drl"
  while [ "$(api "http://127.0.0.1:$PORT/api/v1/rulesets/active" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')" = "$before" ]; do
    sleep 0.02
  done
  echo "$(date +%s.%N) - $t0" | bc
done | stats
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
