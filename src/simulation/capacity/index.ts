/**
 * The capacity simulation's public surface: people, working hours and arrivals on top
 * of the token engine. Pure: no DOM; runs in node, the browser and a worker.
 */
export { runCapacitySimulation, compileCapacityModel, startInstant, CapacityInputError, DEFAULT_CAPACITY_CASES, type CapacityModel, type CaseRecord } from './run';
export { readCapacityInput, applyWhatIf, emptyCapacityInput, defaultCalendar, DEFAULT_START } from './input';
export { describeFinding, hoursText, CAPACITY_MESSAGES, type CapacityLanguage } from './messages';
export { createWorkingTime, ALWAYS, type WorkingTime } from './calendar';
export { createSampler, sample, distributionProblem, type Sampler } from './distributions';
export type * from './types';
export { importProsimos, exportProsimos, parseProsimos, distributionFromProsimos, ProsimosError, PROSIMOS_DISTRIBUTIONS, type ProsimosScenario } from './prosimos';
export { capacityJson, capacityResultToMarkdown } from './report';
