import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFERENCES, readPreference, writePreference } from '../../../src/preferences/preferences';

/** A Storage as the browser's, optionally blocked (every access throws, as in a sandboxed frame). */
function memoryStorage(blocked = false): Storage {
  const map = new Map<string, string>();
  const guard = () => {
    if (blocked) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => (guard(), map.get(k) ?? null),
    setItem: (k: string, v: string) => (guard(), void map.set(k, v)),
    removeItem: (k: string) => void map.delete(k)
  };
}

describe('preferences', () => {
  let local: Storage;
  let session: Storage;
  beforeEach(() => {
    local = memoryStorage();
    session = memoryStorage();
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps every preference under its own missinglink.* key', () => {
    const keys = Object.values(PREFERENCES).map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.startsWith('missinglink.'))).toBe(true);
  });

  it('given a written choice, when it is read back, then it is the same value, stored in the format earlier versions wrote', () => {
    writePreference('auditMarkersVisible', false);
    writePreference('handoverLegendOpen', false);
    writePreference('auditOn', true);
    writePreference('csvDecimalComma', true);
    writePreference('locale', 'nl');
    expect([
      readPreference('auditMarkersVisible'),
      readPreference('handoverLegendOpen'),
      readPreference('auditOn'),
      readPreference('csvDecimalComma'),
      readPreference('locale')
    ]).toEqual([false, false, true, true, 'nl']);
    expect([
      local.getItem('missinglink.auditMarkers'),
      local.getItem('missinglink.handoverLegend'),
      local.getItem('missinglink.audit'),
      local.getItem('missinglink.csvDecimalComma')
    ]).toEqual(['0', 'closed', 'on', 'true']);
  });

  it('given a stored value that is not one of the allowed ones, then it reads as unset, so the default applies', () => {
    local.setItem('missinglink.locale', 'fr');
    local.setItem('missinglink.auditMarkers', 'maybe');
    expect(readPreference('locale')).toBeUndefined();
    expect(readPreference('auditMarkersVisible')).toBeUndefined();
  });

  it('given the last process of this tab and another of a later tab, then this tab reads its own, and a new tab the latest', () => {
    writePreference('lastProcess', 'mine');
    local.setItem('missinglink.lastProcess', 'other-tab');
    expect(readPreference('lastProcess')).toBe('mine');
    vi.stubGlobal('sessionStorage', memoryStorage());
    expect(readPreference('lastProcess')).toBe('other-tab');
  });

  it('given blocked storage, then reading gives unset and writing does not throw', () => {
    vi.stubGlobal('localStorage', memoryStorage(true));
    vi.stubGlobal('sessionStorage', memoryStorage(true));
    expect(() => writePreference('reviewer', 'An')).not.toThrow();
    expect(readPreference('reviewer')).toBeUndefined();
  });
});
