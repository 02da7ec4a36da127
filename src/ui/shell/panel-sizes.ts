/*
 * The sizes of the side and bottom panels, as the user left them: read back
 * validated (a bad stored value falls back to the default) and kept within limits
 * that leave the diagram usable in the current window.
 */

/** Width of the side panel and height of the bottom panel, in CSS pixels. */
export interface PanelSizes {
  side: number;
  bottom: number;
}

export const DEFAULT_PANEL_SIZES: Readonly<PanelSizes> = { side: 360, bottom: 300 };

/** The smallest and largest panel sizes for a window: the diagram keeps at least 360 × 200 px beside the library. */
export function panelLimits(window: { width: number; height: number }): { side: { min: number; max: number }; bottom: { min: number; max: number } } {
  const library = 280;
  const chrome = 100; // header and panel bar
  return {
    side: { min: 260, max: Math.max(260, window.width - library - 360) },
    bottom: { min: 140, max: Math.max(140, window.height - chrome - 200) }
  };
}

/** Clamps sizes to the limits of a window. */
export function clampSizes(sizes: PanelSizes, window: { width: number; height: number }): PanelSizes {
  const limits = panelLimits(window);
  const clamp = (v: number, l: { min: number; max: number }) => Math.round(Math.min(Math.max(v, l.min), l.max));
  return { side: clamp(sizes.side, limits.side), bottom: clamp(sizes.bottom, limits.bottom) };
}

/** The remembered sizes in stored text (JSON); the defaults for anything missing or not a finite number. */
export function parsePanelSizes(text: string | null): PanelSizes {
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : undefined;
  } catch {
    value = undefined;
  }
  const read = (key: keyof PanelSizes) => {
    const v = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_PANEL_SIZES[key];
  };
  return { side: read('side'), bottom: read('bottom') };
}
