#!/usr/bin/env bash
# Audit store benchmark against the packaged service on loopback (docs/benchmarks.md, "Audit store").
# usage: bench/audit-http.sh PROJECT_DIR PORT DATA_DIR [SECONDS] [extra -D options...]
#   PROJECT_DIR holds target/quarkus-app (built with ./mvnw -o -DskipTests package), rules/, strategies/, examples/
# Prints: wrk's figures (16 connections), records, H2 file bytes per record, full verify time, incremental time.
set -euo pipefail
project=$1; port=$2; data=$3; seconds=${4:-20}; shift $(( $# < 4 ? $# : 4 ))
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$data"; mkdir -p "$data"
cd "$project"
java -Xmx512m -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dalvh.data-dir="$data" "$@" \
  -jar target/quarkus-app/quarkus-run.jar > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1 && break
  sleep 0.5
done
ALVH_AUTH=$(printf 'admin:%s' "$(tr -d '\n' < "$data/initial-admin-password")" | base64 -w0)
export ALVH_AUTH
auth=(-H "Authorization: Basic $ALVH_AUTH")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c16 -d5s -s "$here/audit-post.lua" "http://127.0.0.1:$port" > /dev/null   # warm-up
wrk -t2 -c16 -d"${seconds}s" --latency -s "$here/audit-post.lua" "http://127.0.0.1:$port"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
full_start=$(date +%s.%N)
full=$(curl -s "${auth[@]}" "http://127.0.0.1:$port/api/v1/audit/verify")
full_end=$(date +%s.%N)
full2_start=$(date +%s.%N)
curl -s "${auth[@]}" "http://127.0.0.1:$port/api/v1/audit/verify" > /dev/null
full2_end=$(date +%s.%N)
inc_start=$(date +%s.%N)
inc=$(curl -s "${auth[@]}" "http://127.0.0.1:$port/api/v1/audit/verify?from=checkpoint")
inc_end=$(date +%s.%N)
records=$(echo "$full" | python3 -c 'import json,sys; print(json.load(sys.stdin)["records"])')
kill $pid; wait $pid 2>/dev/null || true
bytes=$(stat -c %s "$data/alvh.mv.db")
echo "verify (full): $(echo "$full" | cut -c1-160)"
echo "verify full walk: $(echo "$full_end - $full_start" | bc) s, again: $(echo "$full2_end - $full2_start" | bc) s"
echo "verify from checkpoint: $(echo "$inc_end - $inc_start" | bc) s: $(echo "$inc" | cut -c1-200)"
echo "records: $records; H2 file: $bytes bytes; per record: $(( bytes / (records > 0 ? records : 1) )) bytes"
