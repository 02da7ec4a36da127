import valueChainModule from '../value-chain';
import ImprovementActions from './ImprovementActions';
import KpiMeasurements from './KpiMeasurements';
import PdcaCommands from './PdcaCommands';

/**
 * Feature module: the Check and Act records of Plan–Do–Check–Act. `improvementActions`
 * records ml:Action in the value chain, `kpiMeasurements` adds ml:Measurement to a
 * KPI's history; both run the one undoable `pdcaRecords.update` command.
 */
export default {
  __depends__: [valueChainModule],
  __init__: ['pdcaCommands'],
  pdcaCommands: ['type', PdcaCommands],
  improvementActions: ['type', ImprovementActions],
  kpiMeasurements: ['type', KpiMeasurements]
};
