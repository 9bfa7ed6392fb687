/**
 * What every admin store promises (src/server/admin-store.ts), whatever keeps the sources —
 * files under corpus/ (tests/admin-store-files.test.ts) or PostgreSQL. Run it against a store
 * that serves the seeds and indexes for real: a job is 'done' only when the served index
 * reflects the write, so these tests index.
 *
 *   import { adminStoreContract } from './contracts/admin-store.ts';
 *   adminStoreContract('postgres', async () => ({ store, searchable: (q) => …, close }));
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminStore, StoreError } from '../../src/server/index.ts';
import { wallLimit } from '../helpers/timing.ts';

export interface AdminStoreUnderTest {
  store: AdminStore;
  /** Ids of the documents the served index holds now. */
  served(): Promise<string[]> | string[];
  /** Files a failed or refused write left behind (temporary files), when the store has any to look at. */
  leftovers?(): Promise<string[]> | string[];
  close(): Promise<void>;
}

const enc = new TextEncoder();
const doc = (n: number, extra = '') =>
  enc.encode(
    [`Kết luận số ${n}-KL/TW`, 'Hà Nội, ngày 26 tháng 12 năm 2025', 'Tại phiên họp ngày 26/12/2025, Bộ Chính trị, Ban Bí thư kết luận như sau:', `1. Tiếp tục thực hiện Kết luận số 221-KL/TW về sắp xếp trạm khí tượng thủy văn cấp xã.${extra}`].join('\n'),
  );
const etagOf = (b: Uint8Array) => `"sha256-${createHash('sha256').update(b).digest('hex')}"`;

async function storeError(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError, the call succeeded');
}

