// Preloaded into a child process by bench/cli-startup.ts (`node --import`): when the
// process exits, writes its own resource usage (peak resident memory, CPU time) to the
// file named by ML_BENCH_USAGE, so every measured process reports the same way.
import { writeFileSync } from 'node:fs';

const file = process.env.ML_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
