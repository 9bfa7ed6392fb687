/**
 * The one place tracuu talks to PostgreSQL's client library (postgres.js, pinned exactly).
 * A connection string may list several hosts ("postgres://h1:5432,h2:5432/tracuu?
 * target_session_attrs=primary"): every new connection then asks each host in turn whether it
 * is in recovery, and the pool goes to the primary: after a failover the promoted replica is
 * found. The host choice is ours, not postgres.js's: its own multi-host switch (3.4.9) can throw
 * an uncaught TypeError when it drops a standby mid-handshake, which would kill the server, and
 * its reconnections after that hang.
 */
import postgres from 'postgres';

export type Sql = postgres.Sql<Record<string, never>>;
/** The handle a transaction's body gets: queries only, on the transaction's own connection. */
export type TransactionSql = Sql;

export interface OpenOptions {
  /** Connections in the pool (default 4). */
  max?: number;
}

const BASE = {
  connect_timeout: 5,
  idle_timeout: 30,
  // NOTICEs ("relation already exists, skipping") are not the user's business.
  onnotice: () => undefined,
  transform: { undefined: null },
  // tracuu sends no arrays; and the array-type query postgres.js runs on every new connection
  // rejects unhandled when the server dies during it (an unhandled rejection ends a Node process).
  fetch_types: false,
  // Reconnect within 2 s at most while a server restarts or a failover is under way (the default
  // grows to 20 s).
  backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 2),
} as const;

export function openDatabase(url: string, options: OpenOptions = {}): Sql {
  const multi = parseHosts(url);
  const open = (u: string) => postgres(u, { ...BASE, max: options.max ?? 4 }) as unknown as Sql;
  if (!multi) {
    const sql = open(url);
    urls.set(sql, () => url);
    return sql;
  }
  // Several hosts: a pool on one chosen host, replaced by a pool on another when `chooseServer`
  // finds the primary elsewhere (after a failover). Callers hold this proxy, never the pool.
  let host = multi.hosts[0]!;
  let current = open(multi.hostUrl(host));
  const choose = async (): Promise<boolean> => {
    const chosen = await findServer(multi);
    if (chosen.host === host.host && chosen.port === host.port) return false;
    const old = current;
    host = chosen;
    current = open(multi.hostUrl(chosen));
    void old.end({ timeout: 1 }).catch(() => undefined);
    return true;
  };
  const proxy = new Proxy(current, {
    apply: (_t, _this, args) => (current as unknown as (...a: unknown[]) => unknown)(...args),
    get: (_t, prop) => {
      if (prop === CHOOSE) return choose;
      const v = Reflect.get(current, prop);
      return typeof v === 'function' ? v.bind(current) : v;
    },
  }) as Sql;
  urls.set(proxy, () => multi.hostUrl(host));
  return proxy;
}

/** The server a handle's pool is on now (a transaction opens its own connection there). */
const urls = new WeakMap<Sql, () => string>();

/**
 * A transaction on a connection of its own, instead of postgres.js's `sql.begin`: when the server
 * dies during a `sql.begin`, postgres.js 3.4.9 writes its ROLLBACK to the closed socket from a
 * timer and the process dies of an uncaught TypeError (porsager/postgres#1208, open). Here a lost
 * connection ends the transaction without another word to it: no query runs after the close
 * (it would run outside the transaction on a new connection), no ROLLBACK is sent (the server
 * rolls back a transaction whose connection is gone), and the caller gets the connection error.
 */
