#!/bin/bash
# HTTP load test of the packaged service on loopback (issue 15; figures in docs/benchmarks.md).
#   bench/http-load.sh                 build if needed, then measure start-to-ready, req/s, latency and RSS
# Environment: PORT (8106), DURATION per run (10s), CONNECTIONS ("1 16 64"), AUDIT ("on off"), JAR
#   (target/quarkus-app/quarkus-run.jar), JAVA_OPTS (the defaults of ./run), BODY (examples/cpi-next-day.json).
# Each configuration starts the service on a fresh data directory, waits for /q/health/ready, warms up, runs wrk,
# samples the service's RSS every 0.5 s during the run, and stops the service with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8106}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
AUDIT=${AUDIT:-"on off"}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
BODY=${BODY:-examples/cpi-next-day.json}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError}
command -v wrk > /dev/null || { echo "installing wrk"; apt-get install -y wrk > /dev/null; }
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/alvh-bench.XXXXXX)
PID=
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2> /dev/null; then kill -TERM "$PID"; wait "$PID" 2> /dev/null || true; fi; PID=; }
trap 'stop; rm -rf "$WORK"' EXIT

start() { # $1 = on|off
  rm -rf "$WORK/data"
  local t0; t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dalvh.data-dir="$WORK/data" \
    -Dalvh.audit.record-evaluations=$([ "$1" = on ] && echo true || echo false) -jar "$JAR" > "$WORK/service-$1.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
    kill -0 "$PID" 2> /dev/null || { echo "service died:"; tail -20 "$WORK/service-$1.log"; exit 1; }
    sleep 0.05
  done
  ALVH_AUTH=$(printf 'admin:%s' "$(tr -d '\n' < "$WORK/data/initial-admin-password")" | base64 -w0)
  export ALVH_AUTH
  printf 'audit %-3s start-to-ready %.2f s, RSS at ready %d MB\n' "$1" "$(echo "$(date +%s.%N) - $t0" | bc)" \
    $(( $(ps -o rss= -p "$PID") / 1024 ))
}

rss_peak() { # samples RSS of $PID while wrk runs; prints the peak in MB
  local peak=0 r
  while kill -0 "$1" 2> /dev/null; do
    r=$(ps -o rss= -p "$PID" 2> /dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r
    sleep 0.5
  done
  echo $(( peak / 1024 ))
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; body $BODY; $DURATION per run"
for audit in $AUDIT; do
  start "$audit"
  wrk -t2 -c16 -d3s -s bench/post-evaluation.lua "http://127.0.0.1:$PORT/api/v1/evaluations" -- "$BODY" > /dev/null
  for c in $CONNECTIONS; do
    t=$(( c < 2 ? 1 : 2 ))
    wrk -t"$t" -c"$c" -d"$DURATION" --latency -s bench/post-evaluation.lua \
      "http://127.0.0.1:$PORT/api/v1/evaluations" -- "$BODY" > "$WORK/wrk.out" &
    w=$!
    peak=$(rss_peak "$w")
    wait "$w"
    printf 'audit %-3s %3d conn: %s peakRSS=%dMB load=%s\n' "$audit" "$c" "$(grep RESULT "$WORK/wrk.out" | cut -d' ' -f2-)" \
      "$peak" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  stop
done
