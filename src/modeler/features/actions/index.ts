import valueChainModule from '../value-chain';
import ImprovementActions from './ImprovementActions';
import KpiMeasurements from './KpiMeasurements';

/**
 * Feature module: the Check and Act records of Plan–Do–Check–Act. `improvementActions`
 * records ml:Action in the value chain, `kpiMeasurements` adds ml:Measurement to a
 * KPI's history; both run the value-chain editor's undoable `valueChain.update` command.
 */
export default {
  __depends__: [valueChainModule],
  improvementActions: ['type', ImprovementActions],
  kpiMeasurements: ['type', KpiMeasurements]
};
