// Automatic layout for models without (complete) diagram information: pure, runs in node and the browser.
export { diagramCoverage, type DiagramCoverage } from './coverage';
export { layoutDefinitions, type LayoutSummary } from './layout';
export { prepareImport, type ImportLayoutReport, type LayoutReason, type PreparedImport } from './prepare-import';
