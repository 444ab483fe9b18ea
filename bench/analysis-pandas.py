#!/usr/bin/python3
# bench/analysis-pandas.py: bench/analysis.sh's funnel with pandas, the
# same join-based definition as its SQL: a customer reaches step k when any
# of their step-1 events (an attempt) is followed, in order and within the
# window from that event, by events of steps 2 … k.
#
#   analysis-pandas.py EVENTS.csv RUNS
#
# Prints "load SECONDS", "funnel MEDIAN_MS MIN_MS" and "counts: N1 N2 N3".
#
# SPDX-License-Identifier: GPL-3.0-or-later

import statistics
import sys
import time

import pandas as pd

STEP1 = ['Payment notice']
STEP2 = ['App login', 'Web login', 'IVR menu']
STEP3 = ['Payment completed']
WINDOW = pd.Timedelta(days=7)


def funnel(df):
    s1 = df.loc[df.tp.isin(STEP1), ['c', 't']].rename(columns={'t': 't1'})
    e2 = df.loc[df.tp.isin(STEP2), ['c', 't']].rename(columns={'t': 't2'})
    m2 = s1.merge(e2, on='c')
    m2 = m2[(m2.t2 >= m2.t1) & (m2.t2 - m2.t1 <= WINDOW)]
    m2 = m2.groupby(['c', 't1'], as_index=False).t2.min()
    e3 = df.loc[df.tp.isin(STEP3), ['c', 't']].rename(columns={'t': 't3'})
    m3 = m2.merge(e3, on='c')
    m3 = m3[(m3.t3 >= m3.t2) & (m3.t3 - m3.t1 <= WINDOW)]
    return s1.c.nunique(), m2.c.nunique(), m3.c.nunique()


def main():
    path, runs = sys.argv[1], int(sys.argv[2])

    start = time.perf_counter()
    df = pd.read_csv(path, usecols=['customer_id', 'timestamp', 'touchpoint'],
                     dtype={'customer_id': str, 'timestamp': str, 'touchpoint': str})
    df = df.rename(columns={'customer_id': 'c', 'touchpoint': 'tp'})
    df['t'] = pd.to_datetime(df.pop('timestamp'), utc=True)
    print('load %.2f' % (time.perf_counter() - start))

    times = []
    counts = None
    for _ in range(runs):
        start = time.perf_counter()
        counts = funnel(df)
        times.append((time.perf_counter() - start) * 1000)
    print('funnel %.1f %.1f' % (statistics.median(times), min(times)))
    print('counts: %d %d %d' % counts)


main()
