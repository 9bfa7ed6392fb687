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
import { openDatabase, type Sql } from '../../indexer/db/connect.ts';
import { migrate, pending } from '../../indexer/db/migrate.ts';
import { deleteSource, lockName, putSource } from '../../indexer/db/sources.ts';
import { readRecords } from '../../indexer/db/derived.ts';
import { ROOT } from '../helpers/seeds.ts';
import { describePostgres, startCluster, type Cluster } from '../helpers/postgres.ts';
import { wallLimit } from '../helpers/timing.ts';
import { createHash } from 'node:crypto';

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
    expect(out).toMatch(/^4 documents, 54 clauses .*, 15 references — indexed in .*revision 5/m);
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

  it('two instances on one database: a write reaches both within 2 s; a removal too', async () => {
    for (const name of ['a', 'b']) instances.push(await startServer({ db: cluster.url, out: join(work, `build-${name}`), port: 0, quiet: true, log: () => undefined, retry: { baseMs: 200, maxMs: 1000 } }));
    const [a, b] = instances as [Started, Started];
    for (const s of [a, b]) expect((await getJson(`${s.url}/healthz`)).body).toMatchObject({ status: 'ok', documents: 4, database: { state: 'connected', revision: 5, servedRevision: 5 } });

    const bytes = new TextEncoder().encode(KL230);
    await sql.begin(async (tx) => {
      await lockName(tx, 'corpus', 'ket-luan-230.txt');
      await putSource(tx, 'corpus', 'ket-luan-230.txt', bytes, createHash('sha256').update(bytes).digest('hex'));
    });
    const found = await Promise.all(
      [a, b].map((s) => until(`230-KL/TW searchable on ${s.url}`, 60_000, async () => ((await getJson(`${s.url}/api/search?q=dong%20bo%20co%20so%20du%20lieu`)).body.hits?.[0]?.docId === '230-kl-tw' ? true : undefined))),
    );
    // 2 s on a machine that is not oversubscribed (CI); stretched by the load average otherwise.
    for (const f of found) expect(f.after).toBeLessThanOrEqual(wallLimit(2000));
    expect((await getJson(`${b.url}/api/documents/230-kl-tw`)).status).toBe(200);

    await sql.begin((tx) => deleteSource(tx, 'corpus', 'ket-luan-230.txt'));
    await Promise.all([a, b].map((s) => until(`230-KL/TW gone from ${s.url}`, wallLimit(2000), async () => ((await getJson(`${s.url}/api/documents/230-kl-tw`)).status === 404 ? true : undefined))));
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
    }
    cluster.start();
    for (const s of [a, b]) await until(`${s.url} ok again`, 15_000, async () => ((await getJson(`${s.url}/healthz`)).body.status === 'ok' ? true : undefined));
  });
});
