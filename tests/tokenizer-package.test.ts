/**
 * vietnamese-tokenizer is ready to publish: `npm pack` ships only what a user needs, and the
 * tarball installs into an empty project where it imports as ESM and type-checks (issue 17).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seeds.ts';

const PKG = resolve(ROOT, 'packages/vietnamese-tokenizer');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('vietnamese-tokenizer as a published package', () => {
  const work = mkdtempSync(join(tmpdir(), 'vntok-pack-'));
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(join(PKG, 'dist'), { recursive: true, force: true });
  });

  it('packs only the built module, its types, README, CHANGELOG and licence', () => {
    const [report] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], PKG)) as [{ filename: string; files: { path: string }[] }];
    const files = report.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
    for (const f of files) expect(f, 'nothing but dist/, docs and package.json').toMatch(/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/[\w-]+\.(js|d\.ts))$/);
    expect(files.some((f) => f.includes('test'))).toBe(false);
    expect(readdirSync(work)).toContain(report.filename);
  }, 120_000);

  it('installs from the tarball into an empty project and imports there, ESM and types', () => {
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball, 'the previous test packed it').toBeDefined();
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', '--offline', '--no-audit', '--no-fund', join(work, tarball!)], app);

    writeFileSync(
      join(app, 'main.js'),
      `import { canonicalIdentifier, fold, tokenize } from 'vietnamese-tokenizer';
console.log(JSON.stringify([canonicalIdentifier('183- KL/TW'), fold('Đảng uỷ'), tokenize('Nghị định 15/2020/NĐ-CP').map((t) => t.kind)]));`,
    );
    const out = execFileSync(process.execPath, ['main.js'], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['183-KL/TW', 'dang uy', ['syllable', 'syllable', 'identifier']]);

    // Types: a consumer's TypeScript sees the declarations through `exports` (NodeNext resolution).
    writeFileSync(
      join(app, 'main.ts'),
      `import { analyzeTerm, type Token } from 'vietnamese-tokenizer';
const t: Token[] = [];
const kind: 'syllable' | 'identifier' | 'number' | 'date' | 'phrase' | undefined = analyzeTerm('Uỷ')?.kind;
// @ts-expect-error fold takes a string
import('vietnamese-tokenizer').then((m) => m.fold(42));
export { t, kind };`,
    );
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['main.ts'] }));
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  }, 120_000);
});
