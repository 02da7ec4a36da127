import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { FormDialog } from '../shared/form-dialog';
import { MATURITY_LEVELS, MATURITY_PILLARS, PILLAR_IDS, type ContentLocale, type PillarId } from '../../analysis/maturity/model';
import { RespondentSchema, type Respondent } from '../../analysis/maturity/assessment-schema';
import { currentLocale } from '../../i18n/localization';
import { dialogStyles } from '../shared/form-styles';

interface RespondentRequest {
  title: string;
  respondent: Partial<Respondent> & { id: string };
  /** Departments named before, offered as suggestions. */
  departments: string[];
  resolve: (respondent: Respondent | null) => void;
}

type Errors = Record<string, string>;

/**
 * One respondent's answers: who they are (name optional) and, per pillar, the
 * current and the desired level, chosen in a grid that shows every level's full
 * description in the UI language, like the source's model figure. Use
 * editRespondent(), not the element.
 */
export class MlRespondentDialog extends FormDialog<RespondentRequest, Respondent | null, Errors> {
  protected readonly cancelled = null;
  protected readonly firstField = 'input[name="name"]';
  protected override readonly invalidField = '[aria-invalid="true"], fieldset.invalid input';

  static override styles = [
    dialogStyles,
    css`
      dialog {
        width: min(1180px, 96vw);
        max-height: 94vh;
      }
      form {
        max-height: 94vh;
        box-sizing: border-box;
        grid-template-rows: auto minmax(0, 1fr) auto;
        padding: 0;
        gap: 0;
      }
      .head,
      .foot {
        padding: 14px 20px;
        display: grid;
        gap: 6px;
      }
      .head {
        border-bottom: 1px solid #d0d7de;
      }
      .foot {
        border-top: 1px solid #d0d7de;
      }
      .scroll {
        overflow: auto;
        padding: 12px 20px;
        display: grid;
        gap: 16px;
      }
      fieldset {
        border: 1px solid #d0d7de;
        border-radius: 8px;
        margin: 0;
        padding: 10px 12px 12px;
      }
      legend {
        font-weight: 700;
        padding: 0 4px;
      }
      .who {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 10px 14px;
      }
      .who .marketing {
        grid-column: 1 / -1;
        display: flex;
        gap: 16px;
        align-items: center;
        border: none;
        padding: 0;
      }
      .who .marketing legend {
        float: left;
        padding: 0;
        margin-right: 8px;
        font-size: 0.88rem;
      }
      .inline {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-weight: 400;
      }
      .definition {
        margin: 0 0 8px;
      }
      .levels {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 8px;
      }
      .level {
        border: 1px solid #d0d7de;
        border-radius: 6px;
        padding: 8px;
        display: grid;
        grid-template-rows: auto 1fr auto;
        gap: 6px;
        font-size: 0.84rem;
        background: #fff;
      }
      .level:has(input.current:checked) {
        border: 2px solid #0b5cad;
        background: #f0f6fc;
      }
      .level:has(input.desired:checked) {
        box-shadow: inset 0 -5px 0 #c77700;
      }
      .level-head {
        font-weight: 700;
      }
      .level ul {
        margin: 0;
        padding-left: 16px;
        display: grid;
        align-content: start;
        gap: 3px;
        line-height: 1.35;
        color: #1d2733;
      }
      .picks {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
        border-top: 1px dashed #d0d7de;
        padding-top: 6px;
      }
      .picks label {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-weight: 600;
      }
      .picks input {
        width: 16px;
        height: 16px;
        margin: 0;
      }
      .pillar-error {
        margin-top: 6px;
      }
      .summary-error {
        margin: 0;
      }
      @media (max-width: 900px) {
        .levels {
          grid-template-columns: 1fr;
        }
        .who {
          grid-template-columns: 1fr;
        }
      }
    `
  ];

  private onSubmit(event: Event): void {
    event.preventDefault();
    const r = this.request;
    if (!r) return;
    const data = new FormData(event.target as HTMLFormElement);
    const level = (name: string) => {
      const v = data.get(name);
      return v === null ? undefined : Number(v);
    };
    const marketing = data.get('worksInMarketing');
    const candidate = {
      id: r.respondent.id,
      name: String(data.get('name') ?? ''),
      role: String(data.get('role') ?? ''),
      department: String(data.get('department') ?? ''),
      worksInMarketing: marketing === null ? undefined : marketing === 'yes',
      scores: Object.fromEntries(PILLAR_IDS.map((p) => [p, { current: level(`${p}-current`), desired: level(`${p}-desired`) }]))
    };
    const result = RespondentSchema.safeParse(candidate);
    if (result.success) {
      this.finish(result.data);
      return;
    }
    const errors: Errors = {};
    for (const issue of result.error.issues) {
      const [field, pillar, which] = issue.path.map(String);
      if (field === 'scores' && pillar) errors[pillar] = which === 'desired' ? msg('Choose the desired level.') : msg('Choose the current level.');
      else if (field === 'scores') continue;
      else if (field === 'role') errors.role = msg('Please give the role, e.g. manager or analyst.');
      else if (field === 'department') errors.department = msg('Please give the department.');
      else if (field === 'worksInMarketing') errors.worksInMarketing = msg('Please say whether this person works in marketing.');
    }
    // Both missing on one pillar reads as one request.
    for (const p of PILLAR_IDS) {
      const both = candidate.scores[p] as { current?: number; desired?: number };
      if (both.current === undefined && both.desired === undefined) errors[p] = msg('Choose the current and the desired level.');
    }
    this.showErrors(errors);
  }

