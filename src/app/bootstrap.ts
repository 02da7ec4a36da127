import { createModeler } from '../modeler/create-modeler';
import { AssessmentRepository } from '../storage/assessments';
import { openDatabase } from '../storage/db';
import { ProcessRepository } from '../storage/process-repository';
import { ReviewRepository } from '../storage/reviews';
import { TabSync } from '../storage/tab-sync';
import { AppController } from './app-controller';
import type { LibraryAnalysis } from './library-analysis';
import type { AppServices } from './services';

/**
 * Wires the application once: the modeler on its canvas, the one database connection
 * with its repositories, the tab synchronisation and the app controller. The shell
 * calls it and hands the result to every panel; nothing else opens storage.
 */
export async function bootstrap(canvas: HTMLElement): Promise<AppServices> {
  const modeler = createModeler(canvas);
  const db = await openDatabase();
  const tabSync = new TabSync();
  const repository = new ProcessRepository(db, { onChange: (change) => tabSync.publish(change) });
  const controller = new AppController(modeler, repository, tabSync);
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
