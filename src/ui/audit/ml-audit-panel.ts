import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { AppController } from '../../app/app-controller';
import { findingsByDepartment, findingsByPainPoint, RULE_IDS, RULES, type AuditFinding, type AuditResult, type RuleId } from '../../analysis/audit';
import type { ModdleElement } from '../../model/moddle-types';
import { RULE_SEVERITIES, type RuleSeverity } from '../../model/value-chain/schema';
import type { Modeler } from '../../modeler/create-modeler';
import { AUDIT_CHANGED, AUDIT_MARKER_CLICK, RULE_SETTINGS_COMMAND, type AuditMarkers, type AuditService, type RuleSettingChange } from '../../modeler/features/audit-markers';
import {
  evidenceLines,
  findingMessage,
  ruleDescription,
  ruleTitle,
  severityCount,
  severityLabel,
  toleranceUnitLabel,
  type RoleNames
} from '../../modeler/features/audit-markers/finding-text';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import { todayIso, type ReviewInput } from './ml-review-form';
import { painPointExplanation, painPointTitle } from './pain-points';
import { panelStyles } from './panel-styles';
import { revealElement } from '../shared/reveal';
import { releaseAudit } from './audit-lifecycle';
import { ReviewTracker } from './review-tracker';
import { lastReviewer, rememberReviewer } from './reviewer-name';
import { consumeServices } from '../panel-api/context';
import { severityIcon, severityTag } from './severity';
import { renderReviewStatus } from './review-status';
import { openAuditReport } from './open-report';
import './ml-review-form';

type Tab = 'findings' | 'exemptions' | 'rules';
type Grouping = 'pain-point' | 'department';

/** Findings listed per group before "show more": keeps a panel of a 10,000-step model responsive. */
const PAGE = 50;
/** Up to this many findings in total, every group starts unfolded. */
const UNFOLD_ALL_UP_TO = 60;

/**
 * The audit side panel: findings grouped by pain point or department with counts per
 * severity, exemptions with their reasons, the process's rule settings, and the
 * review sign-off with "changed since review". Everything it changes in the model
 * (exemptions, rule settings) goes through the command stack, so it can be undone.
 *
 * @event ml-close - the panel should close
 */
