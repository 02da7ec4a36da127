import type { Chart } from 'chart.js';

/*
 * chart.js is loaded on first use, not with the app: the initial bundle must stay
 * within its budget, and most sessions never open a chart.
 */

let loading: Promise<typeof Chart> | undefined;

/** The registered Chart class, loaded once (a failed load is retried next time). */
export function loadChart(): Promise<typeof Chart> {
  loading ??= import('./chart-setup').then(
    (m) => m.Chart,
    (error: unknown) => {
      loading = undefined;
      throw error;
    }
  );
  return loading;
}

/** The colours of planned and realised in every chart: distinct in lightness too, and named in each legend. */
export const CHART_COLOURS = {
  planned: '#9db4cc',
  realised: '#0b5cad',
  target: '#b42318',
  current: '#0b5cad',
  desired: '#c77700'
} as const;
