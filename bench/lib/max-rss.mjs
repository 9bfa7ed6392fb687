// Loaded with `node --import` by bench/scale.ts: writes this process's peak RSS (bytes) to
// $TRACUU_MAX_RSS_FILE when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.TRACUU_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
