import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../../model/moddle-types';
import type ValueChainEditor from '../ValueChainEditor';
import { hasValueChainData } from './DeleteValueChainBehavior';

interface Moddle {
  ids: { nextPrefixed(prefix: string, element?: unknown): string };
  getTypeDescriptor(type: string): { meta?: { allowedIn?: string[] } } | undefined;
}

/** Runs before bpmn-js's own copy rules, which do not know our id and placement rules. */
const PRIORITY = 1500;

/** The id prefix a copied ml: element gets, by type. */
const ID_PREFIX: Record<string, string> = { 'ml:Kpi': 'Kpi_', 'ml:Role': 'Role_' };

/**
 * Invariant: a pasted (or replaced) element keeps its value-chain data, and that
 * data stays valid. bpmn-js's ModdleCopy copies extensionElements, but
 *  - it drops an id that is still taken, so a pasted KPI would lose its id: copies
 *    (paste, and replace, e.g. task → user task) get fresh KPI ids instead;
 *  - it does not read our descriptor's `allowedIn`, so replacing a task by a gateway
 *    would carry step data onto the gateway: ml: elements go only where allowed.
 * Pasted or replaced elements with ml: data are reported in `valueChain.changed`.
 */
export default class CopyValueChainBehavior extends CommandInterceptor {
  static override $inject = ['eventBus', 'moddle', 'valueChainEditor'];

  constructor(eventBus: EventBus, moddle: Moddle, editor: ValueChainEditor) {
    super(eventBus);

    eventBus.on(
      'moddleCopy.canCopyProperty',
      PRIORITY,
      (context: { parent: ModdleElement; property: unknown; propertyName: string; clone?: boolean }) => {
        const { parent, property, propertyName } = context;
        if (propertyName === 'id' && typeof parent?.$type === 'string' && ID_PREFIX[parent.$type]) {
          // The clipboard's own copy (clone) keeps the id; what lands in the model gets a fresh one.
          if (context.clone) return property || undefined;
          return moddle.ids.nextPrefixed(ID_PREFIX[parent.$type]!, parent);
        }
        if (isMlElement(property) && parent?.$type === 'bpmn:ExtensionElements') {
          const host = parent.$parent;
          const allowedIn = moddle.getTypeDescriptor(property.$type)?.meta?.allowedIn;
          if (host && allowedIn && !allowedIn.some((type) => host.$instanceOf?.(type))) return false;
        }
        return undefined;
      }
    );

    const report = (event: { context: { shape?: { businessObject?: ModdleElement }; connection?: { businessObject?: ModdleElement } } }) => {
      const bo = (event.context.shape ?? event.context.connection)?.businessObject;
      if (bo?.id && hasValueChainData(bo)) editor.markChanged([bo.id]);
    };
    this.executed(['shape.create', 'connection.create'], report);
    this.reverted(['shape.create', 'connection.create'], report);
  }
}

function isMlElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string' && (value as ModdleElement).$type.startsWith('ml:');
}
