import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { ModdleElement } from '../../../model/moddle-types';
import { attributeUpdate } from '../../../model/value-chain/read';
import { ChangeLog } from '../value-chain/change-log';
import { carrierOf, findValueChain, valueChainHost } from '../value-chain/edits';

/** The command id of a change to the process's audit rule settings (ml:ruleSetting). */
export const RULE_SETTINGS_COMMAND = 'auditRules.update';

/** One rule's new setting; a field left out stays as it is, null removes it (back to the rule's default). */
export interface RuleSettingChange {
  rule: string;
  enabled?: boolean | null;
  severity?: string | null;
  tolerance?: number | string | null;
}

/** The context of an `auditRules.update` command; `log` and `carrierId` are filled on execution. */
export interface UpdateRuleSettingsContext {
  changes: RuleSettingChange[];
  log?: ChangeLog;
  /** Id of the collaboration or process that carries the ml:ValueChain. */
  carrierId?: string;
}

interface BpmnJs {
  getDefinitions(): ModdleElement;
}

interface Moddle {
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}

interface ChangeMarker {
  markChanged(elementIds: Iterable<string>): void;
}

/**
 * Changes ml:ruleSetting entries of the process's value chain as one undoable
 * command (the value-chain editor has no edit kind for rule settings yet). It
 * records every property it sets in the value-chain feature's ChangeLog, so undo
 * and redo work exactly like value-chain edits, and it reports the carrier to the
 * value-chain editor, so `valueChain.changed` fires after execute, undo and redo.
 * A rule setting left with nothing but its rule id is removed: the rule is back on
 * its defaults. Without a value chain, one is created on the main diagram's root.
 */
export default class UpdateRuleSettingsHandler {
  static $inject = ['bpmnjs', 'moddle', 'elementRegistry', 'valueChainEditor'];

  constructor(
    private readonly bpmnjs: BpmnJs,
    private readonly moddle: Moddle,
    private readonly elementRegistry: ElementRegistry,
    private readonly valueChainEditor: ChangeMarker
  ) {}

  execute(context: UpdateRuleSettingsContext): unknown[] {
    if (context.log) {
      context.log.replay();
    } else {
      const log = new ChangeLog();
      try {
        context.carrierId = this.apply(log, context.changes);
      } catch (error) {
        log.revert();
        throw error;
      }
      context.log = log;
    }
    return this.changed(context);
  }

  revert(context: UpdateRuleSettingsContext): unknown[] {
    context.log?.revert();
    return this.changed(context);
  }

  private apply(log: ChangeLog, changes: RuleSettingChange[]): string | undefined {
    const definitions = this.bpmnjs.getDefinitions();
    let valueChain = findValueChain(definitions);
    if (!valueChain) {
      const host = valueChainHost(definitions);
      if (!host) throw new Error('The model has no collaboration or process to hold the rule settings.');
      valueChain = this.moddle.create('ml:ValueChain', {});
      let container = host.extensionElements as ModdleElement | undefined;
      if (!container) {
        container = this.moddle.create('bpmn:ExtensionElements', {});
        log.set(host, 'extensionElements', container);
      }
      log.set(container, 'values', [...list(container, 'values'), valueChain]);
    }
    let settings = list(valueChain, 'ruleSettings');
    for (const change of changes) {
      const { rule, ...fields } = change;
      if (!rule) throw new Error('A rule setting needs a rule id.');
      let setting = settings.find((s) => s.rule === rule);
      if (!setting) {
        setting = this.moddle.create('ml:RuleSetting', { rule });
        settings = [...settings, setting];
        log.set(valueChain, 'ruleSettings', settings);
      }
      for (const [name, value] of Object.entries(attributeUpdate('ml:RuleSetting', fields))) log.set(setting, name, value);
      const saysNothing = ['enabled', 'severity', 'tolerance'].every((name) => setting![name] === undefined) && !hasForeignAttrs(setting);
      if (saysNothing) {
        settings = settings.filter((s) => s !== setting);
        log.set(valueChain, 'ruleSettings', settings.length ? settings : undefined);
      }
    }
    return carrierOf(valueChain)?.id;
  }

  private changed(context: UpdateRuleSettingsContext): unknown[] {
    if (!context.carrierId) return [];
    this.valueChainEditor.markChanged([context.carrierId]);
    const shape = this.elementRegistry.get(context.carrierId);
    return shape ? [shape] : [];
  }
}

function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function hasForeignAttrs(element: ModdleElement): boolean {
  return !!element.$attrs && Object.keys(element.$attrs).length > 0;
}
