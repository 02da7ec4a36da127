import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app. Everything comes from the app's own
 * origin: no inline or remote scripts, no connections elsewhere (the users' models stay
 * on their machine), no plugins, no frames, no forms posting anywhere.
 *  - img-src data: blob: — the PNG export draws the diagram SVG from a blob: URL;
 *    bpmn-js and the styles use small data: images.
 *  - font-src data: — the BPMN icon font is embedded in bpmn-js's CSS as a data: URL.
 *  - style-src-attr 'unsafe-inline' — bpmn-js writes style attributes into its icons
 *    and popups and some of our templates set a width; an attribute cannot load or run
 *    anything (remote images stay blocked by img-src). Style elements stay 'self' only:
 *    Lit uses constructed style sheets (adoptedStyleSheets), which CSP does not block.
 * A meta tag cannot carry frame-ancestors or reporting; a server may add them as headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'none'"
].join('; ');

/**
 * Puts the policy into the built index.html right after <meta charset>, before any
 * script or style (a meta policy covers only what follows it). Only for the build: the
 * dev server injects inline styles and a websocket for hot reloading.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'missinglink:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset="utf-8"> as the first element of <head>');
        return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      }
    }
  };
}
