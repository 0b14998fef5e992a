#!/usr/bin/env bash
# Console page render times against a running service (seeded with src/test/bench/seed-evaluations.py and
# com.alvh.audit.SeedChain): per page, 3 warm-up requests then N timed ones; prints median, p95 and max in ms.
# Usage: src/test/bench/console-pages.sh http://127.0.0.1:8108 [N] [curl auth options, e.g. -u user:password]
set -euo pipefail
base=$1; n=${2:-20}; shift $(( $# >= 2 ? 2 : 1 )); auth=("$@")
id=$(curl -s "${auth[@]}" "$base/api/v1/evaluations?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["evaluationId"])')
version=$(curl -s "${auth[@]}" "$base/api/v1/rulesets/active" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
pages=(
  "/console/evaluations"
  "/console/evaluations?from=2024-08-01&to=2024-08-13"
  "/console/evaluations?action=ADD_LAYER&profile=balanced&offset=5000"
  "/console/evaluations?rule=Add%20a%20tranche%20ahead%20of%20a%20macro%20event&dryRun=false"
  "/console/evaluations/$id"
  "/console/rulesets"
  "/console/rulesets/$version"
  "/console/profiles"
  "/console/candidates"
  "/console/backtests"
  "/console/audit"
  "/api/v1/evaluations?from=2024-08-01&to=2024-08-13"
)
printf '%-80s %8s %8s %8s\n' page median p95 max
for page in "${pages[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null "${auth[@]}" "$base$page"; done
  times=$(for _ in $(seq "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$base$page"; done | sort -n)
  python3 - "$page" $times <<'PY'
import sys
page, t = sys.argv[1], sorted(float(x) * 1000 for x in sys.argv[2:])
print(f"{page[:80]:<80} {t[len(t)//2]:8.1f} {t[min(len(t)-1, int(len(t)*0.95))]:8.1f} {t[-1]:8.1f}")
PY
done
