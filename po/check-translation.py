#!/usr/bin/env python3
# A translation ships complete: it compiles with msgfmt --check and has no
# untranslated or fuzzy message.
#
# usage: check-translation.py complete SOURCE_ROOT LANG
#        check-translation.py current  SOURCE_ROOT LANG
#
# "complete" checks po/LANG.po as committed. "current" first merges it with
# a template extracted afresh from po/POTFILES.in, so strings added to the
# sources since the last `ninja waymark-update-po` count as untranslated.
# env: MSGFMT, MSGMERGE, MSGATTRIB, XGETTEXT (paths of the gettext tools)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

# What i18n.gettext(preset: 'glib') passes to xgettext (meson's PRESET_ARGS),
# so that the fresh template equals the one `ninja waymark-pot` writes.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
] + ['--flag=' + flag for flag in (
    'N_:1:pass-c-format', 'C_:2:pass-c-format', 'NC_:2:pass-c-format',
    'g_dngettext:2:pass-c-format', 'g_strdup_printf:1:c-format',
    'g_string_printf:2:c-format', 'g_string_append_printf:2:c-format',
    'g_error_new:3:c-format', 'g_set_error:4:c-format',
    'g_markup_printf_escaped:1:c-format', 'g_log:3:c-format', 'g_print:1:c-format',
    'g_printerr:1:c-format', 'g_printf:1:c-format', 'g_fprintf:2:c-format',
    'g_sprintf:2:c-format', 'g_snprintf:3:c-format',
)]


def tool(name):
    return os.environ.get(name.upper(), name)


def statistics(po):
    """Returns (translated, fuzzy, untranslated, messages) after msgfmt --check."""
    run = subprocess.run([tool('msgfmt'), '--check', '--statistics', '-o', os.devnull, po],
                         capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    if run.returncode != 0:
        print(run.stderr, end='')
        print(f'FAIL: {po} does not compile with msgfmt --check')
        sys.exit(1)
    counts = {}
    for number, kind in re.findall(r'(\d+) (translated|fuzzy|untranslated)', run.stderr):
        counts[kind] = int(number)
    return counts.get('translated', 0), counts.get('fuzzy', 0), counts.get('untranslated', 0), run.stderr.strip()


def list_missing(po):
    for option, what in (('--untranslated', 'untranslated'), ('--only-fuzzy', 'fuzzy')):
        out = subprocess.run([tool('msgattrib'), option, '--no-obsolete', '--no-wrap', po],
                             capture_output=True, text=True, check=True).stdout
        for block in out.split('\n\n'):
            where, msgid, in_msgid = [], '', False
            for line in block.splitlines():
                if line.startswith('#:'):
                    where.append(line[2:].strip())
                elif line.startswith('msgctxt '):
                    msgid += line.split(' ', 1)[1] + ' | '
                elif line.startswith('msgid '):
                    in_msgid = True
                    msgid += line.split(' ', 1)[1]
                elif line.startswith('"') and in_msgid:
                    msgid += line
                else:
                    in_msgid = False
            if where:  # the header has no source reference
                print(f'  {what}: {" ".join(where)}: {msgid.replace(chr(34) + chr(34), "")}')


def extract_template(root, pot):
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    run = subprocess.run([tool('xgettext'), *XGETTEXT_ARGS, '--package-name=waymark',
                          '--directory=' + root, '--files-from=' + potfiles, '--output=' + pot],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, end='')
        print('FAIL: xgettext cannot extract the strings of po/POTFILES.in (the potfiles test says more)')
        sys.exit(1)


def main():
    mode, root, lang = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    po = os.path.join(root, 'po', lang + '.po')

    with tempfile.TemporaryDirectory() as tmp:
        if mode == 'current':
            pot = os.path.join(tmp, 'waymark.pot')
            merged = os.path.join(tmp, lang + '.po')
            extract_template(root, pot)
            subprocess.run([tool('msgmerge'), '--quiet', '--output-file=' + merged, po, pot], check=True)
            checked = merged
        elif mode == 'complete':
            checked = po
        else:
            sys.exit(f'unknown mode {mode}')

        translated, fuzzy, untranslated, summary = statistics(checked)
        print(f'{lang}.po ({mode}): {summary}')
        if fuzzy or untranslated or not translated:
            list_missing(checked)
            print(f'FAIL: {lang}.po has {untranslated} untranslated and {fuzzy} fuzzy messages; '
                  'run `ninja -C BUILD waymark-pot waymark-update-po` (or build-aux/update-po) and translate them')
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
