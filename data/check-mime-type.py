#!/usr/bin/env python3
# Installs the MIME package into a scratch XDG data dir and asks GIO what a
# project file is: by its .waymark name, and by its content once renamed.
# A plain SQLite database must stay application/vnd.sqlite3.
#
# usage: check-mime-type.py MIME_PACKAGE.xml WAYMARK_CLI
# env:   UPDATE_MIME_DATABASE, GIO (paths of the tools)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_TYPE = 'application/x-waymark'
SQLITE_TYPE = 'application/vnd.sqlite3'
NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


def fail(message):
    print('FAIL:', message)
    sys.exit(1)


def main():
    package, cli = sys.argv[1], sys.argv[2]
    update = os.environ.get('UPDATE_MIME_DATABASE', 'update-mime-database')
    gio = os.environ.get('GIO', 'gio')

    comments = ET.parse(package).getroot().findall(f'{NS}mime-type/{NS}comment')
    if not comments:
        fail(f'{package} has no <comment> for {MIME_TYPE}')

    with tempfile.TemporaryDirectory() as tmp:
        share = os.path.join(tmp, 'share')
        packages = os.path.join(share, 'mime', 'packages')
        os.makedirs(packages)
        os.makedirs(os.path.join(tmp, 'home'))
        shutil.copy(package, packages)

        system_dirs = os.environ.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share'
        env = dict(os.environ,
                   XDG_DATA_HOME=os.path.join(tmp, 'home'),
                   XDG_DATA_DIRS=share + ':' + system_dirs)

        # It says nothing when the package is good.
        run = subprocess.run([update, os.path.join(share, 'mime')],
                             env=env, capture_output=True, text=True)
        if run.returncode != 0 or run.stderr.strip():
            fail(f'update-mime-database rejected {package}:\n{run.stderr}')

        project = os.path.join(tmp, 'p.waymark')
        subprocess.run([cli, 'demo', '--output', project, '--customers', '20'], check=True)
        renamed = os.path.join(tmp, 'mailed-as.db')
        bare = os.path.join(tmp, 'no-extension')
        shutil.copy(project, renamed)
        shutil.copy(project, bare)

        other = os.path.join(tmp, 'other.db')
        with sqlite3.connect(other) as db:
            db.execute('CREATE TABLE t (x)')
        db.close()

        expected = {
            project: MIME_TYPE,
            renamed: MIME_TYPE,
            bare: MIME_TYPE,
            other: SQLITE_TYPE,
        }
        failures = 0
        for path, want in expected.items():
            out = subprocess.run([gio, 'info', '-a', 'standard::content-type', path],
                                 env=env, capture_output=True, text=True, check=True).stdout
            got = out.rsplit('standard::content-type:', 1)[-1].strip()
            status = 'ok' if got == want else 'FAIL'
            failures += got != want
            print(f'{status}: {os.path.basename(path)} is {got} (expected {want})')

        sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
