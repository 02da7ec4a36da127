import { nothing, svg } from 'lit';
import type { HistoryPoint } from '../../analysis/performance/history';

const WIDTH = 72;
const HEIGHT = 22;
const PAD = 3;

/**
 * A KPI's measurement history as a tiny line (inline SVG, drawn by the browser:
 * a table of thousands of KPIs cannot afford a chart object per row), with the
 * target as a dashed line. Decorative: the trend is also said in words.
 */
export function sparkline(points: readonly HistoryPoint[], target: number | undefined) {
  const values: number[] = [];
  for (const p of points) if (p.value !== undefined) values.push(p.value);
  if (values.length < 2) return nothing;
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (target !== undefined) {
    min = Math.min(min, target);
    max = Math.max(max, target);
  }
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (values.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.length - 1;
  return svg`<svg class="spark" width=${WIDTH} height=${HEIGHT} viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
    ${target !== undefined ? svg`<line x1=${PAD} x2=${WIDTH - PAD} y1=${y(target)} y2=${y(target)} stroke="#b42318" stroke-width="1" stroke-dasharray="3 2" />` : nothing}
    <polyline points=${line} fill="none" stroke="#0b5cad" stroke-width="1.6" stroke-linejoin="round" />
    <circle cx=${x(last)} cy=${y(values[last]!)} r="2.2" fill="#0b5cad" />
  </svg>`;
}
