/*
 * The audit rules as a bpmnlint plugin ("bpmnlint-plugin-missinglink"), so they run
 * with bpmnlint's own tools (its Linter API, bpmn-js-bpmnlint, its CLI). The plugin
 * does not implement the rules again: every rule delegates to the audit engine, which
 * audits the model once per lint run (cached per definitions object until the run's
 * synchronous loop is over) and hands each rule its own findings. See docs/audit.md
 * for why the modeler itself uses the incremental session instead.
 */
import type { ModdleElement } from '../../../model/moddle-types';
import type { RuleSeverity } from '../../../model/value-chain/schema';
import { runAudit } from '../audit';
import { RULE_IDS, RULES, type RuleId } from '../rules';
import type { AuditOptions, AuditResult } from '../types';
import { ensureTypedExtensions } from './typed-extensions';

/** The package name bpmnlint resolves `plugin:missinglink/…` and `missinglink/<rule>` to. */
export const PLUGIN_PACKAGE = 'bpmnlint-plugin-missinglink';

/** What bpmnlint passes a rule's check. */
interface Reporter {
  report(id: string, message: string, context?: Record<string, unknown>): void;
}

/** A bpmnlint rule definition (see bpmnlint/lib/types.d.ts). */
export interface BpmnlintRule {
  meta: { documentation: { url: string } };
  check: { enter(node: ModdleElement, reporter: Reporter): boolean | void };
}

/** Options a .bpmnlintrc may give a rule: `["warn", { "today": "2026-11-22", "tolerance": 5 }]`. */
export interface BpmnlintRuleOptions {
  /** Audit date YYYY-MM-DD; default today (UTC). */
  today?: string;
  /** Overrides the rule's tolerance from ml:ruleSetting. */
  tolerance?: number;
}

/** A bpmnlint rule factory. */
export type BpmnlintRuleFactory = (options?: BpmnlintRuleOptions) => BpmnlintRule;

/** A bpmnlint configuration. */
export interface BpmnlintConfig {
  extends?: string | string[];
  rules?: Record<string, string | number | [string | number, unknown?]>;
}

const DOCUMENTATION = 'https://missinglink.app/docs/audit#';

// One audit per definitions object and option set, for the duration of one lint run:
// bpmnlint applies all rules of a run in one synchronous loop, so the entry is
// dropped in the next microtask and the next run (after an edit) audits afresh.
const cache = new WeakMap<ModdleElement, Map<string, AuditResult>>();

function auditOnce(definitions: ModdleElement, options: AuditOptions): AuditResult {
  let entries = cache.get(definitions);
  if (!entries) {
    entries = new Map();
    cache.set(definitions, entries);
    queueMicrotask(() => cache.delete(definitions));
  }
  const key = JSON.stringify(options);
  let result = entries.get(key);
  if (!result) {
    ensureTypedExtensions(definitions);
    result = runAudit(definitions, options);
    entries.set(key, result);
  }
  return result;
}

function ruleFactory(rule: RuleId): BpmnlintRuleFactory {
  return (options = {}) => ({
    meta: { documentation: { url: DOCUMENTATION + rule } },
    check: {
      enter(node, reporter) {
        if (node.$type !== 'bpmn:Definitions') return false;
        const auditOptions: AuditOptions = {
          ...(options.today ? { today: options.today } : {}),
          ...(options.tolerance !== undefined ? { overrides: { [rule]: { tolerance: options.tolerance } } } : {})
        };
        for (const finding of auditOnce(node, auditOptions).findings) {
          if (finding.rule !== rule) continue;
          reporter.report(finding.elementId, finding.message, {
            severity: finding.severity,
            painPoint: finding.painPoint,
            messageKey: finding.messageKey,
            params: finding.params,
            evidence: finding.evidence,
            ...(finding.subject !== undefined ? { subject: finding.subject } : {})
          });
        }
        // Everything is reported from the root: no need to visit the rest of the tree.
        return false;
      }
    }
  });
}

/** The rules by name, as bpmnlint plugins export them. */
export const rules: Record<RuleId, BpmnlintRuleFactory> = Object.fromEntries(RULE_IDS.map((id) => [id, ruleFactory(id)])) as Record<RuleId, BpmnlintRuleFactory>;

const CATEGORY: Record<RuleSeverity, string> = { error: 'error', warning: 'warn', info: 'info' };

/** `plugin:missinglink/recommended` (each rule at its default severity) and `plugin:missinglink/all` (every rule an error). */
export const configs: Record<'recommended' | 'all', BpmnlintConfig> = {
  recommended: { rules: Object.fromEntries(RULE_IDS.map((id) => [id, CATEGORY[RULES[id].defaultSeverity]])) },
  all: { rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'error'])) }
};

/**
 * The plugin in the shape bpmnlint-pack-config produces for bpmn-js-bpmnlint and for
 * bpmnlint's StaticResolver: `rule:<package>/<rule>` and `config:<package>/<name>`.
 */
export function packedCache(): Record<string, BpmnlintRuleFactory | BpmnlintConfig> {
  const entries: Array<[string, BpmnlintRuleFactory | BpmnlintConfig]> = [
    ...RULE_IDS.map((id): [string, BpmnlintRuleFactory] => [`rule:${PLUGIN_PACKAGE}/${id}`, rules[id]]),
    ...Object.entries(configs).map(([name, config]): [string, BpmnlintConfig] => [`config:${PLUGIN_PACKAGE}/${name}`, config])
  ];
  return Object.fromEntries(entries);
}

/** A bpmnlint resolver that knows this plugin only (bpmnlint's Resolver interface). */
export const resolver = {
  resolveRule(pkg: string, ruleName: string): BpmnlintRuleFactory {
    if (pkg !== PLUGIN_PACKAGE || !(ruleName in rules)) throw new Error(`unknown rule <${pkg}/${ruleName}>`);
    return rules[ruleName as RuleId];
  },
  resolveConfig(pkg: string, configName: string): BpmnlintConfig {
    if (pkg !== PLUGIN_PACKAGE || !(configName in configs)) throw new Error(`unknown config <${pkg}/${configName}>`);
    return configs[configName as keyof typeof configs];
  }
};

/** Ready for bpmn-js-bpmnlint (`linting: { bpmnlint: bpmnlintConfig }`) or `new Linter(bpmnlintConfig)`. */
export const bpmnlintConfig = {
  config: { extends: `plugin:missinglink/recommended` } satisfies BpmnlintConfig,
  resolver
};
