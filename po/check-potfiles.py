#!/usr/bin/env python3
# po/POTFILES.in must name every file with translatable strings, and only
# files that exist: a missing entry leaves strings out of the template, so
# they are never translated and nobody notices.
#
# usage: check-potfiles.py SOURCE_ROOT
#
# Looks in src/ and ui/ (C: _(), N_(), C_(), NC_(), g_dngettext() and
# friends; GtkBuilder: translatable="yes") and at the data/ files that
# i18n.merge_file() translates. Files listed in po/POTFILES.skip are exempt.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

C_MARKS = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|g_dcgettext|'
                     r'g_dgettext|ngettext|gettext|dgettext|dngettext)\s*\(')
# Strings and comments, so that a mark inside either does not count.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
UI_MARKS = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)

SCANNED_DIRS = ('src', 'ui')
C_SUFFIXES = ('.c', '.h')
UI_SUFFIXES = ('.ui',)
# data/ files that carry translatable text whatever they contain.
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml', '.mime.xml.in')


def read_list(path):
    entries = []
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((number, line))
    return entries


def c_has_marks(text):
    code = C_TOKENS.sub(lambda m: '""' if m.group(0).startswith(('"', "'")) else ' ', text)
    return C_MARKS.search(code) is not None


def has_marks(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(C_SUFFIXES):
        return c_has_marks(text)
    if path.endswith(UI_SUFFIXES):
        return UI_MARKS.search(text) is not None
    return False


def translatable_files(root):
    found = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in filenames:
                path = os.path.join(dirpath, name)
                if name.endswith(C_SUFFIXES + UI_SUFFIXES) and has_marks(path):
                    found.add(os.path.relpath(path, root))
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in os.listdir(data):
            if name.endswith(DATA_SUFFIXES):
                found.add(os.path.join('data', name))
    return found


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..'))
    potfiles = read_list(os.path.join(root, 'po', 'POTFILES.in'))
    skipped = {entry for _, entry in read_list(os.path.join(root, 'po', 'POTFILES.skip'))}
    listed = {entry for _, entry in potfiles}
    problems = []

    seen = set()
    for number, entry in potfiles:
        if entry in seen:
            problems.append(f'po/POTFILES.in:{number}: {entry} is listed twice')
        seen.add(entry)
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f'po/POTFILES.in:{number}: {entry} does not exist; remove it from the list')
        elif entry in skipped:
            problems.append(f'po/POTFILES.in:{number}: {entry} is also in po/POTFILES.skip; keep it in one list')

    for path in sorted(translatable_files(root) - listed - skipped):
        problems.append(f'{path} has translatable strings but is missing from po/POTFILES.in; add it there')

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
