/**
 * Registers the service worker that keeps the built app for offline use (src/offline).
 * Only in the built app (the dev server has no sw.js) and only where the browser allows
 * it (a secure context: https or localhost). Failing to register is not an error the
 * user needs to see: the app works, only not offline.
 */
export function registerServiceWorker(started: Promise<unknown>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => {
    navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' }).catch((error: unknown) => {
      console.warn('MissingLink will not work offline: the service worker could not be registered.', error);
    });
  };
  // Only once the app has started and the page is idle: the first registration fetches
  // every file of the build, which on a small machine would otherwise slow the start.
  void started.then(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 5_000 });
    else setTimeout(register, 1_000);
  });
}
