/**
 * A warm indexer for a running server: one child process that keeps the pipeline loaded and
 * runs each rebuild when asked. A new process per rebuild spends most of a small rebuild
 * starting up (loading and compiling the sources: about 2 s of CPU for the seeds, of which the
 * indexing is a tenth) — too slow for "a document written through one instance is searchable
 * on the others within 2 s". The isolation stays: the indexing runs in another process, and a
 * crash or kill mid-build is reported with its real cause (`indexerFailure`) and the next build
 * starts a new daemon. After `maxBuilds` builds (default 200) the daemon is replaced, so
 * nothing it keeps between builds can grow without bound.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../store.ts';
import type { IndexerRun, RunIndexer } from './live-corpus.ts';

export interface IndexDaemon {
  run: RunIndexer;
  close(): void;
}

export function startIndexDaemon(options: { maxBuilds?: number } = {}): IndexDaemon {
  let child: ChildProcess | undefined;
  let ready: Promise<void> | undefined;
  let builds = 0;
  let stderr = '';
  let next = 0;
  let pending: { id: number; done: (r: IndexerRun) => void } | undefined;
  let closed = false;

  const start = () => {
    stderr = '';
    builds = 0;
    const c = fork(resolve(ROOT, 'bin/index-daemon.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child = c;
    c.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    ready = new Promise((ok) => {
      c.on('message', (m: { ready?: boolean; id?: number; code?: number }) => {
        if (m.ready) return ok();
        if (pending && m.id === pending.id) {
          const p = pending;
          pending = undefined;
          p.done({ code: m.code ?? null, signal: null, stderr });
        }
      });
      c.once('exit', () => ok());
    });
    c.once('exit', (code, signal) => {
      if (child === c) child = undefined;
      if (pending) {
        const p = pending;
        pending = undefined;
        p.done({ code, signal, stderr });
      }
    });
    c.once('error', (e) => {
      if (child === c) child = undefined;
      if (pending) {
        const p = pending;
        pending = undefined;
        p.done({ code: null, signal: null, stderr, error: e.message });
      }
    });
  };

  // Started now, so that it has loaded the pipeline before the first change arrives.
  start();
  return {
    async run(args, cwd) {
      if (closed) return { code: null, signal: null, stderr: '', error: 'the server is stopping' };
      if (child && builds >= (options.maxBuilds ?? 200)) {
        child.kill();
        child = undefined;
      }
      if (!child) start();
      await ready;
      const c = child;
      if (!c?.connected) return { code: null, signal: null, stderr, error: 'the indexer daemon did not start' };
      builds++;
      stderr = '';
      return new Promise<IndexerRun>((done) => {
        pending = { id: ++next, done };
        c.send({ id: next, args, cwd });
      });
    },
    close() {
      closed = true;
      child?.kill();
      child = undefined;
    },
  };
}
