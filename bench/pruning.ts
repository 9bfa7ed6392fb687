/**
 * `node bin/run.js bench/pruning.ts [rounds]`: the VLC laws, the 300 bench:scale queries (top 10,
 * uncached), with dynamic pruning and without (src/search/execute.ts). Reports process CPU time
 * (user + system), not wall time: the machine is shared, and CPU time is what the other agents'
 * load disturbs least. Rounds alternate the two modes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import { scaleQueries } from './lib/scale-queries.ts';

const VLC = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../shared/corpus-external'), 'vlc/corpus');
if (!existsSync(VLC)) {
  console.error(`bench:pruning needs the VLC corpus at ${VLC}`);
  process.exit(1);
}
const ROUNDS = Number(process.argv[2] ?? 3);
const { inputs } = await loadInputs([VLC]);
const engine = buildCorpus(inputs, { contentHash: 'bench' }).search;
const queries = await scaleQueries(VLC);
const cpu = { on: 0, off: 0 };
const run = (on: boolean) => {
  engine.pruning = on;
  const t = process.cpuUsage();
  for (const q of queries) {
    engine.clearCache();
    engine.search(q, { limit: 10 });
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
run(true);
run(false);
for (let r = 0; r < ROUNDS; r++) {
  cpu.off += run(false);
  cpu.on += run(true);
}
const per = (ms: number) => (ms / ROUNDS / queries.length).toFixed(3);
console.log(`${queries.length} queries × ${ROUNDS} rounds, CPU ms per query: exhaustive ${per(cpu.off)}, pruned ${per(cpu.on)}`);
