/**
 * The corpus a running server answers from, and its rebuilds. A rebuild runs in a child
 * process (`tracuu index`), writing a new build directory atomically; the server keeps
 * answering from the last good corpus and swaps in the new one when it has loaded (and passed
 * its checksums). A failed rebuild changes nothing but the status (/healthz says why, in the
 * child's own words or the signal that killed it) and is retried with back-off.
 *
 * Requests are numbered: `request()` returns a ticket, and `served(ticket)` resolves once a
 * build that started after that request serves — so an admin write can say "searchable" only
 * when it is, even if a rebuild was already running when the file was written.
 */
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus } from '../../src/corpus.ts';
import type { IntegrityEvent } from '../../src/model.ts';
import type { CorpusStatus } from '../../src/server/index.ts';
import { currentDir, loadBuild, ROOT, type Manifest } from '../store.ts';
import { IntegrityError } from '../integrity.ts';

export interface LiveCorpusOptions {
  /** What `tracuu index` is given (relative to cwd); `prepare` may change it. */
  paths: string[];
  out: string;
  cwd: string;
  log: (line: string) => void;
  /** Back-off after a failed rebuild: first delay, doubling up to the maximum (defaults 5 s, 5 min). */
  retry?: { baseMs?: number; maxMs?: number };
  /**
   * Runs before each rebuild (the database store syncs its mirror of the sources here); may
   * give new paths to index. A failure fails the rebuild, which is retried with back-off.
   */
  prepare?: () => Promise<{ paths?: string[] } | void>;
  /** Called after a new build is swapped in (the database store writes it back). */
  onServed?: (corpus: Corpus) => void;
  /** Runs `tracuu <args>` in another process (default: a new process per rebuild; see index-daemon.ts). */
  runIndexer?: RunIndexer;
}

/** How an indexer process ended. */
export interface IndexerRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its last 4,000 characters on stderr. */
  stderr: string;
  /** It could not be started. */
  error?: string;
}

export type RunIndexer = (args: string[], cwd: string) => Promise<IndexerRun>;

/** `tracuu <args>` in a new process. */
export const spawnIndexer: RunIndexer = (args, cwd) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
    child.on('error', (e) => done({ code: null, signal: null, stderr, error: e.message }));
  });

export interface Served {
  corpus: Corpus;
  manifest?: Manifest;
}

interface Waiter {
  ticket: number;
  /** Only a successful build settles it (else: any finished run). */
  success: boolean;
  resolve: (corpus: Corpus) => void;
}

const MAX_EVENTS = 20;

export class LiveCorpus {
  private state: CorpusStatus = { state: 'ready' };
  private manifest: Manifest | undefined;
  private integrity: IntegrityEvent[] = [];
  private requested = 0;
  private served_ = 0;
  private loop: Promise<void> | undefined;
  private running = false;
  private waiters: Waiter[] = [];
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private force = false;
  private closed = false;

  constructor(
    private current: Corpus,
    private readonly options: LiveCorpusOptions,
    initial: { manifest?: Manifest; integrity?: IntegrityEvent[]; failed?: string } = {},
  ) {
    this.manifest = initial.manifest;
    this.integrity = [...(initial.integrity ?? [])];
    this.state = { state: 'ready', lastBuildAt: current.artifact.builtAt };
    if (initial.failed) this.fail(initial.failed);
  }

  corpus(): Corpus {
    return this.current;
  }

  /** The manifest of the build being served (inputs, summary, repairs), when it came from build/. */
  currentManifest(): Manifest | undefined {
    return this.manifest;
  }

  status(): CorpusStatus {
    return { ...this.state, ...(this.integrity.length ? { integrity: [...this.integrity] } : {}) };
  }

