import { adoptDocumentStyles } from '../../document-styles';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { Modeler } from '../../create-modeler';
import { SIMULATION_CANVAS_CSS } from './styles';

/*
 * What a simulation run shows on the canvas: tokens where they wait, dots travelling
 * along the flows they take, flags at the elements where the chain failed, and a heat
 * tint for visits per case. Everything is drawn in a layer of its own above the
 * diagram: nothing touches the model, the command stack or the autosave, image exports
 * leave it out (they copy the diagram's own layer), and clear() removes every trace.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const LAYER = 'ml-simulation';
/** Above the diagram and bpmn-js's own utility layers, so tokens are never hidden under a shape. */
const LAYER_INDEX = 2;

/** One flag to mark on the canvas: the element, its kind, and the sentence its tooltip shows. */
export interface CanvasFlag {
  elementId: string;
  kind: string;
  text: string;
}

/** A token travelling along a flow, drawn as a moving dot. */
export interface CanvasMove {
  /** The sequence or message flow travelled. */
  via: string;
  kind: 'flow' | 'message';
}

interface Point {
  x: number;
  y: number;
}

/** Adds the simulation look once per document (the layer lives in the modeler's light DOM). */
function ensureStyles(): void {
  if (typeof document === 'undefined') return;
  adoptDocumentStyles('ml-simulation-canvas', SIMULATION_CANVAS_CSS);
}

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The words the canvas draws; the panel passes them in the UI language. */
export interface CanvasWords {
  /** The label of a token mark, e.g. "1 case" (a bare number read like the handover badges). */
  tokens(count: number): string;
}

const DEFAULT_WORDS: CanvasWords = { tokens: (count) => (count === 1 ? '1 case' : `${count} cases`) };

/** Draws a run's tokens, moves, flags and visit heat over the modeler's diagram. */
export class SimulationCanvas {
  private readonly canvas: Canvas;
  private readonly registry: ElementRegistry;
  private readonly bus: EventBus;
  private readonly selection: Selection;
  private readonly layer: SVGGElement;
  private readonly heatGroup: SVGGElement;
  private readonly tokenGroup: SVGGElement;
  private readonly moveGroup: SVGGElement;
  private readonly flagGroup: SVGGElement;
  private tokens: Record<string, number> = {};
  private flags: CanvasFlag[] = [];
  private heat: Record<string, number> = {};
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly redraw = () => this.drawAll();

  constructor(
    modeler: Modeler,
    private readonly words: CanvasWords = DEFAULT_WORDS
  ) {
    ensureStyles();
    this.canvas = modeler.get<Canvas>('canvas');
    this.registry = modeler.get<ElementRegistry>('elementRegistry');
    this.bus = modeler.get<EventBus>('eventBus');
    this.selection = modeler.get<Selection>('selection');
    this.layer = this.canvas.getLayer(LAYER, LAYER_INDEX) as SVGGElement;
    this.layer.classList.add('ml-sim-layer');
    this.layer.replaceChildren();
    this.heatGroup = this.group('ml-sim-heat-group');
    this.tokenGroup = this.group('ml-sim-token-group');
    this.moveGroup = this.group('ml-sim-move-group');
    this.flagGroup = this.group('ml-sim-flag-group');
    // Drilling into a sub-process shows another plane: draw what belongs to it.
    this.bus.on('root.set', this.redraw);
    // Shapes that move while a run is shown keep their marks.
    this.bus.on('elements.changed', this.redraw);
  }

  /** Shows the tokens waiting per element id (replacing the previous ones). */
  setTokens(tokens: Record<string, number>): void {
    this.tokens = { ...tokens };
    this.drawTokens();
  }

