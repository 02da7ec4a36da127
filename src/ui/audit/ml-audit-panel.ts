import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { AppController } from '../../app/app-controller';
import { RULE_IDS, RULES, type AuditFinding, type AuditResult, type RuleId } from '../../analysis/audit';
import type { ModdleElement } from '../../model/moddle-types';
import { RULE_SEVERITIES } from '../../model/value-chain/schema';
import type { Modeler } from '../../modeler/create-modeler';
import { AUDIT_MARKER_CLICK, type AuditMarkers, type RuleSettingChange } from '../../modeler/features/audit-markers';
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
import { auditPanelStyles } from './ml-audit-panel.styles';
import { findingGroups, groupKey, hasWholeProcessFindings, isGroupOpen, PAGE, setGroupOpen, type FindingGroup, type Grouping } from './audit-panel-view';
import { emit } from '../shared/events';
import { revealElement } from '../shared/reveal';
import { AuditResultController } from './audit-result-controller';
import { ReviewTracker } from './review-tracker';
import { readPreference, writePreference } from '../../preferences/preferences';
import { consumeServices } from '../panel-api/context';
import { severityIcon, severityTag } from './severity';
import { renderReviewStatus } from './review-status';
import { openAuditReport } from './open-report';
import './ml-review-form';

type Tab = 'findings' | 'exemptions' | 'rules';

/**
 * The audit side panel: findings grouped by pain point or department with counts per
 * severity, exemptions with their reasons, the process's rule settings, and the
 * review sign-off with "changed since review". Everything it changes in the model
 * (exemptions, rule settings) goes through the command stack, so it can be undone.
 * The groups come from audit-panel-view.ts (runs in node), the live result from
 * AuditResultController, the review status from ReviewTracker; styles are in
 * ml-audit-panel.styles.ts.
 *
 * Properties: `modeler`, `controller`. Context: servicesContext (the reviews).
 *
 * @event ml-close - the panel should close
 * @csspart header - the title bar with the report and close buttons
 * @csspart summary - the counts per severity
 * @csspart tabs - the tab list (findings, exemptions, rules)
 * @csspart body - the open tab
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
  declare unfolded: ReadonlySet<string>;
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
  private readonly audit = new AuditResultController(
    this,
    {
      result: (result) => (this.result = result),
      failed: (error) => (this.error = msg(str`The audit could not start: ${messageOf(error)}`)),
      attached: (modeler) => (this.markersVisible = modeler.get<AuditMarkers>('auditMarkers').isVisible())
    },
    [[AUDIT_MARKER_CLICK, (event) => this.onMarkerClick(event)]]
  );
  private processId: string | undefined;

  static override styles = auditPanelStyles;

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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) {
      (changed.get('controller') as AppController | undefined)?.removeEventListener('change', this.onControllerChange);
      if (this.isConnected) this.controller?.addEventListener('change', this.onControllerChange);
    }
    if (changed.has('modeler')) this.audit.track(this.modeler);
    this.processId = this.controller?.state.current?.id;
    this.review.track(this.modeler, this.processId);
  }

  private onMarkerClick = (event: unknown): void => {
    const { elementId } = event as { elementId: string };
    this.tab = 'findings';
    this.highlighted = elementId;
    const finding = this.result?.findings.find((f) => f.elementId === elementId);
    if (finding) this.unfold(groupKey(finding, this.grouping));
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
    if (by) writePreference('reviewer', by);
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
    this.run(() => this.editor()?.setRuleSettings([change]));
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
      if (input.reviewer) writePreference('reviewer', input.reviewer);
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

  /** Opens a group (whatever the folding default of this audit's size). */
  private unfold(key: string): void {
    this.unfolded = setGroupOpen(key, true, this.result?.findings.length ?? 0, this.unfolded);
  }

  private toggleGroup(key: string, event: Event): void {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    this.unfolded = setGroupOpen(key, open, this.result?.findings.length ?? 0, this.unfolded);
  }

  override render() {
    const result = this.result;
    return html`
      <header part="header">
        <h2>${msg('Audit')}</h2>
        <button type="button" class="secondary" data-action="report" ?disabled=${!result} @click=${this.openReport}>${msg('Report')}</button>
        <button type="button" class="close" aria-label=${msg('Close the audit panel')}
          @click=${() => emit(this, 'ml-close')}>×</button>
      </header>
      <div class="summary" part="summary" role="status" aria-live="polite">
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
            <ml-review-form .reviewer=${(readPreference('reviewer') ?? '')} ?busy=${this.busy}
              @ml-review-submit=${(e: CustomEvent<ReviewInput>) => this.signOff(e.detail)}
              @ml-review-cancel=${() => (this.signing = false)}></ml-review-form>
          </div>`
        : nothing}
      <div role="tablist" part="tabs" aria-label=${msg('Audit views')}>
        ${this.tabButton('findings', msg('Findings'), result ? result.findings.length : undefined)}
        ${this.tabButton('exemptions', msg('Exemptions'), result ? result.exempted.length : undefined)}
        ${this.tabButton('rules', msg('Rules'))}
      </div>
      <div role="tabpanel" part="body" id="audit-tabpanel" aria-labelledby="audit-tab-${this.tab}" tabindex="0">
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
    const groups = findingGroups(result, this.grouping);
    return html`
      <fieldset class="grouping">
        <legend>${msg('Group by')}</legend>
        <label><input type="radio" name="grouping" value="pain-point" .checked=${this.grouping === 'pain-point'} @change=${() => (this.grouping = 'pain-point')} />${msg('Pain point')}</label>
        <label><input type="radio" name="grouping" value="department" .checked=${this.grouping === 'department'} @change=${() => (this.grouping = 'department')} />${msg('Department')}</label>
      </fieldset>
      ${total === 0 ? html`<p class="empty" data-empty>${msg('No findings: every rule that is switched on is met.')}</p>` : nothing}
      ${hasWholeProcessFindings(result) && this.grouping === 'department'
        ? html`<p class="chain">${msg('Findings about the process as a whole have no department; they are listed last.')}</p>`
        : nothing}
      ${groups.map((g) => this.renderGroup(g, total))}
    `;
  }

  private renderGroup(group: FindingGroup, total: number) {
    const open = isGroupOpen(group.key, total, this.unfolded);
    const limit = this.shown[group.key] ?? PAGE;
    return html`<details class="group" data-group=${group.key} ?open=${open} @toggle=${(e: Event) => this.toggleGroup(group.key, e)}>
      <summary>
        <span class="group-title">${group.title} (${group.findings.length})</span>
        <span class="group-counts">
          ${group.counts.map(({ severity, count }) => html`<span>${severityIcon(severity)} ${count}</span>`)}
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
            <label>${msg('Exempted by')}<input name="by" autocomplete="name" .value=${(readPreference('reviewer') ?? '')} /></label>
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
