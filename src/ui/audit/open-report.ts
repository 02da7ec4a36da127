import type { ModdleElement } from '../../model/moddle-types';
import type { Modeler } from '../../modeler/create-modeler';
import type { AuditService } from '../../modeler/features/audit-markers';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import type { ModelDiff } from '../../analysis/audit/diff';
import type { ReviewRecord } from '../../app/services';
import type { MlAuditReport } from './ml-audit-report';
import { withoutRemoteReferences } from '../../model/layout/colours';

/** What the audit panel knows when the auditor asks for the report. */
export interface OpenReportOptions {
  modeler: Modeler;
  processName: string;
  review?: ReviewRecord;
  changedSinceReview: boolean;
  /** What changed since the review, when it did. */
  changes?: ModelDiff;
}

/**
 * Opens the printable audit report over the app, for the model exactly as it is now:
 * pending edits are audited first, the diagram is exported as SVG and the RACI matrix
 * read from the same model. Resolves with the report element once its diagram has loaded.
 */
export async function openAuditReport(options: OpenReportOptions): Promise<MlAuditReport> {
  const [{ raciMatrix }] = await Promise.all([import('../../analysis/audit/views'), import('./ml-audit-report')]);
  const { modeler } = options;
  const service = modeler.get<AuditService>('auditService');
  const result = (await service.settled()) ?? service.refresh();
  if (!result) throw new Error('The audit is not available.');
  const definitions = (modeler as unknown as { getDefinitions(): ModdleElement }).getDefinitions();
  const svg = withoutRemoteReferences((await modeler.saveSVG()).svg);
  const roles = (modeler.get<ValueChainEditor>('valueChainEditor').getValueChain()?.roles as ModdleElement[] | undefined) ?? [];

  document.querySelector('ml-audit-report')?.remove();
  const report = document.createElement('ml-audit-report') as MlAuditReport;
  report.data = {
    processName: options.processName,
    result,
    raci: raciMatrix(definitions),
    svg,
    ...(options.review ? { review: options.review } : {}),
    changedSinceReview: options.changedSinceReview,
    ...(options.changes ? { changes: options.changes } : {}),
    createdAt: Date.now(),
    roleNames: (id) => (roles.find((r) => r.id === id)?.name as string | undefined) || undefined
  };
  document.body.appendChild(report);
  await report.ready();
  return report;
}
