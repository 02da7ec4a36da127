import { adoptDocumentStyles } from '../../modeler/document-styles';
import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import {
  findingsByPainPoint,
  handoverMatrix,
  summarizeByPainPoint,
  RULES,
  type AuditFinding,
  type AuditResult,
  type HandoverMatrix,
  type RaciMatrix
} from '../../analysis/audit';
import { auditMarkdown, auditReportJson, findingsCsv, markdownText, type AuditedFile } from '../../analysis/audit/export';
import { auditResultInLanguage } from '../../analysis/audit/messages';
import { RULE_SEVERITIES } from '../../model/value-chain/schema';
import { downloadBlob, safeFileName } from '../../app/download';
import { currentLocale } from '../../i18n/localization';
import { evidenceLines, findingMessage, ruleTitle, severityCount, type RoleNames } from '../../modeler/features/audit-markers/finding-text';
import type { ReviewRecord } from '../../app/services';
import { renderHandoverGrid } from './handover-grid';
import { painPointExplanation, painPointTitle } from './pain-points';
import { panelStyles } from './panel-styles';
import { severityTag } from './severity';
import { renderDiff } from './review-status';
import type { ModelDiff } from '../../analysis/audit/diff';

/** Everything the report shows; gathered once when it opens, so it is a snapshot of that moment. */
export interface AuditReportData {
  processName: string;
  result: AuditResult;
  raci: RaciMatrix;
  /** The diagram as SVG text (rendered through an <img>, so nothing in it can run). */
  svg: string;
  review?: ReviewRecord;
  /** True when the model differs from the one the review signed off. */
  changedSinceReview: boolean;
  /** What changed since the review (semantic diff), when it did. */
  changes?: ModelDiff;
  /** When the report was made (ms since epoch). */
  createdAt: number;
  roleNames: RoleNames;
}

const RACI_LETTERS = { accountable: 'A', responsible: 'R', consulted: 'C', informed: 'I' } as const;

/**
 * The printable audit report: a full-window view over the app that the browser prints
 * (or saves as PDF) on its own, with a title page block, the review, the diagram, the
 * summary per pain point, the handover and RACI matrices, every finding with its
 * evidence, and the exemptions with their reasons. Everything from the model is shown
 * as text. The same content downloads as JSON, CSV and Markdown (English, as the
 * command line writes it).
 *
 * @event ml-report-close - the user closed the report
 */
export class MlAuditReport extends LitElement {
  static override properties = { data: { attribute: false } };
  declare data: AuditReportData | undefined;

  private imageUrl: string | undefined;
  private returnFocus: Element | null = null;
  /** The page parts made inert while the report is open, so keyboard and screen reader stay in it. */
  private madeInert: Element[] = [];

