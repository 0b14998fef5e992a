#!/bin/bash
# HTTP load test of the packaged service on loopback (issue 15; figures in docs/benchmarks.md).
#   bench/http-load.sh                 build if needed, then measure start-to-ready, req/s, latency and RSS
# Environment: PORT (8106), DURATION per run (10s), CONNECTIONS ("1 16 64"), AUDIT ("on off"), JAR
#   (target/quarkus-app/quarkus-run.jar), JAVA_OPTS (the defaults of ./run), BODY (examples/cpi-next-day.json),
#   WARMUP (60s: on a 2-core machine the JIT needs about a minute of load before the figures stop rising),
#   WARMUP_CONNECTIONS (16), STORE (h2, or pg: the audit on the local PostgreSQL at 127.0.0.1:5432 in a database
#   alvh_bench that each configuration drops and creates again; prints its size per record at the end).
# Each configuration starts the service on a fresh data directory, waits for /q/health/ready, warms up, runs wrk, samples the service's RSS every 0.5 s during the run, and stops the
# service with SIGTERM. Besides req/s and latency it prints the CPU the service used per answered request (user +
# system, from /proc/<pid>/stat), which says more than req/s when other processes share the cores, and the load
# average at the start and end of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8106}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-60s}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-16}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
AUDIT=${AUDIT:-"on off"}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
BODY=${BODY:-examples/cpi-next-day.json}
STORE=${STORE:-h2}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=45000 -XX:Tier4BackEdgeThreshold=120000}
command -v wrk > /dev/null || { echo "installing wrk"; apt-get install -y wrk > /dev/null; }
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/alvh-bench.XXXXXX)
PID=
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2> /dev/null; then kill -TERM "$PID"; wait "$PID" 2> /dev/null || true; fi; PID=; }
trap 'stop; rm -rf "$WORK"' EXIT

start() { # $1 = on|off
  rm -rf "$WORK/data"
  local store_opts=""
  if [ "$STORE" = pg ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS alvh_bench' -c 'CREATE DATABASE alvh_bench'
    store_opts="-Dquarkus.profile=prod,pg -Dquarkus.datasource.postgresql.jdbc.url=jdbc:postgresql://127.0.0.1:5432/alvh_bench"
  fi
  local t0; t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS $store_opts -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dalvh.data-dir="$WORK/data" \
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

cpu_ticks() { # user + system clock ticks the service has used so far
  awk '{print $14 + $15}' "/proc/$PID/stat"
}

seconds() { # wrk duration (10s, 2m, 1h) in seconds
  case "$1" in *m) echo $(( ${1%m} * 60 ));; *h) echo $(( ${1%h} * 3600 ));; *) echo "${1%s}";; esac
}

rss_peak() { # samples RSS of $PID while wrk runs; prints the peak in MB
  local peak=0 r
  while kill -0 "$1" 2> /dev/null; do
    r=$(ps -o rss= -p "$PID" 2> /dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r
    sleep 0.5
  done
  echo $(( peak / 1024 ))
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; body $BODY; warm-up $WARMUP," \
  "then $DURATION per run; $(getconf CLK_TCK) clock ticks/s"
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
for audit in $AUDIT; do
  start "$audit"
  wrk -t$(( WARMUP_CONNECTIONS < 2 ? 1 : 2 )) -c"$WARMUP_CONNECTIONS" -d"$WARMUP" -s bench/post-evaluation.lua \
    "http://127.0.0.1:$PORT/api/v1/evaluations" -- "$BODY" > /dev/null
  for c in $CONNECTIONS; do
    t=$(( c < 2 ? 1 : 2 ))
    load0=$(cut -d' ' -f1 /proc/loadavg)
    ticks0=$(cpu_ticks)
    wrk -t"$t" -c"$c" -d"$DURATION" --latency -s bench/post-evaluation.lua \
      "http://127.0.0.1:$PORT/api/v1/evaluations" -- "$BODY" > "$WORK/wrk.out" &
    w=$!
    peak=$(rss_peak "$w")
    wait "$w"
    ticks=$(( $(cpu_ticks) - ticks0 ))
    result=$(grep RESULT "$WORK/wrk.out" | cut -d' ' -f2-)
    rate=$(sed 's/.*req\/s=\([0-9]*\).*/\1/' <<< "$result")
    answered=$(( rate * $(seconds "$DURATION") ))
    printf 'audit %-3s %3d conn: %s cpu/req=%dus peakRSS=%dMB load=%s..%s\n' "$audit" "$c" "$result" \
      $(( answered > 0 ? ticks * TICK_US / answered : 0 )) "$peak" "$load0" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  if [ "$STORE" = pg ] && [ "$audit" = on ]; then
    psql -qtA -h 127.0.0.1 -U postgres -d alvh_bench -c "SELECT 'PostgreSQL: ' || count(*) || ' records, '
      || (SELECT sum(pg_total_relation_size(t)) FROM unnest(ARRAY['evaluation','evaluation_rule','evaluation_action'])
      AS t) / greatest(count(*), 1) || ' bytes per record (tables, indexes, TOAST)' FROM evaluation"
  fi
  stop
done
