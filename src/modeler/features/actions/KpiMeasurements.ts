import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { ModdleElement } from '../../../model/moddle-types';
import type { ElementLike } from '../value-chain/ValueChainEditor';
import type PdcaCommands from './PdcaCommands';
import type { MeasurementEdits } from './pdca-edits';
import { localDate } from './today';

interface Ids {
  assigned(id: string): unknown;
}

/**
 * The Check of Plan–Do–Check–Act: realised values of a KPI recorded per period,
 * stored as ml:Measurement children of the ml:Kpi (its history). Every change is
 * one undoable command; callers validate first with checkChanges('ml:Measurement', …).
 */
export default class KpiMeasurements {
  static $inject = ['pdcaCommands', 'elementRegistry', 'moddle'];

  constructor(
    private readonly commands: PdcaCommands,
    private readonly elementRegistry: ElementRegistry,
    private readonly moddle: { ids?: Ids }
  ) {}

  /** Adds a realised value for a period to the KPI's history (recorded today unless given). */
  record(activity: ElementLike, kpiId: string, attrs: MeasurementEdits): void {
    this.commands.run(this.businessObject(activity), [{ kind: 'measurement.add', kpiId, attrs: { recordedOn: localDate(new Date()), ...attrs } }]);
  }

  /** Removes one measurement, by its position in the stored history. */
  remove(activity: ElementLike, kpiId: string, index: number): void {
    this.commands.run(this.businessObject(activity), [{ kind: 'measurement.remove', kpiId, index }]);
  }

  private businessObject(element: ElementLike): ModdleElement {
    if (typeof element === 'string') {
      const shape = this.elementRegistry.get(element) as { businessObject: ModdleElement } | undefined;
      const found = shape?.businessObject ?? (this.moddle.ids?.assigned(element) as ModdleElement | false | undefined);
      if (!found || typeof found !== 'object') throw new Error(`There is no element "${element}" in the model.`);
      return found;
    }
    return 'businessObject' in element && element.businessObject ? (element.businessObject as ModdleElement) : (element as ModdleElement);
  }
}
