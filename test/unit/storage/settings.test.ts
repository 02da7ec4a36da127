import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProcessRepository } from '../../../src/storage/process-repository';
import { SettingsStore } from '../../../src/storage/settings';
import { openFreshDb, openSecondTab } from './support';

describe('SettingsStore', () => {
  it('given stored preferences, when the app starts again, then they come back as they were', async () => {
    const db = await openFreshDb();
    const settings = new SettingsStore(db);
    await settings.set('locale', 'nl');
    await settings.set('lastProcessId', '7b0c1f2e-5d1a-4c3b-9a8e-1f2d3c4b5a69');
    await settings.set('panelWidths', { properties: 360, library: 280 });

    const afterRestart = new SettingsStore(await openSecondTab(db));

    expect(await afterRestart.get('locale')).toBe('nl');
    expect(await afterRestart.getAll()).toEqual({
      settings: {
        locale: 'nl',
        lastProcessId: '7b0c1f2e-5d1a-4c3b-9a8e-1f2d3c4b5a69',
        panelWidths: { properties: 360, library: 280 }
      },
      problems: []
    });
  });

  it('given nothing stored, then a setting is unset so the UI uses its default', async () => {
    const settings = new SettingsStore(await openFreshDb());
    expect(await settings.get('locale')).toBeUndefined();
    expect(await settings.getAll()).toEqual({ settings: {}, problems: [] });
  });

  it('given an invalid value, when set, then it is refused and the previous value stays', async () => {
    const settings = new SettingsStore(await openFreshDb());
    await settings.set('locale', 'en');

    await expect(settings.set('locale', 'fr' as 'en')).rejects.toThrow(/Invalid value for setting "locale"/);
    await expect(settings.set('panelWidths', { properties: -5 })).rejects.toThrow(RangeError);

    expect(await settings.get('locale')).toBe('en');
    expect(await settings.get('panelWidths')).toBeUndefined();
  });

  it('given a damaged stored value, then it reads as unset and is reported, while other settings still load', async () => {
    const db = await openFreshDb();
    const settings = new SettingsStore(db);
    await settings.set('locale', 'nl');
    await db.settings.put({ key: 'panelWidths', value: 'wide' });

    expect(await settings.get('panelWidths')).toBeUndefined();
    const all = await settings.getAll();
    expect(all.settings).toEqual({ locale: 'nl' });
    expect(all.problems).toEqual([expect.objectContaining({ table: 'settings', key: 'panelWidths' })]);
  });

  it('given the first-start seeding flag in the same table, then user settings neither show nor remove it', async () => {
    const db = await openFreshDb();
    const repo = new ProcessRepository(db);
    await repo.seedIfEmpty([{ name: 'Sample', xml: '<x/>' }]);
    const settings = new SettingsStore(db);
    await settings.set('lastProcessId', 'abc');

    await settings.remove('lastProcessId');

    expect(await settings.getAll()).toEqual({ settings: {}, problems: [] });
    expect(await repo.seedIfEmpty([{ name: 'Sample', xml: '<x/>' }])).toEqual([]);
  });
});
