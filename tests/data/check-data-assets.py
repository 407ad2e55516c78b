#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the app icons, the app's name and the metainfo screenshots.

Icons (data/icons/hicolor/):
  - scalable/apps/APP_ID.svg and APP_ID.Devel.svg exist, differ, and have a
    0 0 128 128 viewBox; symbolic/apps/APP_ID-symbolic.svg has 0 0 16 16;
  - no text, raster images, scripts or links to other files;
  - the symbolic icon is drawn in the single colour #241f31 (no gradients,
    strokes or other colours), so GTK can recolour it.
Trademarks: the icons and the app's name (desktop Name=, metainfo <name>)
never say Vantage, AWS or Amazon.
Screenshots: every metainfo screenshot hosted in the repository
(https://raw.githubusercontent.com/inflowapp/inflow/main/PATH) exists in the
checkout at PATH and is a PNG.

Usage: check-data-assets.py SOURCE_ROOT APP_ID
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
TRADEMARKS = re.compile(r"\b(vantage|aws|amazon)\b", re.I)
SYMBOLIC_COLOUR = "#241f31"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/inflowapp/inflow/main/"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def local(tag):
    return tag.split("}", 1)[-1]


def check_svg(path, size, symbolic):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        root = ET.fromstring(text)
    except (OSError, ET.ParseError) as e:
        return [f"cannot parse: {e}"]
    if root.tag != SVG_NS + "svg":
        errors.append(f"root element is {root.tag}, expected an SVG <svg>")
    view_box = (root.get("viewBox") or "").split()
    if view_box != ["0", "0", str(size), str(size)]:
        errors.append(f"viewBox is {root.get('viewBox')!r}, expected '0 0 {size} {size}'")
    for attr in ("width", "height"):
        value = root.get(attr)
        if value is not None and value not in (str(size), f"{size}px"):
            errors.append(f"{attr} is {value!r}, expected {size}")
    if TRADEMARKS.search(text):
        errors.append(f"mentions a trademark: {TRADEMARKS.search(text).group(0)!r}")

    for element in root.iter():
        name = local(element.tag)
        if name in ("text", "tspan", "image", "script", "foreignObject"):
            errors.append(f"contains a <{name}> element")
        href = element.get("href") or element.get(XLINK_HREF)
        if href is not None and not href.startswith("#"):
            errors.append(f"links to {href!r}")
        if not symbolic:
            continue
        if name in ("linearGradient", "radialGradient", "pattern", "filter", "mask"):
            errors.append(f"symbolic icon uses a <{name}>")
        style = dict(part.split(":", 1) for part in (element.get("style") or "").split(";")
                     if ":" in part)
        style = {key.strip(): value.strip() for key, value in style.items()}
        for prop in ("fill", "stroke", "color", "stop-color"):
            for value in (element.get(prop), style.get(prop)):
                if value is None:
                    continue
                if prop == "fill" and value.lower() in (SYMBOLIC_COLOUR, "none"):
                    continue
                if prop == "stroke" and value.lower() == "none":
                    continue
                errors.append(f"symbolic icon: <{name}> has {prop}={value!r}; "
                              f"use only fill {SYMBOLIC_COLOUR}")
    return errors


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root, app_id = os.path.abspath(argv[1]), argv[2]
    icons = os.path.join(root, "data", "icons", "hicolor")
    errors = []

    stable = os.path.join(icons, "scalable", "apps", app_id + ".svg")
    devel = os.path.join(icons, "scalable", "apps", app_id + ".Devel.svg")
    symbolic = os.path.join(icons, "symbolic", "apps", app_id + "-symbolic.svg")
    for path, size, is_symbolic in ((stable, 128, False), (devel, 128, False), (symbolic, 16, True)):
        rel = os.path.relpath(path, root)
        if not os.path.isfile(path):
            errors.append(f"{rel} is missing")
            continue
        errors.extend(f"{rel}: {error}" for error in check_svg(path, size, is_symbolic))
    if os.path.isfile(stable) and os.path.isfile(devel):
        with open(stable, "rb") as a, open(devel, "rb") as b:
            if a.read() == b.read():
                errors.append("the Devel icon is identical to the stable one")

    desktop = os.path.join(root, "data", app_id + ".desktop.in.in")
    metainfo = os.path.join(root, "data", app_id + ".metainfo.xml.in.in")
    try:
        with open(desktop, encoding="utf-8") as f:
            names = re.findall(r"^Name=(.*)$", f.read(), re.M)
        with open(metainfo, encoding="utf-8") as f:
            meta_text = f.read()
        meta = ET.fromstring(meta_text)
    except (OSError, ET.ParseError) as e:
        errors.append(f"cannot read the desktop file or metainfo: {e}")
        names, meta = [], None
    if meta is not None:
        names += [el.text or "" for el in meta.findall("name")]
    for name in names:
        if TRADEMARKS.search(name):
            errors.append(f"the app name {name!r} contains a trademark")

    if meta is not None:
        for image in meta.findall("screenshots/screenshot/image"):
            url = (image.text or "").strip()
            if not url.startswith(SCREENSHOT_BASE):
                continue
            rel = url[len(SCREENSHOT_BASE):]
            path = os.path.join(root, *rel.split("/"))
            try:
                with open(path, "rb") as f:
                    if f.read(8) != PNG_SIGNATURE:
                        errors.append(f"screenshot {rel} is not a PNG")
            except OSError:
                errors.append(f"screenshot {url} has no file {rel} in the checkout")

    if errors:
        for error in errors:
            print(f"FAIL: {error}")
        return 1
    print("OK: icons, app name and screenshots")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
