/**
 * The structure pre-check (src/model/layout/limits.ts) on a 10 MB file, against the
 * cheapest possible pass over the same text (finding every `<` with indexOf) measured
 * in the same run, so the ratio means the same on a busy and on a quiet machine.
 * Run: npx tsx bench/structure-limits.ts
 */
import { checkStructureLimits } from '../src/model/layout/limits';

const text = `<d>${'<ml:kpi id="t" title="Offerte maken"/>'.repeat(280_000)}</d>`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void, runs = 9): number {
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    run();
    out.push(performance.now() - started);
  }
  return median(out);
}

const baseline = time(() => {
  let count = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) count++;
  if (count === 0) throw new Error('no tags');
});
const check = time(() => void checkStructureLimits(text));
console.log(`checkStructureLimits on ${(text.length / 1e6).toFixed(1)} M characters: median ${check.toFixed(1)} ms; indexOf scan ${baseline.toFixed(1)} ms; ratio ${(check / baseline).toFixed(1)}x`);
