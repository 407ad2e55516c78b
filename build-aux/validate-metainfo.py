#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate a metainfo file with appstreamcli and fail on any issue.

Runs `appstreamcli validate --no-net --pedantic --explain` and fails when it
exits non-zero or reports an error, a warning or an info. Pedantic hints are
shown but do not fail.

One exception, and only for AppStream older than 1.0 (Debian 12 ships 0.16):
those releases do not know the <developer id="..."> element, which AppStream
1.0 introduced and Flathub requires, and report it as an "unknown-tag
developer" info. That single issue is tolerated there; every other unknown
tag still fails.

Usage: validate-metainfo.py APPSTREAMCLI FILE
"""

import re
import subprocess
import sys

ISSUE = re.compile(r"^(?P<severity>[EWI]): (?P<where>\S+?):(?P<line>\d+|~): "
                   r"(?P<tag>[a-z0-9-]+)(?: (?P<value>.*))?$")


def appstream_version(appstreamcli):
    out = subprocess.run([appstreamcli, "--version"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True).stdout
    match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", out)
    if match is None:
        return (0, 0, 0)
    return tuple(int(part or 0) for part in match.groups())


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    appstreamcli, path = argv[1], argv[2]
    version = appstream_version(appstreamcli)
    tolerated = set()
    if version < (1, 0, 0):
        tolerated.add(("unknown-tag", "developer"))

    proc = subprocess.run([appstreamcli, "validate", "--no-net", "--pedantic",
                           "--explain", path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    print(proc.stdout.rstrip())

    failures = []
    for line in proc.stdout.splitlines():
        if not re.match(r"^[EWI]: ", line):
            continue
        match = ISSUE.match(line)
        if match is None:
            failures.append(line)
            continue
        key = (match["tag"], (match["value"] or "").strip())
        if key in tolerated:
            print(f"note: tolerating '{line.strip()}': AppStream "
                  f"{'.'.join(map(str, version))} predates <developer>")
            continue
        failures.append(line)

    if proc.returncode != 0 and not failures:
        failures.append(f"appstreamcli exited {proc.returncode}")
    if failures:
        print(f"FAIL: {path}: {len(failures)} issue(s) of severity info or above:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print(f"OK: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
