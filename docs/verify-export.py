#!/usr/bin/env python3
"""Re-checks an ALVH audit export (GET /api/v1/audit/export) without the service.

Usage: python3 docs/verify-export.py export.ndjson     (or read from stdin)
Exit status 0 when every line's hash matches and consecutive records link; 1 otherwise.
The rules are in docs/audit-chain.md.
"""
import hashlib
import json
import sys

GENESIS = "0" * 64


def canonical(fields):
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main(stream):
    previous = None  # (seq, hash) of the line before
    count = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        stored_hash = record.pop("hash")
        prev_hash = record.pop("prevHash")
        seq = record["seq"]
        if hashlib.sha256(canonical(record) + prev_hash.encode("ascii")).hexdigest() != stored_hash:
            print(f"line {number}: seq {seq} ({record['evaluationId']}): hash mismatch")
            return 1
        if seq == 1 and prev_hash != GENESIS:
            print(f"line {number}: seq 1 does not start from the genesis hash")
            return 1
        if previous is not None:
            if seq != previous[0] + 1 and "--range" not in sys.argv:
                print(f"line {number}: seq {seq} follows {previous[0]}: missing record (gap in sequence)")
                return 1
            if seq == previous[0] + 1 and prev_hash != previous[1]:
                print(f"line {number}: seq {seq}: broken link")
                return 1
        previous = (seq, stored_hash)
        count += 1
    print(f"ok: {count} records" + (f", last seq {previous[0]}, head hash {previous[1]}" if previous else ""))
    return 0


if __name__ == "__main__":
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    if paths:
        with open(paths[0], encoding="utf-8") as f:
            sys.exit(main(f))
    sys.exit(main(sys.stdin))
