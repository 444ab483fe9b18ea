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
# It also fails when a .ui file sets user-visible text (a label, title,
# tooltip, menu item...) without translatable="yes": such text would stay
# English in every language. translatable="no" says so on purpose, and
# UI_EXEMPT lists text that is not words.
#
# usage: check-potfiles.py --self-test   (the check rejects an unmarked label)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

C_MARKS = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|g_dcgettext|'
                     r'g_dgettext|ngettext|gettext|dgettext|dngettext)\s*\(')
# Strings and comments, so that a mark inside either does not count.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
UI_MARKS = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)

# Properties (and menu attributes) whose value people read.
UI_TEXT_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'text', 'description', 'heading', 'body',
    'secondary-text', 'button-label', 'accessible-name',
    'copyright', 'comments', 'website-label', 'primary-text',
}
# Text that reads the same in every language.
UI_EXEMPT = {'•', '·', '—', '–', '…', '×', '%'}
NUMBER = re.compile(r'^[\d\s.,:%+\-−]*$')

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


def ui_unmarked(path):
    """(line, text) of user-visible text in @path not marked translatable."""
    found = []
    with open(path, encoding='utf-8') as f:
        source = f.read()
    parser = ET.XMLPullParser(events=('start', 'end'))
    parser.feed(source)
    for event, element in parser.read_events():
        if event != 'end':
            continue
        visible = (element.tag in ('property', 'attribute')
                   and element.get('name') in UI_TEXT_PROPERTIES) or element.tag == 'item'
        text = (element.text or '').strip()
        if not visible or not text or element.get('translatable') is not None:
            continue
        if text in UI_EXEMPT or NUMBER.match(text):
            continue
        # ElementTree keeps no line numbers: find the text in the source.
        offset = source.find('>' + (element.text or '') + '<')
        found.append((source.count('\n', 0, max(offset, 0)) + 1, text))
    return found


def ui_problems(root):
    problems = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in sorted(filenames):
                if not name.endswith(UI_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                for line, text in ui_unmarked(path):
                    problems.append(f'{os.path.relpath(path, root)}:{line}: "{text}" is shown to people but not '
                                    'marked translatable="yes" (or translatable="no" on purpose)')
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, 'ui'))
        with open(os.path.join(root, 'ui', 'a.ui'), 'w', encoding='utf-8') as f:
            f.write('<interface>\n<object class="GtkLabel">\n'
                    '<property name="label">Leakage</property>\n'
                    '<property name="tooltip-text" translatable="yes">Marked</property>\n'
                    '<property name="icon-name">go-next</property>\n'
                    '<property name="label">•</property>\n'
                    '<property name="label">12</property>\n'
                    '</object>\n</interface>\n')
        problems = ui_problems(root)
    expected = ['ui/a.ui:3: "Leakage" is shown to people but not marked translatable="yes" '
                '(or translatable="no" on purpose)']
    if problems != expected:
        print('self-test failed:', problems)
        return 1
    print('an unmarked label is reported, marked and exempt text is not')
    return 0


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
    if sys.argv[1:] == ['--self-test']:
        return self_test()
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

    problems += ui_problems(root)

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
