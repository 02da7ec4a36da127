import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Modeler } from '../../modeler/create-modeler';
import type ImprovementActions from '../../modeler/features/actions/ImprovementActions';
import type { ActionEntry } from '../../modeler/features/actions/ImprovementActions';
import { localDate } from '../../modeler/features/actions/today';
import { ACTION_STATUSES, type ActionStatus } from '../../model/value-chain/schema';
import { currentLocale } from '../../i18n/localization';
import { revealElements } from '../shared/reveal';
import { ModelerEventsController } from '../shared/modeler-events';
import { ruleTitle } from '../../modeler/features/audit-markers/finding-text';
import { fieldProblemText } from '../shared/field-problems';
import { panelControlStyles, sidePanelFrameStyles } from '../shared/panel-styles';
import { actionStatusLabel } from '../shared/vocabulary';
import { editImprovementAction, elementName, kpiName, recordImprovementAction } from '../shared/record-action';

/** The events after which the list reads the model again. */
const MODEL_EVENTS = ['import.done', 'valueChain.changed', 'elements.changed'];

type StatusFilter = ActionStatus | 'all' | 'overdue';

const STATUS_ORDER: Record<string, number> = { open: 0, 'in-progress': 1, done: 2 };

/** True when an action should have been done by now: a due date before today and not done. */
export function isOverdue(action: Pick<ActionEntry, 'due' | 'status'>, today: string): boolean {
  return action.due !== undefined && action.due < today && action.status !== 'done';
}

