#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests in flatpak/.

For both <APP_ID>.json and <APP_ID>.Devel.json:
  - the file parses as JSON, without duplicate keys;
  - "id" equals the file name without .json (and "app-id", the old spelling,
    is absent);
  - runtime org.gnome.Platform, sdk org.gnome.Sdk, runtime-version "50",
    command "inflow";
  - finish-args are exactly --share=network, --share=ipc, --socket=wayland,
    --socket=fallback-x11 and --device=dri: no secrets talk-name (libsecret
    goes through the portal), no host filesystem, no plain x11;
  - cleanup drops headers and pkg-config files;
  - the last module is the app: buildsystem meson, builddir true, built
    from the local checkout (sources exactly one "dir" source whose path
    is the source root, which holds meson.build of project 'inflow');
  - the Devel manifest builds with -Dprofile=development, the other
    without it;
  - the two are in step: they differ only in id, the Devel manifest's tags
    ["devel"] and desktop-file-name-suffix, and that -Dprofile=development.

build-aux/run-flatpak builds the stable manifest with runtime, sdk and
runtime-version rewritten to a stand-in runtime, and nothing else changed.

Usage: check-flatpak-manifests.py APP_ID FLATPAK_DIR
"""

import copy
import json
import os
import re
import sys

RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
RUNTIME_VERSION = "50"
COMMAND = "inflow"
FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]
CLEANUP_REQUIRED = ["/include", "/lib/pkgconfig"]
DEVEL_OPT = "-Dprofile=development"
DEVEL_ONLY = {"tags": ["devel"], "desktop-file-name-suffix": " (Development)"}
SECRETS_NAME = "org.freedesktop.secrets"


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(f"duplicate key {key!r}")
        result[key] = value
    return result


def read_manifest(path):
    """The manifest, or a list of errors"""
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f, object_pairs_hook=no_duplicates)
    except (OSError, ValueError) as e:
        return [f"cannot read: {e}"]
    if not isinstance(manifest, dict):
        return ["top level is not an object"]
    return manifest


def check_manifest(path, expected_id, devel):
    errors = []
    manifest = read_manifest(path)
    if isinstance(manifest, list):
        return manifest

    file_id = os.path.basename(path)[:-len(".json")]
    if file_id != expected_id:
        errors.append(f"file is named for {file_id!r}, expected {expected_id!r}")
    if manifest.get("id") != file_id:
        errors.append(f"id is {manifest.get('id')!r}, expected {file_id!r} (the file name)")
    if "app-id" in manifest:
        errors.append("uses the old key 'app-id'; keep only 'id'")

    for key, expected in (("runtime", RUNTIME), ("sdk", SDK),
                          ("runtime-version", RUNTIME_VERSION), ("command", COMMAND)):
        if manifest.get(key) != expected:
            errors.append(f"{key} is {manifest.get(key)!r}, expected {expected!r}")

    finish_args = manifest.get("finish-args")
    if any(SECRETS_NAME in str(arg) for arg in finish_args or []):
        errors.append(f"finish-args give the keyring itself ({SECRETS_NAME}): libsecret "
                      "reaches it through the Secret portal, which needs no permission")
    if not isinstance(finish_args, list) or sorted(finish_args) != sorted(FINISH_ARGS) \
            or len(set(finish_args)) != len(finish_args):
        extra = sorted(set(finish_args or []) - set(FINISH_ARGS))
        missing = sorted(set(FINISH_ARGS) - set(finish_args or []))
        errors.append(f"finish-args are {finish_args!r}, expected exactly {FINISH_ARGS!r}"
                      f" (extra: {extra}, missing: {missing})")

    cleanup = manifest.get("cleanup", [])
    for entry in CLEANUP_REQUIRED:
        if entry not in cleanup:
            errors.append(f"cleanup does not remove {entry}")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        errors.append("has no modules")
        return errors
    app = modules[-1]
    if not isinstance(app, dict):
        errors.append("the last module is not an inline object")
        return errors
    if app.get("name") != "inflow":
        errors.append(f"the last module is {app.get('name')!r}, expected the app, 'inflow'")
    if app.get("buildsystem") != "meson":
        errors.append(f"the app module's buildsystem is {app.get('buildsystem')!r}, expected 'meson'")
    if app.get("builddir") is not True:
        errors.append("the app module does not set builddir: true")
    sources = app.get("sources")
    if sources != [{"type": "dir", "path": ".."}]:
        errors.append(f"the app module's sources are {sources!r}, "
                      "expected [{'type': 'dir', 'path': '..'}] (the local checkout)")
    else:
        checkout = os.path.normpath(os.path.join(os.path.dirname(path), ".."))
        try:
            with open(os.path.join(checkout, "meson.build"), encoding="utf-8") as f:
                root_meson = f.read()
        except OSError:
            root_meson = ""
        if not re.search(r"project\s*\(\s*'inflow'", root_meson):
            errors.append(f"the dir source {checkout} is not the Inflow source root")
    for module in modules[:-1]:
        if isinstance(module, dict) and module.get("name") == "inflow":
            errors.append("the app module 'inflow' must be the last module")

    config_opts = app.get("config-opts", [])
    if devel and DEVEL_OPT not in config_opts:
        errors.append(f"the Devel manifest's app module lacks config-opts {DEVEL_OPT}")
    if not devel and any(opt.startswith("-Dprofile=") and opt != "-Dprofile=default"
                         for opt in config_opts):
        errors.append(f"the stable manifest's app module sets a profile: {config_opts}")
    return errors


def without_devel_differences(manifest):
    """The Devel manifest as the stable one should be"""
    stable = copy.deepcopy(manifest)
    stable.pop("id", None)
    for key in DEVEL_ONLY:
        stable.pop(key, None)
    for module in stable.get("modules", []):
        if isinstance(module, dict) and module.get("name") == "inflow":
            opts = [opt for opt in module.get("config-opts", []) if opt != DEVEL_OPT]
            if opts:
                module["config-opts"] = opts
            else:
                module.pop("config-opts", None)
    return stable


def check_in_step(stable_path, devel_path):
    stable, devel = read_manifest(stable_path), read_manifest(devel_path)
    if isinstance(stable, list) or isinstance(devel, list):
        return []  # told already
    errors = []
    for key, value in DEVEL_ONLY.items():
        if devel.get(key) != value:
            errors.append(f"the Devel manifest's {key} is {devel.get(key)!r}, expected {value!r}")
    stable = copy.deepcopy(stable)
    stable.pop("id", None)
    devel = without_devel_differences(devel)
    for key in sorted(set(stable) | set(devel)):
        if stable.get(key) != devel.get(key):
            errors.append(f"the manifests are not in step: {key} is {stable.get(key)!r} in the stable "
                          f"one and {devel.get(key)!r} in the Devel one (beyond the Devel differences)")
    return errors


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    app_id, flatpak_dir = argv[1], argv[2]
    failed = False
    for manifest_id, devel in ((app_id, False), (app_id + ".Devel", True)):
        path = os.path.join(flatpak_dir, manifest_id + ".json")
        if not os.path.exists(path):
            print(f"FAIL: {path} is missing")
            failed = True
            continue
        errors = check_manifest(path, manifest_id, devel)
        for error in errors:
            print(f"FAIL: {os.path.basename(path)}: {error}")
        if errors:
            failed = True
        else:
            print(f"OK: {os.path.basename(path)}")
    errors = check_in_step(os.path.join(flatpak_dir, app_id + ".json"),
                           os.path.join(flatpak_dir, app_id + ".Devel.json"))
    for error in errors:
        print(f"FAIL: {error}")
    if errors:
        failed = True
    elif not failed:
        print("OK: the stable and Devel manifests are in step")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
