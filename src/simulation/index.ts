/**
 * The simulation layer's public surface: compile a model, run a batch or an
 * interactive run, drive either with the xstate run machine, export the results.
 * Pure: no DOM, no modeler; runs the same in node, the browser and a worker.
 */
export { compileModel, type CompileOptions } from './compile';
export {
  createBatch,
  runBatch,
  runScenarios,
  DEFAULT_CASES,
  type ActivityStats,
  type BatchOptions,
  type BatchResult,
  type BatchRunner,
  type DepartmentStats,
  type Distribution,
  type ExemptionUse,
  type OutcomeStats,
  type PromiseCheck,
  type ScenarioComparison
} from './batch';
export { createRun, staticFlags, type CaseSummary, type RunOptions, type RunSnapshot, type RunStatus, type SimulationRun, type StepResult } from './run';
export { describeFlag, type CaseStatus, type ChoiceRequest, type ChooseCallback, type TokenMove } from './engine';
export { FLAG_KINDS, type FlagKind, type FlagSummary, type SimFlag } from './flags';
export { SimulationInputError, type SimulationOptions } from './options';
export type { Scenario, SimIssue, SimModel } from './model';
export {
  createBatchDriver,
  createInteractiveDriver,
  type BatchDriver,
  type DriverProgress,
  type DriverStatus,
  type InteractiveDriver,
  type InteractiveDriverOptions,
  type SimulationDriver
} from './drivers';
export { runMachine, defaultScheduler, type RunMachineContext, type RunMachineEvent, type RunMachineInput, type Scheduler } from './run-machine';
export { batchResultToCsv, batchResultToJson } from './export';
export { batchResultToMarkdown } from './report';
export { QUANTILE_RELATIVE_ERROR, type HistogramBin } from './statistics';