  /** Animates dots along the flows taken in one step, over `durationMs`. */
  animate(moves: readonly CanvasMove[], durationMs: number): void {
    if (durationMs <= 0) return;
    for (const move of moves) {
      const points = this.pathOf(move.via);
      if (!points) continue;
      const dot = svg('circle', { r: 6, cx: 0, cy: 0, class: `ml-sim-moving ml-sim-moving--${move.kind}`, 'data-flow-id': move.via });
      const motion = svg('animateMotion', {
        dur: `${durationMs}ms`,
        fill: 'freeze',
        path: 'M ' + points.map((p) => `${p.x} ${p.y}`).join(' L ')
      });
      dot.append(motion);
      this.moveGroup.append(dot);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        dot.remove();
      }, durationMs + 30);
      this.timers.add(timer);
    }
  }

  /** Adds flags (several on one element share one badge listing them all). */
  addFlags(flags: readonly CanvasFlag[]): void {
    if (flags.length === 0) return;
    this.flags.push(...flags);
    this.drawFlags();
  }

  /** Tints elements by mean visits per case (0 removes the tint); `label` words the tooltip. */
  setHeat(visits: Record<string, number>, label: (visits: number) => string): void {
    this.heat = { ...visits };
    this.heatLabel = label;
    this.drawHeat();
  }

  /** Removes the heat tint only. */
  clearHeat(): void {
    this.heat = {};
    this.drawHeat();
  }

  /** Removes every token, moving dot, flag and tint. */
  clear(): void {
    this.tokens = {};
    this.flags = [];
    this.heat = {};
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.drawAll();
  }

  /** Clears and detaches from the modeler (the panel closed). */
  destroy(): void {
    this.clear();
    this.bus.off('root.set', this.redraw);
    this.bus.off('elements.changed', this.redraw);
  }

  private heatLabel: (visits: number) => string = (v) => String(v);

  private group(cls: string): SVGGElement {
    const g = svg('g', { class: cls });
    this.layer.append(g);
    return g;
  }

  private drawAll(): void {
    this.moveGroup.replaceChildren();
    this.drawHeat();
    this.drawTokens();
    this.drawFlags();
  }

  /** The element if it is drawn on the plane being shown. */
  private visible(id: string): Element | undefined {
    const element = this.registry.get(id) as Element | undefined;
    if (!element || !element.parent) return undefined;
    const root = this.canvas.findRoot(element);
    return root === this.canvas.getRootElement() ? element : undefined;
  }

  private pathOf(id: string): Point[] | undefined {
    const element = this.visible(id) as Connection | undefined;
    const points = element?.waypoints;
    return Array.isArray(points) && points.length > 1 ? points.map((p) => ({ x: p.x, y: p.y })) : undefined;
  }

  /** Where a mark sits: the top centre of a shape, or the middle of a flow. */
  private anchor(element: Element): Point {
    const waypoints = (element as Connection).waypoints;
    if (Array.isArray(waypoints) && waypoints.length > 0) return along(waypoints, 0.5);
    const s = element as Shape;
    return { x: s.x + s.width / 2, y: s.y };
  }

  private drawTokens(): void {
    this.tokenGroup.replaceChildren();
    for (const [id, count] of Object.entries(this.tokens)) {
      if (count <= 0) continue;
      const element = this.visible(id);
      if (!element) continue;
      const s = element as Shape;
      const at = (element as Connection).waypoints ? this.anchor(element) : { x: s.x + 2, y: s.y + s.height - 2 };
      // A violet pill that says what it counts: a bare green figure was read as one of the green "agreed" handover badges.
      const label = this.words.tokens(count);
      const width = Math.max(34, Math.round(label.length * 6.6) + 14);
      const g = svg('g', { class: 'ml-sim-token', 'data-element-id': id, 'data-count': count, transform: `translate(${at.x} ${at.y})` });
      const title = svg('title', {});
      title.textContent = label;
      g.append(title);
      g.append(svg('rect', { x: -8, y: -10, width, height: 20, rx: 10 }));
      const text = svg('text', { x: -8 + width / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      text.textContent = label;
      g.append(text);
      this.tokenGroup.append(g);
    }
  }

  private drawFlags(): void {
    this.flagGroup.replaceChildren();
    const byElement = new Map<string, CanvasFlag[]>();
    for (const f of this.flags) {
      let list = byElement.get(f.elementId);
      if (!list) byElement.set(f.elementId, (list = []));
      list.push(f);
    }
    for (const [id, list] of byElement) {
      const element = this.visible(id);
      if (!element) continue;
      const s = element as Shape;
      const waypoints = (element as Connection).waypoints;
      // On a flow the flag sits towards the receiver, clear of the handover badge in the middle.
      const pos = waypoints ? along(waypoints, 0.75) : { x: s.x + s.width - 2, y: s.y + 2 };
      const kinds = [...new Set(list.map((f) => f.kind))];
      const g = svg('g', {
        class: 'ml-sim-flag',
        'data-element-id': id,
        'data-kinds': kinds.join(' '),
        transform: `translate(${pos.x} ${pos.y})`
      });
      const title = svg('title', {});
      title.textContent = [...new Set(list.map((f) => f.text))].join('\n');
      g.append(title);
      g.append(svg('path', { d: 'M 0 -12 L 11 8 L -11 8 Z' }));
      const text = svg('text', { 'text-anchor': 'middle', y: 4 });
      text.textContent = list.length > 1 ? String(Math.min(list.length, 99)) : '!';
      g.append(text);
      g.addEventListener('click', (e) => {
        e.stopPropagation();
        this.selection.select(element);
      });
      this.flagGroup.append(g);
    }
  }

  private drawHeat(): void {
    this.heatGroup.replaceChildren();
    const values = Object.values(this.heat).filter((v) => v > 0);
    if (values.length === 0) return;
    const max = Math.max(...values);
    for (const [id, visits] of Object.entries(this.heat)) {
      if (visits <= 0) continue;
      const element = this.visible(id);
      if (!element || (element as Connection).waypoints) continue;
      const s = element as Shape;
      const strength = Math.sqrt(visits / max);
      const rect = svg('rect', {
        class: 'ml-sim-heat',
        'data-element-id': id,
        x: s.x - 4,
        y: s.y - 4,
        width: s.width + 8,
        height: s.height + 8,
        rx: 8,
        'fill-opacity': (0.15 + 0.45 * strength).toFixed(3)
      });
      const title = svg('title', {});
      title.textContent = this.heatLabel(visits);
      rect.append(title);
      this.heatGroup.append(rect);
    }
  }
}

/** The point at `fraction` of a polyline's length, so a mark sits on the flow itself. */
function along(points: readonly Point[], fraction: number): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total * fraction;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= left && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[0]!;
}
