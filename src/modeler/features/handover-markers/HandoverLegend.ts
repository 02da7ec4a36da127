import { html, render, svg } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { msg, str } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type HandoverMarkers from './HandoverMarkers';
import type { HandoverCounts } from './HandoverMarkers';
import type { HandoverMark } from './handover-status';
import { MARK_COLOURS, MARK_DASHES, MARK_ICONS } from './styles';
import { readPreference, writePreference } from '../../../preferences/preferences';

/**
 * A small legend in the canvas's top-right corner (the bpmn.io watermark keeps the
 * bottom-right, the palette the top-left) that explains the three handover marks
 * with their counts. It folds to one line so it never hides the model for long;
 * the choice is remembered.
 */
export default class HandoverLegend {
  static $inject = ['eventBus', 'canvas', 'handoverMarkers'];

  private host: HTMLElement;
  private open: boolean;

  constructor(
    eventBus: EventBus,
    canvas: Canvas,
    private handoverMarkers: HandoverMarkers
  ) {
    this.open = readOpen();
    this.host = document.createElement('div');
    this.host.className = 'ml-handover-legend';
    canvas.getContainer().appendChild(this.host);
    eventBus.on(['handoverMarkers.changed', 'i18n.changed', 'import.done'], () => this.render());
    this.render();
  }

  /** Whether the legend is unfolded. */
  isOpen(): boolean {
    return this.open;
  }

  /** Folds or unfolds the legend (and remembers the choice). */
  toggle(open = !this.open): void {
    this.open = open;
    writePreference('handoverLegendOpen', open);
    this.render();
  }

  private render(): void {
    const counts = this.handoverMarkers.counts();
    const total = counts.agreed + counts.draft + counts['under-review'] + counts.missing;
    this.host.dataset.open = String(this.open);
    render(
      html`<button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="ml-handover-legend-items"
          title=${this.open ? msg('Hide the legend of handover marks') : msg('Show the legend of handover marks')}
          @click=${() => this.toggle()}>
          <span>${msg(str`Handovers (${total})`)}</span>
          <span class="chevron" aria-hidden="true">${this.open ? '▴' : '▾'}</span>
        </button>
        ${this.open
          ? html`<ul id="ml-handover-legend-items">
                ${this.row(['agreed'], msg('Agreement recorded'), counts.agreed, 'agreed')}
                ${this.row(['draft', 'under-review'], msg('Agreement is a draft or under review'), counts.draft + counts['under-review'], 'draft')}
                ${this.row(['missing'], msg('No agreement yet'), counts.missing, 'missing')}
              </ul>
              <p class="note">${msg('A handover is a flow between two departments (lanes) or two pools.')}</p>`
          : ''}`,
      this.host
    );
  }

  private row(marks: HandoverMark[], label: string, count: number, key: keyof HandoverCounts) {
    const line = marks[0]!;
    const dash = MARK_DASHES[line] === 'none' ? '' : MARK_DASHES[line];
    return html`<li data-mark=${key}>
      <span class="swatch swatch--${line}" aria-hidden="true">
        <svg class="line" viewBox="0 0 36 8">${svg`<line x1="1" y1="4" x2="35" y2="4" stroke=${MARK_COLOURS[line]} stroke-width="2.5" stroke-dasharray=${dash} />`}</svg>
        ${marks.map((m) => html`<span class="dot" style="background:${MARK_COLOURS[m]}"><svg viewBox="0 0 18 18">${unsafeSVG(MARK_ICONS[m])}</svg></span>`)}
      </span>
      <span>${label}</span>
      <span class="count" aria-label=${msg(str`${count} handovers`)}>${count}</span>
    </li>`;
  }
}

function readOpen(): boolean {
  return readPreference('handoverLegendOpen') ?? true;
}
