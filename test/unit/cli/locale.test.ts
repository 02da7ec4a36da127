import { describe, expect, it } from 'vitest';
import { environmentLocale, takeLangOption } from '../../../src/cli/locale';

describe('environmentLocale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; Dutch for nl, English otherwise', () => {
    expect(environmentLocale({ LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(environmentLocale({ LANG: 'nl' })).toBe('nl');
    expect(environmentLocale({ LC_MESSAGES: 'nl_BE@euro', LANG: 'en_GB.UTF-8' })).toBe('nl');
    expect(environmentLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_ALL: '', LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(environmentLocale({ LANG: 'nds_DE' })).toBe('en');
    expect(environmentLocale({ LANG: 'C' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
  });
});

describe('takeLangOption', () => {
  it('takes --lang in both spellings from anywhere and leaves the rest in order', () => {
    expect(takeLangOption(['audit', '--lang', 'nl', 'a.bpmn'])).toEqual({ rest: ['audit', 'a.bpmn'], lang: 'nl' });
    expect(takeLangOption(['--lang=en', 'simulate', 'a.bpmn', '--cases', '5'])).toEqual({ rest: ['simulate', 'a.bpmn', '--cases', '5'], lang: 'en' });
    expect(takeLangOption(['audit', 'a.bpmn'])).toEqual({ rest: ['audit', 'a.bpmn'] });
  });

  it('reports a language it does not speak, and a missing value', () => {
    expect(takeLangOption(['--lang', 'de', 'audit'])).toEqual({ rest: ['audit'], invalid: 'de' });
    expect(takeLangOption(['audit', '--lang'])).toEqual({ rest: ['audit'], invalid: '' });
  });

  it('leaves everything after -- alone', () => {
    expect(takeLangOption(['audit', '--', '--lang'])).toEqual({ rest: ['audit', '--', '--lang'] });
  });
});
