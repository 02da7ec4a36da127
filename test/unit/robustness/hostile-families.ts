import type { MutationFamily } from '../../support/mutate';

/** Variants per family and source file in the committed run (10 sources: 1,070 variants in all). */
export const HOSTILE_PER_SOURCE = 13;

/** The families, split over three test files so vitest runs them in parallel. */
export const FAMILY_GROUPS: Record<'bytes' | 'structure' | 'constructs', readonly MutationFamily[]> = {
  bytes: ['truncation', 'byte-flip', 'invalid-utf8', 'byte-order-mark', 'markup-injection'],
  structure: ['duplicate-id', 'dangling-reference', 'element-removal', 'wrong-namespace'],
  constructs: ['huge-attribute', 'deep-nesting', 'entity-expansion', 'external-entity']
};
