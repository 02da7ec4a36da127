/**
 * One plain sentence per capacity finding, in Dutch and English. Kept in a file of its
 * own, keyed by finding code with named parameters, so that it can be folded into the
 * shared message catalogue of the command line and the UI.
 */
import type { CapacityFinding, CapacityFindingCode } from './types';

export type CapacityLanguage = 'en' | 'nl';

type Params = Record<string, string | number>;

const number = (lang: CapacityLanguage, value: number, digits = 1) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);

const percent = (lang: CapacityLanguage, share: number) => `${number(lang, share * 100, 0)} %`;

/** Money with cents, or without them for whole amounts. */
const money = (lang: CapacityLanguage, value: number, currency: string) => {
  const cents = Math.round(value * 100) / 100;
  const digits = Number.isInteger(cents) ? 0 : 2;
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: /^[A-Z]{3}$/.test(currency) ? currency : 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(cents);
};

/** Hours in words: minutes below an hour, hours below two days, else days of 24 h. */
export function hoursText(lang: CapacityLanguage, hours: number): string {
  const nl = lang === 'nl';
  if (hours < 1) return `${number(lang, hours * 60, 0)} ${nl ? 'minuten' : 'minutes'}`;
  if (hours < 48) return `${number(lang, hours)} ${nl ? 'uur' : hours === 1 ? 'hour' : 'hours'}`;
  return `${number(lang, hours / 24)} ${nl ? 'dagen' : 'days'}`;
}

const S = (p: Params, k: string) => String(p[k] ?? '');
const N = (p: Params, k: string) => Number(p[k] ?? 0);

/** The sentences, by language and code. */
export const CAPACITY_MESSAGES: Record<CapacityLanguage, Record<CapacityFindingCode, (p: Params) => string>> = {
  en: {
    'unlimited-capacity': () =>
      'This model has no capacity data: every step starts at once, as if there were always someone free, round the clock. Add people and working hours to see queues.',
    overloaded: (p) =>
      `${S(p, 'pool')} (${N(p, 'capacity')} ${N(p, 'capacity') === 1 ? 'person' : 'people'}) can handle about ${number('en', N(p, 'perWeek'), 0)} cases a week; at ${number('en', N(p, 'arrivals'), 0)} the queue grows without end, so an average waiting time would mean nothing.`,
    'waiting-most': (p) =>
      `With ${N(p, 'capacity')} × ${S(p, 'pool')}, cases wait longest before "${S(p, 'task')}": on average ${hoursText('en', N(p, 'hours'))} of working time until someone is free.`,
    'pool-busy': (p) => `${S(p, 'pool')} (${N(p, 'capacity')}) is busy ${percent('en', N(p, 'utilisation'))} of its working hours.`,
    'promise-kept': (p) =>
      `The promise (${S(p, 'promise')}) is kept for ${percent('en', N(p, 'share'))} of cases${N(p, 'days') >= 0 ? `; on average a case takes ${number('en', N(p, 'days'))} working days` : ''}.`,
    'promise-broken': (p) =>
      `The promise (${S(p, 'promise')}) is kept for only ${percent('en', N(p, 'share'))} of cases${N(p, 'days') >= 0 ? `; on average a case takes ${number('en', N(p, 'days'))} working days` : ''}.`,
    split: (p) =>
      `A case takes ${hoursText('en', N(p, 'cycle'))} on average: ${hoursText('en', N(p, 'processing'))} of work, ${hoursText('en', N(p, 'waiting'))} of working time waiting for a free person, ${hoursText('en', N(p, 'offCalendar'))} outside working hours${N(p, 'other') >= 0.05 ? ` and ${hoursText('en', N(p, 'other'))} in steps nobody of the chain works on (the customer, deliveries, waiting times)` : ''}.`,
    'cost-per-case': (p) => `A case costs ${money('en', N(p, 'cost'), S(p, 'currency'))} on average: hours × hourly rate, plus fixed costs per step.`,
    'budget-not-divided': () => 'Step budgets are budgets for a period; they are compared on the dashboard and never divided into cases.',
    'time-budget': (p) => `The run stopped at its time limit after ${number('en', N(p, 'cases'), 0)} cases; the figures cover those cases.`
  },
  nl: {
    'unlimited-capacity': () =>
      'Dit model heeft geen capaciteitsgegevens: elke stap begint meteen, alsof er altijd iemand vrij is, dag en nacht. Voeg mensen en werktijden toe om wachtrijen te zien.',
    overloaded: (p) =>
      `${S(p, 'pool')} (${N(p, 'capacity')} ${N(p, 'capacity') === 1 ? 'persoon' : 'personen'}) kan ongeveer ${number('nl', N(p, 'perWeek'), 0)} gevallen per week aan; bij ${number('nl', N(p, 'arrivals'), 0)} groeit de wachtrij zonder einde, dus een gemiddelde wachttijd zegt niets.`,
    'waiting-most': (p) =>
      `Met ${N(p, 'capacity')} × ${S(p, 'pool')} wachten gevallen het langst vóór "${S(p, 'task')}": gemiddeld ${hoursText('nl', N(p, 'hours'))} werktijd tot er iemand vrij is.`,
    'pool-busy': (p) => `${S(p, 'pool')} (${N(p, 'capacity')}) is ${percent('nl', N(p, 'utilisation'))} van de werktijd bezig.`,
    'promise-kept': (p) =>
      `De belofte (${S(p, 'promise')}) wordt voor ${percent('nl', N(p, 'share'))} van de gevallen gehaald${N(p, 'days') >= 0 ? `; een geval duurt gemiddeld ${number('nl', N(p, 'days'))} werkdagen` : ''}.`,
    'promise-broken': (p) =>
      `De belofte (${S(p, 'promise')}) wordt maar voor ${percent('nl', N(p, 'share'))} van de gevallen gehaald${N(p, 'days') >= 0 ? `; een geval duurt gemiddeld ${number('nl', N(p, 'days'))} werkdagen` : ''}.`,
    split: (p) =>
      `Een geval duurt gemiddeld ${hoursText('nl', N(p, 'cycle'))}: ${hoursText('nl', N(p, 'processing'))} werk, ${hoursText('nl', N(p, 'waiting'))} werktijd wachten op iemand die vrij is, ${hoursText('nl', N(p, 'offCalendar'))} buiten werktijd${N(p, 'other') >= 0.05 ? ` en ${hoursText('nl', N(p, 'other'))} in stappen waar niemand van de keten aan werkt (de klant, leveringen, wachttijden)` : ''}.`,
    'cost-per-case': (p) => `Een geval kost gemiddeld ${money('nl', N(p, 'cost'), S(p, 'currency'))}: uren × uurtarief, plus vaste kosten per stap.`,
    'budget-not-divided': () => 'Budgetten van stappen gelden voor een periode; ze worden op het dashboard vergeleken en nooit over gevallen verdeeld.',
    'time-budget': (p) => `De run stopte bij de tijdslimiet na ${number('nl', N(p, 'cases'), 0)} gevallen; de cijfers gaan over die gevallen.`
  }
};

/** The finding as one plain sentence. */
export function describeFinding(finding: CapacityFinding, lang: CapacityLanguage = 'en'): string {
  return CAPACITY_MESSAGES[lang][finding.code](finding.params);
}
