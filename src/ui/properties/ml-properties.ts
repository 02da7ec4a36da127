import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtensions } from '../../model/value-chain/extension';
import { carrierOf, findValueChain } from '../../model/value-chain/locate';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import { VALUE_CHAIN_CHANGED, type ValueChainChangedEvent } from '../../modeler/features/value-chain/ValueChainEditor';
import type { Modeler } from '../../modeler/create-modeler';
import { confirmAction } from '../shared/dialogs';
import { fieldId, textAreaField, textField } from './fields';
import { FormState, type ShownProblem } from './form-state';
import { elementKindLabel } from './labels';
import { problemText } from '../shared/field-problems';
import type { DiagramElement, PanelUiState, PanelView, RoleOption } from './panel-view';
import { roleLabel } from './panel-view';
import { activitySections } from './sections/activity-sections';
import { flowSections, gatewaySections, outgoingFlows } from './sections/flow-sections';
import { departmentSection, simulationSection } from './sections/other-sections';
import { valueChainSections } from './sections/value-chain-sections';
import { propertiesStyles } from './styles';

interface EventBus {
  on(event: string, callback: (event: never) => void): void;
  off(event: string, callback: (event: never) => void): void;
}

interface Canvas {
  getRootElement(): DiagramElement;
}

interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}

interface Selection {
  select(elements: unknown): void;
}

/**
 * The properties of the selected element: its name and documentation, and the
 * value-chain data that belongs to its kind (accountability, activity, performance,
 * resources and duration for activities; the department for lanes; the agreement for
 * handovers; branch probabilities for gateways; the value chain itself when nothing
 * is selected). It reads the model through the modeler and writes only through the
 * `valueChainEditor`, so every edit is one undo step. It re-renders only when the
 * selection changes or when a change concerns what it shows.
 *
 * @event ml-close - the panel should close
 */
export class MlProperties extends LitElement {
  static override properties = { modeler: { attribute: false }, shown: { state: true }, selectedCount: { state: true } };
  declare modeler: Modeler | undefined;
  /** The element whose properties are shown; undefined shows the value chain. */
  declare shown: DiagramElement | undefined;
  declare selectedCount: number;

  static override styles = propertiesStyles;

