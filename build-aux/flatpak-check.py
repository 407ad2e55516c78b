#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers of build-aux/run-flatpak.

  manifest MANIFEST OUT RUNTIME SDK VERSION
      Writes MANIFEST to OUT with runtime, sdk and runtime-version replaced,
      and nothing else changed.

  permissions MANIFEST SHOWN
      Compares the finish-args of MANIFEST with SHOWN, the output of
      `flatpak info --show-permissions`: every permission of either must be
      in the other. Exits 1 when they differ.

  window [--text TEXT] [--min-rows N] [--timeout SECONDS]
      Waits until the accessibility tree (AT-SPI) has a shown window of the
      application "inflow" holding a list of at least N rows (default 10)
      with text, which only data from the API fills, and a label with TEXT,
      then prints what it saw. (GTK 4.8 marks only the window as showing,
      so hidden pages count too.) Exits 1 when that does not happen in time
      (default 90 s). Needs Debian's python3 with gi and Atspi
      (gir1.2-atspi-2.0).
"""

import configparser
import json
import sys
import time

# How flatpak build-finish records each kind of finish-arg in the
# metadata's keyfile: option -> (group, key); a key of None means the value
# itself is the key (bus names, environment variables).
FINISH_ARG_KEYS = {
    "--share": ("Context", "shared"),
    "--socket": ("Context", "sockets"),
    "--device": ("Context", "devices"),
    "--allow": ("Context", "features"),
    "--filesystem": ("Context", "filesystems"),
    "--persist": ("Context", "persistent"),
    "--talk-name": ("Session Bus Policy", None, "talk"),
    "--own-name": ("Session Bus Policy", None, "own"),
    "--system-talk-name": ("System Bus Policy", None, "talk"),
    "--system-own-name": ("System Bus Policy", None, "own"),
    "--env": ("Environment", None, None),
}


def rewrite_manifest(path, out, runtime, sdk, version):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["runtime"] = runtime
    manifest["sdk"] = sdk
    manifest["runtime-version"] = version
    with open(out, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=4)
        f.write("\n")
    return 0


def expected_permissions(finish_args):
    """The permissions the finish-args ask for, as {(group, key): value}:
    a set of words for the list keys, a string for the others."""
    expected = {}
    for arg in finish_args:
        option, _, value = arg.partition("=")
        if option not in FINISH_ARG_KEYS or not value:
            raise ValueError(f"cannot compare the finish-arg {arg!r}")
        group, key, *fixed = FINISH_ARG_KEYS[option]
        if key is not None:
            words = expected.setdefault((group, key), set())
            words.add(value)
            # Flatpak keeps X11 in the list beside fallback-x11 (and uses
            # it only when there is no Wayland)
            if (option, value) == ("--socket", "fallback-x11"):
                words.add("x11")
        elif fixed[0] is not None:
            expected[(group, value)] = fixed[0]
        else:
            name, _, setting = value.partition("=")
            expected[(group, name)] = setting
    return expected


def shown_permissions(text):
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read_string(text)
    shown = {}
    for group in parser.sections():
        for key, value in parser.items(group):
            if group == "Context":
                shown[(group, key)] = {word for word in value.split(";") if word}
            else:
                shown[(group, key)] = value
    return shown


def compare_permissions(manifest_path, shown_path):
    with open(manifest_path, encoding="utf-8") as f:
        finish_args = json.load(f).get("finish-args", [])
    with open(shown_path, encoding="utf-8") as f:
        shown = shown_permissions(f.read())
    try:
        expected = expected_permissions(finish_args)
    except ValueError as e:
        print(e)
        return 1

    differences = []
    for place in sorted(set(expected) | set(shown)):
        want, have = expected.get(place), shown.get(place)
        if want == have:
            continue
        label = f"[{place[0]}] {place[1]}"
        if isinstance(want, set) or isinstance(have, set):
            want, have = want or set(), have or set()
            if have - want:
                differences.append(f"{label}: granted but not in finish-args: {sorted(have - want)}")
            if want - have:
                differences.append(f"{label}: in finish-args but not granted: {sorted(want - have)}")
        else:
            differences.append(f"{label}: finish-args say {want!r}, flatpak says {have!r}")
    for line in differences:
        print(line)
    if not differences:
        print(", ".join(f"{key}={';'.join(sorted(value))}" if isinstance(value, set) else f"{key}={value}"
                        for (_, key), value in sorted(shown.items())))
    return 1 if differences else 0


def window_check(text, min_rows, timeout):
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib

    Role = Atspi.Role
    lists = (Role.LIST, Role.LIST_BOX, Role.TABLE, Role.TREE_TABLE)

    def children(node):
        try:
            count = node.get_child_count()
            return [c for c in (node.get_child_at_index(i) for i in range(count)) if c is not None]
        except GLib.Error:
            return []

    def look(node, seen, depth=0):
        """Collects the labels and, for each list, the first label of each row"""
        labels = []
        for child in children(node):
            try:
                role, name = child.get_role(), child.get_name()
            except GLib.Error:
                continue
            if role == Role.LABEL and name:
                labels.append(name)
            inner = look(child, seen, depth + 1) if depth < 40 else []
            labels += inner
            if role in lists:
                rows = [look(row, {"lists": []}, depth + 2) for row in children(child)]
                seen["lists"].append((name or "a list", [row[0] for row in rows if row]))
        return labels

    deadline = time.monotonic() + timeout
    last = "no application named inflow on the accessibility bus"
    while time.monotonic() < deadline:
        for app in children(Atspi.get_desktop(0)):
            if app.get_name() != "inflow":
                continue
            for window in children(app):
                if window.get_role() != Role.FRAME or \
                        not window.get_state_set().contains(Atspi.StateType.SHOWING):
                    continue
                seen = {"lists": []}
                labels = look(window, seen)
                full = [(name, rows) for name, rows in seen["lists"] if len(rows) >= min_rows]
                has_text = text is None or any(text in label for label in labels)
                if full and has_text:
                    name, rows = max(full, key=lambda item: len(item[1]))
                    print(f"window “{window.get_name()}”: “{name}” with {len(rows)} rows "
                          f"({', '.join(rows[:3])}, …)" + (f"; “{text}” in it" if text else ""))
                    return 0
                longest = max((len(rows) for _, rows in seen["lists"]), default=0)
                last = (f"window “{window.get_name()}” has {len(labels)} labels and {longest} rows "
                        "in its longest list" + ("" if has_text else f", and no “{text}”"))
        time.sleep(2)
    print(f"not populated after {timeout} s: {last}")
    return 1


def main(argv):
    if len(argv) == 7 and argv[1] == "manifest":
        return rewrite_manifest(*argv[2:])
    if len(argv) == 4 and argv[1] == "permissions":
        return compare_permissions(argv[2], argv[3])
    if len(argv) >= 2 and argv[1] == "window":
        import argparse
        parser = argparse.ArgumentParser(prog="flatpak-check.py window")
        parser.add_argument("--text")
        parser.add_argument("--min-rows", type=int, default=10)
        parser.add_argument("--timeout", type=int, default=90)
        args = parser.parse_args(argv[2:])
        return window_check(args.text, args.min_rows, args.timeout)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
