import { LitElement, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { ContextProvider } from '@lit/context';
import type { AppController, AppState } from '../../app/app-controller';
import { bootstrap } from '../../app/bootstrap';
import type { AppServices } from '../../app/services';
import type { Modeler } from '../../modeler/create-modeler';
import { currentLocale, setLocale, type Locale } from '../../i18n/localization';
import { askText, confirmAction } from '../shared/dialogs';
import '../shared/ml-notices';
import '../library/ml-library';
import './panel-registry';
import { servicesContext } from '../panel-api/context';
import './ml-splitter';
import { readPreference, writePreference } from '../../preferences/preferences';
import { clampSizes, panelLimits, parsePanelSizes, type PanelSizes } from './panel-sizes';
import { loadPanel, panelsAt } from '../panel-api/panels';

/**
 * The application shell. It renders into the light DOM on purpose: bpmn-js draws the
 * canvas with document-level CSS, which does not enter shadow roots. Panels around the
 * canvas are shadow-DOM components that receive state as properties and emit events.
 * It asks the bootstrap for the app's services once and provides them to every panel
 * (servicesContext); panels never look for the shell.
 */
export class MlApp extends LitElement {
  static override properties = {
    appState: { state: true },
    sidePanel: { state: true },
    bottomPanel: { state: true },
    dragging: { state: true },
    fatal: { state: true },
    keyboardStatus: { state: true },
    panelSizes: { state: true }
  };
  declare appState: AppState | undefined;
  /** The id of the open side panel (properties, versions, …), if any. */
  declare sidePanel: string | undefined;
  /** The id of the open panel below the canvas (tables), if any. */
  declare bottomPanel: string | undefined;
  declare dragging: boolean;
  declare fatal: string | undefined;
  /** Why the last keyboard modeling key did nothing, announced and shown over the canvas. */
  declare keyboardStatus: string | undefined;
  /** Side panel width and bottom panel height as the user left them (remembered in localStorage). */
  declare panelSizes: PanelSizes;

  private services?: AppServices;
  private controller?: AppController;
  private loadedPanels = new Set<string>();
  private modeler?: Modeler;
  private readonly servicesProvider = new ContextProvider(this, { context: servicesContext });
  /** Whether a diagram element was clicked in this session (panels may open on the first click). */
  private elementClicked = false;
  private dragDepth = 0;
  /** Tells bpmn-js when the canvas changes size (a panel opens or closes, the window resizes). */
  private canvasResize?: ResizeObserver;
  private markStarted!: () => void;
  /**
   * Resolves once, when the app has finished starting: the library is read and a
   * process shows (or starting failed). Work that can wait, such as caching the app for
   * offline use, waits for it instead of competing with the start.
   */
  readonly started: Promise<void> = new Promise((resolve) => (this.markStarted = resolve));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.sidePanel = undefined;
    this.bottomPanel = undefined;
    this.panelSizes = readStoredSizes();
    this.dragging = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
    window.addEventListener('pagehide', this.onHide);
    window.addEventListener('resize', this.onWindowResize);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    document.addEventListener('visibilitychange', this.onHide);
    document.addEventListener('click', this.onFirstElementClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    window.removeEventListener('pagehide', this.onHide);
    window.removeEventListener('resize', this.onWindowResize);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    document.removeEventListener('visibilitychange', this.onHide);
    document.removeEventListener('click', this.onFirstElementClick);
    this.canvasResize?.disconnect();
  }

  /**
   * Opens a registered panel in its place (side or bottom), replacing the panel open
   * there; panels use this to bring up another panel instead of clicking its tab.
   * Returns false for an unknown id.
   */
  openPanel(id: string): boolean {
    const side = panelsAt('side').find((p) => p.id === id);
    const bottom = side ? undefined : panelsAt('bottom').find((p) => p.id === id);
    if (side) this.sidePanel = id;
    else if (bottom) this.bottomPanel = id;
    return !!(side || bottom);
  }

  /**
   * Opens a panel from its toggle and moves keyboard focus into it, where the work
   * is, once its code has loaded (a panel opened by other code leaves focus alone).
   */
  async openPanelAndFocus(id: string): Promise<void> {
    if (!this.openPanel(id)) return;
    for (let tries = 0; tries < 100; tries++) {
      await this.updateComplete;
      const panel = this.querySelector<HTMLElement>(`aside[data-panel-id="${CSS.escape(id)}"]`);
      if (panel) {
        panel.focus();
        return;
      }
      if (this.sidePanel !== id && this.bottomPanel !== id) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Tells the user a newer version is installed; `apply` switches to it (after saving). */
  offerUpdate(apply: () => Promise<void>): void {
    this.controller?.offerUpdate(apply);
  }

  /** Closes a panel if it is open. */
  closePanel(id: string): void {
    if (this.sidePanel === id) this.sidePanel = undefined;
    if (this.bottomPanel === id) this.bottomPanel = undefined;
  }

  /** The ids of the open panels (side first). */
  get openPanels(): string[] {
    return [this.sidePanel, this.bottomPanel].filter((id): id is string => !!id);
  }

  protected override async firstUpdated(): Promise<void> {
    const container = this.querySelector<HTMLElement>('#canvas')!;
    try {
      const services = await bootstrap(container);
      const { modeler, controller } = services;
      this.services = services;
      this.modeler = modeler;
      this.controller = controller;
      const canvas = modeler.get<{ resized(): void }>('canvas');
      // bpmn-js caches the canvas size; without this the view keeps the old size when a panel opens.
      this.canvasResize = new ResizeObserver(() => canvas.resized());
      this.canvasResize.observe(container);
      this.servicesProvider.setValue(services);
      const eventBus = modeler.get<{ on(event: string, fn: (e: { reason?: string }) => void): void }>('eventBus');
      eventBus.on('keyboardModeling.refused', (e) => (this.keyboardStatus = e.reason));
      eventBus.on('commandStack.changed', () => (this.keyboardStatus = undefined));
      (window as unknown as { missinglink: unknown }).missinglink = { controller, modeler: this.modeler };
      controller.addEventListener('change', () => {
        this.appState = controller.state;
        if (controller.state.booted && !controller.state.busy) this.markStarted();
      });
      this.appState = controller.state;
      controller.start();
    } catch (error) {
      this.fatal = error instanceof Error ? error.message : String(error);
      this.markStarted();
    }
  }

  // ---- window-level handlers ------------------------------------------------------------

  private onFirstElementClick = (event: MouseEvent) => {
    if (this.elementClicked || !(event.target instanceof Element) || !event.target.closest('.djs-container .djs-element[data-element-id]')) return;
    this.elementClicked = true;
    const panel = [...panelsAt('side'), ...panelsAt('bottom')].find((p) => p.openOnFirstElementClick);
    if (!panel) return;
    const open = panel.place === 'side' ? this.sidePanel : this.bottomPanel;
    if (!open) this.openPanel(panel.id);
  };

  /** Panel sizes are kept within the window's limits: a smaller window re-fits them. */
  private onWindowResize = () => this.requestUpdate();

  private hasFiles(event: DragEvent): boolean {
    return [...(event.dataTransfer?.types ?? [])].includes('Files');
  }

  private onDragEnter = (event: DragEvent) => {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    this.dragDepth++;
    this.dragging = true;
  };

  private onDragOver = (event: DragEvent) => {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private onDragLeave = (event: DragEvent) => {
    if (!this.hasFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };

  private onDrop = (event: DragEvent) => {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    this.controller?.importFiles([...(event.dataTransfer?.files ?? [])]);
  };

  private onHide = (event: Event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden' || !document.hasFocus()) void this.controller?.flush();
  };

  // Edits that could not be stored (storage full, or a conflict not yet decided) would be lost by
  // leaving: let the browser ask first. Ordinary pending edits are saved on pagehide instead.
  private onBeforeUnload = (event: BeforeUnloadEvent) => {
    // The page lives on until the next one arrives: start saving now, while IndexedDB still answers.
    void this.controller?.flush();
    if (!this.controller?.hasUnstorableChanges) return;
    event.preventDefault();
    event.returnValue = '';
  };

  // ---- user actions -----------------------------------------------------------------------

  private async renameProcess(id: string): Promise<void> {
    const process = this.appState?.processes.find((p) => p.id === id);
    if (!process) return;
    const name = await askText({ title: msg('Rename process'), inputLabel: msg('Name'), value: process.name, confirmLabel: msg('Rename') });
    if (name !== null) await this.controller?.rename(id, name);
  }

  private async deleteProcess(id: string): Promise<void> {
    const process = this.appState?.processes.find((p) => p.id === id);
    if (!process) return;
    const ok = await confirmAction({
      title: msg('Delete process?'),
      message: msg(str`“${process.name}” and all its versions will be removed from this browser. Export it first if you want to keep a copy.`),
      confirmLabel: msg('Delete'),
      danger: true
    });
    if (ok) await this.controller?.remove(id);
  }

  private async switchLocale(locale: Locale): Promise<void> {
    await setLocale(locale);
    // bpmn-js renders its palette itself: tell it the language changed.
    this.modeler?.get<{ fire(event: string): void }>('eventBus').fire('i18n.changed');
  }

  private saveStatus(state: AppState): string {
    switch (state.saveState) {
      case 'pending':
        return msg('Unsaved changes…');
      case 'saving':
        return msg('Saving…');
      case 'saved': {
        if (!state.savedAt) return msg('Saved');
        const time = new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(state.savedAt));
        return msg(str`Saved ${time}`);
      }
      case 'error':
        return state.saveError === 'quota' || state.saveError === 'vanished' ? msg('Not saved: storage full') : msg('Not saved');
      case 'conflict':
        return msg('Not saved: changed in another tab');
      default:
        return '';
    }
  }

  override render() {
    const s = this.appState;
    const c = this.controller;
    const locale = currentLocale();
    return html`
      <nav class="skip-links" aria-label=${msg('Skip links')}>
        <a href="#canvas" data-skip="canvas" @click=${(e: Event) => this.skipTo(e, 'canvas')}>${msg('Skip to the diagram')}</a>
        ${this.sidePanel || this.bottomPanel
          ? html`<a href="#panel-side" data-skip="panel" @click=${(e: Event) => this.skipTo(e, 'panel')}>${msg('Skip to the open panel')}</a>`
          : nothing}
        <a href="#library-title" data-skip="library" @click=${(e: Event) => this.skipTo(e, 'library')}>${msg('Skip to the process library')}</a>
      </nav>
      <header class="ml-header">
        <div class="brand" aria-label="MissingLink">
          <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#0b5cad" /><path d="M9 16h6m2 0h6" stroke="#fff" stroke-width="3" stroke-linecap="round" /><circle cx="16" cy="16" r="3" fill="#ffb000" /></svg>
          <span>MissingLink</span>
        </div>
        <div class="doc">
          <h1 class="doc-name" title=${s?.current?.name ?? ''}>${s?.current?.name ?? msg('Loading…')}</h1>
          ${s?.current
            ? html`<button type="button" class="link" data-action="rename-current" @click=${() => this.renameProcess(s.current!.id)}>${msg('Rename')}</button>`
            : nothing}
          <span class="save-status" data-state=${s?.saveState ?? 'idle'} role="status" aria-live="polite">${s ? this.saveStatus(s) : ''}</span>
        </div>
        <nav class="tools" aria-label=${msg('Model tools')}>
          <button type="button" data-action="undo" ?disabled=${!s?.canUndo} @click=${() => c?.undo()} title=${msg('Undo (Ctrl+Z)')}>${msg('Undo')}</button>
          <button type="button" data-action="redo" ?disabled=${!s?.canRedo} @click=${() => c?.redo()} title=${msg('Redo (Ctrl+Y)')}>${msg('Redo')}</button>
          <button type="button" data-action="fit" @click=${() => c?.zoomToFit()} title=${msg('Zoom to fit (Shift+1)')}>${msg('Fit')}</button>
          <details class="menu">
            <summary data-action="export">${msg('Export')}</summary>
            <div class="menu-items" role="group" aria-label=${msg('Export as')}>
              <button type="button" data-export="bpmn" @click=${(e: Event) => this.exportAs(e, 'bpmn')}>${msg('BPMN file (.bpmn)')}</button>
              <button type="button" data-export="svg" @click=${(e: Event) => this.exportAs(e, 'svg')}>${msg('Image (.svg)')}</button>
              <button type="button" data-export="png" @click=${(e: Event) => this.exportAs(e, 'png')}>${msg('Image (.png)')}</button>
            </div>
          </details>
          <div class="lang" role="group" aria-label=${msg('Language')}>
            <button type="button" lang="nl" aria-pressed=${locale === 'nl' ? 'true' : 'false'} @click=${() => this.switchLocale('nl')}>NL</button>
            <button type="button" lang="en" aria-pressed=${locale === 'en' ? 'true' : 'false'} @click=${() => this.switchLocale('en')}>EN</button>
          </div>
        </nav>
      </header>
      <nav class="ml-viewbar" aria-label=${msg('Panels')}>
        <span class="viewbar-label">${msg('Beside the diagram:')}</span>
        ${panelsAt('side').map(
          (p) => html`<button type="button" data-panel=${p.id} aria-pressed=${this.sidePanel === p.id ? 'true' : 'false'}
            @click=${() => (this.sidePanel === p.id ? this.closePanel(p.id) : this.openPanelAndFocus(p.id))}>${p.label()}</button>`
        )}
        <span class="viewbar-label">${msg('Below the diagram:')}</span>
        ${panelsAt('bottom').map(
          (p) => html`<button type="button" data-panel=${p.id} aria-pressed=${this.bottomPanel === p.id ? 'true' : 'false'}
            @click=${() => (this.bottomPanel === p.id ? this.closePanel(p.id) : this.openPanelAndFocus(p.id))}>${p.label()}</button>`
        )}
      </nav>
      ${s?.conflict
        ? html`<div class="conflict" role="alert">
            <span>${msg('This process was saved in another tab after you opened it. Your latest changes here are not saved yet; whichever you choose, they are kept.')}</span>
            <button type="button" data-action="conflict-reload" @click=${() => c?.resolveConflict('reload')}>${msg('Load the other tab’s version')}</button>
            <button type="button" data-action="conflict-copy" @click=${() => c?.resolveConflict('copy')}>${msg('Save my changes as a copy')}</button>
          </div>`
        : nothing}
      <main class="ml-main ${this.sidePanel ? 'with-side' : ''}" style=${`--ml-side-w: ${this.fitted().side}px; --ml-bottom-h: ${this.fitted().bottom}px`}>
        <ml-library
          .processes=${s?.processes ?? []}
          .currentId=${s?.current?.id}
          ?busy=${s?.busy ?? true}
          @ml-open=${(e: CustomEvent) => c?.open(e.detail.id)}
          @ml-create=${() => c?.create()}
          @ml-import=${(e: CustomEvent) => c?.importFiles(e.detail.files)}
          @ml-download-all=${() => void c?.downloadLibrary()}
          @ml-rename=${(e: CustomEvent) => this.renameProcess(e.detail.id)}
          @ml-duplicate=${(e: CustomEvent) => c?.duplicate(e.detail.id)}
          @ml-delete=${(e: CustomEvent) => this.deleteProcess(e.detail.id)}
        ></ml-library>
        <div class="center ${this.bottomPanel ? 'with-bottom' : ''}">
          <section class="canvas-area" aria-label=${msg('Diagram')}>
            <div id="canvas" class="canvas"></div>
            <p class="kbd-help" id="kbd-help">${msg('Keys: Shift+T task, Shift+G gateway, Shift+I intermediate event, Shift+E end event (appended to the selection); Alt+arrow select the next element, Alt+Shift+arrow add it; Shift+C connect the two selected; Ctrl+Z undo.')}</p>
            <p class="kbd-status" role="status" aria-live="polite">${this.keyboardStatus ?? ''}</p>
            <ml-notices .notices=${s?.notices ?? []} @ml-dismiss=${(e: CustomEvent) => c?.dismissNotice(e.detail.id)}></ml-notices>
            ${this.fatal ? html`<div class="fatal" role="alert">${msg('MissingLink could not start:')} ${this.fatal}</div>` : nothing}
          </section>
          ${this.bottomPanel ? this.renderSplitter('bottom') : nothing}
          ${this.renderPanel('bottom', this.bottomPanel)}
        </div>
        ${this.sidePanel ? this.renderSplitter('side') : nothing}
        ${this.renderPanel('side', this.sidePanel)}
      </main>
      ${this.dragging ? html`<div class="drop-overlay" aria-hidden="true"><p>${msg('Drop BPMN files to add them to your library')}</p></div>` : nothing}
    `;
  }

  private renderPanel(place: 'side' | 'bottom', id: string | undefined) {
    const panel = panelsAt(place).find((p) => p.id === id);
    if (!panel || !this.services) return nothing;
    if (!this.loadedPanels.has(panel.id)) {
      void loadPanel(panel).then(
        () => {
          this.loadedPanels.add(panel.id);
          this.requestUpdate();
        },
        (error) => this.controller?.reportError(error)
      );
      return html`<aside class="panel panel-${place}" aria-busy="true" aria-label=${panel.label()}><p class="panel-loading">${msg('Loading…')}</p></aside>`;
    }
    return html`<aside class="panel panel-${place}" id=${`panel-${place}`} tabindex="-1" data-panel-id=${panel.id} aria-label=${panel.label()}
      @ml-close=${() => (place === 'side' ? (this.sidePanel = undefined) : (this.bottomPanel = undefined))}>
      ${panel.render(this.services)}
    </aside>`;
  }

  /** The remembered sizes within the limits of the current window. */
  private fitted(): PanelSizes {
    return clampSizes(this.panelSizes, { width: window.innerWidth, height: window.innerHeight });
  }

  private renderSplitter(place: 'side' | 'bottom') {
    const limits = panelLimits({ width: window.innerWidth, height: window.innerHeight })[place];
    return html`<ml-splitter class="splitter-${place}" data-splitter=${place} orientation=${place === 'side' ? 'vertical' : 'horizontal'}
      .size=${this.fitted()[place]} .min=${limits.min} .max=${limits.max}
      .label=${place === 'side' ? msg('Width of the side panel') : msg('Height of the bottom panel')}
      @ml-resize=${(e: CustomEvent<{ size: number }>) => this.resizePanel(place, e.detail.size)}></ml-splitter>`;
  }

  /** Applies a size from a splitter and remembers it for the next visit. */
  private resizePanel(place: 'side' | 'bottom', size: number): void {
    this.panelSizes = { ...this.panelSizes, [place]: size };
    writePreference('panelSizes', JSON.stringify(this.panelSizes));
  }

  /** A skip link: focus goes to the diagram (its keyboard shortcuts then work), the open panel or the library. */
  private skipTo(event: Event, target: 'canvas' | 'panel' | 'library'): void {
    event.preventDefault();
    if (target === 'canvas') this.modeler?.get<{ focus(): void }>('canvas').focus();
    else if (target === 'panel') this.querySelector<HTMLElement>('aside.panel-side[tabindex], aside.panel-bottom[tabindex]')?.focus();
    else this.querySelector('ml-library')?.shadowRoot?.querySelector<HTMLElement>('button')?.focus();
  }

  private exportAs(event: Event, kind: 'bpmn' | 'svg' | 'png'): void {
    (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    void this.controller?.exportAs(kind);
  }
}
customElements.define('ml-app', MlApp);

function readStoredSizes(): PanelSizes {
  return parsePanelSizes(readPreference('panelSizes') ?? null);
}
