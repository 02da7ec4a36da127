/**
 * Registers the service worker that keeps the built app for offline use (src/offline).
 * Only in the built app (the dev server has no sw.js) and only where the browser allows
 * it (a secure context: https or localhost). Failing to register is not an error the
 * user needs to see: the app works, only not offline.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => {
    navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' }).catch((error: unknown) => {
      console.warn('MissingLink will not work offline: the service worker could not be registered.', error);
    });
  };
  // After the page has loaded, so caching the app does not compete with starting it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
