import { createModeler } from '../modeler/create-modeler';
import { AssessmentRepository } from '../storage/assessments';
import { ReviewRepository } from '../storage/reviews';
import { AppController } from './app-controller';
import type { LibraryAnalysis } from './library-analysis';
import type { AppServices } from './services';
import { startLibrary } from './start-library';

/**
 * Wires the application once: the modeler on its canvas, the one database connection
 * with its repositories, the tab synchronisation and the app controller. The shell
 * calls it and hands the result to every panel; nothing else opens storage.
 */
export async function bootstrap(canvas: HTMLElement): Promise<AppServices> {
  const modeler = createModeler(canvas);
  // The database, recovered from its second copy when the browser deleted it (see start-library.ts).
  const { db, repository, tabSync, health } = await startLibrary();
  const controller = new AppController(modeler, repository, tabSync, health);
  let library: Promise<LibraryAnalysis> | undefined;
  return {
    modeler,
    controller,
    reviews: new ReviewRepository(db),
    assessments: new AssessmentRepository(db),
    library: () =>
      (library ??= import('./library-analysis').then(
        ({ LibraryAnalysis }) => {
          const analysis = new LibraryAnalysis({ list: () => repository.list(), get: (id) => repository.get(id) });
          analysis.follow(controller, modeler);
          return analysis;
        },
        (error: unknown) => {
          library = undefined; // a failed chunk load is tried again next time
          throw error;
        }
      ))
  };
}
