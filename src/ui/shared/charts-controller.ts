import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import { loadChart } from './chart-loader';

/**
 * The chart.js life cycle of a component: after each render, `sync` creates, updates
 * or removes the charts so that every `canvas[data-chart]` in the shadow root has the
 * chart of the same id; a render that changed none of the inputs leaves them alone (a
 * chart update is not cheap). The charts are destroyed when the host leaves the page.
 */
export class ChartsController implements ReactiveController {
  private readonly charts = new Map<string, Chart>();
  private inputs: unknown[] = [];
  private run = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly root: () => ParentNode
  ) {
    host.addController(this);
  }

  /** How many charts are drawn. */
  get size(): number {
    return this.charts.size;
  }

  /**
   * Brings the charts in line with the canvases. `inputs` are what the configurations
   * are computed from; `configs` is only called when one of them (or a canvas) changed.
   * Resolves true when the charts were (re)drawn by this call.
   */
  async sync(inputs: readonly unknown[], configs: () => Map<string, ChartConfiguration>): Promise<boolean> {
    const canvases = new Map<string, HTMLCanvasElement>();
    for (const canvas of this.root().querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) canvases.set(canvas.dataset.chart!, canvas);
    const next = [...inputs, ...canvases.values()];
    if (next.length === this.inputs.length && next.every((v, i) => v === this.inputs[i])) return false;
    this.inputs = next;
    const run = ++this.run;
    const wanted = configs();
    for (const [id, chart] of this.charts) {
      if (!wanted.has(id) || canvases.get(id) !== chart.canvas) {
        chart.destroy();
        this.charts.delete(id);
      }
    }
    if (wanted.size === 0 || canvases.size === 0) return false;
    const ChartClass = await loadChart();
    if (run !== this.run) return false; // a newer render took over
    for (const [id, config] of wanted) {
      const canvas = canvases.get(id);
      if (!canvas) continue;
      const existing = this.charts.get(id);
      if (existing) {
        existing.data = config.data;
        existing.options = config.options ?? {};
        existing.update('none');
      } else {
        this.charts.set(id, new ChartClass(canvas, config));
      }
    }
    return true;
  }

  hostDisconnected(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
    this.inputs = [];
    this.run++;
  }
}
