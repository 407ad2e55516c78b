#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES lists exactly the files that need translating.

Fails when
  - a file under app/, ui/ or data/ has translatable strings but is not
    listed in po/POTFILES (so its strings would never reach translators);
  - po/POTFILES names a file that does not exist, names one twice, or is not
    sorted (byte order, as `LC_ALL=C sort` does);
  - po/POTFILES.in exists: meson's gettext reads POTFILES.in first and would
    silently ignore POTFILES;
  - po/LINGUAS names a language without a po/<lang>.po file.

A listed file without translatable strings is only reported (a view may
not have any strings yet).

What counts as translatable:
  .c .h          _("…"), N_("…"), C_(…), NC_(…), Q_(…), ngettext(…),
                 g_dngettext(…), g_dpgettext(…), g_dpgettext2(…), outside
                 comments; a space before the parenthesis is allowed
  .ui            translatable="yes" (or "true", "1")
  .blp           _("…"), C_("…", "…")
  .desktop.in*   a Name, GenericName, Comment or Keywords key
  metainfo/appdata .xml.in*   name, summary, description, caption, keyword
                 elements (not marked translate="no")
  .gschema.xml*  summary or description elements, or <default l10n=…>

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

SCANNED_DIRS = ("app", "ui", "data")

C_KEYWORDS = re.compile(
    r"(?<![A-Za-z0-9_])(?:_|N_|Q_)\s*\(\s*\""
    r"|(?<![A-Za-z0-9_])(?:C_|NC_)\s*\("
    r"|(?<![A-Za-z0-9_])(?:ngettext|g_dngettext|g_dpgettext2?)\s*\(")
UI_TRANSLATABLE = re.compile(r"""\btranslatable\s*=\s*["'](?:yes|true|1)["']""", re.I)
BLP_TRANSLATABLE = re.compile(r"(?<![A-Za-z0-9_])(?:_|C_)\s*\(\s*\"")
DESKTOP_KEY = re.compile(r"^\s*(?:Name|GenericName|Comment|Keywords)\s*=", re.M)
METAINFO_ELEMENT = re.compile(
    r"<(?:name|summary|description|caption|keyword)\b(?![^>]*\btranslate\s*=\s*[\"']no[\"'])[^>]*>")
GSCHEMA_ELEMENT = re.compile(r"<(?:summary|description)\b|<default\b[^>]*\bl10n\s*=")


def strip_c_comments(text):
    """Blank out C comments, keeping string and character literals intact."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            quote = c
            j = i + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def kind_of(path):
    name = os.path.basename(path)
    if name.endswith((".c", ".h")):
        return "c"
    if name.endswith(".ui"):
        return "ui"
    if name.endswith(".blp"):
        return "blp"
    if re.search(r"\.desktop(\.in)+$", name):
        return "desktop"
    if re.search(r"\.(metainfo|appdata)\.xml(\.in)+$", name):
        return "metainfo"
    if re.search(r"\.gschema\.xml(\.in)*$", name):
        return "gschema"
    return None


def has_translatable_strings(path, kind):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if kind == "c":
        return C_KEYWORDS.search(strip_c_comments(text)) is not None
    if kind == "ui":
        return UI_TRANSLATABLE.search(text) is not None
    if kind == "blp":
        return BLP_TRANSLATABLE.search(text) is not None
    if kind == "desktop":
        return DESKTOP_KEY.search(text) is not None
    if kind == "metainfo":
        return METAINFO_ELEMENT.search(re.sub(r"<!--.*?-->", "", text, flags=re.S)) is not None
    if kind == "gschema":
        return GSCHEMA_ELEMENT.search(re.sub(r"<!--.*?-->", "", text, flags=re.S)) is not None
    return False


def scan(root):
    """Yield the source-root-relative paths of files with translatable strings."""
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = os.path.join(dirpath, name)
                kind = kind_of(path)
                if kind and has_translatable_strings(path, kind):
                    yield os.path.relpath(path, root).replace(os.sep, "/")


def read_list(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append((number, line))
    return entries


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    po = os.path.join(root, "po")
    potfiles_path = os.path.join(po, "POTFILES")
    errors, notes = [], []

    if os.path.exists(os.path.join(po, "POTFILES.in")):
        errors.append("po/POTFILES.in exists: meson's gettext would read it instead of po/POTFILES; "
                      "merge it into po/POTFILES and delete it")
    if not os.path.exists(potfiles_path):
        print("FAIL: po/POTFILES is missing")
        return 1

    entries = read_list(potfiles_path)
    listed = [path for _, path in entries]
    seen = set()
    for number, path in entries:
        if path in seen:
            errors.append(f"po/POTFILES:{number}: {path} is listed twice")
        seen.add(path)
        full = os.path.join(root, path)
        if os.path.isabs(path) or path.startswith("..") or not os.path.isfile(full):
            errors.append(f"po/POTFILES:{number}: {path} does not exist")
            continue
        kind = kind_of(full)
        if kind is None or not has_translatable_strings(full, kind):
            notes.append(f"po/POTFILES:{number}: {path} has no translatable strings (yet)")
    if listed != sorted(listed):
        for (number, path), expected in zip(entries, sorted(listed)):
            if path != expected:
                errors.append(f"po/POTFILES:{number}: not sorted: found {path}, expected {expected} "
                              f"(keep it in `LC_ALL=C sort` order)")
                break

    for path in scan(root):
        if path not in seen:
            errors.append(f"{path} has translatable strings but is missing from po/POTFILES")

    linguas = os.path.join(po, "LINGUAS")
    if os.path.exists(linguas):
        for number, line in read_list(linguas):
            for lang in line.split():
                if not os.path.isfile(os.path.join(po, lang + ".po")):
                    errors.append(f"po/LINGUAS:{number}: {lang} has no po/{lang}.po")

    for note in notes:
        print(f"note: {note}")
    if errors:
        for error in errors:
            print(f"FAIL: {error}")
        return 1
    print(f"OK: po/POTFILES ({len(listed)} files) covers every file under app/, ui/ and data/ with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
