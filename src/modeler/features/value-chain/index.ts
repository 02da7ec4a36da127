import ValueChainCommands from './ValueChainCommands';
import ValueChainEditor from './ValueChainEditor';
import CopyValueChainBehavior from './behavior/CopyValueChainBehavior';
import DeleteValueChainBehavior from './behavior/DeleteValueChainBehavior';
import KeepValueChainBehavior from './behavior/KeepValueChainBehavior';
import RemoveRoleBehavior from './behavior/RemoveRoleBehavior';

/**
 * Feature module: the `valueChain.update` command (registered by
 * `valueChainCommands`), the `valueChainEditor` service that runs it, and the
 * behaviours that keep value-chain data consistent when other commands delete, copy
 * or restructure elements. Needs bpmn-js's Modeler modules.
 */
export default {
  __init__: ['valueChainCommands', 'valueChainEditor', 'removeRoleBehavior', 'deleteValueChainBehavior', 'copyValueChainBehavior', 'keepValueChainBehavior'],
  valueChainCommands: ['type', ValueChainCommands],
  valueChainEditor: ['type', ValueChainEditor],
  removeRoleBehavior: ['type', RemoveRoleBehavior],
  deleteValueChainBehavior: ['type', DeleteValueChainBehavior],
  copyValueChainBehavior: ['type', CopyValueChainBehavior],
  keepValueChainBehavior: ['type', KeepValueChainBehavior]
};
