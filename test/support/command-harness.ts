import { Injector } from 'didi';
import { Ids } from 'ids';
import EventBus from 'diagram-js/lib/core/EventBus';
import CommandStack from 'diagram-js/lib/command/CommandStack';
import { createModdle, parseBpmn } from '../../src/model/bpmn-io';
import type { ModdleElement } from '../../src/model/moddle-types';
import { forEachContained } from '../../src/model/walk';
import ValueChainCommands from '../../src/modeler/features/value-chain/ValueChainCommands';
import ValueChainEditor, { VALUE_CHAIN_CHANGED, type ValueChainChangedEvent } from '../../src/modeler/features/value-chain/ValueChainEditor';

/** A parsed model behind a real diagram-js command stack, with the services a test asked for. */
export interface CommandHarness {
  definitions: ModdleElement;
  injector: Injector;
  commandStack: CommandStack;
  /** Every `valueChain.changed` event, its element ids sorted. */
  changes: ValueChainChangedEvent[];
  /** A BPMN element of the model by its id. */
  byId(id: string): ModdleElement;
}

/**
 * The value-chain commands as the modeler runs them, in node: the model is a
 * bpmn-moddle tree (no canvas), the command stack and event bus are diagram-js's own,
 * and the value-chain editor is there with the services given (name → didi provider).
 */
export async function commandHarness(xml: string, services: Record<string, [string, unknown]> = {}): Promise<CommandHarness> {
  const moddle = createModdle() as ReturnType<typeof createModdle> & { ids?: Ids };
  moddle.ids = new Ids([32, 36, 1]);
  const { definitions } = await parseBpmn(xml, { moddle });
  const index = new Map<string, ModdleElement>();
  // bpmn-js's Modeler claims every id of an imported model; so does the harness.
  forEachContained(definitions, (element) => {
    if (!element.id) return;
    moddle.ids!.claim(element.id, element);
    if (element.$type.startsWith('bpmn:')) index.set(element.id, element);
  });
  const eventBus = new EventBus();
  const injector = new Injector([
    {
      eventBus: ['value', eventBus],
      commandStack: ['type', CommandStack],
      moddle: ['value', moddle],
      bpmnjs: ['value', { getDefinitions: () => definitions }],
      elementRegistry: ['value', { get: () => undefined }],
      modeling: ['value', {}],
      valueChainCommands: ['type', ValueChainCommands],
      valueChainEditor: ['type', ValueChainEditor],
      ...services
    }
  ]);
  // As the modeler's __init__ does: the command family is registered before anything runs it.
  for (const name of ['valueChainCommands', 'valueChainEditor', ...Object.keys(services)]) injector.get(name);
  const changes: ValueChainChangedEvent[] = [];
  eventBus.on(VALUE_CHAIN_CHANGED, (event: ValueChainChangedEvent) => void changes.push({ elementIds: [...event.elementIds].sort(), trigger: event.trigger }));
  return { definitions, injector, commandStack: injector.get<CommandStack>('commandStack'), changes, byId: (id) => index.get(id)! };
}
