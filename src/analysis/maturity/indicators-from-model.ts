import { readValueChain } from '../../model/value-chain/read';
import { modelActivities, type LibraryModel } from '../performance/from-model';
import type { IndicatorProcess } from './indicators';

/** The indicator input of one model of the library, from the value-chain reader and handover finder. */
export function indicatorInputFromModel(model: LibraryModel): IndicatorProcess {
  const snapshot = model.snapshot ?? readValueChain(model.definitions);
  return {
    id: model.id,
    name: model.name,
    activities: modelActivities(model.definitions, snapshot).map(({ element, step }) => ({
      id: element.id!,
      name: element.name || undefined,
      kpis: (step?.kpis ?? []).map((k) => ({
        name: k.name,
        objectiveGroup: k.objectiveGroup,
        realised: k.realised,
        evidence: k.evidence,
        measurements: k.measurements.map((m) => ({ value: m.value, evidence: m.evidence }))
      })),
      assignments: (step?.assignments ?? []).map((a) => ({ role: a.role, responsibility: a.responsibility }))
    })),
    handovers: snapshot.handovers.map((h) => ({
      id: h.flowId,
      agreementStatus: h.agreementStatus === 'missing' ? undefined : h.agreementStatus
    }))
  };
}