export function adminStoreContract(name: string, make: () => Promise<AdminStoreUnderTest>): void {
  describe(`admin store contract: ${name}`, () => {
    let t: AdminStoreUnderTest;
    // A rebuild is a few seconds on an idle machine; the wait is a stall detector stretched by the load.
    const WAIT = () => wallLimit(60_000);
    beforeAll(async () => {
      t = await make();
    }, 600_000);
    afterAll(async () => {
      await t?.close();
    });

    it('creates a source: done once searchable, with its documents and a strong ETag of its bytes', { timeout: 300_000 }, async () => {
      const bytes = doc(230);
      const r = await t.store.put({ name: 'ket-luan-230.txt', bytes, mode: 'create' }, { waitMs: WAIT() });
      expect(r.created).toBe(true);
      expect(r.job).toMatchObject({ kind: 'put', name: 'ket-luan-230.txt', state: 'done', documentIds: ['230-kl-tw'] });
      expect(r.source).toMatchObject({ name: 'ket-luan-230.txt', etag: etagOf(bytes), bytes: bytes.length, documentIds: ['230-kl-tw'] });
      expect(r.source.path).toMatch(/(^|\/)ket-luan-230\.txt$/);
      expect(await t.served()).toContain('230-kl-tw');
      const src = await t.store.source('ket-luan-230.txt');
      expect(src?.etag).toBe(etagOf(bytes));
      expect(Buffer.from(src!.content).equals(Buffer.from(bytes))).toBe(true);
      expect(await t.store.job(r.job.id)).toMatchObject({ state: 'done', documentIds: ['230-kl-tw'] });
    });

    it('refuses to create a name that exists: conflict, with the existing ETag and documents; nothing changes', { timeout: 120_000 }, async () => {
      const e = await storeError(t.store.put({ name: 'ket-luan-230.txt', bytes: doc(231), mode: 'create' }, { waitMs: 0 }));
      expect(e.code).toBe('conflict');
      expect(e.existing).toMatchObject({ name: 'ket-luan-230.txt', etag: etagOf(doc(230)), documentIds: ['230-kl-tw'] });
      expect((await t.store.source('ket-luan-230.txt'))?.etag).toBe(etagOf(doc(230)));
    });

    it('replaces only what If-Match names: a stale ETag is precondition-failed, the current one replaces', { timeout: 300_000 }, async () => {
      const stale = await storeError(t.store.put({ name: 'ket-luan-230.txt', bytes: doc(232), mode: 'replace', ifMatch: '"sha256-0000"' }, { waitMs: 0 }));
      expect(stale.code).toBe('precondition-failed');
      expect(stale.existing?.etag).toBe(etagOf(doc(230)));
      const missing = await storeError(t.store.put({ name: 'nothing-here.txt', bytes: doc(233), mode: 'replace', ifMatch: etagOf(doc(233)) }, { waitMs: 0 }));
      expect(missing.code).toBe('precondition-failed');
      const r = await t.store.put({ name: 'ket-luan-230.txt', bytes: doc(232), mode: 'replace', ifMatch: etagOf(doc(230)) }, { waitMs: WAIT() });
      expect(r.created).toBe(false);
      expect(r.job).toMatchObject({ state: 'done', documentIds: ['232-kl-tw'] });
      const served = await t.served();
      expect(served).toContain('232-kl-tw');
      expect(served).not.toContain('230-kl-tw');
    });

    it('serialises concurrent creates of one name: one wins, the other conflicts, the stored bytes are the winner’s', { timeout: 300_000 }, async () => {
      const a = doc(240, ' A');
      const b = doc(241, ' B');
      const results = await Promise.allSettled([t.store.put({ name: 'cung-ten.txt', bytes: a, mode: 'create' }, { waitMs: WAIT() }), t.store.put({ name: 'cung-ten.txt', bytes: b, mode: 'create' }, { waitMs: WAIT() })]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(((lost[0] as PromiseRejectedResult).reason as StoreError).code).toBe('conflict');
      const winner = results[0]!.status === 'fulfilled' ? a : b;
      expect((await t.store.source('cung-ten.txt'))?.etag).toBe(etagOf(winner));
    });

    it('a write that gives no document fails its job with the reason, and is not served', { timeout: 300_000 }, async () => {
      const r = await t.store.put({ name: 'nhi-phan.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0]), mode: 'create' }, { waitMs: WAIT() });
      expect(r.job.state).toBe('failed');
      expect(r.job.error).toMatch(/binary/i);
    });

    it('removes by name and by document: done once no longer served; a second removal is not-found', { timeout: 300_000 }, async () => {
      const byName = await t.store.remove({ name: 'cung-ten.txt' }, { waitMs: WAIT() });
      expect(byName.job).toMatchObject({ kind: 'remove', name: 'cung-ten.txt', state: 'done' });
      expect(await t.store.source('cung-ten.txt')).toBeUndefined();
      const byDoc = await t.store.remove({ docId: '232-kl-tw' }, { waitMs: WAIT() });
      expect(byDoc.source.name).toBe('ket-luan-230.txt');
      expect(byDoc.job.state).toBe('done');
      expect(await t.served()).not.toContain('232-kl-tw');
      expect((await storeError(t.store.remove({ name: 'ket-luan-230.txt' }))).code).toBe('not-found');
      // Documents that do not come from an admin-written source cannot be removed.
      expect((await storeError(t.store.remove({ docId: '221-kl-tw' }))).code).toBe('not-found');
      expect(await t.served()).toContain('221-kl-tw');
    });

    it('answers at once when told not to wait: the job is pending, then done', { timeout: 300_000 }, async () => {
      const r = await t.store.put({ name: 'ngay-lap-tuc.txt', bytes: doc(250), mode: 'create' }, { waitMs: 0 });
      expect(['pending', 'done']).toContain(r.job.state);
      const until = Date.now() + WAIT();
      let job = await t.store.job(r.job.id);
      while (job?.state === 'pending' && Date.now() < until) {
        await new Promise((res) => setTimeout(res, 200));
        job = await t.store.job(r.job.id);
      }
      expect(job).toMatchObject({ state: 'done', documentIds: ['250-kl-tw'] });
      expect(await t.store.job('no-such-job')).toBeUndefined();
    });

    it('refuses names the file system or a reader could be fooled by, and leaves nothing behind', async () => {
      for (const bad of ['../x.txt', 'a/b.txt', `${'đ'.repeat(127)}.txt`, 'a\u202etxt.exe.txt', 'x\u200b.txt', 'x\u007f.txt', 'x.exe']) {
        const e = await storeError(t.store.put({ name: bad, bytes: doc(260), mode: 'create' }, { waitMs: 0 }));
        expect(e.code, bad).toBe('invalid-name');
      }
      if (t.leftovers) expect(await t.leftovers()).toEqual([]);
    });
  });
}
