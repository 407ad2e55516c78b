#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run desktop-file-validate and fail on anything it reports.

desktop-file-validate exits 0 for warnings, hints and even for errors marked
"will be fatal in the future", so its exit code alone lets those through.
This fails when the exit code is non-zero or when it prints anything at all.

Usage: validate-desktop-file.py DESKTOP_FILE_VALIDATE FILE
"""

import subprocess
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    validator, path = argv[1], argv[2]
    proc = subprocess.run([validator, path], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    report = proc.stdout.strip()
    if report:
        print(report)
    if proc.returncode != 0 or report:
        print(f"FAIL: {path}: desktop-file-validate exited {proc.returncode} "
              f"and reported {len(report.splitlines())} issue(s)")
        return 1
    print(f"OK: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
