import type Canvas from 'diagram-js/lib/core/Canvas';
import type Keyboard from 'diagram-js/lib/features/keyboard/Keyboard';

/** Shift+1 fits the whole diagram into the view (the shortcut design tools use). */
export default class ZoomFitBehavior {
  static $inject = ['keyboard', 'canvas'];

  constructor(keyboard: Keyboard, canvas: Canvas) {
    keyboard.addListener((context: { keyEvent: KeyboardEvent }) => {
      const event = context.keyEvent;
      if (event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'Digit1' || event.key === '!')) {
        canvas.zoom('fit-viewport', 'auto' as unknown as { x: number; y: number });
        return true;
      }
      return undefined;
    });
  }
}
