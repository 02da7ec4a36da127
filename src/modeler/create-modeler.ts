import Modeler from 'bpmn-js/lib/Modeler';
import mlDescriptor from '../model/value-chain/missinglink.json';
import zoomFitModule from './features/zoom-fit';
import translateModule from './features/translate';
import valueChainModule from './features/value-chain';
import handoverMarkersModule from './features/handover-markers';
import actionsModule from './features/actions';
import auditMarkersModule from './features/audit-markers';
import slicedSaveModule from './features/sliced-save';
import keyboardModelingModule from './features/keyboard-modeling';

/** Extra bpmn-js modules our product adds; later features append themselves here. */
export const MISSINGLINK_MODULES: unknown[] = [translateModule, zoomFitModule, valueChainModule, handoverMarkersModule, actionsModule, auditMarkersModule, slicedSaveModule, keyboardModelingModule];

/** Creates the bpmn-js Modeler with the value-chain extension and our feature modules. */
export function createModeler(container: HTMLElement, extraModules: unknown[] = []): Modeler {
  return new Modeler({
    container,
    keyboard: { bind: true },
    moddleExtensions: { ml: mlDescriptor },
    additionalModules: [...MISSINGLINK_MODULES, ...extraModules]
  } as ConstructorParameters<typeof Modeler>[0]);
}

export type { Modeler };
