#!/usr/bin/env python3
# Copyright 2026 The Inflow authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every translation in po/LINGUAS is sound and complete.

For each language LANG:
  - po/LANG.po compiles with `msgfmt --check --check-format` (header,
    plural forms, and placeholders that match the English ones);
  - merged with a template extracted afresh from po/POTFILES (with the same
    xgettext arguments as the inflow-pot target), it has no untranslated
    and no fuzzy message. The messages that lack a translation are printed
    with their source locations, so a new English string fails here with
    its msgid.

To refresh the translations after English strings changed:
    meson compile -C build inflow-update-po
then translate the messages this check lists and remove their fuzzy flags.

Usage: check-translations.py SOURCE_ROOT XGETTEXT_ARG...
"""
import os
import subprocess
import sys
import tempfile


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def main():
    source_root = sys.argv[1]
    xgettext_args = sys.argv[2:]
    po_dir = os.path.join(source_root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#')[0].split()]
    if not langs:
        print('po/LINGUAS lists no language')
        return 1

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'inflow.pot')
        xgettext = run(['xgettext', '--package-name=inflow', '-p', tmp,
                        '-f', os.path.join(po_dir, 'POTFILES'), '-D', source_root,
                        '-k_', '-o', 'inflow.pot'] + xgettext_args)
        if xgettext.returncode != 0 or not os.path.exists(pot):
            print('xgettext failed:\n' + xgettext.stderr)
            return 1

        for lang in langs:
            po = os.path.join(po_dir, lang + '.po')
            check = run(['msgfmt', '--check', '--check-format', '-o', os.devnull, po])
            if check.returncode != 0:
                print(f'po/{lang}.po does not compile with msgfmt --check --check-format:')
                print(check.stderr)
                failed = True
                continue

            merged = os.path.join(tmp, lang + '.po')
            merge = run(['msgmerge', '--quiet', '--previous', '-o', merged, po, pot])
            if merge.returncode != 0:
                print(f'msgmerge of po/{lang}.po failed:\n' + merge.stderr)
                failed = True
                continue
            stats = run(['msgfmt', '--statistics', '-o', os.devnull, merged])
            print(f'{lang}: {stats.stderr.strip()}')

            for what, option in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
                found = run(['msgattrib', option, '--no-obsolete', merged])
                entries = [e for e in found.stdout.split('\n\n')
                           if 'msgid "' in e and 'msgid ""\nmsgstr ""\n"' not in e]
                if entries:
                    failed = True
                    print(f'po/{lang}.po has {len(entries)} {what} message(s) against the '
                          f'current template; translate these (meson compile -C build '
                          f'inflow-update-po merges them in):\n')
                    print('\n\n'.join(entries) + '\n')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
