import { z } from 'zod';
import type { MissingLinkDb } from './db';
import { toStorageError } from './errors';
import { parseRow, settingRecordSchema, type StorageProblem } from './records';

/** The UI languages a setting may name (lit-localize: source 'en', target 'nl'). */
export const SETTING_LOCALES = ['en', 'nl'] as const;

/** One validator per user setting; a stored value that fails is treated as unset and reported. */
export const SETTING_SCHEMAS = {
  locale: z.enum(SETTING_LOCALES),
  lastProcessId: z.string().min(1),
  /** Width in CSS pixels per panel id (e.g. 'properties', 'library'). */
  panelWidths: z.record(z.string().min(1), z.number().finite().min(0).max(10_000))
} as const;

/** The user settings and their value types. */
export type Settings = { [K in keyof typeof SETTING_SCHEMAS]: z.infer<(typeof SETTING_SCHEMAS)[K]> };
/** A user setting's key. */
export type SettingKey = keyof Settings;

const KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/**
 * Small user preferences kept in the 'settings' table beside internal flags (such
 * as the seeding marker), which this store neither returns nor overwrites.
 */
export class SettingsStore {
  constructor(private readonly db: MissingLinkDb) {}

  /** A setting's value; undefined when unset or when the stored value is no longer valid. */
  async get<K extends SettingKey>(key: K): Promise<Settings[K] | undefined> {
    const row = await this.run('reading a setting', () => this.db.settings.get(key));
    if (row === undefined) return undefined;
    const parsed = SETTING_SCHEMAS[key].safeParse(row.value);
    return parsed.success ? (parsed.data as Settings[K]) : undefined;
  }

  /** All valid user settings at once (for start-up), with a problem per unreadable one. */
  async getAll(): Promise<{ settings: Partial<Settings>; problems: StorageProblem[] }> {
    const rows = await this.run('reading the settings', () => this.db.settings.where('key').anyOf(KEYS).toArray());
    const settings: Partial<Record<SettingKey, unknown>> = {};
    const problems: StorageProblem[] = [];
    for (const raw of rows) {
      const key = raw.key as SettingKey;
      const schema = settingRecordSchema.extend({ value: SETTING_SCHEMAS[key] });
      const parsed = parseRow(schema, 'settings', key, raw);
      if (parsed.ok) settings[key] = parsed.record.value;
      else problems.push(parsed.problem);
    }
    return { settings: settings as Partial<Settings>, problems };
  }

  /** Stores a setting; an invalid value is a programming error and throws RangeError without writing. */
  async set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    const parsed = SETTING_SCHEMAS[key].safeParse(value);
    if (!parsed.success) {
      throw new RangeError(`Invalid value for setting "${key}": ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    await this.run('saving a setting', () => this.db.settings.put({ key, value: parsed.data }));
  }

  /** Forgets a setting, so the UI falls back to its default. */
  async remove(key: SettingKey): Promise<void> {
    await this.run('removing a setting', () => this.db.settings.delete(key));
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  }
}
