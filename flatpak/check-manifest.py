#!/usr/bin/env python3
# The Flatpak manifest, as flatpak-builder reads it (offline, warnings
# fatal), names the same application as the desktop file and the metainfo,
# and asks for no more than a sandboxed GNOME application needs: files come
# through the portal and customer data never goes out over the network.
#
# usage: check-manifest.py MANIFEST DESKTOP_FILE METAINFO_FILE
# Exits 77 (skipped) when flatpak-builder is not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
# Host file access of any kind, X11 without Wayland, the network, and the
# session bus wholesale are all things Waymark has no use for.
FORBIDDEN_PREFIXES = ('--filesystem=', '--socket=x11', '--share=network',
                      '--socket=session-bus', '--socket=system-bus', '--device=all')


def main():
    manifest, desktop, metainfo = sys.argv[1:4]
    builder = os.environ.get('FLATPAK_BUILDER') or shutil.which('flatpak-builder')
    if not builder:
        print('flatpak-builder is not installed; skipping')
        return SKIP

    # It leaves a .flatpak-builder/ state directory in its working directory.
    with tempfile.TemporaryDirectory() as scratch:
        run = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest)],
                             env=dict(os.environ, G_DEBUG='fatal-warnings'),
                             cwd=scratch, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, end='')
        print(f'FAIL: flatpak-builder --show-manifest {manifest} exited with {run.returncode}')
        return 1
    if run.stderr.strip():
        print(run.stderr, end='')
    shown = json.loads(run.stdout)

    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append(f'{what} is {got!r}, expected {want!r}')

    app_id = shown.get('id') or shown.get('app-id')

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding='utf-8')
    desktop_id = os.path.basename(desktop).split('.desktop')[0]
    expect('the desktop file name', desktop_id, app_id)
    expect('the desktop file Icon', entry['Desktop Entry'].get('Icon'), app_id)
    expect('the command', shown.get('command'), entry['Desktop Entry'].get('Exec', '').split()[0])

    component = ET.parse(metainfo).getroot()
    expect('the metainfo <id>', component.findtext('id'), app_id)
    expect('the metainfo desktop-id launchable',
           component.findtext("launchable[@type='desktop-id']"), f'{app_id}.desktop')

    expect('the runtime', shown.get('runtime'), 'org.gnome.Platform')
    expect('the sdk', shown.get('sdk'), 'org.gnome.Sdk')
    try:
        if float(shown.get('runtime-version', '0')) < 47:
            problems.append(f"runtime-version {shown['runtime-version']} is older than 47")
    except ValueError:
        problems.append(f"runtime-version {shown.get('runtime-version')!r} is not a GNOME release")

    finish_args = shown.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            problems.append(f'finish-args has {arg}: open files through the portal and keep data local')
    for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri'):
        if needed not in finish_args:
            problems.append(f'finish-args lacks {needed}')

    module = shown['modules'][-1]
    if isinstance(module, str):
        problems.append(f'the last module {module} should be Waymark itself, inline')
    else:
        expect('the last module', module.get('name'), 'waymark')
        expect('its build system', module.get('buildsystem'), 'meson')
        sources = module.get('sources', [])
        if not any(s.get('type') == 'dir' and
                   os.path.realpath(os.path.join(os.path.dirname(manifest), s.get('path', ''))) ==
                   os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
                   for s in sources):
            problems.append('waymark is not built from this source tree (a "dir" source with path "..")')

    for problem in problems:
        print('FAIL:', problem)
    if not problems:
        print(f'{manifest}: {app_id}, {shown["runtime"]}//{shown["runtime-version"]}, '
              f'finish-args {" ".join(finish_args)}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
