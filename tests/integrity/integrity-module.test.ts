/**
 * indexer/integrity.ts and indexer/build-lock.ts, the helpers every writer of build/ uses
 * (the build store today, segment files tomorrow): checksums that catch every kind of damage,
 * writes that leave nothing behind when they fail, a lock that says who holds it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksum, createSyncedWriter, IntegrityError, readVerified, verifyBytes, verifyFile, writeAtomic, writeSynced } from '../../indexer/integrity.ts';
import { acquireBuildLock, BuildLockedError, readBuildLock } from '../../indexer/build-lock.ts';
import { createApp } from '../../src/server/index.ts';
import { openCorpus } from '../../src/corpus.ts';
import { SearchEngine } from '../../src/search/index.ts';
import { seedCorpus } from '../helpers/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'tracuu-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checksums', () => {
  const data = Buffer.from('Kết luận số 221-KL/TW — các trạm y tế cấp xã');
  const sum = checksum(data);
  it.each([
    ['cut short', data.subarray(0, 10), 'size'],
    ['one byte changed', Buffer.concat([data.subarray(0, 5), Buffer.from([data[5]! ^ 1]), data.subarray(6)]), 'checksum'],
    ['zeroed', Buffer.alloc(data.length), 'checksum'],
    ['longer', Buffer.concat([data, Buffer.from('x')]), 'size'],
  ])('%s bytes fail their check', async (_name, bad, problem) => {
    expect(() => verifyBytes('f', bad, sum)).toThrow(IntegrityError);
    try {
      verifyBytes('f', bad, sum);
    } catch (e) {
      expect((e as IntegrityError).problem).toBe(problem);
    }
    const path = join(dir, `bad-${problem}-${bad.length}`);
    writeFileSync(path, bad);
    await expect(readVerified(path, sum)).rejects.toMatchObject({ problem });
    await expect(verifyFile(path, sum)).rejects.toMatchObject({ problem });
  });
  it('whole bytes pass, read once; a missing file is "missing"', async () => {
    const path = join(dir, 'good');
    expect(await writeSynced(path, data)).toEqual(sum);
    expect((await readVerified(path, sum)).equals(data)).toBe(true);
    await expect(verifyFile(path, sum)).resolves.toBeUndefined();
    await expect(readVerified(join(dir, 'nope'), sum)).rejects.toMatchObject({ problem: 'missing' });
  });
  it('a streamed write hashes what it wrote', async () => {
    const w = await createSyncedWriter(join(dir, 'streamed'));
    await w.write(data.subarray(0, 7));
    await w.write(data.subarray(7));
    expect(await w.finish()).toEqual(sum);
  });
});

describe('writeAtomic', () => {
  it('replaces a file whole, and a failed write leaves no temporary file', async () => {
    const sub = join(dir, 'atomic');
    mkdirSync(sub);
    await writeAtomic(join(sub, 'a.txt'), 'one');
    await writeAtomic(join(sub, 'a.txt'), 'two');
    // A name longer than the file system allows: the rename fails, the temporary file goes.
    await expect(writeAtomic(join(sub, `${'ố'.repeat(100)}.txt`), 'three')).rejects.toThrow(/ENAMETOOLONG/);
    expect(readdirSync(sub)).toEqual(['a.txt']);
  });
});

describe('the build lock', () => {
  it('a second taker is refused with who holds it, or waits; release frees it', async () => {
    const out = join(dir, 'build');
    const a = await acquireBuildLock(out, { command: 'test A' });
    expect(await readBuildLock(out)).toMatchObject({ pid: process.pid, command: 'test A' });
    await expect(acquireBuildLock(out)).rejects.toBeInstanceOf(BuildLockedError);
    await expect(acquireBuildLock(out)).rejects.toThrow(new RegExp(`pid ${process.pid}`));
    const waited: string[] = [];
    const b = acquireBuildLock(out, { wait: 5_000, pollMs: 20, onWait: (h) => waited.push(h.command) });
    await new Promise((r) => setTimeout(r, 100));
    await a.release();
    const lock = await b;
    expect(waited).toEqual(['test A']);
    await lock.release();
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });
});

describe('an index that fails while decoding is refused, not served', () => {
  it('the query gets 503 with Retry-After, the server is told, and other routes answer', async () => {
    const good = await seedCorpus();
    const bytes = Uint8Array.from(good.search.save());
    // Damage the postings after the header: the load succeeds (terms are fine), queries decode garbage.
    const headerEnd = 12 + new DataView(bytes.buffer).getUint32(8);
    bytes.fill(0xff, headerEnd + Math.floor((bytes.length - headerEnd) / 3));
    const damagedCorpus = openCorpus(good.artifact, SearchEngine.load(bytes, good.artifact.documents, good.artifact.graph));
    const told: Error[] = [];
    const app = createApp({ corpus: () => damagedCorpus, config: { corsOrigins: [] }, damaged: (e) => void told.push(e) });
    const statuses: number[] = [];
    for (const q of ['chinh quyen dia phuong', 'tram y te', 'Đảng ủy', 'cán bộ', 'bộ máy', 'ngân sách']) {
      const r = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
      statuses.push(r.status);
      if (r.status === 503) {
        expect(r.headers.get('retry-after')).toBe('10');
        expect(((await r.json()) as any).detail).toMatch(/damaged/);
      }
    }
    expect(statuses).toContain(503);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(told[0]?.name).toBe('CorruptIndexError');
    expect((await app.request('/api/documents/221-kl-tw')).status).toBe(200);
  });
});