  private readonly form = new FormState(
    () => this.editor(),
    () => this.requestUpdate()
  );
  private readonly ui: PanelUiState = { openKpis: new Set(), durationUnit: new Map(), durationMode: new Map(), openRoles: new Set() };
  private pendingFocus: string | undefined;
  private subscribed: Modeler | undefined;
  /** Ids whose changes concern the current view; recomputed at each render. */
  private relevant = new Set<string>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.selectedCount = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.modeler && this.subscribed !== this.modeler) this.subscribe(this.modeler);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('modeler') && this.modeler && this.subscribed !== this.modeler) {
      this.unsubscribe();
      this.subscribe(this.modeler);
    }
  }

  protected override updated(): void {
    if (this.pendingFocus) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.pendingFocus)}`);
      if (target) {
        target.closest('details')?.setAttribute('open', '');
        target.focus();
        this.pendingFocus = undefined;
      }
    }
  }

  // ---- following the modeler ------------------------------------------------------------------

  private readonly onSelection = (event: { newSelection: DiagramElement[] }) => this.showSelection(event.newSelection);

  private readonly onElementsChanged = (event: { elements: DiagramElement[] }) => {
    if (this.shown && !this.registry()?.get(this.shown.id)) {
      this.shown = undefined;
      return;
    }
    if (event.elements.some((e) => this.relevant.has(e.id))) this.requestUpdate();
  };

  private readonly onValueChainChanged = (event: ValueChainChangedEvent) => {
    if (event.trigger === 'import') {
      this.form.clear();
      this.ui.promiseMode = undefined;
      this.shown = undefined;
      this.requestUpdate();
    } else if (event.elementIds.some((id) => this.relevant.has(id))) {
      this.requestUpdate();
    }
  };

  private readonly onRootChanged = () => {
    if (!this.shown) this.requestUpdate();
  };

  private subscribe(modeler: Modeler): void {
    const bus = modeler.get<EventBus>('eventBus');
    bus.on('selection.changed', this.onSelection as never);
    bus.on('elements.changed', this.onElementsChanged as never);
    bus.on(VALUE_CHAIN_CHANGED, this.onValueChainChanged as never);
    bus.on('root.set', this.onRootChanged as never);
    this.subscribed = modeler;
    this.showSelection(modeler.get<{ get(): DiagramElement[] }>('selection').get());
  }

  private unsubscribe(): void {
    if (!this.subscribed) return;
    const bus = this.subscribed.get<EventBus>('eventBus');
    bus.off('selection.changed', this.onSelection as never);
    bus.off('elements.changed', this.onElementsChanged as never);
    bus.off(VALUE_CHAIN_CHANGED, this.onValueChainChanged as never);
    bus.off('root.set', this.onRootChanged as never);
    this.subscribed = undefined;
  }

  private showSelection(selection: DiagramElement[]): void {
    this.selectedCount = selection.length;
    const one = selection.length === 1 ? selection[0]! : undefined;
    const target = one?.labelTarget ?? one;
    this.shown = target && target.parent ? target : undefined;
  }

  private editor(): ValueChainEditor {
    return this.modeler!.get<ValueChainEditor>('valueChainEditor');
  }

  private registry(): ElementRegistry | undefined {
    return this.modeler?.get<ElementRegistry>('elementRegistry');
  }

  // ---- rendering ------------------------------------------------------------------------------

  private view(definitions: ModdleElement): PanelView {
    const valueChain = findValueChain(definitions);
    const roles: RoleOption[] = (valueChain?.roles ?? [])
      .filter((r) => typeof r.id === 'string')
      .map((r) => ({ id: r.id as string, name: (r.name as string | undefined) ?? '', department: r.department, person: r.person }));
    return {
      form: this.form,
      editor: this.editor(),
      definitions,
      roles,
      ui: this.ui,
      problemText: (p: ShownProblem | undefined) => (p ? problemText(p.code, p.value, p.sum) : undefined),
      refresh: () => this.requestUpdate(),
      focusAfterRender: (id: string) => {
        this.pendingFocus = id;
        this.requestUpdate();
      },
      showValueChain: () => this.modeler?.get<Selection>('selection').select(null),
      confirmRoleRemoval: (role, uses) =>
        confirmAction({
          title: msg(str`Remove the role “${roleLabel(role)}”?`),
          message: msg(
            str`It is used in ${uses.assignments} RACI assignments and ${uses.agreements} agreements${uses.owner ? msg(' and as owner of the value chain') : ''}. Removing it clears those too; you can undo this.`
          ),
          confirmLabel: msg('Remove role'),
          danger: true
        })
    };
  }

  override render() {
    const definitions = this.modeler?.getDefinitions() as ModdleElement | undefined;
    if (!this.modeler || !definitions) return html`<div class="empty">${msg('No process is open.')}</div>`;
    const view = this.view(definitions);
    const valueChain = findValueChain(definitions);
    const valueChainCarrier = valueChain ? carrierOf(valueChain) : undefined;
    const root = this.modeler.get<Canvas>('canvas').getRootElement();
    const element = this.shown;
    this.relevant = new Set([element?.id ?? root.id, valueChainCarrier?.id ?? ''].filter(Boolean));

    const bo = element?.businessObject ?? root.businessObject;
    const kind = elementKindLabel(bo.$type);
    const title = (bo.name as string | undefined) || kind;
    return html`
      <header>
        <div class="titles">
          <h2 id="properties-title">${element ? title : msg('Value chain')}</h2>
          <p class="kind">${element ? kind : msg(str`${kind} “${(bo.name as string | undefined) || bo.id}” · nothing selected`)}</p>
        </div>
        <button type="button" class="close" aria-label=${msg('Close properties')} @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </header>
      <div class="body" role="region" aria-labelledby="properties-title" data-element=${element?.id ?? 'root'}>
        ${this.selectedCount > 1
          ? html`<p class="empty">${msg(str`${this.selectedCount} elements are selected. Select one element to see and edit its properties.`)}</p>`
          : html`${this.generalFields(view, element ?? root)} ${element ? this.elementSections(view, element) : valueChainSections(view)}`}
      </div>
    `;
  }

  private generalFields(view: PanelView, element: DiagramElement): TemplateResult {
    const bo = element.businessObject;
    if (bo.$type === 'bpmn:TextAnnotation') return html``;
    const id = (f: string) => fieldId(element.id, 'general', f);
    const docs = bo.documentation ?? [];
    return html`<div class="section-body general">
      ${textField({
        id: id('name'),
        name: 'name',
        label: msg('Name'),
        value: (bo.name as string | undefined) ?? '',
        onCommit: (text) => {
          if (text.trim() !== ((bo.name as string | undefined) ?? '')) view.editor.setName(element, text.trim());
        }
      })}
      ${textAreaField({
        id: id('documentation'),
        name: 'documentation',
        label: msg('Description'),
        rows: 2,
        value: (docs[0]?.text as string | undefined) ?? '',
        onCommit: (text) => {
          if (text !== ((docs[0]?.text as string | undefined) ?? '')) view.editor.setDocumentation(element, text);
        }
      })}
    </div>`;
  }

  private elementSections(view: PanelView, element: DiagramElement): TemplateResult {
    const bo = element.businessObject;
    const is = (type: string) => typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);
    let sections: TemplateResult | undefined;
    if (is('bpmn:Activity')) {
      sections = html`${activitySections(view, element)} ${simulationSection(view, element) ?? nothing}`;
    } else if (is('bpmn:Lane') || is('bpmn:Participant')) {
      sections = departmentSection(view, element);
    } else if (is('bpmn:SequenceFlow') || is('bpmn:MessageFlow')) {
      const source = bo.sourceRef as ModdleElement | undefined;
      if (source) for (const flow of outgoingFlows(source)) this.relevant.add(flow.id as string);
      sections = flowSections(view, element);
    } else if (is('bpmn:Gateway')) {
      for (const flow of outgoingFlows(bo)) this.relevant.add(flow.id as string);
      sections = gatewaySections(view, element);
    } else {
      sections = simulationSection(view, element);
    }
    return html`${sections ?? html`<p class="empty">${msg('This kind of element has no value-chain data.')}</p>`} ${this.exemptions(view, element)}`;
  }

  private exemptions(view: PanelView, element: DiagramElement): TemplateResult | typeof nothing {
    const exemptions = getExtensions(element.businessObject, 'ml:Exemption');
    if (exemptions.length === 0) return nothing;
    return html`<details class="section" data-section="exemptions" open>
      <summary><span>${msg('Audit exemptions')}</span><span class="status">${exemptions.length}</span></summary>
      <div class="section-body">
        ${exemptions.map(
          (e) => html`<div class="card" data-rule=${e.rule}>
            <div class="card-body">
              <p class="note"><strong>${e.rule}</strong>: ${e.reason}${e.by ? html` — ${e.by}` : nothing}${e.date ? html`, ${e.date}` : nothing}</p>
              <div class="actions"><button type="button" @click=${() => view.editor.setExemption(element, e.rule as string, null)}>${msg('Lift exemption')}</button></div>
            </div>
          </div>`
        )}
      </div>
    </details>`;
  }
}
customElements.define('ml-properties', MlProperties);