  static override styles = [
    panelStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 1000;
        overflow: auto;
        background: #e9edf1;
        font-size: 0.92rem;
        line-height: 1.45;
      }
      .toolbar {
        position: sticky;
        top: 0;
        z-index: 1;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        padding: 10px 16px;
        background: #fff;
        border-bottom: 1px solid #d0d7de;
      }
      .toolbar .spacer {
        flex: 1;
      }
      article {
        box-sizing: border-box;
        max-width: 1100px;
        margin: 16px auto 40px;
        padding: 28px 36px;
        background: #fff;
        box-shadow: 0 2px 12px rgb(0 0 0 / 0.12);
      }
      h1 {
        font-size: 1.6rem;
        margin: 0 0 4px;
      }
      h2 {
        font-size: 1.2rem;
        margin: 28px 0 8px;
        border-bottom: 2px solid #0b5cad;
        padding-bottom: 2px;
      }
      h3 {
        font-size: 1rem;
        margin: 18px 0 6px;
      }
      .subtitle {
        font-size: 1.1rem;
        margin: 0 0 12px;
      }
      dl.facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 14px;
        margin: 0;
      }
      dl.facts dt {
        font-weight: 600;
      }
      dl.facts dd {
        margin: 0;
      }
      .warning {
        margin: 10px 0;
        padding: 8px 12px;
        border-left: 4px solid #b42318;
        background: #fdf0ef;
        font-weight: 600;
      }
      .changes ul {
        margin: 4px 0 0;
        padding-left: 18px;
      }
      .changes .meta {
        color: #47525e;
      }
      .diagram {
        margin: 0;
        border: 1px solid #d0d7de;
        padding: 8px;
        text-align: center;
      }
      .diagram img {
        max-width: 100%;
        max-height: 70vh;
        object-fit: contain;
      }
      .diagram figcaption {
        font-size: 0.8rem;
        color: #47525e;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 6px 0 12px;
        font-size: 0.84rem;
      }
      th,
      td {
        border: 1px solid #c5ccd3;
        padding: 4px 6px;
        text-align: left;
        vertical-align: top;
        overflow-wrap: break-word;
        hyphens: auto;
      }
      table.fixed {
        table-layout: fixed;
      }
      th.num,
      th.nowrap,
      td.nowrap {
        white-space: nowrap;
        hyphens: none;
      }
      code {
        overflow-wrap: anywhere;
        font-size: 0.85em;
      }
      table.raci th.role {
        vertical-align: bottom;
        padding: 6px 2px;
      }
      table.raci th.role > span {
        display: inline-block;
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        max-height: 48mm;
        /* A single role name longer than the header (Dutch compounds) breaks instead of running over the text above. */
        overflow-wrap: anywhere;
        hyphens: manual;
        text-align: left;
        line-height: 1.15;
        font-weight: 600;
      }
      table.raci td.letter {
        text-align: center;
        font-weight: 700;
        width: 1.8em;
      }
      th {
        background: #f0f3f6;
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td.cell-covered {
        background: #eef8f0;
      }
      td.cell-gap {
        background: #fdf0ef;
      }
      td.center {
        text-align: center;
      }
      .explanation {
        margin: 0 0 4px;
        color: #47525e;
        font-size: 0.84rem;
      }
      ul.evidence {
        margin: 0;
        padding-left: 14px;
      }
      .muted {
        color: #47525e;
      }
      @media print {
        :host {
          position: static;
          overflow: visible;
          background: #fff;
          font-size: 10pt;
        }
        .toolbar {
          display: none;
        }
        article {
          max-width: none;
          margin: 0;
          /* The collapsed table borders stick out half a pixel: keep them inside the printable area. */
          padding: 0 1px;
          box-shadow: none;
        }
        table {
          font-size: 8.5pt;
        }
        h2 {
          break-after: avoid;
        }
        h3 {
          break-after: avoid;
        }
        table {
          break-inside: auto;
        }
        thead {
          display: table-header-group;
        }
        tr {
          break-inside: avoid;
        }
        section.diagram-page {
          page: diagram;
          break-before: page;
          break-after: page;
        }
        .diagram {
          border: none;
          padding: 0;
        }
        .diagram img {
          max-height: 170mm;
        }
        td.cell-covered,
        td.cell-gap,
        th {
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.returnFocus = document.activeElement;
    this.setAttribute('role', 'dialog');
    this.setAttribute('aria-modal', 'true');
    this.setAttribute('aria-label', msg('Audit report'));
    this.madeInert = [...document.body.children].filter((el) => el !== this && !el.hasAttribute('inert'));
    for (const el of this.madeInert) el.setAttribute('inert', '');
    document.addEventListener('keydown', this.onKeyDown);
    ensurePrintStyles();
    document.body.classList.add('ml-report-open');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeyDown);
    document.body.classList.remove('ml-report-open');
    for (const el of this.madeInert) el.removeAttribute('inert');
    this.madeInert = [];
    if (this.imageUrl) URL.revokeObjectURL(this.imageUrl);
    this.imageUrl = undefined;
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Resolves when the diagram image has loaded, so printing shows it. */
  async ready(): Promise<void> {
    await this.updateComplete;
    const image = this.renderRoot.querySelector('img');
    if (image && !image.complete) await image.decode().catch(() => undefined);
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.close();
  };

  /** Closes the report and gives focus back to where it was. */
  close(): void {
    this.dispatchEvent(new CustomEvent('ml-report-close', { bubbles: true, composed: true }));
    this.remove();
  }

  private diagramUrl(svg: string): string {
    this.imageUrl ??= URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    return this.imageUrl;
  }

  /** The report's files for the downloads, the findings worded in the UI language (as `missinglink audit --lang` writes them). */
  private files(data: AuditReportData): AuditedFile[] {
    const roles = new Map(data.raci.roles.map((r) => [r.id, r.name]));
    return [{ file: data.processName, result: auditResultInLanguage(data.result, currentLocale(), (id) => roles.get(id)), raci: data.raci }];
  }

  private download(kind: 'json' | 'csv' | 'md'): void {
    const data = this.data;
    if (!data) return;
    const files = this.files(data);
    const name = safeFileName(`${data.processName} audit`, kind);
    if (kind === 'json') {
      const json = {
        ...auditReportJson(files),
        report: {
          process: data.processName,
          createdAt: new Date(data.createdAt).toISOString(),
          review: data.review
            ? {
                reviewer: data.review.reviewer,
                date: data.review.date,
                remarks: data.review.remarks,
                fingerprint: data.review.fingerprint,
                changedSince: data.changedSinceReview,
                ...(data.changes ? { changes: data.changes } : {})
              }
            : null,
          raci: data.raci
        }
      };
      downloadBlob(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), name);
    } else if (kind === 'csv') {
      downloadBlob(new Blob([findingsCsv(files)], { type: 'text/csv;charset=utf-8' }), name);
    } else {
      const review = data.review
        ? `\n\nReviewed by ${markdownText(data.review.reviewer)} on ${markdownText(data.review.date)}${data.review.remarks ? `: ${markdownText(data.review.remarks)}` : ''}.` +
          (data.changedSinceReview ? ' **The model has changed since this review.**' + markdownChanges(data.changes) : ' The model has not changed since.')
        : '\n\nNot reviewed yet.';
      const markdown = auditMarkdown(files, `Audit report: ${data.processName}`).replace(/\n/, `${review}\n`);
      downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), name);
    }
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    const { result } = data;
    const date = (ms: number) => new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));
    const matrix = handoverMatrix(result.handovers);
    return html`
      <div class="toolbar" role="toolbar" aria-label=${msg('Report actions')}>
        <button type="button" class="primary" data-action="print" @click=${() => window.print()}>${msg('Print or save as PDF')}</button>
        <button type="button" data-download="json" @click=${() => this.download('json')}>${msg('Download JSON')}</button>
        <button type="button" data-download="csv" @click=${() => this.download('csv')}>${msg('Download CSV')}</button>
        <button type="button" data-download="md" @click=${() => this.download('md')}>${msg('Download Markdown')}</button>
        <span class="spacer"></span>
        <span class="muted">${msg('Downloads give the findings in the language of the app, with English column names, as the command line writes them.')}</span>
        <button type="button" data-action="close-report" @click=${() => this.close()}>${msg('Close report')}</button>
      </div>
      <article role="document" aria-labelledby="report-title">
        <h1 id="report-title" tabindex="-1">${msg('Audit report')}</h1>
        <p class="subtitle" data-process-name>${data.processName}</p>
        <dl class="facts">
          <dt>${msg('Audit date')}</dt>
          <dd>${result.today}</dd>
          <dt>${msg('Report made')}</dt>
          <dd>${date(data.createdAt)}</dd>
          <dt>${msg('Findings')}</dt>
          <dd>${RULE_SEVERITIES.map((s) => severityCount(s, result.counts[s])).join(' · ')}</dd>
          <dt>${msg('Handovers')}</dt>
          <dd>${msg(str`${matrix.covered} of ${matrix.total} covered by an agreed agreement`)}</dd>
        </dl>

        <section data-section="review">
          <h2>${msg('Review')}</h2>
          ${data.review
            ? html`<dl class="facts">
                  <dt>${msg('Reviewer')}</dt>
                  <dd>${data.review.reviewer}</dd>
                  <dt>${msg('Review date')}</dt>
                  <dd>${data.review.date}</dd>
                  <dt>${msg('Remarks')}</dt>
                  <dd>${data.review.remarks || msg('(none)')}</dd>
                  <dt>${msg('Model fingerprint')}</dt>
                  <dd><code>${data.review.fingerprint}</code></dd>
                </dl>
                ${data.changedSinceReview
                  ? html`<p class="warning">${msg('The model has changed since this review: the findings below are about the current model.')}</p>
                      ${data.changes
                        ? html`<div class="changes" data-changes>${renderDiff(data.changes, { exists: () => false, onReveal: () => {}, onSignOff: () => {}, roleName: data.roleNames })}</div>`
                        : nothing}`
                  : html`<p>${msg('The model has not changed since this review.')}</p>`}`
            : html`<p>${msg('This process has not been reviewed yet.')}</p>`}
        </section>

        <section class="diagram-page" data-section="diagram">
          <h2>${msg('Diagram')}</h2>
          <figure class="diagram">
            <img src=${this.diagramUrl(data.svg)} alt=${msg(str`Process diagram of ${data.processName}`)} />
            <figcaption>${data.processName}</figcaption>
          </figure>
        </section>

        <section data-section="summary">
          <h2>${msg('Summary per pain point')}</h2>
          ${this.renderSummary(result)}
        </section>

        <section data-section="handover-matrix">
          <h2>${msg('Handover matrix')}</h2>
          ${this.renderMatrix(matrix)}
        </section>

        <section data-section="raci">
          <h2>${msg('RACI matrix')}</h2>
          ${this.renderRaci(data.raci)}
        </section>

        <section data-section="findings">
          <h2>${msg('Findings')}</h2>
          ${this.renderFindings(result, data.roleNames)}
        </section>

        <section data-section="exemptions">
          <h2>${msg('Exemptions')}</h2>
          ${this.renderExemptions(result, data.roleNames)}
        </section>
      </article>
    `;
  }

  private renderSummary(result: AuditResult) {
    return html`<table>
      <thead>
        <tr>
          <th class="num">#</th>
          <th>${msg('Pain point')}</th>
          <th style="width:28%">${msg('Rules')}</th>
          <th class="num">${msg('Errors')}</th>
          <th class="num">${msg('Warnings')}</th>
          <th class="num">${msg('Notes')}</th>
          <th class="num">${msg('Exempted')}</th>
        </tr>
      </thead>
      <tbody>
        ${summarizeByPainPoint(result).map(
          (s) => html`<tr data-pain-point=${s.painPoint}>
            <td class="num">${s.painPoint}</td>
            <td><strong>${painPointTitle(s.painPoint)}</strong><br /><span class="muted">${painPointExplanation(s.painPoint)}</span></td>
            <td>${s.rules.map((r) => ruleTitle(r)).join(', ')}</td>
            <td class="num">${s.bySeverity.error}</td>
            <td class="num">${s.bySeverity.warning}</td>
            <td class="num">${s.bySeverity.info}</td>
            <td class="num">${s.exempted}</td>
          </tr>`
        )}
      </tbody>
    </table>`;
  }

  private renderMatrix(matrix: HandoverMatrix) {
    if (matrix.total === 0) return html`<p>${msg('The model has no handovers between departments.')}</p>`;
    return html`<p class="explanation">${msg('Per cell: handovers covered by an agreed agreement / all handovers, from the provider (row) to the receiver (column).')}</p>
      ${renderHandoverGrid(matrix, {
        corner: msg('Provider \\ receiver'),
        empty: () => html`<td class="center muted">–</td>`,
        cell: (cell) =>
          html`<td class="center ${cell.covered === cell.count ? 'cell-covered' : 'cell-gap'}">
            ${msg(str`${cell.covered} / ${cell.count}`)}
            ${cell.covered === cell.count ? msg('(all agreed)') : msg(str`(${cell.count - cell.covered} without)`)}
          </td>`
      })}`;
  }

  private renderRaci(raci: RaciMatrix) {
    if (raci.rows.length === 0) return html`<p>${msg('The model has no activities of the organisation.')}</p>`;
    if (raci.roles.length === 0) return html`<p>${msg('No roles are assigned to any activity.')}</p>`;
    return html`<p class="explanation">${msg('A = accountable, R = responsible, C = consulted, I = informed.')}</p>
      <table class="raci">
        <thead>
          <tr>
            <th scope="col">${msg('Activity')}</th>
            <th scope="col" class="nowrap">${msg('Department')}</th>
            ${raci.roles.map((r) => html`<th scope="col" class="role"><span>${r.name}${r.inCatalogue ? nothing : html` ${msg('(not in the role catalogue)')}`}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${raci.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.activityName ?? row.activityId}</th>
              <td class="nowrap">${row.department ?? ''}</td>
              ${raci.roles.map((r) => html`<td class="letter">${(row.cells[r.id] ?? []).map((x) => RACI_LETTERS[x]).join('')}</td>`)}
            </tr>`
          )}
        </tbody>
      </table>`;
  }

  private renderFindings(result: AuditResult, roleNames: RoleNames) {
    if (result.findings.length === 0) return html`<p>${msg('No findings: every rule that is switched on is met.')}</p>`;
    return [...findingsByPainPoint(result.findings)].map(
      ([painPoint, findings]) => html`<h3>${painPoint} · ${painPointTitle(painPoint)} (${findings.length})</h3>
        ${this.findingTable(findings, roleNames)}`
    );
  }

  private findingTable(findings: readonly AuditFinding[], roleNames: RoleNames) {
    return html`<table class="fixed">
      <colgroup>
        <col style="width:13%" />
        <col style="width:17%" />
        <col style="width:15%" />
        <col style="width:31%" />
        <col style="width:24%" />
      </colgroup>
      <thead>
        <tr>
          <th>${msg('Severity')}</th>
          <th>${msg('Element')}</th>
          <th>${msg('Department')}</th>
          <th>${msg('Finding')}</th>
          <th>${msg('Evidence')}</th>
        </tr>
      </thead>
      <tbody>
        ${findings.map(
          (f) => html`<tr data-finding-id=${f.id}>
            <td>${severityTag(f.severity)}</td>
            <td>${f.elementName || html`<code>${f.elementId}</code>`}</td>
            <td>${f.department ?? ''}</td>
            <td>${findingMessage(f, roleNames)}<br /><span class="muted">${ruleTitle(f.rule)}</span></td>
            <td><ul class="evidence">${evidenceLines(f, roleNames).map((line) => html`<li>${line}</li>`)}</ul></td>
          </tr>`
        )}
      </tbody>
    </table>`;
  }

  private renderExemptions(result: AuditResult, roleNames: RoleNames) {
    if (result.exemptions.length === 0) return html`<p>${msg('No element is exempted from a rule.')}</p>`;
    return html`<table>
        <thead>
          <tr>
            <th>${msg('Rule')}</th>
            <th>${msg('Element')}</th>
            <th>${msg('Reason')}</th>
            <th>${msg('By')}</th>
            <th>${msg('Date')}</th>
            <th class="num">${msg('Findings suppressed')}</th>
          </tr>
        </thead>
        <tbody>
          ${result.exemptions.map(
            (e) => html`<tr>
              <td>${e.knownRule ? ruleTitle(e.rule) : msg(str`Unknown rule “${e.rule}”`)}</td>
              <td>${e.elementName || e.elementId}</td>
              <td>${e.reason ?? msg('(none given)')}</td>
              <td>${e.by ?? ''}</td>
              <td>${e.date ?? ''}</td>
              <td class="num">${e.suppressed}</td>
            </tr>`
          )}
        </tbody>
      </table>
      ${result.exempted.length > 0
        ? html`<h3>${msg('Exempted findings')}</h3>
            <table>
              <thead>
                <tr>
                  <th>${msg('Element')}</th>
                  <th>${msg('Finding')}</th>
                  <th>${msg('Reason')}</th>
                </tr>
              </thead>
              <tbody>
                ${result.exempted.map(
                  (f) => html`<tr>
                    <td>${f.elementName || f.elementId}</td>
                    <td>${findingMessage(f, roleNames)} <span class="muted">(${ruleTitle(f.rule)}, ${msg(str`pain point ${RULES[f.rule].painPoint}`)})</span></td>
                    <td>${f.exemption.reason ?? msg('(none given)')}</td>
                  </tr>`
                )}
              </tbody>
            </table>`
        : nothing}`;
  }
}
customElements.define('ml-audit-report', MlAuditReport);

