/**
 * Registers the service worker that keeps the built app for offline use (src/offline).
 * Only in the built app (the dev server has no sw.js) and only where the browser allows
 * it (a secure context: https or localhost). Failing to register is not an error the
 * user needs to see: the app works, only not offline.
 *
 * When a newer build has been installed beside the running one, `onUpdate` is called
 * with a function that switches to it: the new worker takes over and the page reloads.
 */
export function registerServiceWorker(started: Promise<unknown>, onUpdate?: (apply: () => Promise<void>) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = async () => {
    try {
      const registration = await navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' });
      if (onUpdate) watchForUpdates(registration, onUpdate);
    } catch (error) {
      console.warn('MissingLink will not work offline: the service worker could not be registered.', error);
    }
  };
  // Only once the app has started and the page is idle: the first registration fetches
  // every file of the build, which on a small machine would otherwise slow the start.
  void started.then(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => void register(), { timeout: 5_000 });
    else setTimeout(() => void register(), 1_000);
  });
}

/** Browsers look for a new sw.js when the app is opened; a tab left open looks again at most this often. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

function watchForUpdates(registration: ServiceWorkerRegistration, onUpdate: (apply: () => Promise<void>) => void): void {
  let offered: ServiceWorker | undefined;
  const offer = (waiting: ServiceWorker) => {
    // Only an update needs a reload: the very first install takes over the page by itself.
    if (!navigator.serviceWorker.controller || offered === waiting) return;
    offered = waiting;
    onUpdate(
      () =>
        new Promise<void>((resolve) => {
          navigator.serviceWorker.addEventListener(
            'controllerchange',
            () => {
              resolve();
              window.location.reload();
            },
            { once: true }
          );
          waiting.postMessage({ type: 'skip-waiting' });
        })
    );
  };
  const follow = (installing: ServiceWorker | null) =>
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  if (registration.waiting) offer(registration.waiting);
  // One may already be installing (found when the app was opened, before this ran).
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => undefined);
  });
}
