import { msg } from '@lit/localize';
import { replaceMenuMessages } from './replace-menu-messages';

/**
 * The texts bpmn-js shows in its palette, context pad, lane tools and replace menu, keyed by its own
 * English text. Built on each call so the active locale is used; translations live in
 * the XLIFF files like every other text of the product.
 */
export function bpmnJsMessages(): Record<string, string> {
  return {
    ...replaceMenuMessages(),
    'Activate hand tool': msg('Activate hand tool'),
    'Activate lasso tool': msg('Activate lasso tool'),
    'Activate create/remove space tool': msg('Activate create/remove space tool'),
    'Activate global connect tool': msg('Activate global connect tool'),
    'Create start event': msg('Create start event'),
    'Create intermediate/boundary event': msg('Create intermediate/boundary event'),
    'Create end event': msg('Create end event'),
    'Create gateway': msg('Create gateway'),
    'Create task': msg('Create task'),
    'Create expanded sub-process': msg('Create expanded sub-process'),
    'Create data object reference': msg('Create data object reference'),
    'Create data store reference': msg('Create data store reference'),
    'Create pool/participant': msg('Create pool/participant'),
    'Create group': msg('Create group'),
    'Append end event': msg('Append end event'),
    'Append gateway': msg('Append gateway'),
    'Append task': msg('Append task'),
    'Append intermediate/boundary event': msg('Append intermediate/boundary event'),
    'Append receive task': msg('Append receive task'),
    'Append message intermediate catch event': msg('Append message intermediate catch event'),
    'Append timer intermediate catch event': msg('Append timer intermediate catch event'),
    'Append conditional intermediate catch event': msg('Append conditional intermediate catch event'),
    'Append signal intermediate catch event': msg('Append signal intermediate catch event'),
    'Append compensation activity': msg('Append compensation activity'),
    'Add text annotation': msg('Add text annotation'),
    'Change element': msg('Change element'),
    'Delete': msg('Delete'),
    'Connect to other element': msg('Connect to other element'),
    'Connect using association': msg('Connect using association'),
    'Connect using data input association': msg('Connect using data input association'),
    'Add lane above': msg('Add lane above'),
    'Add lane below': msg('Add lane below'),
    'Divide into two lanes': msg('Divide into two lanes'),
    'Divide into three lanes': msg('Divide into three lanes'),
    'Search in diagram': msg('Search in diagram'),
    'Toggle non-interrupting': msg('Toggle non-interrupting'),
    'Loop': msg('Loop'),
    'Parallel multi-instance': msg('Parallel multi-instance'),
    'Sequential multi-instance': msg('Sequential multi-instance'),
    'Collection': msg('Collection'),
    'Participant multiplicity': msg('Participant multiplicity')
  };
}
