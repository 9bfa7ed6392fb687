/** The web app's files, read once at start: web/ plus cytoscape's ESM build as /assets/vendor/cytoscape.js. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Asset } from '../../src/server/index.ts';
import { ROOT } from '../store.ts';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export function loadAssets(webDir = resolve(ROOT, 'web')): Map<string, Asset> {
  const out = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const ext = name.split('.').pop()!.toLowerCase();
        const type = TYPES[ext] ?? 'application/octet-stream';
        out.set(relative(webDir, abs).split('\\').join('/'), { body: type.startsWith('text/') || type.includes('json') || type.includes('svg') ? readFileSync(abs, 'utf8') : readFileSync(abs), type });
      }
    }
  };
  walk(webDir);
  const cytoscape = resolve(ROOT, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs');
  out.set('assets/vendor/cytoscape.js', { body: readFileSync(cytoscape, 'utf8'), type: TYPES.js! });
  return out;
}
