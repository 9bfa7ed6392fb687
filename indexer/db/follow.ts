/**
 * An instance follows the database: LISTEN tracuu_changes for new revisions (instant), and a
 * poll of the revision every few seconds as the backstop (a notification is lost while the
 * connection is down) and as the health check. When the database goes away the instance is
 * `unreachable` — it keeps serving its last index — and when it comes back, any revision it
 * missed is caught up. On a read replica (a hot standby) LISTEN is refused and NOTIFY is not
 * replicated: the instance follows by polling alone and says so (`readOnly`); when the replica is
 * promoted, LISTEN succeeds and notifications resume.
 */
import type { DatabaseHealth } from '../../src/model.ts';
import { chooseServer, redactUrl, type Sql } from './connect.ts';
import { CHANNEL, serverState } from './sources.ts';

export interface FollowOptions {
  url: string;
  /** A revision newer than the last one seen. */
  onChange(revision: number): void;
  /** Poll interval (default 2 s). */
  intervalMs?: number;
  /** A poll with no answer within this is a failure (default 5 s). */
  timeoutMs?: number;
  log?(line: string): void;
  now?(): Date;
}

export interface Follower {
  state(): DatabaseHealth;
  /** Record the revision the served index was built from. */
  served(revision: number): void;
  close(): Promise<void>;
}

export function followChanges(sql: Sql, options: FollowOptions): Follower {
  const now = options.now ?? (() => new Date());
  let health: DatabaseHealth = { state: 'connected', url: redactUrl(options.url), since: now().toISOString() };
  let seen = -1;
  let closed = false;
  let polling = false;
  const timeoutMs = options.timeoutMs ?? 5000;
  let unlisten: (() => Promise<void>) | undefined;

  const saw = (revision: number) => {
    if (revision > seen) {
      const first = seen < 0;
      seen = revision;
      health = { ...health, revision };
      if (!first) options.onChange(revision);
    }
  };
  const up = () => {
    if (health.state !== 'connected') {
      options.log?.(`tracuu: database reachable again (${health.url})`);
      health = { state: 'connected', url: health.url, ...(health.revision !== undefined ? { revision: health.revision } : {}), ...(health.servedRevision !== undefined ? { servedRevision: health.servedRevision } : {}), since: now().toISOString() };
    }
  };
  const down = (e: unknown) => {
    const message = (e as Error)?.message ?? String(e);
    if (health.state !== 'unreachable') {
      options.log?.(`tracuu: database unreachable (${message}); serving the last index, admin writes refused until it is back`);
      health = { ...health, state: 'unreachable', since: now().toISOString(), lastError: message };
    } else health = { ...health, lastError: message };
  };

  const poll = async () => {
    if (polling || closed) return;
    polling = true;
    try {
      // A query can hang while a server dies or a failover is under way: no answer in time is down.
      const { revision, standby } = await Promise.race([
        serverState(sql),
        new Promise<never>((_, fail) => setTimeout(() => fail(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })), timeoutMs).unref()),
      ]);
      up();
      if (standby !== Boolean(health.readOnly)) {
        options.log?.(standby ? `tracuu: ${health.url} is a read replica: following it by polling; admin writes refused here` : `tracuu: ${health.url} accepts writes now`);
        health = { ...health, readOnly: standby };
      }
      saw(revision);
      // A standby refuses LISTEN (and NOTIFY is not replicated): polling alone there.
      if (!standby) listen();
    } catch (e) {
      if (!closed) {
        down(e);
        // Several hosts: the primary may be another one now (failover). A new pool means a new
        // listening connection too.
        if (await chooseServer(sql).catch(() => false)) {
          listening = false;
          unlisten = undefined;
        }
      }
    } finally {
      polling = false;
    }
  };

  let listening = false;
  const listen = () => {
    if (listening || closed) return;
    listening = true;
    sql
      .listen(
        CHANNEL,
        (payload) => {
          up();
          saw(Number(payload));
        },
        // Called on every (re)connection of the listening connection: catch up on what was missed.
        () => void poll(),
      )
      .then((l) => {
        unlisten = l.unlisten;
      })
      .catch((e) => {
        // Not listening (the database was down at start): the next successful poll tries again.
        listening = false;
        down(e);
      });
  };
  void poll();
  const timer = setInterval(() => void poll(), options.intervalMs ?? 2000);
  timer.unref();

  return {
    state: () => ({ ...health }),
    served(revision) {
      health = { ...health, servedRevision: revision };
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await unlisten?.().catch(() => undefined);
    },
  };
}