/** Open work first, then by due date (undated last): what needs attention comes first. */
export function sortActions(actions: readonly ActionEntry[]): ActionEntry[] {
  return [...actions].sort(
    (a, b) =>
      (STATUS_ORDER[a.status ?? 'open'] ?? 0) - (STATUS_ORDER[b.status ?? 'open'] ?? 0) ||
      (a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') ||
      (a.createdOn ?? '').localeCompare(b.createdOn ?? '')
  );
}

/**
 * The improvement actions of the open process (the Act of Plan–Do–Check–Act): a
 * list filtered by status, overdue actions marked in words, a click leads to the
 * element. Every change (status, edit, removal) is one undoable command.
 *
 * @event ml-close - the user closed the panel
 */
export class MlActions extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    actions: { state: true },
    filter: { state: true },
    selectedId: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare actions: ActionEntry[];
  declare filter: StatusFilter;
  /** The element selected in the diagram, offered as the subject of a new action. */
  declare selectedId: string | undefined;

  private readonly modelerEvents = new ModelerEventsController(
    this,
    [
      [MODEL_EVENTS, () => this.read()],
      ['selection.changed', () => this.onSelection()]
    ],
    () => {
      this.read();
      this.onSelection();
    }
  );

  static override styles = [
    sidePanelFrameStyles,
    panelControlStyles,
    css`
      :host {
        font-size: 0.9rem;
      }
      .intro {
        line-height: 1.4;
      }
      .controls {
        display: grid;
        gap: 8px;
        padding: 0 14px 10px;
        border-bottom: 1px solid #d0d7de;
      }
      label {
        display: flex;
        align-items: center;
        gap: 8px;
        font-weight: 600;
        font-size: 0.85rem;
      }
      select {
        font: inherit;
        font-weight: 400;
        padding: 4px 6px;
        border: 1px solid #8a96a3;
        border-radius: 6px;
        background: #fff;
        color: #1d2733;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 8px 10px 16px;
        overflow: auto;
        flex: 1;
        min-height: 0;
        display: grid;
        gap: 8px;
        align-content: start;
      }
      li {
        border: 1px solid #d0d7de;
        border-left: 5px solid #8a96a3;
        border-radius: 6px;
        padding: 8px 10px;
        display: grid;
        gap: 5px;
      }
      li[data-status='in-progress'] {
        border-left-color: #0b5cad;
      }
      li[data-status='done'] {
        border-left-color: #1a7f37;
        background: #f6f8fa;
      }
      li.overdue {
        border-left-color: #b42318;
        background: #fff5f4;
      }
      .what {
        font-weight: 600;
        margin: 0;
        line-height: 1.35;
        overflow-wrap: anywhere;
      }
      .meta,
      .subject {
        font-size: 0.82rem;
        color: #47525e;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        align-items: center;
      }
      .badge {
        font-weight: 700;
        color: #fff;
        background: #b42318;
        border-radius: 4px;
        padding: 1px 6px;
      }
      .problem {
        color: #b42318;
        font-size: 0.8rem;
        margin: 0;
      }
      .row-buttons {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
      }
      .empty {
        padding: 14px;
        color: #47525e;
        line-height: 1.45;
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.actions = [];
    this.filter = 'all';
    this.selectedId = undefined;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('modeler')) this.modelerEvents.track(this.modeler);
  }

  private read = (): void => {
    try {
      this.actions = this.modeler ? this.service().list() : [];
    } catch {
      // no model open yet: the next import.done reads again
      this.actions = [];
    }
  };

  private onSelection = (): void => {
    const selected = this.modeler?.get<Selection>('selection').get() as Array<{ id: string; type?: string }> | undefined;
    const element = selected?.find((e) => e.type !== 'label');
    this.selectedId = element?.id;
  };

  private service(): ImprovementActions {
    return this.modeler!.get<ImprovementActions>('improvementActions');
  }

  private setStatus(action: ActionEntry, status: ActionStatus): void {
    this.service().update(action.id, { status });
  }

  private removeAction(action: ActionEntry): void {
    this.service().remove(action.id);
  }

  private formatDate(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(currentLocale() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }).format(new Date(y!, m! - 1, d!));
  }

  override render() {
    const today = localDate(new Date());
    const all = sortActions(this.actions);
    const count = (f: StatusFilter) => all.filter((a) => matches(a, f, today)).length;
    const shown = all.filter((a) => matches(a, this.filter, today));
    const selectedName = this.modeler && this.selectedId ? elementName(this.modeler, this.selectedId) : undefined;
    return html`
      <header>
        <h2 id="actions-title">${msg('Improvement actions')}</h2>
        <button type="button" class="close" aria-label=${msg('Close improvement actions')} @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </header>
      <p class="intro">${msg('Act on what the dashboard and the audit show: what will be improved, by whom, by when. The actions are saved in the BPMN file of this process.')}</p>
      <div class="controls">
        <label
          >${msg('Show')}
          <select data-filter @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as StatusFilter)}>
            <option value="all" ?selected=${this.filter === 'all'}>${msg(str`All actions (${count('all')})`)}</option>
            ${ACTION_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${actionStatusLabel(s)} (${count(s)})</option>`)}
            <option value="overdue" ?selected=${this.filter === 'overdue'}>${msg(str`Overdue (${count('overdue')})`)}</option>
          </select>
        </label>
        <button type="button" class="primary" data-action="new-action" ?disabled=${!this.selectedId}
          @click=${() => this.modeler && this.selectedId && recordImprovementAction(this.modeler, { elementId: this.selectedId })}>
          ${selectedName ? msg(str`New action for “${selectedName}”`) : msg('Select a step in the diagram to add an action')}
        </button>
      </div>
      ${shown.length === 0
        ? html`<p class="empty" role="status">${all.length === 0 ? msg('No improvement actions yet. Record one from a KPI in the dashboard, from an audit finding, or for the selected step.') : msg('No actions with this status.')}</p>`
        : html`<ul aria-labelledby="actions-title">${shown.map((a) => this.renderAction(a, today))}</ul>`}
    `;
  }

  private renderAction(a: ActionEntry, today: string) {
    const overdue = isOverdue(a, today);
    const modeler = this.modeler!;
    const what = a.what ?? a.stored.what ?? '';
    return html`<li data-action-id=${a.id} data-status=${a.status ?? 'open'} class=${overdue ? 'overdue' : ''}>
      <p class="what">${what || msg('(no description)')}</p>
      <div class="meta">
        ${overdue ? html`<span class="badge">${msg('Overdue')}</span>` : nothing}
        <span>${a.owner ? msg(str`Owner: ${a.owner}`) : msg('No owner yet')}</span>
        <span>${a.due ? msg(str`Due ${this.formatDate(a.due)}`) : msg('No due date')}</span>
      </div>
      ${a.elementId
        ? html`<div class="subject">
            <button type="button" class="link" data-reveal=${a.elementId} @click=${() => revealElements(modeler, [a.elementId!])}
              aria-label=${msg(str`Show ${elementName(modeler, a.elementId)} in the diagram`)}>${elementName(modeler, a.elementId)}</button>
            ${a.kpiId ? html`<span>${msg(str`KPI: ${kpiName(modeler, a.elementId, a.kpiId)}`)}</span>` : nothing}
            ${a.findingRule ? html`<span>${msg(str`Audit finding: ${ruleTitle(a.findingRule)}`)}</span>` : nothing}
          </div>`
        : nothing}
      ${a.problems.map((p) => html`<p class="problem">${p.field}: ${fieldProblemText(p)}</p>`)}
      <div class="row-buttons">
        <label
          >${msg('Status')}
          <select data-status-select @change=${(e: Event) => this.setStatus(a, (e.target as HTMLSelectElement).value as ActionStatus)}>
            ${ACTION_STATUSES.map((s) => html`<option value=${s} ?selected=${(a.status ?? 'open') === s}>${actionStatusLabel(s)}</option>`)}
          </select>
        </label>
        <button type="button" data-edit @click=${() => editImprovementAction(modeler, a.id)}>${msg('Edit')}</button>
        <button type="button" data-remove @click=${() => this.removeAction(a)} aria-label=${msg(str`Remove action: ${what}`)}>${msg('Remove')}</button>
      </div>
    </li>`;
  }
}
customElements.define('ml-actions', MlActions);

function matches(action: ActionEntry, filter: StatusFilter, today: string): boolean {
  if (filter === 'all') return true;
  if (filter === 'overdue') return isOverdue(action, today);
  return (action.status ?? 'open') === filter;
}
