#!/usr/bin/env python3
"""Re-checks an ALVH audit export (GET /api/v1/audit/export) without the service.

Usage: python3 docs/verify-export.py [--range] [--checkpoints audit-checkpoints.jsonl --public-key KEY]
       [--dictionaries DIR] export.ndjson     (or read the export from stdin)
--dictionaries: where the payload-dictionary-*.txt files are (default: this repository's
src/main/resources/com/alvh/audit; the same bytes are in the audit database's payload_dictionary table).
Exit status 0 when every line's hash matches, consecutive records link and (with --checkpoints) every
checkpoint the export covers names the hash the export has at that seq; 1 otherwise.
Checkpoint signatures are checked when the 'cryptography' package is installed and --public-key is given
(the base64 "publicKey" of GET /api/v1/audit/checkpoints/public-key). The rules are in docs/audit-chain.md.
"""
import base64
import hashlib
import json
import sys
import zlib

GENESIS = "0" * 64


def canonical(fields):
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record_hash(record, prev_hash):
    """Format 2 (has "payload"): header ‖ payload bytes ‖ prevHash. Format 1: canonical fields ‖ prevHash."""
    if "payload" in record:
        payload = base64.b64decode(record.pop("payload"))
        texts(payload)  # must inflate into the three texts
        return hashlib.sha256(canonical(record) + payload + prev_hash.encode("ascii")).hexdigest()
    return hashlib.sha256(canonical(record) + prev_hash.encode("ascii")).hexdigest()


DICTIONARIES = {}  # Adler-32 -> bytes of the preset zlib dictionaries payloads name (docs/audit-chain.md)


def load_dictionaries(directory):
    """Every payload-dictionary-*.txt the service ever shipped (its sources, or the payload_dictionary table)."""
    import glob
    import os
    for path in glob.glob(os.path.join(directory, "payload-dictionary-*.txt")):
        with open(path, "rb") as f:
            content = f.read()
        DICTIONARIES[zlib.adler32(content)] = content


def texts(payload):
    """The request, answer and trace JSON texts of a format-2 payload."""
    if len(payload) > 6 and payload[1] & 0x20:  # FDICT: the zlib header names a preset dictionary
        dict_id = int.from_bytes(payload[2:6], "big")
        if dict_id not in DICTIONARIES:
            raise ValueError(f"payload needs dictionary {dict_id:08x}; pass --dictionaries")
        inflater = zlib.decompressobj(zdict=DICTIONARIES[dict_id])
        plain = inflater.decompress(payload) + inflater.flush()
    else:
        plain = zlib.decompress(payload)
    out, at = [], 0
    for _ in range(3):
        n = int.from_bytes(plain[at:at + 4], "big")
        out.append(plain[at + 4:at + 4 + n].decode("utf-8"))
        at += 4 + n
    return out


def load_checkpoints(path, public_key):
    verifier = None
    if public_key:
        try:
            from cryptography.hazmat.primitives.serialization import load_der_public_key
            verifier = load_der_public_key(base64.b64decode(public_key))
        except ImportError:
            print("note: 'cryptography' not installed, checkpoint signatures NOT checked")
    checkpoints = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            c = json.loads(line)
            signed = canonical({k: c[k] for k in ("records", "headSeq", "headHash", "time")})
            if verifier is not None:
                try:
                    verifier.verify(base64.b64decode(c["signature"]), signed)
                except Exception:
                    print(f"checkpoint line {number}: signature invalid")
                    sys.exit(1)
            checkpoints[c["headSeq"]] = c["headHash"]
    return checkpoints


def main(stream, checkpoints, whole_chain):
    previous = None  # (seq, hash) of the line before
    count = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        stored_hash = record.pop("hash")
        prev_hash = record.pop("prevHash")
        seq = record["seq"]
        if record_hash(record, prev_hash) != stored_hash:
            print(f"line {number}: seq {seq} ({record['evaluationId']}): hash mismatch")
            return 1
        if seq == 1 and prev_hash != GENESIS:
            print(f"line {number}: seq 1 does not start from the genesis hash")
            return 1
        if previous is not None:
            if seq != previous[0] + 1 and whole_chain:
                print(f"line {number}: seq {seq} follows {previous[0]}: missing record (gap in sequence)")
                return 1
            if seq == previous[0] + 1 and prev_hash != previous[1]:
                print(f"line {number}: seq {seq}: broken link")
                return 1
        if seq in checkpoints and checkpoints[seq] != stored_hash:
            print(f"line {number}: seq {seq}: hash differs from the signed checkpoint")
            return 1
        previous = (seq, stored_hash)
        count += 1
    if checkpoints and whole_chain:
        last = previous[0] if previous else 0
        attested = max(checkpoints)
        if last < attested:
            print(f"truncated: the export ends at seq {last}, a checkpoint attests seq {attested}")
            return 1
    print(f"ok: {count} records" + (f", last seq {previous[0]}, head hash {previous[1]}" if previous else ""))
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    options = {}
    positional = []
    i = 0
    while i < len(args):
        if args[i] in ("--checkpoints", "--public-key", "--dictionaries"):
            options[args[i]] = args[i + 1]
            i += 2
        elif args[i].startswith("--"):
            options[args[i]] = True
            i += 1
        else:
            positional.append(args[i])
            i += 1
    import os
    load_dictionaries(options.get("--dictionaries") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "com", "alvh", "audit"))
    cps = load_checkpoints(options["--checkpoints"], options.get("--public-key")) if "--checkpoints" in options else {}
    whole = "--range" not in options
    if positional:
        with open(positional[0], encoding="utf-8") as f:
            sys.exit(main(f, cps, whole))
    sys.exit(main(sys.stdin, cps, whole))
