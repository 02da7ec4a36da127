import ValueChainEditor from './ValueChainEditor';
import CopyValueChainBehavior from './behavior/CopyValueChainBehavior';
import DeleteValueChainBehavior from './behavior/DeleteValueChainBehavior';
import KeepValueChainBehavior from './behavior/KeepValueChainBehavior';
import RemoveRoleBehavior from './behavior/RemoveRoleBehavior';

/**
 * Feature module: the `valueChainEditor` service (with its `valueChain.update`
 * command) and the behaviours that keep value-chain data consistent when other
 * commands delete, copy or restructure elements. Needs bpmn-js's Modeler modules.
 */
export default {
  __init__: ['valueChainEditor', 'removeRoleBehavior', 'deleteValueChainBehavior', 'copyValueChainBehavior', 'keepValueChainBehavior'],
  valueChainEditor: ['type', ValueChainEditor],
  removeRoleBehavior: ['type', RemoveRoleBehavior],
  deleteValueChainBehavior: ['type', DeleteValueChainBehavior],
  copyValueChainBehavior: ['type', CopyValueChainBehavior],
  keepValueChainBehavior: ['type', KeepValueChainBehavior]
};
