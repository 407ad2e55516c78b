# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the checks of Inflow's installed key files (check-*.py) share."""

import configparser
import sys


def read_ini(path, errors):
    """The file parsed with case-sensitive keys, or None with a line in errors."""
    parser = configparser.ConfigParser(interpolation=None, strict=True,
                                       delimiters=("=",), comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    except (OSError, UnicodeDecodeError, configparser.Error) as e:
        errors.append(f"cannot parse {path}: {e}")
        return None
    return parser


def read_only_group(path, group, errors):
    """The file's one group, or None (a line in errors says why)."""
    parser = read_ini(path, errors)
    if parser is None:
        return None
    if parser.sections() != [group]:
        errors.append(f"groups are {parser.sections()}, expected exactly [{group!r}]")
    if not parser.has_section(group):
        return None
    return parser[group]


def run(argv, doc, path_index, check, ok):
    """Calls check(*arguments) for the errors and prints them, each after the
    file argv[1 + path_index], or else the line ok(*arguments)."""
    usage = doc.strip().splitlines()[-1]
    args = argv[1:]
    if len(args) != len(usage.split()) - 2:
        print(usage, file=sys.stderr)
        return 2
    errors = check(*args)
    if errors:
        for error in errors:
            print(f"FAIL: {args[path_index]}: {error}")
        return 1
    print(f"OK: {args[path_index]}: {ok(*args)}")
    return 0
