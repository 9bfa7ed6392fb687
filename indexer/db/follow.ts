/**
 * An instance follows the database: LISTEN tracuu_changes for new revisions (instant), and a
 * poll of the revision every few seconds as the backstop (a notification is lost while the
 * connection is down) and as the health check. When the database goes away the instance is
 * `unreachable` — it keeps serving its last index — and when it comes back, any revision it
 * missed is caught up.
 */
import type { DatabaseHealth } from '../../src/model.ts';
import { redactUrl, type Sql } from './connect.ts';
import { CHANNEL, currentRevision } from './sources.ts';

export interface FollowOptions {
  url: string;
  /** A revision newer than the last one seen. */
  onChange(revision: number): void;
  /** Poll interval (default 2 s). */
  intervalMs?: number;
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
      const revision = await currentRevision(sql);
      up();
      saw(revision);
      listen();
    } catch (e) {
      if (!closed) down(e);
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
