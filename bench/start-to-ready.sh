#!/usr/bin/env bash
# Time from launching the packaged service to GET /q/health/ready = 200, over several restarts on one data directory.
#   bench/start-to-ready.sh [app-dir] [port] [data-dir] [rounds] [name=extra-jvm-options ...]
#   bench/start-to-ready.sh target/quarkus-app 8210 /tmp/start-data 5
#   bench/start-to-ready.sh target/quarkus-app 8210 /tmp/start-data 5 'off=-Xshare:off' 'jdk=-Xshare:auto'
# JVM options: ALVH_JAVA_OPTS as in ./run (its defaults when unset), plus each variant's own options. With several
# variants every round starts each of them once, one after the other, so they share the machine's state; on a busy
# machine compare them within a round. A data directory that does not exist yet makes the first start a first start
# (rules generated and cached, first admin created).
# Each start: launch, poll readiness every 20 ms, then note launch -> ready, the CPU time the JVM had used by then
# (user + system, all threads), Quarkus' "started in" and the service's "Rules and profiles loaded in" from its log,
# and the load average before the launch; then SIGTERM and wait for the process to end.
set -euo pipefail
app=${1:-target/quarkus-app}
port=${2:-8210}
data=${3:-/tmp/start-data}
rounds=${4:-5}
shift $(( $# < 4 ? $# : 4 ))
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=("default=")
: "${ALVH_JAVA_OPTS:=-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=45000 -XX:Tier4BackEdgeThreshold=120000 -Dfile.encoding=UTF-8}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tick=$(getconf CLK_TCK)

cpu_ms() { # user + system time of a process so far, in ms
    awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

start_once() { # round, name, options
    local load t0 pid ready="" cpu="?" started rules
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    java $ALVH_JAVA_OPTS $3 -Dalvh.data-dir="$data" -Dquarkus.http.port="$port" \
        -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 3000); do   # at most about 60 s
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" 2>/dev/null)" = 200 ]; then
            ready=$(( ($(date +%s%N) - t0) / 1000000 ))
            cpu=$(cpu_ms "$pid")
            break
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.02
    done
    started=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1 || true)
    rules=$(grep -o 'Rules and profiles loaded in [0-9]* ms' "$log" | grep -o '[0-9]\+' | head -1 || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${ready:-FAILED}" "$cpu" "${started:-?}" "${rules:-?}" "$load"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -z "$ready" ]; then
        tail -n 30 "$log" >&2
    fi
}

printf 'round\tvariant\tready_ms\tcpu_ms\tstarted_in_s\trules_ms\tloadavg\n'
for r in $(seq 1 "$rounds"); do
    for v in "${variants[@]}"; do
        start_once "$r" "${v%%=*}" "${v#*=}"
    done
done
