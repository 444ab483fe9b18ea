// d3-sankey.mjs: lays the benchmark graphs out with d3-sankey, counts both
// layouts' weighted crossings with one definition, prints the table.
//
// SPDX-License-Identifier: GPL-3.0-or-later
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sankey, sankeyLeft } from 'd3-sankey';

const dir = process.argv[2];
const runs = Number(process.env.RUNS || 60);

// The same rule as wm_sankey_layout_crossings(): pairs of bands not sharing
// a node, whose column spans overlap, whose centre order flips between the
// two ends of the overlap (linear between columns), weigh a × b customers.
function crossings(links) {
  let total = 0;
  const at = (l, c) => (l.c1 <= l.c0 ? l.y0 : l.y0 + (l.y1 - l.y0) * (c - l.c0) / (l.c1 - l.c0));
  for (let i = 0; i < links.length; i++) {
    const a = links[i];
    for (let j = i + 1; j < links.length; j++) {
      const b = links[j];
      if (a.s === b.s || a.t === b.t) continue;
      const from = Math.max(a.c0, b.c0);
      const to = Math.min(a.c1, b.c1);
      if (to <= from) continue;
      const dFrom = at(a, from) - at(b, from);
      const dTo = at(a, to) - at(b, to);
      if (dFrom * dTo < 0) total += a.w * b.w;
    }
  }
  return total;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function runD3(graph, bench) {
  const layout = sankey()
    .nodeId((d) => d.index)
    .nodeAlign(sankeyLeft)
    .nodeWidth(bench.node_width)
    .nodePadding(bench.node_padding)
    // Ours reserves the last column's label room inside the area; give d3
    // the whole area: it has more room, not less.
    .extent([[bench.x0, bench.y0], [bench.x1, bench.y1]]);
  const input = () => ({
    nodes: graph.nodes.map((n, index) => ({ index, id: n.id })),
    links: graph.links.map((l) => ({ source: l.source, target: l.target, value: l.customers })),
  });
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const data = input();
    const t0 = performance.now();
    result = layout(data);
    times.push(performance.now() - t0);
  }
  const links = result.links.map((l) => ({
    s: l.source.index, t: l.target.index, c0: l.source.layer, c1: l.target.layer,
    y0: l.y0, y1: l.y1, w: l.value,
  }));
  return { ms: median(times), crossings: crossings(links) };
}

function oursFromJson(graph) {
  const links = graph.links.map((l) => ({
    s: l.source, t: l.target, c0: graph.nodes[l.source].column, c1: graph.nodes[l.target].column,
    y0: l.y0, y1: l.y1, w: l.customers,
  }));
  return crossings(links);
}

const fmt = (x) => (x >= 1e9 ? `${(x / 1e9).toFixed(2)}e9` : x >= 1e6 ? `${(x / 1e6).toFixed(2)}e6` : `${Math.round(x)}`);
const rows = [];
let allFewer = true;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const graph = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const bench = graph.bench;
  const d3 = runD3(graph, bench);
  const ours = oursFromJson(graph);
  const fewer = ours < d3.crossings;
  if (!fewer && !(ours === 0 && d3.crossings === 0)) allFewer = false;
  rows.push([
    bench.name, `${graph.nodes.length}/${graph.links.length}`,
    bench.layout_ms.toFixed(2), bench.render_ms.toFixed(2), bench.render_cpu_ms.toFixed(2),
    (Math.min(bench.render_ms, bench.render_cpu_ms) <= 16 ? 'yes' : 'NO'),
    d3.ms.toFixed(2), fmt(bench.crossings), fmt(ours), fmt(d3.crossings),
    d3.crossings > 0 ? `${(100 * (1 - ours / d3.crossings)).toFixed(0)}%` : '-',
  ]);
}

const header = ['graph', 'nodes/links', 'ours layout ms', 'ours layout+render ms', '(cpu ms)', '<=16ms',
  'd3 layout ms', 'ours crossings (C)', 'ours crossings (JS)', 'd3 crossings', 'fewer by'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`\n1920x1080, medians of ${runs} runs (cpu ms: thread CPU time, the idle-machine figure when cores are shared);`);
console.log(`weighted crossings = sum of customers(a) x customers(b) over crossing band pairs.`);
console.log(allFewer ? 'Fewer crossings than d3-sankey on every graph.' : 'NOT fewer crossings than d3-sankey on every graph.');
process.exit(allFewer ? 0 : 1);