export class MlAuditPanel extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    controller: { attribute: false },
    result: { state: true },
    tab: { state: true },
    grouping: { state: true },
    unfolded: { state: true },
    shown: { state: true },
    exempting: { state: true },
    signing: { state: true },
    busy: { state: true },
    error: { state: true },
    markersVisible: { state: true },
    highlighted: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare controller: AppController | undefined;
  declare result: AuditResult | undefined;
  declare tab: Tab;
  declare grouping: Grouping;
  /** Keys of the groups the user unfolded (or folded, when everything starts unfolded). */
  declare unfolded: Set<string>;
  /** How many findings each group shows. */
  declare shown: Record<string, number>;
  /** The finding whose exemption form is open. */
  declare exempting: string | undefined;
  declare signing: boolean;
  declare busy: boolean;
  declare error: string;
  declare markersVisible: boolean;
  /** The element whose findings were reached from a canvas badge. */
  declare highlighted: string | undefined;

  private readonly services = consumeServices(this);
  private readonly review = new ReviewTracker(this, () => this.services.value?.reviews);
  private bus: EventBus | undefined;
  private processId: string | undefined;

  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        height: 100%;
        background: #fff;
      }
      header {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 10px 12px 4px;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
        flex: 1;
      }
      .close {
        border: none;
        font-size: 1.3rem;
        line-height: 1;
        padding: 2px 8px;
        color: #47525e;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 12px;
        padding: 4px 12px 8px;
      }
      .summary .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        flex: 1;
      }
      .summary .counts > span {
        white-space: nowrap;
      }
      .toggle-markers {
        display: flex;
        flex-direction: row;
        align-items: center;
        gap: 6px;
        font-weight: normal;
        padding: 0 12px 8px;
      }
      .review {
        margin: 0 12px 8px;
        padding: 8px 10px;
        border-radius: 8px;
        border: 1px solid #d0d7de;
        background: #f6f8fa;
        font-size: 0.85rem;
        display: grid;
        gap: 6px;
      }
      .review[data-state='unchanged'] {
        border-color: #1a7f37;
        background: #eef8f0;
      }
      .review[data-state='changed'] {
        border-color: #b42318;
        background: #fdf0ef;
      }
      .review p {
        margin: 0;
        line-height: 1.4;
      }
      .review .status {
        font-weight: 600;
      }
      .review ul {
        margin: 0;
        padding-left: 18px;
        max-height: 180px;
        overflow: auto;
      }
      .review .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 2px;
        padding: 0 12px;
        border-bottom: 1px solid #d0d7de;
      }
      [role='tab'] {
        white-space: nowrap;
        font-size: 0.85rem;
        border: 1px solid transparent;
        border-bottom: none;
        border-radius: 6px 6px 0 0;
        padding: 6px 8px;
        background: none;
        color: #47525e;
      }
      [role='tab'][aria-selected='true'] {
        border-color: #d0d7de;
        background: #fff;
        color: #1d2733;
        font-weight: 600;
        margin-bottom: -1px;
      }
      [role='tabpanel'] {
        overflow: auto;
        flex: 1;
        min-height: 0;
        padding: 8px 12px 16px;
      }
      fieldset.grouping {
        border: none;
        padding: 0;
        margin: 0 0 8px;
        display: flex;
        align-items: center;
        gap: 10px;
        font-size: 0.85rem;
      }
      fieldset.grouping legend {
        float: left;
        padding: 0;
        margin-right: 4px;
        font-weight: 600;
      }
      fieldset.grouping label {
        display: flex;
        flex-direction: row;
        align-items: center;
        gap: 4px;
        font-weight: normal;
      }
      details.group {
        border: 1px solid #d0d7de;
        border-radius: 8px;
        margin-bottom: 8px;
      }
      details.group > summary {
        cursor: pointer;
        padding: 8px 10px;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
        list-style-position: inside;
      }
      .group-title {
        font-weight: 600;
      }
      .group-counts {
        display: flex;
        gap: 6px;
      }
      .explanation {
        margin: 0 10px 8px;
        font-size: 0.82rem;
        color: #47525e;
        line-height: 1.4;
      }
      ol.findings {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.findings > li {
        border-top: 1px solid #e6edf3;
        padding: 8px 10px;
        display: grid;
        gap: 4px;
      }
      ol.findings > li[data-highlighted] {
        background: #fff8e1;
      }
      button.finding {
        border: none;
        padding: 0;
        background: none;
        text-align: left;
        display: grid;
        gap: 3px;
        color: inherit;
        cursor: pointer;
      }
      button.finding:hover .message {
        text-decoration: underline;
      }
      .message {
        line-height: 1.35;
      }
      .meta {
        font-size: 0.78rem;
        color: #47525e;
      }
      ul.evidence {
        margin: 0;
        padding-left: 16px;
        font-size: 0.78rem;
        color: #47525e;
      }
      .row-actions {
        display: flex;
        gap: 12px;
        font-size: 0.82rem;
      }
      form.exempt {
        display: grid;
        gap: 6px;
        padding: 8px;
        border-radius: 6px;
        background: #f6f8fa;
      }
      form.exempt .buttons {
        display: flex;
        gap: 8px;
        justify-content: flex-end;
      }
      .more {
        margin: 6px 10px 10px;
      }
      .empty {
        color: #47525e;
        font-size: 0.88rem;
      }
      .chain {
        margin: 0 0 10px;
        padding: 8px 10px;
        border-left: 4px solid #8a4b00;
        background: #fff8e1;
        font-size: 0.85rem;
      }
      fieldset.rule {
        border: 1px solid #d0d7de;
        border-radius: 8px;
        margin: 0 0 8px;
        padding: 8px 10px;
        display: grid;
        gap: 6px;
      }
      fieldset.rule legend {
        font-weight: 600;
        padding: 0 4px;
      }
      fieldset.rule p {
        margin: 0;
        font-size: 0.8rem;
        color: #47525e;
      }
      .rule-fields {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 14px;
        align-items: end;
      }
      .rule-fields label.check {
        display: flex;
        flex-direction: row;
        gap: 6px;
        align-items: center;
      }
      .rule-fields input[type='number'] {
        width: 6em;
      }
      .problems {
        color: #b42318;
        font-size: 0.85rem;
      }
      .error {
        color: #b42318;
        margin: 0 12px 8px;
        font-size: 0.85rem;
      }
      ml-review-form {
        display: block;
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.tab = 'findings';
    this.grouping = 'pain-point';
    this.unfolded = new Set();
    this.shown = {};
    this.signing = false;
    this.busy = false;
    this.error = '';
    this.markersVisible = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.controller?.addEventListener('change', this.onControllerChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.removeEventListener('change', this.onControllerChange);
    this.detach();
    releaseAudit(this.modeler, this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) {
      (changed.get('controller') as AppController | undefined)?.removeEventListener('change', this.onControllerChange);
      if (this.isConnected) this.controller?.addEventListener('change', this.onControllerChange);
    }
    if (changed.has('modeler')) {
      this.detach();
      this.attach();
    }
    this.processId = this.controller?.state.current?.id;
    this.review.track(this.modeler, this.processId);
  }

  private get service(): AuditService | undefined {
    return this.modeler?.get<AuditService>('auditService');
  }

  private attach(): void {
    if (!this.modeler) return;
    this.bus = this.modeler.get<EventBus>('eventBus');
    this.bus.on(AUDIT_CHANGED, this.onAuditChanged);
    this.bus.on(AUDIT_MARKER_CLICK, this.onMarkerClick);
    this.markersVisible = this.modeler.get<AuditMarkers>('auditMarkers').isVisible();
    const service = this.service!;
    this.result = service.result;
    service.enable().then(
      (result) => (this.result = result),
      (error: unknown) => (this.error = msg(str`The audit could not start: ${messageOf(error)}`))
    );
  }

  private detach(): void {
    this.bus?.off(AUDIT_CHANGED, this.onAuditChanged);
    this.bus?.off(AUDIT_MARKER_CLICK, this.onMarkerClick);
    this.bus = undefined;
  }

  private onAuditChanged = (): void => {
    this.result = this.service?.result;
  };

  private onMarkerClick = (event: unknown): void => {
    const { elementId } = event as { elementId: string };
    this.tab = 'findings';
    this.highlighted = elementId;
    const finding = this.result?.findings.find((f) => f.elementId === elementId);
    if (finding) this.unfold(this.groupKey(finding));
    void this.updateComplete.then(() => this.renderRoot.querySelector('li[data-highlighted] button.finding')?.scrollIntoView({ block: 'nearest' }));
  };

  private onControllerChange = (): void => {
    if (this.controller?.state.current?.id !== this.processId) this.requestUpdate();
  };

  // ---- actions ------------------------------------------------------------------------------

  private reveal(elementId: string): void {
    if (!this.modeler) return;
    this.highlighted = elementId;
    revealElement(this.modeler, elementId);
  }

  private setMarkersVisible(visible: boolean): void {
    this.modeler?.get<AuditMarkers>('auditMarkers').setVisible(visible);
    this.markersVisible = visible;
  }

  private editor(): ValueChainEditor | undefined {
    return this.modeler?.get<ValueChainEditor>('valueChainEditor');
  }

  private exempt(event: Event, finding: AuditFinding): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const reason = String(data.get('reason') ?? '').trim();
    const by = String(data.get('by') ?? '').trim();
    if (!reason) return;
    if (by) rememberReviewer(by);
    this.run(() => this.editor()?.setExemption(finding.elementId, finding.rule, reason, { ...(by ? { by } : {}), date: todayIso() }));
    this.exempting = undefined;
  }

  /** Opens the improvement-action dialog for a finding (the Act of Plan–Do–Check–Act); the action is stored with the element. */
  private async recordAction(finding: AuditFinding): Promise<void> {
    const modeler = this.modeler;
    if (!modeler) return;
    const { recordImprovementAction } = await import('../shared/record-action');
    await recordImprovementAction(modeler, {
      elementId: finding.elementId,
      findingRule: finding.rule,
      findingText: findingMessage(finding, this.roleNames)
    });
  }

  private liftExemption(elementId: string, rule: string): void {
    this.run(() => this.editor()?.setExemption(elementId, rule, null));
  }

  private changeRule(change: RuleSettingChange): void {
    this.run(() => this.modeler?.get<CommandStack>('commandStack').execute(RULE_SETTINGS_COMMAND, { changes: [change] }));
  }

  private run(action: () => void): void {
    try {
      this.error = '';
      action();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async signOff(input: ReviewInput): Promise<void> {
    this.busy = true;
    try {
      rememberReviewer(input.reviewer);
      await this.review.signOff(input, this.controller?.state.current?.name);
      this.signing = false;
    } catch (error) {
      this.error = msg(str`The review could not be recorded: ${messageOf(error)}`);
    } finally {
      this.busy = false;
    }
  }

  private openReport(): void {
    if (!this.modeler) return;
    const status = this.review.status;
    void openAuditReport({
      modeler: this.modeler,
      processName: this.controller?.state.current?.name ?? '',
      review: 'review' in status ? status.review : undefined,
      changedSinceReview: status.state === 'changed',
      ...(status.state === 'changed' ? { changes: status.diff } : {})
    });
  }

  // ---- rendering ------------------------------------------------------------------------------

  private roleNames: RoleNames = (id) => {
    const roles = (this.editor()?.getValueChain()?.roles as ModdleElement[] | undefined) ?? [];
    const role = roles.find((r) => r.id === id);
    return (role?.name as string | undefined) || undefined;
  };

  private groupKey(finding: AuditFinding): string {
    return this.grouping === 'pain-point' ? `p${finding.painPoint}` : `d${finding.department ?? ''}`;
  }

  private isOpen(key: string, total: number): boolean {
    // Small audits start unfolded (the set then lists folded groups); large ones folded.
    return total <= UNFOLD_ALL_UP_TO ? !this.unfolded.has(key) : this.unfolded.has(key);
  }

  /** Opens a group (whatever the folding default of this audit's size). */
  private unfold(key: string): void {
    const total = this.result?.findings.length ?? 0;
    if (this.isOpen(key, total)) return;
    const next = new Set(this.unfolded);
    if (total <= UNFOLD_ALL_UP_TO) next.delete(key);
    else next.add(key);
    this.unfolded = next;
  }

  private toggleGroup(key: string, event: Event): void {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    const total = this.result?.findings.length ?? 0;
    if (open === this.isOpen(key, total)) return;
    const next = new Set(this.unfolded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.unfolded = next;
  }

  override render() {
    const result = this.result;
    return html`
      <header>
        <h2>${msg('Audit')}</h2>
        <button type="button" class="secondary" data-action="report" ?disabled=${!result} @click=${this.openReport}>${msg('Report')}</button>
        <button type="button" class="close" aria-label=${msg('Close the audit panel')}
          @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </header>
      <div class="summary" role="status" aria-live="polite">
        ${result
          ? html`<span class="counts" data-counts>
              ${RULE_SEVERITIES.map((s) => html`<span data-severity=${s}>${severityIcon(s)} ${severityCount(s, result.counts[s])}</span>`)}
            </span>`
          : html`<span class="muted">${msg('Auditing…')}</span>`}
      </div>
      <label class="toggle-markers">
        <input type="checkbox" data-action="toggle-markers" .checked=${this.markersVisible}
          @change=${(e: Event) => this.setMarkersVisible((e.currentTarget as HTMLInputElement).checked)} />
        ${msg('Show findings on the diagram')}
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${renderReviewStatus(this.review.status, {
        onReveal: (id) => this.reveal(id),
        onSignOff: () => (this.signing = true),
        exists: (id) => !!this.modeler?.get<ElementRegistry>('elementRegistry').get(id),
        roleName: this.roleNames
      })}
      ${this.signing
        ? html`<div style="padding: 0 12px 8px">
            <ml-review-form .reviewer=${lastReviewer()} ?busy=${this.busy}
              @ml-review-submit=${(e: CustomEvent<ReviewInput>) => this.signOff(e.detail)}
              @ml-review-cancel=${() => (this.signing = false)}></ml-review-form>
          </div>`
        : nothing}
      <div role="tablist" aria-label=${msg('Audit views')}>
        ${this.tabButton('findings', msg('Findings'), result ? result.findings.length : undefined)}
        ${this.tabButton('exemptions', msg('Exemptions'), result ? result.exempted.length : undefined)}
        ${this.tabButton('rules', msg('Rules'))}
      </div>
      <div role="tabpanel" id="audit-tabpanel" aria-labelledby="audit-tab-${this.tab}" tabindex="0">
        ${!result ? html`<p class="empty">${msg('Auditing the model…')}</p>` : this.tab === 'findings' ? this.renderFindings(result) : this.tab === 'exemptions' ? this.renderExemptions(result) : this.renderRules(result)}
      </div>
    `;
  }

  private tabButton(tab: Tab, label: string, count?: number) {
    return html`<button type="button" role="tab" id="audit-tab-${tab}" data-tab=${tab} aria-controls="audit-tabpanel"
      aria-selected=${this.tab === tab ? 'true' : 'false'} @click=${() => (this.tab = tab)}>
      ${label}${count !== undefined ? html` (${count})` : nothing}
    </button>`;
  }

  private renderFindings(result: AuditResult) {
    const total = result.findings.length;
    const chain = result.findings.filter((f) => !f.laneId && !f.participantId && (f.elementType === 'bpmn:Collaboration' || f.elementType === 'bpmn:Process'));
    const groups: Array<{ key: string; title: string; explanation?: string; findings: AuditFinding[] }> =
      this.grouping === 'pain-point'
        ? [...findingsByPainPoint(result.findings)].map(([p, findings]) => ({ key: `p${p}`, title: `${p} · ${painPointTitle(p)}`, explanation: painPointExplanation(p), findings }))
        : [...findingsByDepartment(result.findings)]
            .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
            .map(([department, findings]) => ({ key: `d${department}`, title: department || msg('The process as a whole'), findings }));
    return html`
      <fieldset class="grouping">
        <legend>${msg('Group by')}</legend>
        <label><input type="radio" name="grouping" value="pain-point" .checked=${this.grouping === 'pain-point'} @change=${() => (this.grouping = 'pain-point')} />${msg('Pain point')}</label>
        <label><input type="radio" name="grouping" value="department" .checked=${this.grouping === 'department'} @change=${() => (this.grouping = 'department')} />${msg('Department')}</label>
      </fieldset>
      ${total === 0 ? html`<p class="empty" data-empty>${msg('No findings: every rule that is switched on is met.')}</p>` : nothing}
      ${chain.length > 0 && this.grouping === 'department'
        ? html`<p class="chain">${msg('Findings about the process as a whole have no department; they are listed last.')}</p>`
        : nothing}
      ${groups.map((g) => this.renderGroup(g, total))}
    `;
  }

  private renderGroup(group: { key: string; title: string; explanation?: string; findings: AuditFinding[] }, total: number) {
    const open = this.isOpen(group.key, total);
    const limit = this.shown[group.key] ?? PAGE;
    const counts = { error: 0, warning: 0, info: 0 } as Record<RuleSeverity, number>;
    for (const f of group.findings) counts[f.severity]++;
    return html`<details class="group" data-group=${group.key} ?open=${open} @toggle=${(e: Event) => this.toggleGroup(group.key, e)}>
      <summary>
        <span class="group-title">${group.title} (${group.findings.length})</span>
        <span class="group-counts">
          ${RULE_SEVERITIES.filter((s) => counts[s] > 0).map((s) => html`<span>${severityIcon(s)} ${counts[s]}</span>`)}
        </span>
      </summary>
      ${open
        ? html`${group.explanation ? html`<p class="explanation">${group.explanation}</p>` : nothing}
            <ol class="findings">
              ${group.findings.slice(0, limit).map((f) => this.renderFinding(f))}
            </ol>
            ${group.findings.length > limit
              ? html`<button type="button" class="more link" @click=${() => (this.shown = { ...this.shown, [group.key]: limit + PAGE * 4 })}>
                  ${msg(str`Show ${Math.min(PAGE * 4, group.findings.length - limit)} more of ${group.findings.length - limit}`)}
                </button>`
              : nothing}`
        : nothing}
    </details>`;
  }

  private renderFinding(finding: AuditFinding) {
    const evidence = evidenceLines(finding, this.roleNames);
    const element = finding.elementName || finding.elementId;
    return html`<li data-finding-id=${finding.id} data-element-id=${finding.elementId} data-rule=${finding.rule}
      ?data-highlighted=${this.highlighted === finding.elementId}>
      <button type="button" class="finding" @click=${() => this.reveal(finding.elementId)}
        title=${msg('Select and zoom to the element')}>
        ${severityTag(finding.severity)}
        <span class="message">${findingMessage(finding, this.roleNames)}</span>
        <span class="meta">${element}${finding.department ? html` · ${finding.department}` : nothing} · ${ruleTitle(finding.rule)}</span>
      </button>
      ${evidence.length ? html`<ul class="evidence" aria-label=${msg('Evidence')}>${evidence.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
      ${this.exempting === finding.id
        ? html`<form class="exempt" @submit=${(e: Event) => this.exempt(e, finding)}>
            <label>${msg('Reason for the exemption')}<input name="reason" required maxlength="300" /></label>
            <label>${msg('Exempted by')}<input name="by" autocomplete="name" .value=${lastReviewer()} /></label>
            <div class="buttons">
              <button type="button" @click=${() => (this.exempting = undefined)}>${msg('Cancel')}</button>
              <button type="submit" class="primary" data-action="confirm-exempt">${msg('Exempt')}</button>
            </div>
          </form>`
        : html`<div class="row-actions">
            <button type="button" class="link" data-action="exempt"
              @click=${async () => {
                this.exempting = finding.id;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLInputElement>('form.exempt input[name="reason"]')?.focus();
              }}>${msg('Exempt…')}</button>
            <button type="button" class="link" data-action="record-action"
              aria-label=${msg(str`Record an improvement action for ${element}`)}
              @click=${() => this.recordAction(finding)}>${msg('Record action…')}</button>
          </div>`}
    </li>`;
  }

  private renderExemptions(result: AuditResult) {
    const idle = result.exemptions.filter((e) => e.suppressed === 0);
    return html`
      ${result.exempted.length === 0 && idle.length === 0 ? html`<p class="empty">${msg('No element is exempted from a rule.')}</p>` : nothing}
      ${result.exempted.length > 0
        ? html`<ol class="findings" aria-label=${msg('Exempted findings')}>
            ${result.exempted.map(
              (f) => html`<li data-exempted-id=${f.id} data-element-id=${f.elementId}>
                <button type="button" class="finding" @click=${() => this.reveal(f.elementId)}>
                  ${severityTag(f.severity)}
                  <span class="message">${findingMessage(f, this.roleNames)}</span>
                  <span class="meta">${f.elementName || f.elementId}${f.department ? html` · ${f.department}` : nothing} · ${ruleTitle(f.rule)}</span>
                </button>
                <p class="meta">
                  ${msg('Reason:')} ${f.exemption.reason ?? msg('(none given)')}${f.exemption.by ? html` · ${msg(str`by ${f.exemption.by}`)}` : nothing}${f.exemption.date
                    ? html` · ${f.exemption.date}`
                    : nothing}
                </p>
                <div class="row-actions">
                  <button type="button" class="link" data-action="lift" @click=${() => this.liftExemption(f.elementId, f.rule)}>${msg('Lift exemption')}</button>
                </div>
              </li>`
            )}
          </ol>`
        : nothing}
      ${idle.length > 0
        ? html`<h3 style="font-size:0.9rem;margin:12px 0 4px">${msg('Exemptions that suppress nothing')}</h3>
            <ol class="findings">
              ${idle.map(
                (e) => html`<li data-element-id=${e.elementId}>
                  <span class="message">${e.knownRule ? ruleTitle(e.rule) : msg(str`Unknown rule “${e.rule}”`)} · ${e.elementName || e.elementId}</span>
                  <span class="meta">${msg('Reason:')} ${e.reason ?? msg('(none given)')}</span>
                  <div class="row-actions">
                    <button type="button" class="link" @click=${() => this.liftExemption(e.elementId, e.rule)}>${msg('Remove exemption')}</button>
                  </div>
                </li>`
              )}
            </ol>`
        : nothing}
    `;
  }

  private renderRules(result: AuditResult) {
    const stored = new Set(
      ((this.editor()?.getValueChain()?.ruleSettings as ModdleElement[] | undefined) ?? []).map((s) => s.rule as string | undefined).filter((r): r is string => !!r)
    );
    return html`
      <p class="explanation" style="margin:0 0 8px">${msg('These settings are saved in this process model and apply to everyone who audits it.')}</p>
      ${result.configProblems.length > 0
        ? html`<ul class="problems" role="alert">${result.configProblems.map((p) => html`<li>${p.message}</li>`)}</ul>`
        : nothing}
      ${RULE_IDS.map((rule) => this.renderRule(rule, result, stored.has(rule)))}
    `;
  }

  private renderRule(rule: RuleId, result: AuditResult, stored: boolean) {
    const config = result.config[rule];
    const definition = RULES[rule];
    const id = `rule-${rule}`;
    return html`<fieldset class="rule" data-rule=${rule}>
      <legend>${ruleTitle(rule)}</legend>
      <p>${ruleDescription(rule)} ${msg(str`(pain point ${definition.painPoint})`)}</p>
      <div class="rule-fields">
        <label class="check"><input type="checkbox" data-field="enabled" .checked=${config.enabled}
          @change=${(e: Event) => this.changeRule({ rule, enabled: (e.currentTarget as HTMLInputElement).checked })} />${msg('Check this rule')}</label>
        <label for="${id}-severity">${msg('Severity')}
          <select id="${id}-severity" data-field="severity" ?disabled=${!config.enabled}
            @change=${(e: Event) => this.changeRule({ rule, severity: (e.currentTarget as HTMLSelectElement).value })}>
            ${RULE_SEVERITIES.map((s) => html`<option value=${s} ?selected=${config.severity === s}>${severityLabel(s)}</option>`)}
          </select>
        </label>
        ${definition.toleranceUnit
          ? html`<label for="${id}-tolerance">${msg(str`Tolerance (${toleranceUnitLabel(definition.toleranceUnit)})`)}
              <input id="${id}-tolerance" type="number" min="0" step="1" data-field="tolerance" ?disabled=${!config.enabled}
                .value=${String(config.tolerance ?? definition.defaultTolerance ?? 0)}
                @change=${(e: Event) => {
                  const input = e.currentTarget as HTMLInputElement;
                  const value = input.valueAsNumber;
                  if (Number.isFinite(value) && value >= 0) this.changeRule({ rule, tolerance: value });
                  else input.value = String(config.tolerance ?? 0);
                }} />
            </label>`
          : nothing}
        ${stored
          ? html`<button type="button" class="link" data-action="reset-rule"
              @click=${() => this.changeRule({ rule, enabled: null, severity: null, tolerance: null })}>${msg('Back to the default')}</button>`
          : nothing}
      </div>
    </fieldset>`;
  }
}
customElements.define('ml-audit-panel', MlAuditPanel);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
