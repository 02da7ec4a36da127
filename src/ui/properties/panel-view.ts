import type { ModdleElement } from '../../model/moddle-types';
import type { DurationUnit } from '../../model/value-chain/input-values';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import type { FormState, ShownProblem } from './form-state';

/** A role of the catalogue as the panel lists it. */
export interface RoleOption {
  id: string;
  name: string;
  department?: string;
  person?: string;
}

/** What the panel remembers about how the user looks at an element (not model data). */
export interface PanelUiState {
  /** KPI cards the user opened. */
  openKpis: Set<string>;
  /** Per activity: the unit durations are entered in. */
  durationUnit: Map<string, DurationUnit>;
  /** Per activity: fixed planned duration or min / most likely / max. */
  durationMode: Map<string, 'fixed' | 'range'>;
  /** Role cards the user opened in the catalogue. */
  openRoles: Set<string>;
  /** The customer promise's measurable form chosen in the panel, before a measure is stored. */
  promiseMode?: 'none' | 'lead-time' | 'other';
}

/** A diagram element as the panel receives it from bpmn-js. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  parent?: unknown;
  labelTarget?: DiagramElement;
}

/**
 * What the section renderers get from the panel: the form state, the editor to
 * write through, the model to read, and a few panel actions. Sections read the model
 * directly (the business objects) and write only through the editor.
 */
export interface PanelView {
  form: FormState;
  editor: ValueChainEditor;
  definitions: ModdleElement;
  roles: RoleOption[];
  ui: PanelUiState;
  /** The problem's text in the UI language, or undefined. */
  problemText(problem: ShownProblem | undefined): string | undefined;
  /** Re-renders the panel (after a UI-only change such as opening a card). */
  refresh(): void;
  /** Moves focus to the element with this id after the next render. */
  focusAfterRender(id: string): void;
  /** Shows the value chain (clears the selection). */
  showValueChain(): void;
  /** Asks the user before a role in use is removed; resolves true to go ahead. */
  confirmRoleRemoval(role: RoleOption, uses: { assignments: number; agreements: number; owner: boolean }): Promise<boolean>;
}

/** A role's display name: its name, else its id. */
export function roleLabel(role: RoleOption): string {
  return role.name || role.id;
}

/** Role options for a list, labelled with name and department. */
export function roleChoices(roles: RoleOption[]): Array<[string, string]> {
  return roles.map((r) => [r.id, r.department ? `${roleLabel(r)} (${r.department})` : roleLabel(r)]);
}
