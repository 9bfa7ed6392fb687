#!/usr/bin/env node
// The published entry point: registers tsx so the CLI runs from TypeScript sources
// without a separate build step, then hands over to indexer/cli.ts.
// Exit codes: 0 ok, 1 done with input errors, 2 usage, 3 crashed, 4 build/ is being written by another indexer (--no-wait).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
// The project's tsconfig wherever the command runs from: its paths map the workspace package
// vietnamese-tokenizer to its sources, so nothing needs building after `npm ci`.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
try {
  const { main } = await import('../indexer/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`tracuu: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.TRACUU_DEBUG) console.error(e);
  process.exitCode = 3;
}
