import { describe, expect, it } from 'vitest';
import { clampSizes, DEFAULT_PANEL_SIZES, panelLimits, parsePanelSizes } from '../../../../src/ui/shell/panel-sizes';

describe('panel sizes', () => {
  it('reads remembered sizes back, and the defaults for anything broken', () => {
    expect(parsePanelSizes('{"side":420,"bottom":260}')).toEqual({ side: 420, bottom: 260 });
    expect(parsePanelSizes(null)).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes('not json')).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes('{"side":"wide","bottom":-3}')).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes('{"__proto__":{"side":999}}')).toEqual(DEFAULT_PANEL_SIZES);
  });

  it('keeps at least 360 × 200 px of diagram at 1366 × 768', () => {
    const window = { width: 1366, height: 768 };
    const limits = panelLimits(window);
    expect(window.width - 280 - limits.side.max).toBeGreaterThanOrEqual(360);
    expect(window.height - 100 - limits.bottom.max).toBeGreaterThanOrEqual(200);
    expect(clampSizes({ side: 5000, bottom: 5000 }, window)).toEqual({ side: limits.side.max, bottom: limits.bottom.max });
    expect(clampSizes({ side: 10, bottom: 10 }, window)).toEqual({ side: limits.side.min, bottom: limits.bottom.min });
  });
});
