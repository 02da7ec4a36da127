import AuditService from './AuditService';
import AuditMarkers from './AuditMarkers';
import UpdateRuleSettingsHandler, { RULE_SETTINGS_COMMAND } from './UpdateRuleSettingsHandler';

interface CommandStack {
  registerHandler(command: string, handler: unknown): void;
}

/** Registers the `auditRules.update` command with the modeler's command stack. */
function RuleSettingsCommand(commandStack: CommandStack): void {
  commandStack.registerHandler(RULE_SETTINGS_COMMAND, UpdateRuleSettingsHandler);
}
RuleSettingsCommand.$inject = ['commandStack'];

/**
 * Feature module: the audit in the modeler. `auditService` keeps an incremental audit
 * of the open model (engine loaded on first use), `auditMarkers` draws its findings as
 * badges, and the `auditRules.update` command stores rule settings undoably.
 * Needs the value-chain module (valueChainEditor).
 */
export default {
  __init__: ['auditService', 'auditMarkers', 'auditRuleSettingsCommand'],
  auditService: ['type', AuditService],
  auditMarkers: ['type', AuditMarkers],
  auditRuleSettingsCommand: ['type', RuleSettingsCommand]
};

export { AUDIT_CHANGED, type AuditChangedEvent, type AuditUpdateStats } from './AuditService';
export { AUDIT_MARKER_CLICK } from './AuditMarkers';
export { RULE_SETTINGS_COMMAND, type RuleSettingChange } from './UpdateRuleSettingsHandler';
export type { AuditService, AuditMarkers };
