/** A direction on the canvas. */
export type Direction = 'left' | 'right' | 'up' | 'down';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box nearest to `from` in a direction: its centre must lie on that side, and
 * distance across the direction counts double, so the next step in a row wins over a
 * closer element in the lane below.
 */
export function nextInDirection<T extends Box>(from: Box, candidates: readonly T[], direction: Direction): T | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: T | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const dx = c.x + c.width / 2 - cx;
    const dy = c.y + c.height / 2 - cy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
