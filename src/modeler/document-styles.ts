/**
 * Adds a stylesheet to the document once per `id`, as a constructed style sheet
 * (document.adoptedStyleSheets) rather than a <style> element: the app's
 * Content-Security-Policy allows no inline style elements. Used by features that draw
 * into the modeler's light DOM, where a component's own styles do not reach.
 */
export function adoptDocumentStyles(id: string, css: string, doc: Document = document): void {
  const adopted = registry.get(doc) ?? new Map<string, CSSStyleSheet>();
  registry.set(doc, adopted);
  if (adopted.has(id)) return;
  const View = doc.defaultView;
  if (!View) return;
  const sheet = new View.CSSStyleSheet();
  sheet.replaceSync(css);
  adopted.set(id, sheet);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

const registry = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/** Like adoptDocumentStyles, but replaces the sheet's rules when it exists (styles that follow data, such as a page header). */
export function setDocumentStyles(id: string, css: string, doc: Document = document): void {
  const sheet = registry.get(doc)?.get(id);
  if (sheet) sheet.replaceSync(css);
  else adoptDocumentStyles(id, css, doc);
}
