#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the GNOME Shell search provider file against what Inflow installs and exports.

GNOME Shell reads share/gnome-shell/search-providers/*.ini and calls
org.gnome.Shell.SearchProvider2 on BusName at ObjectPath, which D-Bus
activation starts (the desktop file named by DesktopId must be
DBusActivatable). Flatpak exports the file only when its name starts with the
application ID. The object path must be the application's object path plus the
suffix InflowSearchProvider is exported at (INFLOW_SEARCH_PROVIDER_PATH_SUFFIX).

Usage: check-search-provider.py APPLICATION_ID INI DESKTOP_FILE PROVIDER_HEADER
"""

import os
import re
import sys

from ini_check import read_ini, read_only_group, run

GROUP = "Shell Search Provider"
REQUIRED_KEYS = {"DesktopId", "BusName", "ObjectPath", "Version"}
KNOWN_KEYS = REQUIRED_KEYS | {"AutoStart", "DefaultDisabled"}
OBJECT_PATH = re.compile(r"^(/[A-Za-z0-9_]+)+$")


def path_suffix(header, errors):
    try:
        with open(header, encoding="utf-8") as f:
            match = re.search(r'#define\s+INFLOW_SEARCH_PROVIDER_PATH_SUFFIX\s+"([^"]*)"', f.read())
    except OSError as e:
        errors.append(f"{header}: {e}")
        return None
    if match is None:
        errors.append(f"{header}: no INFLOW_SEARCH_PROVIDER_PATH_SUFFIX")
        return None
    return match.group(1)


def check(app_id, path, desktop_path, header):
    errors = []
    expected_name = app_id + ".search-provider.ini"
    if os.path.basename(path) != expected_name:
        errors.append(f"file is named {os.path.basename(path)!r}, expected {expected_name!r} "
                      "(Flatpak exports only files named after the application ID)")

    section = read_only_group(path, GROUP, errors)
    if section is None:
        return errors

    for key in REQUIRED_KEYS - set(section):
        errors.append(f"{key} is missing")
    for key in set(section) - KNOWN_KEYS:
        errors.append(f"unknown key {key!r}")

    bus_name = section.get("BusName", "").strip()
    if bus_name != app_id:
        errors.append(f"BusName={bus_name!r}, expected the application ID {app_id!r}")

    version = section.get("Version", "").strip()
    if version != "2":
        errors.append(f"Version={version!r}, expected '2' (org.gnome.Shell.SearchProvider2)")

    object_path = section.get("ObjectPath", "").strip()
    suffix = path_suffix(header, errors)
    if not OBJECT_PATH.match(object_path):
        errors.append(f"ObjectPath={object_path!r} is not a D-Bus object path")
    if suffix is not None:
        expected_path = "/" + app_id.replace(".", "/") + suffix
        if object_path != expected_path:
            errors.append(f"ObjectPath={object_path!r}, but the application exports {expected_path!r}")

    desktop_id = section.get("DesktopId", "").strip()
    if desktop_id != os.path.basename(desktop_path):
        errors.append(f"DesktopId={desktop_id!r}, but the desktop file installed is "
                      f"{os.path.basename(desktop_path)!r}")
    desktop = read_ini(desktop_path, errors)
    if desktop is not None:
        if desktop.get("Desktop Entry", "DBusActivatable", fallback="") != "true":
            errors.append(f"{desktop_path}: not DBusActivatable=true, so the Shell cannot start Inflow to search")
    return errors


def main(argv):
    return run(argv, __doc__, 1, check,
               lambda app_id, path, desktop_path, header:
               f"BusName={app_id}, DesktopId={os.path.basename(desktop_path)}, Version=2")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
