#!/usr/bin/env node
// A long-lived indexer process for a running server (indexer/serve/index-daemon.ts): it loads
// the pipeline once and runs `tracuu <args>` for each message, instead of a new process per
// rebuild (whose start-up, not the indexing, is most of a small rebuild's time).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../indexer/serve/index-daemon-child.ts');
