import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './ui/shell/app.css';
import { initialLocale, setLocale } from './i18n/localization';
import { registerServiceWorker } from './app/offline';
import { config as zodConfig } from 'zod/v4/core';
import type { MlApp } from './ui/shell/ml-app';

// zod would compile its parsers with new Function(); the Content-Security-Policy forbids eval, and even zod's probe for it is reported as a violation.
zodConfig({ jitless: true });

// Load the user's language before the first render, so nothing flashes in the wrong one.
await setLocale(initialLocale());
await import('./ui/shell/ml-app');
const app = document.querySelector<MlApp>('ml-app')!;
registerServiceWorker(app.started, (apply) => app.offerUpdate(apply));
