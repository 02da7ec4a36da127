import type { MeasurementEdits } from '../../../model/value-chain/edit';
import type ValueChainEditor from '../value-chain/ValueChainEditor';
import type { ElementLike } from '../value-chain/ValueChainEditor';
import { localDate } from './today';

/**
 * The Check of Plan–Do–Check–Act: realised values of a KPI recorded per period,
 * stored as ml:Measurement children of the ml:Kpi (its history). Every change is
 * one undoable command; callers validate first with checkChanges('ml:Measurement', …).
 */
export default class KpiMeasurements {
  static $inject = ['valueChainEditor'];

  constructor(private readonly editor: ValueChainEditor) {}

  /** Adds a realised value for a period to the KPI's history (recorded today unless given). */
  record(activity: ElementLike, kpiId: string, attrs: MeasurementEdits): void {
    this.editor.update(activity, [{ kind: 'measurement.add', kpiId, attrs: { recordedOn: localDate(new Date()), ...attrs } }]);
  }

  /** Removes one measurement, by its position in the stored history. */
  remove(activity: ElementLike, kpiId: string, index: number): void {
    this.editor.update(activity, [{ kind: 'measurement.remove', kpiId, index }]);
  }
}
