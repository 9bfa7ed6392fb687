/**
 * A real server (indexer/commands/serve.ts startServer) in a temporary folder holding a copy of
 * the seeds and a corpus/ folder: real sockets, real child indexer, real build/.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type Started, type StartOptions } from '../../indexer/commands/serve.ts';
import { ROOT } from './seeds.ts';

export const ADMIN = 'admin-token-for-tests';

/** A folder with seeds/ and an empty corpus/ (and whatever `files` puts in corpus/). */
export function tempProject(prefix: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `tracuu-${prefix}-`));
  cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'corpus'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 'corpus', name), body);
  return dir;
}

export interface TestServer {
  dir: string;
  server: Started;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function serveProject(dir: string, options: StartOptions & Record<string, unknown> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const server = await startServer({ paths: ['seeds', 'corpus'], cwd: dir, port: 0, quiet: true, log: (l) => void logs.push(l), rateLimitPerMinute: 0, ...options });
  return {
    dir,
    server,
    url: server.url,
    logs,
    close: async () => {
      await server.close();
    },
  };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Polls until `check` holds (or throws after `ms`). */
export async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** Child processes of this process running `tracuu index` (found in /proc, by parent pid). */
export function indexerChildren(): number[] {
  const pids: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('tracuu.js')) && cmd.includes('index')) pids.push(Number(e));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Runs `tracuu <args>` in a child process; resolves with its exit code and output. */
export function tracuu(args: string[], cwd: string, env: Record<string, string> = {}): { pid: number; output(): string; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return { pid: child.pid!, output: () => stdout + stderr, done: new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr }))) };
}
