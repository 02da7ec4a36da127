import ZoomFitBehavior from './ZoomFitBehavior';

/** Feature module: zoom to fit on Shift+1. */
export default {
  __init__: ['zoomFitBehavior'],
  zoomFitBehavior: ['type', ZoomFitBehavior]
};
