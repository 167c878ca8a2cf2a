#!/usr/bin/env node
// Copyright (C) 2026 the carbon-advisor authors.
// SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
// The DuckDB peer of `carbon-advisor --format csv advise --runtime H
// --load L --all [--provider P]`: what an analyst would write for the same
// job.  SQL reads the bundled tables, joins prices x instances x regions
// and computes every candidate's footprint by doc/METHODOLOGY.md (Teads
// power curve through GSL's Steffen cubic, the host's largest share of
// embodied carbon, a 4-year lifetime, the region's PUE and average grid
// intensity) and sorts the candidates by (cost, carbon, file order); one
// O(n log n) sweep here over cost and carbon peels the Pareto fronts, and
// DuckDB writes the CSV: the program's first fifteen columns, then rank
// and marks, in the program's row order.  Usage (from bench/, after
// `npm ci`):
//
//   node peers/advise_duckdb.mjs DATA_DIR RUNTIME_H LOAD_PCT [PROVIDER]

import { DuckDBInstance } from '@duckdb/node-api';

const LOADS = [0, 10, 50, 100];
const POWER_COLUMNS = ['power_idle_w', 'power_10_w', 'power_50_w',
                       'power_100_w'];
const LIFETIME_H = 4 * 8760;

// A double as SQL: a DOUBLE literal, never DuckDB's DECIMAL.
const dbl = (x) => `CAST('${x}' AS DOUBLE)`;

// The power at LOAD as a SQL expression over the instance's four measured
// points: a measured point as it is, otherwise Steffen's monotone cubic on
// the load's segment (end slopes the segments' own, inner slopes Steffen's
// limited mean), clamped to the segment's two draws.
function powerSql(load) {
  const k = LOADS.indexOf(load);
  if (k >= 0)
    return `CAST(${POWER_COLUMNS[k]} AS DOUBLE)`;
  let i = 0;
  while (!(load < LOADS[i + 1]))
    i++;
  const y = (j) => `CAST(${POWER_COLUMNS[j]} AS DOUBLE)`;
  const h = (j) => dbl(LOADS[j + 1] - LOADS[j]);
  const slope = (j) => `((${y(j + 1)} - ${y(j)}) / ${h(j)})`;
  const sign = (s) => `(CASE WHEN ${s} < 0 THEN -1.0 ELSE 1.0 END)`;
  const deriv = (j) => {
    if (j === 0)
      return slope(0);
    if (j === LOADS.length - 1)
      return slope(j - 1);
    const sm = slope(j - 1), s = slope(j);
    const p = `((${sm} * ${h(j)} + ${s} * ${h(j - 1)})`
              + ` / (${h(j - 1)} + ${h(j)}))`;
    return `((${sign(sm)} + ${sign(s)}) * least(abs(${sm}), least(abs(${s}), `
           + `${dbl(0.5)} * abs(${p}))))`;
  };
  const d0 = deriv(i), d1 = deriv(i + 1), s = slope(i);
  const a = `((${d0} + ${d1} - ${dbl(2)} * ${s}) / ${h(i)} / ${h(i)})`;
  const b = `((${dbl(3)} * ${s} - ${dbl(2)} * ${d0} - ${d1}) / ${h(i)})`;
  const x = dbl(load - LOADS[i]);
  const w = `(${y(i)} + ${x} * (${d0} + ${x} * (${b} + ${x} * ${a})))`;
  return `greatest(${y(i)}, least(${y(i + 1)}, ${w}))`;
}

function candidatesSql(dir, runtime, load, provider) {
  const where = provider === undefined ? ''
    : `WHERE p.provider = '${provider.replace(/'/g, "''")}'`;
  const rt = dbl(runtime);
  return `
WITH inst AS (
  SELECT provider, instance_type, ${powerSql(load)} AS power_w,
         CAST(embodied_kgco2e AS DOUBLE) AS emb,
         least(CAST(vcpus AS DOUBLE) / CAST(host_vcpus AS DOUBLE), 1.0)
           AS vcpu_share,
         CAST(memory_gib AS DOUBLE) / CAST(host_memory_gib AS DOUBLE)
           AS memory_share,
         CASE WHEN host_gpus > 0
              THEN CAST(gpus AS DOUBLE) / CAST(host_gpus AS DOUBLE)
              ELSE 0.0 END AS gpu_share
  FROM read_csv('${dir}/instances.csv', header = true)),
share AS (
  SELECT *, greatest(memory_share, gpu_share) AS largest FROM inst),
inst2 AS (
  SELECT provider, instance_type, power_w,
         emb * CASE WHEN largest > vcpu_share THEN largest / vcpu_share
                    ELSE 1.0 END AS embodied
  FROM share),
cand AS (
  SELECT p.provider, p.region, p.instance_type,
         CAST(p.price_usd_per_h AS DOUBLE) AS price, i.power_w, i.embodied,
         CAST(g.pue AS DOUBLE) AS pue,
         CAST(g.grid_gco2e_per_kwh AS DOUBLE) AS grid
  FROM read_csv('${dir}/prices.csv', header = true) p
  JOIN inst2 i USING (provider, instance_type)
  JOIN read_csv('${dir}/regions.csv', header = true) g
    USING (provider, region)
  ${where}),
fp AS (
  SELECT *, row_number () OVER (ORDER BY provider, region, instance_type)
              AS ord,
         ${dbl(1)} * power_w * ${rt} / ${dbl(1000)} * pue AS energy,
         ${dbl(1)} * embodied * ${dbl(1000)} * ${rt} / ${dbl(LIFETIME_H)}
           AS scope3,
         ${dbl(1)} * price * ${rt} AS cost
  FROM cand WHERE price IS NOT NULL AND grid IS NOT NULL)
SELECT provider, region, instance_type, power_w, pue, grid, energy,
       energy * grid AS scope2, scope3, energy * grid + scope3 AS total,
       price, cost, ord,
       CAST(row_number () OVER (ORDER BY cost, energy * grid + scope3, ord)
            AS INTEGER) AS pos
FROM fp`;
}

