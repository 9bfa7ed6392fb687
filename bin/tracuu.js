#!/usr/bin/env node
// The published entry point: registers tsx so the CLI runs from TypeScript sources
// without a separate build step, then hands over to indexer/cli.ts.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../indexer/cli.ts');
process.exitCode = await main(process.argv.slice(2));
