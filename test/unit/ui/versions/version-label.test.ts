import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../../../../src/storage/records';
import { versionLabel } from '../../../../src/ui/versions/version-label';

const dutch = { restored: (n: number) => `Versie ${n} teruggezet`, beforeRestore: (n: number) => `Vóór het terugzetten van versie ${n}` };

function v(number: number, kind: VersionSummary['kind'], label: string, restoredFrom?: number): VersionSummary {
  return { id: number, processId: 'p', number, kind, label, createdAt: 0, ...(restoredFrom ? { restoredFrom } : {}) };
}

describe('versionLabel', () => {
  it('shows a label a person gave as it is', () => {
    expect(versionLabel(v(1, 'named', 'Besproken met verkoop'), [], dutch)).toBe('Besproken met verkoop');
  });

  it('names the versions of a restore in the UI language, with the restored version’s own label', () => {
    const all = [v(1, 'named', 'v1 – basis'), v(2, 'before-restore', 'Before restoring version 1 (v1 – basis)', 1), v(3, 'restored', 'Restored version 1 (v1 – basis)', 1)];
    expect(versionLabel(all[2]!, all, dutch)).toBe('Versie 1 teruggezet (v1 – basis)');
    expect(versionLabel(all[1]!, all, dutch)).toBe('Vóór het terugzetten van versie 1 (v1 – basis)');
  });

  it('does not nest automatic names when an automatic version is restored', () => {
    const all = [
      v(1, 'named', 'v1 – basis'),
      v(2, 'before-restore', 'Before restoring version 1 (v1 – basis)', 1),
      v(3, 'restored', 'Restored version 1 (v1 – basis)', 1),
      v(4, 'before-restore', 'Before restoring version 2 (Before restoring version 1 (v1 – basis))', 2),
      v(5, 'restored', 'Restored version 2 (Before restoring version 1 (v1 – basis))', 2)
    ];
    expect(versionLabel(all[4]!, all, dutch)).toBe('Versie 2 teruggezet');
    expect(versionLabel(all[3]!, all, dutch)).toBe('Vóór het terugzetten van versie 2');
  });
});
