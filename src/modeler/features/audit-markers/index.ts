import AuditService from './AuditService';
import AuditMarkers from './AuditMarkers';

/**
 * Feature module: the audit in the modeler. `auditService` keeps an incremental audit
 * of the open model (engine loaded on first use), `auditMarkers` draws its findings as
 * badges. Rule settings are stored undoably by the value-chain editor
 * (`setRuleSettings`). Needs the value-chain module (valueChainEditor).
 */
export default {
  __init__: ['auditService', 'auditMarkers'],
  auditService: ['type', AuditService],
  auditMarkers: ['type', AuditMarkers]
};

export { AUDIT_CHANGED, type AuditChangedEvent, type AuditUpdateStats } from './AuditService';
export { AUDIT_MARKER_CLICK } from './AuditMarkers';
export type { RuleSettingChange } from '../../../model/value-chain/edit';
export type { AuditService, AuditMarkers };