  /** Asks for a rebuild; the ticket identifies this request (see `served`). */
  request(): number {
    const ticket = ++this.requested;
    if (this.retryTimer) {
      // A new request does not wait out the back-off: the change may be the fix.
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (!this.running) {
      this.running = true;
      this.loop = this.run();
    }
    return ticket;
  }

  /** Resolves with the corpus once a build started after `ticket` was requested serves (retries included). */
  served(ticket: number): Promise<Corpus> {
    if (this.served_ >= ticket) return Promise.resolve(this.current);
    return new Promise((resolve) => this.waiters.push({ ticket, success: true, resolve }));
  }

  /** Rebuild now (or right after the running one); resolves when that rebuild served or failed. */
  rebuild(): Promise<void> {
    const ticket = this.request();
    return new Promise((resolve) => this.waiters.push({ ticket, success: false, resolve: () => resolve() }));
  }

  /** The index in memory failed while decoding: refuse it and rebuild from the sources. */
  damaged(e: Error): void {
    this.record({ file: `${this.manifest ? 'the loaded index' : 'the index'} (search)`, problem: 'decode', detail: e.message, action: 'rebuilt', at: new Date().toISOString() });
    this.force = true;
    this.request();
  }

  private record(event: IntegrityEvent): void {
    if (this.integrity.some((e) => e.file === event.file && e.at === event.at)) return;
    this.integrity.push(event);
    if (this.integrity.length > MAX_EVENTS) this.integrity.shift();
  }

  private async run(): Promise<void> {
    // `running` is cleared in the same synchronous step as the last check of `requested`, so a
    // request can never slip between "nothing left to do" and "not running".
    try {
      let done = this.served_;
      while (done < this.requested && !this.closed) {
        const ticket = this.requested;
        this.state = { ...this.state, state: 'rebuilding' };
        const ok = await this.runOnce();
        done = ticket;
        if (ok) this.served_ = ticket;
        this.settle(ticket, ok);
        // A failure with no newer request waits out the back-off; a newer request (a change) tries at once.
        if (!ok && this.requested === ticket) {
          this.scheduleRetry();
          return;
        }
      }
    } finally {
      this.running = false;
      this.loop = undefined;
    }
  }

  private settle(ticket: number, ok: boolean): void {
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.ticket <= ticket && (ok || !w.success)) w.resolve(this.current);
      else keep.push(w);
    }
    this.waiters = keep;
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    const base = this.options.retry?.baseMs ?? 5_000;
    const max = this.options.retry?.maxMs ?? 300_000;
    const delay = Math.min(max, base * 2 ** Math.min(this.failures - 1, 20));
    this.state = { ...this.state, nextRetryAt: new Date(Date.now() + delay).toISOString() };
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.request();
    }, delay);
    this.retryTimer.unref();
  }

  private fail(message: string): void {
    this.failures++;
    this.state = {
      state: 'failed',
      lastError: message,
      ...(this.state.lastBuildAt ? { lastBuildAt: this.state.lastBuildAt } : {}),
      failures: this.failures,
    };
  }

  private async runOnce(): Promise<boolean> {
    const { out, cwd, log } = this.options;
    const started = Date.now();
    const force = this.force;
    if (this.options.prepare) {
      try {
        const prepared = await this.options.prepare();
        if (prepared?.paths) this.options.paths = prepared.paths;
      } catch (e) {
        const message = `could not prepare the sources: ${(e as Error).message}`;
        this.fail(message);
        log(`tracuu: reindex failed, still serving the last good index: ${message}`);
        return false;
      }
    }
    const { paths } = this.options;
    const result = await (this.options.runIndexer ?? spawnIndexer)(['index', ...paths, '--out', out, '--quiet', ...(force ? ['--force'] : [])], cwd);
    try {
      if (result.error) throw new Error(`the indexer could not be started: ${result.error}`);
      if (result.code !== 0 && result.code !== 1) throw new Error(indexerFailure(result.code, result.signal, result.stderr));
      const dir = await currentDir(resolve(cwd, out));
      if (!dir) throw new Error('the indexer finished but wrote no build');
      const { corpus, manifest } = await loadBuild(dir);
      for (const r of manifest.repairs ?? []) this.record(r);
      this.current = corpus;
      this.manifest = manifest;
      this.failures = 0;
      if (force) this.force = false;
      this.state = { state: 'ready', lastBuildAt: corpus.artifact.builtAt };
      this.options.onServed?.(corpus);
      log(`tracuu: reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${corpus.artifact.documents.length} documents, ${corpus.clauses.size} clauses`);
      return true;
    } catch (e) {
      const message = e instanceof IntegrityError ? `the new build failed its check: ${e.message}` : (e as Error).message;
      this.fail(message);
      log(`tracuu: reindex failed, still serving the last good index: ${message}`);
      return false;
    }
  }

  /** Resolves when no rebuild is running or queued (a retry waiting out its back-off does not count). */
  async idle(): Promise<void> {
    while (this.loop || this.timer?.hasRef()) {
      await (this.loop ?? new Promise((r) => setTimeout(r, 50)));
    }
  }

  /** Watch folders; a change rebuilds after a short quiet period. */
  watch(dirs: string[], debounceMs = 400): void {
    for (const dir of dirs) {
      try {
        this.watchers.push(
          watch(dir, { recursive: true }, (_event, name) => {
            if (name && /(^|[\\/])\.|~$|\.tmp-/.test(String(name))) return;
            clearTimeout(this.timer);
            this.timer = setTimeout(() => {
              this.timer = undefined;
              this.request();
            }, debounceMs);
          }),
        );
      } catch (e) {
        this.options.log(`tracuu: cannot watch ${dir}: ${(e as Error).message}`);
      }
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}

/** Why the child indexer failed, in words: its own last message, or the signal that ended it. */
export function indexerFailure(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const said = stderr
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(-3)
    .join(' ');
  if (signal) {
    const why = signal === 'SIGKILL' ? ' (the system may have run out of memory — see dmesg — or someone killed it)' : signal === 'SIGTERM' || signal === 'SIGINT' ? ' (it was asked to stop)' : '';
    return `the indexer was killed by ${signal}${why}${said ? `; its last words: ${said}` : ''}`;
  }
  if (code === 4) return `another indexer is writing build/: ${said}`;
  return said ? `the indexer failed (exit code ${code}): ${said}` : `the indexer failed with exit code ${code} and said nothing`;
}