  override render() {
    const r = this.request;
    if (!r) return html`<dialog></dialog>`;
    const locale: ContentLocale = currentLocale() === 'nl' ? 'nl' : 'en';
    const missing = PILLAR_IDS.filter((p) => this.errors[p]).length;
    return html`<dialog aria-labelledby="r-title" @cancel=${(e: Event) => (e.preventDefault(), this.finish(null))}>
      <form @submit=${this.onSubmit} novalidate>
        <div class="head">
          <h2 id="r-title">${r.title}</h2>
          <p>${msg('For each pillar, choose the column that describes your organisation now, and the one it should reach. The goal need not be level 5: choose what fits your organisation.')}</p>
          <p>${msg('“Now” marks the current level (blue frame), “Goal” the desired level (orange line).')}</p>
        </div>
        <div class="scroll">
          ${this.renderWho(r)}
          ${MATURITY_PILLARS.map((pillar) => this.renderPillar(pillar.id, r, locale))}
        </div>
        <div class="foot">
          ${missing ? html`<p class="error summary-error" role="alert">${msg(str`${missing} pillars still need a choice.`)}</p>` : nothing}
          <div class="buttons">
            <button type="button" @click=${() => this.finish(null)}>${msg('Cancel')}</button>
            <button type="submit" class="primary">${msg('Save answers')}</button>
          </div>
        </div>
      </form>
    </dialog>`;
  }

  private renderWho(r: RespondentRequest) {
    const e = this.errors;
    const who = r.respondent;
    return html`<fieldset class="who">
      <legend>${msg('About the respondent')}</legend>
      <label
        >${msg('Name')} <span class="hint">${msg('Optional: leave empty to answer anonymously')}</span>
        <input name="name" maxlength="120" autocomplete="off" .value=${who.name ?? ''} />
      </label>
      <label
        >${msg('Role')} <span class="hint">${msg('e.g. marketing manager, account manager')}</span>
        <input name="role" maxlength="120" autocomplete="off" aria-invalid=${e.role ? 'true' : 'false'} aria-describedby="role-error" .value=${who.role ?? ''} />
        ${e.role ? html`<span class="error" id="role-error">${e.role}</span>` : nothing}
      </label>
      <label
        >${msg('Department')}
        <input name="department" list="departments" maxlength="120" autocomplete="off" aria-invalid=${e.department ? 'true' : 'false'} aria-describedby="department-error" .value=${who.department ?? ''} />
        <datalist id="departments">${r.departments.map((d) => html`<option value=${d}></option>`)}</datalist>
        ${e.department ? html`<span class="error" id="department-error">${e.department}</span>` : nothing}
      </label>
      <fieldset class="marketing ${e.worksInMarketing ? 'invalid' : ''}" aria-describedby="marketing-error">
        <legend>${msg('Works in marketing?')}</legend>
        <label class="inline"><input type="radio" name="worksInMarketing" value="yes" ?checked=${who.worksInMarketing === true} /> ${msg('Yes')}</label>
        <label class="inline"><input type="radio" name="worksInMarketing" value="no" ?checked=${who.worksInMarketing === false} /> ${msg('No, elsewhere')}</label>
        ${e.worksInMarketing ? html`<span class="error" id="marketing-error">${e.worksInMarketing}</span>` : nothing}
      </fieldset>
    </fieldset>`;
  }

  private renderPillar(id: PillarId, r: RespondentRequest, locale: ContentLocale) {
    const pillar = MATURITY_PILLARS.find((p) => p.id === id)!;
    const score = r.respondent.scores?.[id];
    const error = this.errors[id];
    const name = pillar.name[locale];
    return html`<fieldset class="pillar ${error ? 'invalid' : ''}" data-pillar=${id} aria-describedby=${error ? `${id}-error` : nothing}>
      <legend>${name}</legend>
      <p class="definition">${pillar.definition[locale]}</p>
      <div class="levels">
        ${pillar.cells.map((cell) => {
          const info = MATURITY_LEVELS[cell.level - 1]!;
          const levelName = info.name[locale];
          return html`<div class="level" data-level=${cell.level}>
            <div class="level-head" title=${info.description[locale]}>${cell.level} · ${levelName}</div>
            <ul>${cell.statements[locale].map((s) => html`<li>${s}</li>`)}</ul>
            <div class="picks">
              <label><input type="radio" class="current" name="${id}-current" value=${cell.level} ?checked=${score?.current === cell.level}
                aria-label=${msg(str`${name}: current level ${cell.level}, ${levelName}`)} /> ${msg('Now')}</label>
              <label><input type="radio" class="desired" name="${id}-desired" value=${cell.level} ?checked=${score?.desired === cell.level}
                aria-label=${msg(str`${name}: desired level ${cell.level}, ${levelName}`)} /> ${msg('Goal')}</label>
            </div>
          </div>`;
        })}
      </div>
      ${error ? html`<p class="error pillar-error" id="${id}-error">${error}</p>` : nothing}
    </fieldset>`;
  }
}
customElements.define('ml-respondent-dialog', MlRespondentDialog);

/** Asks for one respondent's answers (new when `respondent` has only an id); resolves null when cancelled. */
export function editRespondent(title: string, respondent: Partial<Respondent> & { id: string }, departments: string[]): Promise<Respondent | null> {
  let el = document.querySelector('ml-respondent-dialog') as MlRespondentDialog | null;
  if (!el) {
    el = document.createElement('ml-respondent-dialog') as MlRespondentDialog;
    document.body.appendChild(el);
  }
  const dialog = el;
  return new Promise((resolve) => dialog.open({ title, respondent, departments, resolve }));
}
