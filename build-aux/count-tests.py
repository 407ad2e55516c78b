#!/usr/bin/env python3
# Counts the results in meson's JSON test logs and prints "N passed, N failed".
# Exits non-zero when a test failed or when no test ran.
#
# Usage: count-tests.py TESTLOG.json [MORE ...]
# Each argument is a meson JSON test log (a name ending in .json) or a
# results file with one line per check, "PASS name", "FAIL name" or
# "SKIP name" (build-aux/run-hardening writes build-hardening/results.txt,
# build-aux/run-flatpak build-flatpak/results.txt);
# other lines are ignored. A file that is missing counts as one failure.
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

passed = failed = skipped = 0


def count(result):
    global passed, failed, skipped
    if result in PASSED:
        passed += 1
    elif result in SKIPPED:
        skipped += 1
    else:
        failed += 1


for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                if path.endswith(".json"):
                    count(json.loads(line)["result"])
                else:
                    verdict = line.split(maxsplit=1)[0]
                    if verdict in ("PASS", "FAIL", "SKIP"):
                        count({"PASS": "OK", "FAIL": "FAIL", "SKIP": "SKIP"}[verdict])
    except FileNotFoundError:
        print(f"{path}: missing", file=sys.stderr)
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
