/**
 * PostgreSQL as the system of record (issue 16), against a real server: a private cluster
 * started for this file (tests/helpers/postgres.ts). Two tracuu instances on one database:
 * a document written through one is found through the other within 2 s; removed the same
 * way; the database stops and both keep answering (degraded); it comes back and they catch up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type Started } from '../../indexer/commands/serve.ts';
import { begin, openDatabase, type Sql } from '../../indexer/db/connect.ts';
import { migrate, pending } from '../../indexer/db/migrate.ts';
import { deleteSource, lockName, putSource } from '../../indexer/db/sources.ts';
import { readRecords } from '../../indexer/db/derived.ts';
import { ROOT } from '../helpers/seeds.ts';
import { describePostgres, startCluster, type Cluster } from '../helpers/postgres.ts';
import { wallLimit } from '../helpers/timing.ts';
import { createHash } from 'node:crypto';

const TOKEN = 'admin-token-for-tests';
const KL230 = `BỘ CHÍNH TRỊ\n\nKẾT LUẬN\nSố 230-KL/TW, ngày 05 tháng 01 năm 2026\n\nKết luận của Bộ Chính trị về thí điểm tra cứu văn bản đồng bộ\n\n1. Giao Văn phòng Trung ương Đảng theo dõi việc đồng bộ cơ sở dữ liệu văn bản giữa các cơ quan.\n`;

const tracuu = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<{ value: T; after: number }> {
  const start = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return { value, after: Date.now() - start };
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const getJson = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { hits?: { id: string; docId: string }[]; database?: { state: string; revision?: number } } };
};

describePostgres('PostgreSQL store: migrations, import, export, two instances', () => {
  let cluster: Cluster;
  let sql: Sql;
  const work = mkdtempSync(join(tmpdir(), 'tracuu-db-'));
  const instances: Started[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    sql = openDatabase(cluster.url);
  });
  afterAll(async () => {
    for (const s of instances) await s.close();
    await sql?.end({ timeout: 1 });
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('migrations: none applied at first, all after `tracuu db migrate`, and a second run changes nothing', async () => {
    expect((await pending(sql)).length).toBeGreaterThan(0);
    expect(tracuu(['db', 'migrate', '--db', cluster.url])).toMatch(/applied 0001_init\.sql/);
    expect(await pending(sql)).toEqual([]);
    expect(await migrate(sql)).toEqual([]);
    expect(tracuu(['db', 'migrate'], { TRACUU_DATABASE_URL: cluster.url })).toMatch(/up to date/);
  });

  it('`tracuu db import seeds` stores the files and prints the same report as `tracuu index`', async () => {
    const out = tracuu(['db', 'import', 'seeds', '--db', cluster.url, '--out', join(work, 'import-build'), '--quiet']);
    expect(out).toMatch(/^4 documents, 56 clauses .*, 15 references — indexed in .*revision 5/m);
    const rows = await sql<{ corpus: string; name: string }[]>`SELECT corpus, name FROM sources ORDER BY name`;
    expect(rows.map((r) => `${r.corpus}/${r.name}`)).toEqual(readdirSync(join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort().map((f) => `seeds/${f}`));
    // What the indexer made of them is in the database too.
    const records = await readRecords(sql);
    expect(records.revision).toBe(5);
    expect(records.documents.map((d) => d.id).sort()).toEqual(['183-kl-tw', '202-kl-tw', '221-kl-tw', 'vb-001-57c09aa3197540b1']);
    // Importing again stores nothing new.
    expect(tracuu(['db', 'import', 'seeds', '--db', cluster.url, '--out', join(work, 'import-build'), '--quiet'])).toMatch(/revision 5/);
  });

  it('`tracuu db export DIR` writes every source back, byte for byte', () => {
    const dir = join(work, 'export');
    expect(tracuu(['db', 'export', dir, '--db', cluster.url])).toMatch(/5 sources of revision 5/);
    for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => !x.startsWith('.'))) expect(readFileSync(join(dir, 'seeds', f))).toEqual(readFileSync(join(ROOT, 'seeds', f)));
  });

  it('two instances on one database: a document added through one is found through the other within 2 s; removed the same way', async () => {
    for (const name of ['a', 'b']) instances.push(await startServer({ db: cluster.url, out: join(work, `build-${name}`), port: 0, quiet: true, adminToken: TOKEN, adminWaitMs: wallLimit(60_000), log: () => undefined, retry: { baseMs: 200, maxMs: 1000 } }));
    const [a, b] = instances as [Started, Started];
    for (const s of [a, b]) expect((await getJson(`${s.url}/healthz`)).body).toMatchObject({ status: 'ok', documents: 4, database: { state: 'connected', revision: 5, servedRevision: 5 } });

    const added = await fetch(`${a.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ket-luan-230.txt', content: KL230 }) });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ path: 'corpus/ket-luan-230.txt', documentIds: ['230-kl-tw'] });
    // In the database, not on the instance's disk only.
    expect((await sql<{ name: string }[]>`SELECT name FROM sources WHERE corpus = 'corpus'`).map((r) => r.name)).toEqual(['ket-luan-230.txt']);
    const found = await until('230-KL/TW searchable through the other instance', 60_000, async () => ((await getJson(`${b.url}/api/search?q=dong%20bo%20co%20so%20du%20lieu`)).body.hits?.[0]?.docId === '230-kl-tw' ? true : undefined));
    // 2 s from the first instance's answer, on a machine that is not oversubscribed (CI); stretched by the load average otherwise.
    expect(found.after).toBeLessThanOrEqual(wallLimit(2000));
    expect((await getJson(`${b.url}/api/documents/230-kl-tw`)).status).toBe(200);

    const removed = await fetch(`${b.url}/api/documents/230-kl-tw`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(removed.status).toBe(204);
    const removedAt = Date.now();
    await until('230-KL/TW gone from the first instance', 60_000, async () => ((await getJson(`${a.url}/api/documents/230-kl-tw`)).status === 404 ? true : undefined));
    expect(Date.now() - removedAt).toBeLessThanOrEqual(wallLimit(2000));
    expect(await sql`SELECT name FROM sources WHERE corpus = 'corpus'`).toHaveLength(0);
  });

  it('writes through the SQL functions (another tool on the database) reach the instances too', async () => {
    const [a, b] = instances as [Started, Started];
    const bytes = new TextEncoder().encode(KL230);
    await begin(sql, async (tx) => {
      await lockName(tx, 'corpus', 'ket-luan-230.txt');
      await putSource(tx, 'corpus', 'ket-luan-230.txt', bytes, createHash('sha256').update(bytes).digest('hex'));
    });
    await Promise.all([a, b].map((s) => until(`230-KL/TW on ${s.url}`, 60_000, async () => ((await getJson(`${s.url}/api/documents/230-kl-tw`)).status === 200 ? true : undefined))));
    await begin(sql, (tx) => deleteSource(tx, 'corpus', 'ket-luan-230.txt'));
    await Promise.all([a, b].map((s) => until(`230-KL/TW gone from ${s.url}`, 60_000, async () => ((await getJson(`${s.url}/api/documents/230-kl-tw`)).status === 404 ? true : undefined))));
  });

  it('a transaction whose connection dies is rolled back and reported, and the process lives on (postgres.js#1208)', async () => {
    let pid: number | undefined;
    const work = begin(sql, async (tx) => {
      await lockName(tx, 'corpus', 'never.txt');
      [{ pid }] = (await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`) as unknown as [{ pid: number }];
      await tx`SELECT pg_sleep(5)`;
      await tx`INSERT INTO changes (revision, action, corpus, name) VALUES (0, 'put', 'corpus', 'never.txt')`;
    });
    while (pid === undefined) await new Promise((r) => setTimeout(r, 20));
    await sql`SELECT pg_terminate_backend(${pid})`;
    await expect(work).rejects.toMatchObject({ code: expect.stringMatching(/57P01|CONNECTION_CLOSED|ECONNRESET/) });
    expect(await sql`SELECT 1 FROM changes WHERE name = 'never.txt'`).toHaveLength(0);
    // Vitest fails the file on an uncaught exception from a timer: there is none, and the next transaction works.
    expect(await begin(sql, async (tx) => (await tx<{ n: number }[]>`SELECT 1 AS n`)[0]!.n)).toBe(1);
  });

  it('the database stops: both instances keep answering from their index and say degraded; it returns: ok and caught up', async () => {
    const [a, b] = instances as [Started, Started];
    cluster.stop();
    for (const s of [a, b]) {
      await until(`${s.url} degraded`, 15_000, async () => ((await getJson(`${s.url}/healthz`)).body.status === 'degraded' ? true : undefined));
      const health = (await getJson(`${s.url}/healthz`)).body;
      expect(health.database?.state).toBe('unreachable');
      const search = await getJson(`${s.url}/api/search?q=tram%20y%20te`);
      expect(search.status).toBe(200);
      expect(search.body.hits?.[0]?.id).toBe('221-kl-tw/4');
      const refused = await fetch(`${s.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x.txt', content: KL230 }) });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/database is unreachable/);
    }
    cluster.start();
    for (const s of [a, b]) await until(`${s.url} ok again`, 15_000, async () => ((await getJson(`${s.url}/healthz`)).body.status === 'ok' ? true : undefined));
  });
});
