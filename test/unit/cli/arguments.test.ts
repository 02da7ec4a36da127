import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../src/cli/arguments';

describe('splitCommandLine', () => {
  it('given operands and options in both spellings, when split, then each keeps its order and value', () => {
    expect(splitCommandLine(['a.bpmn', '--format', 'md', '--cases=100', 'b.bpmn'])).toEqual({
      operands: ['a.bpmn', 'b.bpmn'],
      options: [
        { name: 'format', value: 'md' },
        { name: 'cases', value: '100' }
      ]
    });
  });

  it('given a lone --, when split, then it is skipped and what follows is read as usual', () => {
    expect(splitCommandLine(['--', 'model.bpmn'])).toEqual({ operands: ['model.bpmn'], options: [] });
  });

  it('given an option without its value, when split, then the user is told which one', () => {
    expect(splitCommandLine(['x.bpmn', '--seed'])).toBe('--seed needs a value.');
    expect(splitCommandLine(['--format', '--fail-on', 'error'])).toBe('--format needs a value.');
  });

  it('given an empty value written with =, when split, then it is kept for the command to judge', () => {
    expect(splitCommandLine(['--date='])).toEqual({ operands: [], options: [{ name: 'date', value: '' }] });
  });
});
