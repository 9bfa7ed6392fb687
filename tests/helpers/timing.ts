/**
 * Time limits in tests that hold on a loaded machine. Some tests guard against catastrophic
 * slowness (backtracking, quadratic loops: 100× and more). Wall-clock limits also fail when the
 * machine is merely busy (other test workers, other jobs on 2 cores: seen 10× slower), so these
 * limits are on the CPU time this process spends (`process.cpuUsage`), which another process's
 * load hardly moves, and an over-limit run is timed once more (a GC pause is not slowness).
 */
import os from 'node:os';

/** Runs `f`; returns its result and the CPU milliseconds (user + system) this process spent. */
export function cpuTimed<T>(f: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = f();
  const d = process.cpuUsage(start);
  return { result, ms: (d.user + d.system) / 1000 };
}

/** Runs `f` and throws if it needed more than `ms` of CPU time, twice in a row. */
export function withinTime<T>(ms: number, f: () => T, what = 'the call'): T {
  let run = cpuTimed(f);
  if (run.ms <= ms) return run.result;
  const again = cpuTimed(f);
  if (again.ms <= ms) return again.result;
  run = again.ms < run.ms ? again : run;
  throw new Error(`${what} took ${run.ms.toFixed(0)} ms of CPU (limit ${ms} ms)`);
}

/**
 * A wall-clock limit for work spread over several processes (CPU time of one process does not
 * cover it), stated for a machine that is not oversubscribed and stretched by the current load:
 * `ms × max(1, 1.5 × load average / cores)` (the margin: the load moves while we wait). On CI,
 * with nothing else running, it is `ms`.
 */
export function wallLimit(ms: number): number {
  const load = os.loadavg()[0]! / Math.max(1, os.availableParallelism());
  return Math.round(ms * Math.max(1, 1.5 * load));
}
