import type { Modeler } from '../modeler/create-modeler';
import type { AssessmentRepository } from '../storage/assessments';
import type { ReviewRepository } from '../storage/reviews';
import type { AppController } from './app-controller';
import type { LibraryAnalysis } from './library-analysis';

/*
 * What the application hands to its user interface: everything a panel may use,
 * created once by the bootstrap (src/app/bootstrap.ts) and passed down by the shell
 * through @lit/context. The UI never opens storage itself; the record types it shows
 * are re-exported here so that it needs no import from src/storage.
 */

export type { AssessmentRecord, ProcessSummary, ReviewRecord, StorageProblem, VersionSummary } from '../storage/records';
export type { ReviewRepository as ReviewStore } from '../storage/reviews';
export type { AssessmentRepository as AssessmentStore } from '../storage/assessments';

/** The services of one running app. */
export interface AppServices {
  /** The open process: read through it, change it only through its command stack. */
  readonly modeler: Modeler;
  /** The process library, the session (open, save, undo) and the notices. */
  readonly controller: AppController;
  /** The auditors' sign-offs, on the app's one database connection. */
  readonly reviews: ReviewRepository;
  /** The maturity assessments of the organisation, on the same connection. */
  readonly assessments: AssessmentRepository;
  /**
   * The one analysis of the whole library (dashboard, maturity), loaded on first use
   * so its code stays out of the start-up bundle; it follows the open process.
   */
  library(): Promise<LibraryAnalysis>;
}
