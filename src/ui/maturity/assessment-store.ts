import { openDatabase } from '../../storage/db';
import { AssessmentRepository } from '../../storage/assessments';

let repository: Promise<AssessmentRepository> | undefined;

/**
 * The assessments repository of the app, on its own connection to the library
 * database (opened on first use): assessments belong to the organisation, not to the
 * open process, so the maturity panel does not go through the process controller.
 */
export function assessmentRepository(): Promise<AssessmentRepository> {
  repository ??= openDatabase().then(
    (db) => new AssessmentRepository(db),
    (error: unknown) => {
      repository = undefined; // try again next time: storage may come back
      throw error;
    }
  );
  return repository;
}
