import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './ui/app/app.css';
import { initialLocale, setLocale } from './i18n/localization';

// Load the user's language before the first render, so nothing flashes in the wrong one.
await setLocale(initialLocale());
await import('./ui/app/ml-app');
