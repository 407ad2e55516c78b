#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the D-Bus session service file that makes Inflow D-Bus activatable.

The desktop file says DBusActivatable=true, so GNOME starts the app through
D-Bus: the service file must be named after the application ID, own that name,
and run the installed binary with --gapplication-service.

Usage: check-dbus-service.py APPLICATION_ID BINDIR FILE
"""

import os
import shlex
import sys

from ini_check import read_only_group, run

GROUP = "D-BUS Service"
KNOWN_KEYS = {"Name", "Exec", "User", "SystemdService", "AssumedAppArmorLabel"}


def check(app_id, bindir, path):
    errors = []
    expected_name = app_id + ".service"
    if os.path.basename(path) != expected_name:
        errors.append(f"file is named {os.path.basename(path)!r}, expected {expected_name!r}")

    section = read_only_group(path, GROUP, errors)
    if section is None:
        return errors

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
    return run(argv, __doc__, 2, check,
               lambda app_id, bindir, path: f"Name={app_id}, Exec={os.path.join(bindir, 'inflow')} --gapplication-service")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
