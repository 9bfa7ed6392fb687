/**
 * The corpus a running server answers from, and its rebuilds. A rebuild runs in a child
 * process (`tracuu index`), writing a new build directory atomically; the server keeps
 * answering from the last good corpus and swaps in the new one when it has loaded. A failed
 * rebuild changes nothing but the status (/healthz says why).
 */
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus } from '../../src/corpus.ts';
import type { CorpusStatus } from '../../src/server/index.ts';
import { currentDir, loadBuild, ROOT } from '../store.ts';

export interface LiveCorpusOptions {
  paths: string[];
  out: string;
  cwd: string;
  log: (line: string) => void;
}

export class LiveCorpus {
  private state: CorpusStatus = { state: 'ready' };
  private running: Promise<void> | undefined;
  private again = false;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private current: Corpus,
    private readonly options: LiveCorpusOptions,
  ) {
    this.state.lastBuildAt = current.artifact.builtAt;
  }

  corpus(): Corpus {
    return this.current;
  }
  status(): CorpusStatus {
    return this.state;
  }

  /** Rebuild now (or right after the running one); resolves when the new corpus serves or the rebuild failed. */
  rebuild(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.state = { ...this.state, state: 'rebuilding' };
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.rebuild();
      }
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const { paths, out, cwd, log } = this.options;
    const started = Date.now();
    const args = [resolve(ROOT, 'bin/tracuu.js'), 'index', ...paths, '--out', out, '--quiet'];
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
      child.on('close', (code) => done({ code, stderr }));
      child.on('error', (e) => done({ code: -1, stderr: e.message }));
    });
    try {
      if (result.code !== 0 && result.code !== 1) throw new Error(result.stderr.trim().split('\n').slice(-3).join(' ') || `indexer exited with ${result.code}`);
      const dir = await currentDir(resolve(cwd, out));
      if (!dir) throw new Error('no build was written');
      const { corpus } = await loadBuild(dir);
      this.current = corpus;
      this.state = { state: 'ready', lastBuildAt: corpus.artifact.builtAt };
      log(`tracuu: reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${corpus.artifact.documents.length} documents, ${corpus.clauses.size} clauses`);
    } catch (e) {
      this.state = { state: 'failed', lastError: (e as Error).message, ...(this.state.lastBuildAt ? { lastBuildAt: this.state.lastBuildAt } : {}) };
      log(`tracuu: reindex failed, still serving the last good index: ${(e as Error).message}`);
    }
  }

  /** Resolves when no rebuild is running or queued. */
  async idle(): Promise<void> {
    while (this.running || this.again || this.timer?.hasRef()) {
      await (this.running ?? new Promise((r) => setTimeout(r, 50)));
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
              void this.rebuild();
            }, debounceMs);
          }),
        );
      } catch (e) {
        this.options.log(`tracuu: cannot watch ${dir}: ${(e as Error).message}`);
      }
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
