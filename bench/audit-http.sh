#!/usr/bin/env bash
# Audit store benchmark against a packaged service on loopback (docs/benchmarks.md, "Audit store").
# usage: bench/audit-http.sh APP_DIR PORT DATA_DIR [WARMUP_SECONDS] [SECONDS] [extra java -D options...]
#   APP_DIR is a quarkus-app directory (target/quarkus-app of a build, or a copy of one kept as the baseline);
#   run from the project root (rules/, strategies/, examples/ and bench/ are read from there).
# The service starts with the heap settings of docs/operations.md on a fresh DATA_DIR, gets WARMUP_SECONDS (60) of
# load first (the JIT needs about a minute on a 2-core machine), then one measured wrk run of SECONDS (20) with 16
# connections posting examples/cpi-next-day.json. While the service still runs, the H2 file is measured (bytes per
# record on the live file, not after a compaction at shutdown) and both verify modes are timed.
# Pass -Dalvh.audit.record-evaluations=false for the unaudited figure.
set -euo pipefail
app=$1; port=$2; data=$3; warmup=${4:-60}; seconds=${5:-20}; shift $(( $# < 5 ? $# : 5 ))
body=examples/cpi-next-day.json
rm -rf "$data"; mkdir -p "$data"
nice -n 5 java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k \
  -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dalvh.data-dir="$data" "$@" \
  -jar "$app/quarkus-run.jar" > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 $pid 2> /dev/null || { echo "service died:"; tail -20 "$data/app.log"; exit 1; }
  sleep 0.2
done
ALVH_AUTH=$(printf 'admin:%s' "$(tr -d '\n' < "$data/initial-admin-password")" | base64 -w0)
export ALVH_AUTH
auth=(-H "Authorization: Basic $ALVH_AUTH")
url="http://127.0.0.1:$port"
echo "app $app; options: $*"
echo "load average before warm-up: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c16 -d"${warmup}s" -s bench/post-evaluation.lua "$url/api/v1/evaluations" -- "$body" | grep RESULT \
  | sed 's/^/warm-up: /'
echo "load average before run: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c16 -d"${seconds}s" --latency -s bench/post-evaluation.lua "$url/api/v1/evaluations" -- "$body" | grep RESULT
echo "load average after run: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() { # prints seconds taken by GET $1, then the answer's start
  local t0 t1 out
  t0=$(date +%s.%N); out=$(curl -s "${auth[@]}" "$url$1"); t1=$(date +%s.%N)
  printf '%.3f s: %s\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$out" | cut -c1-140)"
}
sleep 1
live=$(stat -c %s "$data/alvh.mv.db")
full=$(curl -s "${auth[@]}" "$url/api/v1/audit/verify")
records=$(echo "$full" | python3 -c 'import json,sys; print(json.load(sys.stdin)["records"])')
echo "records: $records; live H2 file: $live bytes; per record: $(( live / (records > 0 ? records : 1) )) bytes"
echo "verify full walk (2nd): $(timed /api/v1/audit/verify)"
echo "verify full walk (3rd): $(timed /api/v1/audit/verify)"
echo "verify from checkpoint: $(timed '/api/v1/audit/verify?from=checkpoint')"
echo "verify from checkpoint: $(timed '/api/v1/audit/verify?from=checkpoint')"
kill $pid; wait $pid 2>/dev/null || true
echo "after shutdown: H2 file $(stat -c %s "$data/alvh.mv.db") bytes"
