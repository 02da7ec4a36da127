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
