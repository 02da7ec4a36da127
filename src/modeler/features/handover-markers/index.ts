import HandoverMarkers from './HandoverMarkers';
import HandoverLegend from './HandoverLegend';

/** Feature module: marks every handover on the canvas by the status of its agreement, with a legend. */
export default {
  __init__: ['handoverMarkers', 'handoverLegend'],
  handoverMarkers: ['type', HandoverMarkers],
  handoverLegend: ['type', HandoverLegend]
};

export type { HandoverCounts, HandoverMarkInfo, HandoverUpdateStats } from './HandoverMarkers';
export type { HandoverMark } from './handover-status';
