import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { FormDialog } from '../shared/form-dialog';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Modeler } from '../../modeler/create-modeler';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { checkChanges } from '../../model/value-chain/edit-check';
import { normaliseDecimal } from '../../model/value-chain/input-values';
import type KpiMeasurements from '../../modeler/features/actions/KpiMeasurements';
import { dialogStyles } from '../shared/form-styles';
import { fieldProblemText } from '../shared/field-problems';
import { directionSign } from '../shared/vocabulary';
import { suggestedMeasurementPeriod } from './periods';
import { formatNumber } from '../shared/format';

/** The fields of the measurement form, as typed. */
interface MeasurementValues {
  periodStart: string;
  periodEnd: string;
  value: string;
  evidence: string;
}

type Errors = Partial<Record<keyof MeasurementValues, string>>;

interface MeasurementRequest {
  title: string;
  context: string[];
  unit: string | undefined;
  values: MeasurementValues;
  save: (values: MeasurementValues) => Errors | undefined;
  resolve: (saved: boolean) => void;
}

/**
 * The form for one realised value of a KPI for a period (or qualitative evidence,
 * for soft KPIs), in a modal <dialog>. Use recordKpiMeasurement, not the element.
 */
export class MlMeasurementDialog extends FormDialog<MeasurementRequest, boolean, Errors> {
  static override styles = dialogStyles;
  protected readonly cancelled = false;
  protected readonly firstField = 'input[name="value"]';

  private onSubmit(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const values: MeasurementValues = {
      periodStart: String(data.get('periodStart') ?? ''),
      periodEnd: String(data.get('periodEnd') ?? ''),
      value: String(data.get('value') ?? ''),
      evidence: String(data.get('evidence') ?? '')
    };
    if (this.showErrors(this.request?.save(values))) return;
    this.finish(true);
  }

  private error(name: keyof MeasurementValues) {
    const text = this.errors[name];
    return { invalid: text ? 'true' : 'false', note: text ? html`<span class="error" id="m-${name}-error">${text}</span>` : nothing };
  }

  override render() {
    const r = this.request;
    if (!r) return html`<dialog></dialog>`;
    const start = this.error('periodStart');
    const end = this.error('periodEnd');
    const value = this.error('value');
    const evidence = this.error('evidence');
    return html`<dialog aria-labelledby="m-title" @cancel=${(e: Event) => (e.preventDefault(), this.finish(false))}>
      <form @submit=${this.onSubmit} novalidate>
        <h2 id="m-title">${r.title}</h2>
        ${r.context.map((line) => html`<p class="context">${line}</p>`)}
        <div class="row">
          <label
            >${msg('Period from')}
            <input name="periodStart" type="date" aria-invalid=${start.invalid} aria-describedby="m-periodStart-error" .value=${r.values.periodStart} />
            ${start.note}
          </label>
          <label
            >${msg('Period to')}
            <input name="periodEnd" type="date" aria-invalid=${end.invalid} aria-describedby="m-periodEnd-error" .value=${r.values.periodEnd} />
            ${end.note}
          </label>
        </div>
        <label
          >${r.unit ? msg(str`Realised value (${r.unit})`) : msg('Realised value')}
          <input name="value" inputmode="decimal" autocomplete="off" aria-invalid=${value.invalid} aria-describedby="m-value-error" .value=${r.values.value} />
          ${value.note}
        </label>
        <label
          >${msg('Qualitative evidence')} <span class="hint">${msg('For soft KPIs: what interviews, stories or observations show. Optional beside a number.')}</span>
          <textarea name="evidence" rows="2" maxlength="1000" aria-invalid=${evidence.invalid} aria-describedby="m-evidence-error" .value=${r.values.evidence}></textarea>
          ${evidence.note}
        </label>
        <div class="buttons">
          <button type="button" @click=${() => this.finish(false)}>${msg('Cancel')}</button>
          <button type="submit" class="primary">${msg('Record value')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
customElements.define('ml-measurement-dialog', MlMeasurementDialog);

function dialog(): MlMeasurementDialog {
  let el = document.querySelector('ml-measurement-dialog');
  if (!el) {
    el = document.createElement('ml-measurement-dialog');
    document.body.appendChild(el);
  }
  return el as MlMeasurementDialog;
}

/**
 * Asks for a realised value of a KPI for a period and adds it to the KPI's history
 * as one undoable command. Resolves true when recorded, false when cancelled or when
 * the KPI is not in the open model.
 */
export function recordKpiMeasurement(modeler: Modeler, activityId: string, kpiId: string): Promise<boolean> {
  const shape = modeler.get<ElementRegistry>('elementRegistry').get(activityId) as { businessObject?: ModdleElement } | undefined;
  const activity = shape?.businessObject;
  const kpi = ((getExtension(activity, 'ml:Step')?.kpis as ModdleElement[] | undefined) ?? []).find((k) => k.id === kpiId);
  if (!activity || !kpi) return Promise.resolve(false);
  const measurements = kpi.measurements ?? [];
  const suggested = suggestedMeasurementPeriod(
    measurements.map((m) => ({ periodStart: m.periodStart as string | undefined, periodEnd: m.periodEnd as string | undefined })),
    { start: kpi.periodStart as string | undefined, end: kpi.periodEnd as string | undefined }
  );
  const name = (kpi.name as string | undefined)?.trim() || kpiId;
  const unit = (kpi.unit as string | undefined)?.trim() || undefined;
  const target = Number(kpi.target);
  const context = [msg(str`Step: ${activity.name?.trim() || activityId}`)];
  if (kpi.target !== undefined && Number.isFinite(target)) {
    const amount = `${directionSign(kpi.direction as string | undefined)} ${formatNumber(target)} ${unit ?? ''}`.trim();
    context.push(msg(str`Target: ${amount}`));
  }
  return new Promise((resolve) =>
    dialog().open({
      title: msg(str`Record a realised value: ${name}`),
      context,
      unit,
      values: { periodStart: suggested.start ?? '', periodEnd: suggested.end ?? '', value: '', evidence: '' },
      save: (values) => {
        const changes = {
          periodStart: values.periodStart,
          periodEnd: values.periodEnd,
          value: normaliseDecimal(values.value),
          evidence: values.evidence.trim()
        };
        const { accepted, rejected } = checkChanges('ml:Measurement', {}, changes);
        const errors: Errors = {};
        for (const [field, problem] of Object.entries(rejected)) errors[field as keyof MeasurementValues] = fieldProblemText(problem);
        if (!changes.periodStart && !errors.periodStart) errors.periodStart = msg('Choose the first day of the period.');
        if (!changes.periodEnd && !errors.periodEnd) errors.periodEnd = msg('Choose the last day of the period.');
        if (!changes.value && !changes.evidence && !errors.value) errors.value = msg('Type the realised value, or describe the evidence below for a soft KPI.');
        if (Object.keys(errors).length) return errors;
        modeler.get<KpiMeasurements>('kpiMeasurements').record(activity, kpiId, accepted);
        return undefined;
      },
      resolve
    })
  );
}
