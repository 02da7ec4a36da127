import { LitElement, css, html } from 'lit';

/**
 * A splitter between two parts of the shell, sized by pointer drag or keyboard: the
 * arrow keys move it by 16 px (Shift: 64 px), Home and End go to the limits. It is a
 * focusable ARIA `separator` with its value in pixels, so a screen reader says how
 * large the panel is. The size it reports is the panel's (after the splitter, or
 * below it): `direction` says which way growing goes.
 *
 * @event ml-resize - { size } the user moved the splitter; the shell applies and remembers the size
 */
export class MlSplitter extends LitElement {
  static override properties = {
    orientation: { reflect: true },
    size: { type: Number },
    min: { type: Number },
    max: { type: Number },
    label: {}
  };
  /** 'vertical': a bar between columns (the panel is to its right); 'horizontal': between rows (the panel is below). */
  declare orientation: 'vertical' | 'horizontal';
  declare size: number;
  declare min: number;
  declare max: number;
  declare label: string;

  private drag?: { start: number; size: number };

  static override styles = css`
    :host {
      display: block;
      position: relative;
      background: #d0d7de;
      touch-action: none;
      outline: none;
      z-index: 3;
    }
    :host([orientation='vertical']) {
      width: 6px;
      cursor: col-resize;
    }
    :host([orientation='horizontal']) {
      height: 6px;
      cursor: row-resize;
    }
    :host(:hover) {
      background: #8c959f;
    }
    :host(:focus-visible) {
      background: #0b5cad;
      box-shadow: 0 0 0 3px #ffb000;
    }
  `;

  constructor() {
    super();
    this.orientation = 'vertical';
    this.size = 360;
    this.min = 200;
    this.max = 800;
    this.label = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'separator');
    this.tabIndex = 0;
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('pointerdown', this.onPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('pointerdown', this.onPointerDown);
  }

  protected override updated(): void {
    this.setAttribute('aria-orientation', this.orientation);
    this.setAttribute('aria-label', this.label);
    this.setAttribute('aria-valuenow', String(Math.round(this.size)));
    this.setAttribute('aria-valuemin', String(Math.round(this.min)));
    this.setAttribute('aria-valuemax', String(Math.round(this.max)));
  }

  private emit(size: number): void {
    const clamped = Math.round(Math.min(Math.max(size, this.min), this.max));
    if (clamped === this.size) return;
    this.size = clamped;
    this.dispatchEvent(new CustomEvent('ml-resize', { detail: { size: clamped }, bubbles: true, composed: true }));
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? 64 : 16;
    // Moving the bar towards the panel makes the panel smaller.
    const grow: Record<string, number> = this.orientation === 'vertical' ? { ArrowLeft: step, ArrowRight: -step } : { ArrowUp: step, ArrowDown: -step };
    const delta = grow[event.key];
    if (delta !== undefined) this.emit(this.size + delta);
    else if (event.key === 'Home') this.emit(this.min);
    else if (event.key === 'End') this.emit(this.max);
    else return;
    event.preventDefault();
  };

  private onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    this.setPointerCapture(event.pointerId);
    this.drag = { start: this.orientation === 'vertical' ? event.clientX : event.clientY, size: this.size };
    const move = (e: PointerEvent) => {
      if (!this.drag) return;
      const at = this.orientation === 'vertical' ? e.clientX : e.clientY;
      this.emit(this.drag.size - (at - this.drag.start));
    };
    const up = () => {
      this.drag = undefined;
      this.removeEventListener('pointermove', move);
      this.removeEventListener('pointerup', up);
      this.removeEventListener('pointercancel', up);
    };
    this.addEventListener('pointermove', move);
    this.addEventListener('pointerup', up);
    this.addEventListener('pointercancel', up);
  };

  override render() {
    return html``;
  }
}
customElements.define('ml-splitter', MlSplitter);
