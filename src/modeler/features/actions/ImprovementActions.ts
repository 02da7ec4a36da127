import type { ModdleElement } from '../../../model/moddle-types';
import { storedAttributes } from '../../../model/value-chain/read';
import { validateAttributes, type Action, type FieldProblem } from '../../../model/value-chain/schema';
import type { ActionEdits } from '../../../model/value-chain/edit';
import { storedActions } from '../../../model/value-chain/locate';
import type ValueChainEditor from '../value-chain/ValueChainEditor';
import { localDate } from './today';

/** An improvement action as the UI lists it: typed valid fields, the stored text, and what is wrong with it. */
export interface ActionEntry extends Partial<Action> {
  readonly id: string;
  /** The attributes exactly as stored, for forms that show what the file holds. */
  readonly stored: Readonly<Record<string, string | undefined>>;
  readonly problems: readonly FieldProblem[];
}

interface Ids {
  nextPrefixed(prefix: string, element?: unknown): string;
}

/**
 * The Act of Plan–Do–Check–Act: improvement actions recorded on an element (from an
 * audit finding or a KPI), stored as ml:Action in the process's value chain so they
 * travel with the BPMN file. Every change is one undoable command. Values are stored
 * as given; callers validate first with checkChanges('ml:Action', …).
 */
export default class ImprovementActions {
  static $inject = ['valueChainEditor', 'moddle', 'bpmnjs'];

  constructor(
    private readonly editor: ValueChainEditor,
    private readonly moddle: { ids?: Ids },
    private readonly bpmnjs: { getDefinitions(): ModdleElement | undefined }
  ) {}

  /** Records a new action (status open and today's date unless given) and returns its id. */
  add(attrs: ActionEdits): string {
    const ids = this.moddle.ids;
    if (!ids) throw new Error('The modeler has no id registry; is this a bpmn-js Modeler?');
    const id = ids.nextPrefixed('Action_');
    this.editor.update(null, [{ kind: 'action.add', id, attrs: { status: 'open', createdOn: localDate(new Date()), ...attrs } }]);
    return id;
  }

  /** Changes fields of an action; blank values remove them. */
  update(actionId: string, attrs: ActionEdits): void {
    this.editor.update(null, [{ kind: 'action.update', actionId, attrs }]);
  }

  /** Removes an action. */
  remove(actionId: string): void {
    this.editor.update(null, [{ kind: 'action.remove', actionId }]);
  }

  /** Every stored action with an id, in the order recorded. */
  list(): ActionEntry[] {
    const definitions = this.definitions();
    return storedActions(definitions).flatMap((element) => {
      const entry = toEntry(element);
      return entry ? [entry] : [];
    });
  }

  /** One action by id, if it exists. */
  get(actionId: string): ActionEntry | undefined {
    const element = storedActions(this.definitions()).find((a) => a.id === actionId);
    return element ? toEntry(element) : undefined;
  }

  private definitions(): ModdleElement {
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) throw new Error('No model is open.');
    return definitions;
  }
}

function toEntry(element: ModdleElement): ActionEntry | undefined {
  const stored = storedAttributes(element, 'ml:Action');
  if (!stored.id?.trim()) return undefined;
  const { value, problems } = validateAttributes('ml:Action', stored);
  return { ...value, id: stored.id, stored, problems };
}