/** The changes since the review as Markdown list lines, in English with the diff's own paths (as the command line writes). */
function markdownChanges(diff: ModelDiff | undefined): string {
  if (!diff || diff.identical) return '';
  const label = (e: { id: string; name?: string }) => markdownText(e.name ? `${e.name} (${e.id})` : e.id);
  const listed = new Set([...diff.added, ...diff.removed, ...diff.changed].map((e) => e.id));
  const lines = [
    ...diff.added.map((e) => `- Added: ${label(e)}`),
    ...diff.removed.map((e) => `- Removed: ${label(e)}`),
    ...diff.changed.map((e) => `- Changed: ${label(e)}: ${e.changes.map((c) => markdownText(`${c.property}: ${c.before ?? '(empty)'} → ${c.after ?? '(empty)'}`)).join('; ')}`),
    ...diff.layoutChanged.filter((e) => !listed.has(e.id)).map((e) => `- Moved or resized: ${label(e)}`)
  ];
  return `\n\nChanges since the review:\n\n${lines.join('\n')}`;
}

const PRINT_STYLE_ID = 'ml-audit-report-print';

/** While the report is open, printing shows only the report: the app and its fixed full-height layout step aside. */
function ensurePrintStyles(): void {
  adoptDocumentStyles(
    PRINT_STYLE_ID,
    `
@page { size: A4 portrait; margin: 14mm 12mm; }
@page diagram { size: A4 landscape; margin: 10mm; }
@media print {
  body.ml-report-open { height: auto !important; overflow: visible !important; }
  html:has(body.ml-report-open) { height: auto !important; overflow: visible !important; }
  body.ml-report-open > *:not(ml-audit-report) { display: none !important; }
}`
  );
}
