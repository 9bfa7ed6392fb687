#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, evaluations) through tsx: `node bin/run.js bench/x.ts args…`.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
// The project's tsconfig wherever the script runs from: its paths map the workspace package
// vietnamese-tokenizer to its sources, so nothing needs building after `npm ci`.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const [script, ...rest] = process.argv.slice(2);
if (!script) { console.error('usage: node bin/run.js <script.ts> [args…]'); process.exit(2); }
process.argv = [process.argv[0], resolve(script), ...rest];
await import(pathToFileURL(resolve(script)).href);
