import type { ModdleElement } from '../moddle-types';
import { defaultSize, isA } from './geometry';

/*
 * A damaged diagram can carry bounds without a width, a waypoint without y or a
 * coordinate that is not a number (a flipped byte turns `width="52" height="27"` into
 * attributes the reader skips). bpmn-js does not check: a label without height sent
 * its text layout into an endless loop and froze the tab. Before the modeler sees a
 * file, every coordinate is checked here and what cannot be drawn is repaired or
 * removed, so the coverage check and the layout can fill the gap.
 */

/** What repairDiagramGeometry changed, by DI element id (or the element it draws). */
export interface GeometryRepair {
  /** Shapes that had x and y but no usable size: they got the default size of their kind. */
  resized: string[];
  /** Shapes without a usable position: removed, so the model is laid out anew. */
  removedShapes: string[];
  /** Labels whose bounds were unusable: removed, bpmn-js places the label itself. */
  removedLabels: string[];
  /** Waypoints that were not points, removed from edges that kept at least two. */
  removedWaypoints: number;
  /** Edges left with fewer than two points: removed, the import draws them anew. */
  removedEdges: string[];
}

/** True when a number is finite (moddle reads a missing or garbled coordinate as undefined or NaN). */
function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A size bpmn-js can lay out: finite and not negative (tools write labels 0 high, which bpmn-js handles). */
function usableSize(bounds: ModdleElement): boolean {
  return finite(bounds.width) && finite(bounds.height) && (bounds.width as number) >= 0 && (bounds.height as number) >= 0;
}

/** Repairs or removes every shape, label and edge of every diagram whose geometry bpmn-js could not draw. */
export function repairDiagramGeometry(definitions: ModdleElement): GeometryRepair {
  const repair: GeometryRepair = { resized: [], removedShapes: [], removedLabels: [], removedWaypoints: 0, removedEdges: [] };
  const name = (di: ModdleElement) => String(di.id ?? di.bpmnElement?.id ?? di.$type);
  for (const diagram of definitions.diagrams ?? []) {
    const plane = diagram?.plane as ModdleElement | undefined;
    const elements = plane?.planeElement as ModdleElement[] | undefined;
    if (!elements) continue;
    const keep: ModdleElement[] = [];
    for (const di of elements) {
      if (di.$type === 'bpmndi:BPMNShape') {
        const bounds = di.bounds as ModdleElement | undefined;
        const element = di.bpmnElement as ModdleElement | undefined;
        if (!bounds || !finite(bounds.x) || !finite(bounds.y)) {
          repair.removedShapes.push(name(di));
          continue;
        }
        if (!usableSize(bounds)) {
          // Pools and lanes have no default size that fits their content: lay the model out anew.
          if (!element || isA(element, 'bpmn:Participant') || isA(element, 'bpmn:Lane') || isA(element, 'bpmn:SubProcess')) {
            repair.removedShapes.push(name(di));
            continue;
          }
          const size = defaultSize(element);
          bounds.width = size.width;
          bounds.height = size.height;
          repair.resized.push(name(di));
        }
      }
      if (di.$type === 'bpmndi:BPMNEdge') {
        const points = di.waypoint ?? [];
        const good = points.filter((p) => finite(p.x) && finite(p.y));
        if (good.length < 2) {
          repair.removedEdges.push(name(di));
          continue;
        }
        if (good.length !== points.length) {
          repair.removedWaypoints += points.length - good.length;
          di.waypoint = good;
        }
      }
      const labelBounds = di.label?.bounds as ModdleElement | undefined;
      if (labelBounds && !(finite(labelBounds.x) && finite(labelBounds.y) && usableSize(labelBounds))) {
        (di.label as ModdleElement).bounds = undefined;
        repair.removedLabels.push(name(di));
      }
      keep.push(di);
    }
    if (keep.length !== elements.length) plane!.planeElement = keep;
  }
  return repair;
}

/** True when the repair changed anything. */
export function repairedAnything(repair: GeometryRepair): boolean {
  return (
    repair.resized.length + repair.removedShapes.length + repair.removedLabels.length + repair.removedWaypoints + repair.removedEdges.length > 0
  );
}

/** One line per kind of repair, in the style of the reader's warnings. */
export function describeRepair(repair: GeometryRepair): string[] {
  const lines: string[] = [];
  const list = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
  if (repair.resized.length) lines.push(`The size of ${list(repair.resized)} in the diagram was unreadable; the default size was used.`);
  if (repair.removedShapes.length) lines.push(`The position of ${list(repair.removedShapes)} in the diagram was unreadable; the shape was laid out anew.`);
  if (repair.removedLabels.length) lines.push(`The label position of ${list(repair.removedLabels)} was unreadable; the label is placed anew.`);
  if (repair.removedEdges.length) lines.push(`The line of ${list(repair.removedEdges)} had fewer than two readable points; it is drawn anew.`);
  if (repair.removedWaypoints) lines.push(`${repair.removedWaypoints} unreadable bend points of lines were left out.`);
  return lines;
}
