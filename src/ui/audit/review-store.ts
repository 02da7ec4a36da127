import { openDatabase } from '../../storage/db';
import { ReviewRepository } from '../../storage/reviews';

let repository: Promise<ReviewRepository> | undefined;

/**
 * The reviews of the process library, on a connection of its own to the app's
 * database (opened on first use: only auditors need it). A failed open is not cached,
 * so the next attempt tries again.
 */
export function reviewRepository(): Promise<ReviewRepository> {
  repository ??= openDatabase().then(
    (db) => new ReviewRepository(db),
    (error: unknown) => {
      repository = undefined;
      throw error;
    }
  );
  return repository;
}

const REVIEWER_KEY = 'missinglink.reviewer';

/** The reviewer name last used in this browser, to prefill the sign-off form. */
export function lastReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the reviewer name for the next sign-off. */
export function rememberReviewer(name: string): void {
  try {
    localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // not remembered when storage is blocked
  }
}
