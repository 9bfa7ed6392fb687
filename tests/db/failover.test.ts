/**
 * PostgreSQL's own replication under tracuu (docs/DEPLOY.md holds each claim to a test here):
 * an instance on a read replica serves and follows by polling, and refuses writes; an instance
 * given both hosts with target_session_attrs=primary finds the promoted replica after the primary
 * dies, and writes go on; a pg_dump restored into an empty database serves the same documents.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type Started } from '../../indexer/commands/serve.ts';
import { ROOT } from '../helpers/seeds.ts';
import { describePostgres, startCluster, startReplica, type Cluster } from '../helpers/postgres.ts';
import { wallLimit } from '../helpers/timing.ts';

const TOKEN = 'admin-token-for-tests';
const KL231 = `BỘ CHÍNH TRỊ\n\nKẾT LUẬN\nSố 231-KL/TW, ngày 12 tháng 01 năm 2026\n\nKết luận của Bộ Chính trị về dự phòng cơ sở dữ liệu văn bản\n\n1. Giao Văn phòng Trung ương Đảng bảo đảm sao lưu và khôi phục cơ sở dữ liệu văn bản.\n`;
const KL232 = `BỘ CHÍNH TRỊ\n\nKẾT LUẬN\nSố 232-KL/TW, ngày 19 tháng 01 năm 2026\n\nKết luận của Bộ Chính trị về chuyển đổi máy chủ dự phòng\n\n1. Giao Văn phòng Trung ương Đảng kiểm tra việc chuyển đổi sang máy chủ dự phòng khi máy chủ chính dừng.\n`;

const tracuu = (args: string[]) => execFileSync(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function until(what: string, ms: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const json = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as { status?: string; documents?: number; database?: { state: string; readOnly?: boolean; revision?: number } } };
};
const post = (url: string, name: string, content: string) =>
  fetch(`${url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name, content }) });
const has = async (s: Started, id: string) => (await fetch(`${s.url}/api/documents/${id}`)).status === 200;

describePostgres('PostgreSQL replication, failover, backup and restore', () => {
  let primary: Cluster;
  let replica: Cluster & { promote(): void };
  const work = mkdtempSync(join(tmpdir(), 'tracuu-failover-'));
  const instances: Started[] = [];
  const start = async (name: string, db: string) => {
    const s = await startServer({ db, out: join(work, `build-${name}`), port: 0, quiet: true, adminToken: TOKEN, adminWaitMs: wallLimit(60_000), log: () => undefined, retry: { baseMs: 200, maxMs: 1000 } });
    instances.push(s);
    return s;
  };

  beforeAll(async () => {
    primary = await startCluster();
    tracuu(['db', 'migrate', '--db', primary.url]);
    tracuu(['db', 'import', 'seeds', '--db', primary.url, '--out', join(work, 'import'), '--quiet']);
    replica = await startReplica(primary);
  });
  afterAll(async () => {
    for (const s of instances) await s.close();
    replica?.destroy();
    primary?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('an instance on a read replica serves, follows writes made on the primary by polling, and refuses writes (503)', async () => {
    const r = await start('replica', replica.url);
    const p = await start('primary', primary.url);
    await until('the replica instance says read-only', 15_000, async () => (await json(`${r.url}/healthz`)).body.database?.readOnly === true);
    const health = (await json(`${r.url}/healthz`)).body;
    expect(health).toMatchObject({ status: 'ok', documents: 4, database: { state: 'connected', readOnly: true } });

    expect((await post(p.url, 'ket-luan-231.txt', KL231)).status).toBe(201);
    // No NOTIFY on a standby: the poll (2 s) finds the new revision, then the rebuild.
    const after = await until('231-KL/TW on the replica instance', 60_000, () => has(r, '231-kl-tw'));
    expect(after).toBeLessThanOrEqual(wallLimit(5000));

    const refused = await post(r.url, 'x.txt', KL232);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/read replica/);
  });

  it('the primary dies and the replica is promoted: an instance given both hosts (target_session_attrs=primary) writes to the new primary; the others catch up', async () => {
    const both = `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${replica.port}/tracuu?target_session_attrs=primary`;
    const m = await start('multi', both);
    expect((await json(`${m.url}/healthz`)).body).toMatchObject({ status: 'ok', database: { state: 'connected' } });
    const r = instances[0]!;

    primary.stop();
    await until('the multi-host instance notices', 30_000, async () => (await json(`${m.url}/healthz`)).body.status === 'degraded');
    // Searches go on from the last index while the database is away.
    expect((await fetch(`${m.url}/api/search?q=sao%20luu`)).status).toBe(200);
    replica.promote();
    await until('the multi-host instance connected to the promoted replica', 30_000, async () => (await json(`${m.url}/healthz`)).body.status === 'ok');

    const added = await post(m.url, 'ket-luan-232.txt', KL232);
    expect(added.status).toBe(201);
    // The instance that was on the replica is on the new primary now: writable, notified again.
    await until('232-KL/TW on the instance of the promoted replica', 60_000, () => has(r, '232-kl-tw'));
    await until('the promoted replica is writable', 15_000, async () => (await json(`${r.url}/healthz`)).body.database?.readOnly === false);
  });

  it('backup and restore with pg_dump / pg_restore: an instance on the restored database serves the same documents', async () => {
    const dump = join(replica.dir, 'tracuu.dump');
    replica.run('pg_dump', ['-h', '127.0.0.1', '-p', String(replica.port), '-U', 'postgres', '-Fc', '-f', dump, 'tracuu']);
    replica.run('createdb', ['-h', '127.0.0.1', '-p', String(replica.port), '-U', 'postgres', 'restored']);
    replica.run('pg_restore', ['-h', '127.0.0.1', '-p', String(replica.port), '-U', 'postgres', '-d', 'restored', dump]);
    const restored = await start('restored', replica.url.replace(/\/tracuu$/, '/restored'));
    // The revision is known after the follower's first poll, which may come just after start-up.
    await until('the restored instance has polled', 15_000, async () => (await json(`${restored.url}/healthz`)).body.database?.revision !== undefined);
    const health = (await json(`${restored.url}/healthz`)).body;
    const source = (await json(`${instances[0]!.url}/healthz`)).body;
    expect(health.documents).toBe(source.documents);
    expect(health.database?.revision).toBe(source.database?.revision);
    for (const id of ['221-kl-tw', '231-kl-tw', '232-kl-tw']) expect(await has(restored, id)).toBe(true);
  });
});