export async function begin<T>(sql: Sql, fn: (tx: TransactionSql) => Promise<T>): Promise<T>;
export async function begin<T>(sql: Sql, mode: string, fn: (tx: TransactionSql) => Promise<T>): Promise<T>;
export async function begin<T>(sql: Sql, a: string | ((tx: TransactionSql) => Promise<T>), b?: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const [mode, fn] = typeof a === 'string' ? [a, b!] : ['', a];
  const url = urls.get(sql)?.();
  if (!url) throw new Error('begin() needs a handle from openDatabase()');
  let lost = false;
  const one = postgres(url, { ...BASE, max: 1, onclose: () => void (lost = true) }) as unknown as Sql;
  const gone = () => Object.assign(new Error('the connection to the database was lost during the transaction (rolled back)'), { code: 'CONNECTION_CLOSED' });
  const tx = new Proxy(one, {
    apply: (_t, _this, args) => {
      if (lost) throw gone();
      return (one as unknown as (...a: unknown[]) => unknown)(...args);
    },
  }) as Sql;
  try {
    await one.unsafe(`BEGIN ${mode.replace(/[^a-z ]/gi, '')}`);
    const result = await fn(tx);
    if (lost) throw gone();
    await one.unsafe('COMMIT');
    return result;
  } catch (e) {
    if (!lost && !isConnectionError(e)) await one.unsafe('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await one.end({ timeout: 1 }).catch(() => undefined);
  }
}

const CHOOSE = Symbol('choose a server');

/**
 * With several hosts: asks them which is the primary and moves the pool there; true when it
 * moved. Called when the database stops answering. With one host: nothing to choose (false).
 */
export async function chooseServer(sql: Sql): Promise<boolean> {
  const choose = (sql as unknown as Record<symbol, (() => Promise<boolean>) | undefined>)[CHOOSE];
  return choose ? choose() : false;
}

interface Host {
  host: string;
  port: number;
}

interface MultiHost {
  hosts: Host[];
  /** Only a primary will do (target_session_attrs=primary or read-write). */
  primary: boolean;
  hostUrl(h: Host): string;
}

/** "postgres://u@h1:5432,h2/db?target_session_attrs=primary" → its hosts; undefined for one host. */
export function parseHosts(url: string): MultiHost | undefined {
  const m = /^(postgres(?:ql)?:\/\/)([^@/]*@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/.exec(url);
  if (!m || !m[3]!.includes(',')) return undefined;
  const hosts = m[3]!.split(',').map((h) => {
    const [host, port] = h.startsWith('[') ? [h.slice(0, h.indexOf(']') + 1), h.slice(h.indexOf(']') + 2)] : h.split(':');
    return { host: host || 'localhost', port: Number(port || 5432) };
  });
  const params = new URLSearchParams(m[5]?.slice(1) ?? '');
  const attrs = params.get('target_session_attrs') ?? 'any';
  params.delete('target_session_attrs');
  const query = params.size ? `?${params}` : '';
  return { hosts, primary: attrs === 'primary' || attrs === 'read-write', hostUrl: (h) => `${m[1]}${m[2] ?? ''}${h.host}:${h.port}${m[4] ?? ''}${query}` };
}

/** Asks each host in turn; the first primary (or the first reachable one when any will do). */
async function findServer(multi: MultiHost): Promise<Host> {
  const reasons: string[] = [];
  for (const h of multi.hosts) {
    const probe = postgres(multi.hostUrl(h), { ...BASE, max: 1, connect_timeout: 3 });
    try {
      const [row] = await probe<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
      if (multi.primary && row?.standby) reasons.push(`${h.host}:${h.port} is a standby`);
      else return h;
    } catch (e) {
      reasons.push(`${h.host}:${h.port}: ${(e as Error).message}`);
    } finally {
      await probe.end({ timeout: 1 }).catch(() => undefined);
    }
  }
  throw Object.assign(new Error(`no ${multi.primary ? 'primary' : 'reachable'} server among ${multi.hosts.length} hosts (${reasons.join('; ')})`), { code: 'ECONNREFUSED' });
}
/** "postgres://user:secret@host/db" → "postgres://user:***@host/db", for logs and /healthz. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Errors a caller can retry: the server is down, restarting, or a failover is under way. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '25006'].includes(code);
}
