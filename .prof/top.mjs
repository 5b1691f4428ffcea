import { readFileSync, readdirSync } from 'node:fs';
const dir = '/tmp/cpuprof'; const f = readdirSync(dir).sort().pop();
const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n])); const self = new Map(); const incl = new Map();
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
p.samples.forEach((id, i) => { const us = p.timeDeltas[i] ?? 0; const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + us);
  const seen = new Set(); for (let c = id; c !== undefined; c = parent.get(c)) { const cf = byId.get(c).callFrame; const kk = `${cf.functionName || '(anon)'}:${cf.lineNumber}`; if (seen.has(kk)) continue; seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + us); } });
console.log('SELF'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(7), k);
console.log('INCL'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(7), k);
