/**
 * A progress bar on stderr for long runs. On a terminal it redraws one line; elsewhere
 * (CI logs, pipes) it prints a line at each 10% step so logs stay readable.
 */
export interface Progress {
  update(phase: string, done: number, total: number, item?: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const tty = Boolean(stream.isTTY);
  let lastStep = -1;
  let lastPhase = '';
  let lastDraw = 0;
  return {
    update(phase, done, total, item) {
      if (quiet || total <= 0) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 50 && done < total) return;
        lastDraw = now;
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        const label = item ? ` ${item.length > 48 ? '…' + item.slice(-47) : item}` : '';
        stream.write(`\r\x1b[2K${phase.padEnd(10)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}${label}`);
      } else {
        const step = Math.floor(pct / 10);
        if (phase !== lastPhase) lastStep = -1;
        if (step !== lastStep && total > 20) stream.write(`${phase} ${pct}% (${done}/${total})\n`);
        lastStep = step;
      }
      lastPhase = phase;
    },
    done() {
      if (tty && !quiet) stream.write('\r\x1b[2K');
    },
  };
}
