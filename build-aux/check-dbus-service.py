#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the D-Bus session service file that makes Inflow D-Bus activatable.

The desktop file says DBusActivatable=true, so GNOME starts the app through
D-Bus: the service file must be named after the application ID, own that name,
and run the installed binary with --gapplication-service.

Usage: check-dbus-service.py APPLICATION_ID BINDIR FILE
"""

import configparser
import os
import shlex
import sys

GROUP = "D-BUS Service"
KNOWN_KEYS = {"Name", "Exec", "User", "SystemdService", "AssumedAppArmorLabel"}


def check(app_id, bindir, path):
    errors = []
    expected_name = app_id + ".service"
    if os.path.basename(path) != expected_name:
        errors.append(f"file is named {os.path.basename(path)!r}, expected {expected_name!r}")

    parser = configparser.ConfigParser(interpolation=None, strict=True,
                                       delimiters=("=",), comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    except (OSError, UnicodeDecodeError, configparser.Error) as e:
        return [f"cannot parse: {e}"]

    if parser.sections() != [GROUP]:
        errors.append(f"groups are {parser.sections()}, expected exactly [{GROUP!r}]")
    if not parser.has_section(GROUP):
        return errors
    section = parser[GROUP]

    for key in section:
        if key not in KNOWN_KEYS:
            errors.append(f"unknown key {key!r}")

    name = section.get("Name", "").strip()
    if name != app_id:
        errors.append(f"Name={name!r}, expected {app_id!r}")

    exec_line = section.get("Exec", "").strip()
    try:
        argv = shlex.split(exec_line)
    except ValueError as e:
        argv = []
        errors.append(f"Exec={exec_line!r} cannot be split: {e}")
    if not argv:
        errors.append("Exec is missing or empty")
    else:
        expected_binary = os.path.join(bindir, "inflow")
        if argv[0] != expected_binary:
            errors.append(f"Exec runs {argv[0]!r}, expected {expected_binary!r}")
        if argv[1:] != ["--gapplication-service"]:
            errors.append(f"Exec arguments are {argv[1:]}, expected ['--gapplication-service']")
    return errors


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    app_id, bindir, path = argv[1:]
    errors = check(app_id, bindir, path)
    if errors:
        for error in errors:
            print(f"FAIL: {path}: {error}")
        return 1
    print(f"OK: {path}: Name={app_id}, Exec={os.path.join(bindir, 'inflow')} --gapplication-service")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
