import { msg } from '@lit/localize';

/** The six pain points of DOMAIN.md §1, by number; every audit rule belongs to one. */
export type PainPoint = 1 | 2 | 3 | 4 | 5 | 6;

/** The pain points in the order the domain brief lists them. */
export const PAIN_POINTS: readonly PainPoint[] = [1, 2, 3, 4, 5, 6];

/** The pain point's short title in the UI language, e.g. "No accountability". */
export function painPointTitle(point: PainPoint): string {
  switch (point) {
    case 1:
      return msg('No described processes');
    case 2:
      return msg('No performance measurement');
    case 3:
      return msg('No attention to resources');
    case 4:
      return msg('No accountability');
    case 5:
      return msg('Poor collaboration');
    case 6:
      return msg('Promises not delivered');
  }
}

/** What the pain point means and what the model should show, in one or two sentences (DOMAIN.md §1). */
export function painPointExplanation(point: PainPoint): string {
  switch (point) {
    case 1:
      return msg('The road to the customer is unknown. A customer-to-customer process starts and ends at the customer.');
    case 2:
      return msg('Marketing results are not measured and easily manipulated. Every step needs performance measures with a target score, a period and a realised value.');
    case 3:
      return msg('Resources get no attention. Every step needs planned and realised budget and hours.');
    case 4:
      return msg('Vague marketing can never be wrong. Every step needs exactly one accountable role.');
    case 5:
      return msg('Agreements between departments are neither recorded nor kept. Every handover needs an agreed agreement.');
    case 6:
      return msg('Marketing cannot deliver what it promises. The process needs a customer promise to check the chain against.');
  }
}
