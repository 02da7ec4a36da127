import type EventBus from 'diagram-js/lib/core/EventBus';
import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from '../../../model/moddle-types';
import { toXmlInSlices, type SlicedXmlOptions, type SlicedXmlResult } from '../../../model/sliced-xml';

/** Events after which the model may differ: every command, undo and redo, and a new document. */
const MODEL_CHANGED = ['commandStack.changed', 'import.parse.start', 'import.done', 'diagram.clear'];

/**
 * Writes the open model as `saveXML({ format: false })` does, but in slices of a few
 * milliseconds, so autosave on a large model never blocks input or drawing. It runs
 * the same `saveXML.start` / `saveXML.serialized` / `saveXML.done` hooks as saveXML
 * (bpmn-js orders the diagram's shapes in `saveXML.start`), and restarts when the
 * model changes between slices.
 */
export default class SlicedSerializer {
  static $inject = ['eventBus', 'moddle', 'bpmnjs'];

  private version = 0;

  constructor(
    private readonly eventBus: EventBus,
    private readonly moddle: BpmnModdle,
    private readonly bpmnjs: { getDefinitions(): ModdleElement | undefined }
  ) {
    eventBus.on(MODEL_CHANGED, () => {
      this.version++;
    });
  }

  /** The model as XML without indentation; `hurry` (when aborted) finishes the work at once. */
  async serialize(options: Pick<SlicedXmlOptions, 'hurry' | 'budgetMs' | 'maxRestarts'> = {}): Promise<SlicedXmlResult> {
    let error: unknown;
    let result: SlicedXmlResult | undefined;
    try {
      result = await toXmlInSlices(this.moddle, () => this.definitionsToSave(), { ...options, version: () => this.version });
      const xml = this.eventBus.fire('saveXML.serialized', { xml: result.xml }) as string | undefined;
      if (typeof xml === 'string') result = { ...result, xml };
    } catch (e) {
      error = e;
    }
    this.eventBus.fire('saveXML.done', error ? { error } : { xml: result?.xml });
    if (error || !result) throw error;
    return result;
  }

  private definitionsToSave(): ModdleElement {
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) throw new Error('no definitions loaded');
    const replaced = this.eventBus.fire('saveXML.start', { definitions }) as ModdleElement | undefined;
    return replaced && typeof replaced === 'object' ? replaced : definitions;
  }
}