function dominates(c, g, a, b) {
  return c[a] <= c[b] && g[a] <= g[b] && (c[a] < c[b] || g[a] < g[b]);
}

// Ranks of the N points in sorted order (cost, carbon, order ascending):
// every point that dominates one sorts before it, and the fronts that
// dominate it form a prefix, so a binary search over each front's latest
// (so far greenest) member finds its rank.
function peel(cost, carbon, n) {
  const rank = new Int32Array(n);
  const last = new Int32Array(n);
  let nfronts = 0;
  for (let i = 0; i < n; i++) {
    let lo = 0, hi = nfronts;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dominates(cost, carbon, last[mid], i))
        lo = mid + 1;
      else
        hi = mid;
    }
    last[lo] = i;
    if (lo === nfronts)
      nfronts++;
    rank[i] = lo + 1;
  }
  return { rank, nfronts };
}

// Cheapest, greenest and knee of the front, as pareto.h defines them.
function marks(cost, carbon, ord, rank, n) {
  const front = [];
  for (let i = 0; i < n; i++)
    if (rank[i] === 1)
      front.push(i);
  const m = new Map();
  if (n === 0)
    return m;
  const add = (i, name) => m.set(i, m.has(i) ? m.get(i) + ';' + name : name);
  const cheapest = front[0];
  let greenest = front[front.length - 1];
  for (const i of front)
    if (carbon[i] <= carbon[greenest]) {
      greenest = i;
      break;
    }
  let distinct = 0;
  front.forEach((i, j) => {
    if (j === 0 || cost[i] !== cost[front[j - 1]]
        || carbon[i] !== carbon[front[j - 1]])
      distinct++;
  });
  add(cheapest, 'cheapest');
  add(greenest, 'greenest');
  if (distinct >= 3) {
    const cmax = cost[greenest], gmin = carbon[greenest];
    const width = cmax - cost[cheapest], height = carbon[cheapest] - gmin;
    let best = -1, bestS = 0;
    for (const i of front) {
      const s = (cmax - cost[i]) * height - (carbon[i] - gmin) * width;
      if (!(s > 0))
        continue;
      if (best < 0 || s > bestS || (s === bestS && ord[i] < ord[best])) {
        best = i;
        bestS = s;
      }
    }
    if (best >= 0)
      add(best, 'knee');
  }
  return m;
}

// The columns of the query's result, as JavaScript arrays.
async function columns(con, sql) {
  const result = await con.run(sql);
  const out = result.columnNames().map(() => []);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0)
      return out;
    out.forEach((col, c) => {
      const v = chunk.getColumnVector(c);
      for (let j = 0; j < chunk.rowCount; j++)
        col.push(v.getItem(j));
    });
  }
}

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

async function main(argv) {
  if (argv.length < 3) {
    process.stderr.write('usage: advise_duckdb.mjs DATA_DIR RUNTIME_H '
                         + 'LOAD_PCT [PROVIDER]\n');
    return 64;
  }
  const [dir, runtime, load, provider] = [argv[0], Number(argv[1]),
                                          Number(argv[2]), argv[3]];
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run('CREATE TABLE cand AS '
                + candidatesSql(dir, runtime, load, provider));

  // The peel needs only cost and carbon, in sorted order (pos).
  const [cost, total, ord] = await columns(
    con, 'SELECT cost, total, ord FROM cand ORDER BY pos');
  const n = cost.length;
  const { rank } = peel(cost, total, n);
  const mark = marks(cost, total, ord, rank, n);

  // Back into DuckDB, which writes the CSV in output order: rank, then
  // the sorted order.
  await con.run('CREATE TABLE ranked (pos INTEGER, rank INTEGER)');
  const app = await con.createAppender('ranked');
  for (let i = 0; i < n; i++) {
    app.appendInteger(i + 1);
    app.appendInteger(rank[i]);
    app.endRow();
  }
  app.closeSync();
  const marksSql = mark.size === 0 ? 'NULL'
    : 'CASE pos ' + [...mark].map(([i, m]) => `WHEN ${i + 1} THEN `
                                              + quote(m)).join(' ')
      + ' END';
  await con.run(`
COPY (
  SELECT provider, region, instance_type, 1 AS count,
         ${quote(argv[1])} AS runtime_h, ${quote(argv[2])} AS load_pct,
         power_w, pue, grid AS grid_gco2e_per_kwh, energy AS energy_kwh,
         scope2 AS scope2_gco2e, scope3 AS scope3_gco2e,
         total AS total_gco2e, price AS price_usd_per_h, cost AS cost_usd,
         rank, ${marksSql} AS marks
  FROM cand JOIN ranked USING (pos)
  ORDER BY rank, pos)
TO '/dev/stdout' (FORMAT csv, HEADER)`);
  con.closeSync();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
