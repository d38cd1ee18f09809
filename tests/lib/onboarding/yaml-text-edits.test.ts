import { parse } from 'yaml';
import { addMapEntry, appendToSequence, applyYamlEdits, replaceValue, toFlowYaml } from '../../../lib/onboarding/yaml-text-edits';

const SOURCE = ['# header comment', 'a:', '  b: 1 # trailing comment', '  c:', '    d: 2', '# between', 'e: [x]', 'f: {}', 'g:', '  - one', ''].join('\n');

describe('addMapEntry', () => {
  it('adds to a block mapping at its indentation, touching no other line', () => {
    expect(addMapEntry(SOURCE, ['a'], 'k', 'v')).toBe(SOURCE.replace('    d: 2\n', '    d: 2\n  k: v\n'));
  });

  it('adds to a nested block mapping', () => {
    expect(addMapEntry(SOURCE, ['a', 'c'], 'k', 'v')).toBe(SOURCE.replace('    d: 2\n', '    d: 2\n    k: v\n'));
  });

  it('puts a block value on the lines below the key', () => {
    expect(addMapEntry(SOURCE, ['a'], 'k', 'x: 1\ny: [2]')).toBe(SOURCE.replace('    d: 2\n', '    d: 2\n  k:\n    x: 1\n    y: [2]\n'));
  });

  it('adds to a flow mapping inside its braces', () => {
    expect(addMapEntry(SOURCE, ['f'], 'k', 'v')).toBe(SOURCE.replace('f: {}', 'f: { k: v }'));
  });

  it('creates missing parent mappings', () => {
    expect(addMapEntry(SOURCE, ['h', 'i'], 'k', 'v')).toBe(`${SOURCE}h:\n  i:\n    k: v\n`);
  });

  it('declines a key that exists and a block value inside a flow mapping', () => {
    expect(addMapEntry(SOURCE, ['a'], 'b', '2')).toBeUndefined();
    expect(addMapEntry(SOURCE, ['f'], 'k', 'x: 1\ny: 2')).toBeUndefined();
  });
});

describe('appendToSequence', () => {
  it('appends inside a flow sequence', () => {
    expect(appendToSequence(SOURCE, ['e'], 'y')).toBe(SOURCE.replace('e: [x]', 'e: [x, y]'));
  });

  it('appends a line to a block sequence', () => {
    expect(appendToSequence(SOURCE, ['g'], 'two')).toBe(SOURCE.replace('  - one\n', '  - one\n  - two\n'));
  });
});

describe('replaceValue', () => {
  it('replaces a one-line value in place, keeping its comment', () => {
    expect(replaceValue(SOURCE, ['a', 'b'], '[{ s: [t] }]')).toBe(SOURCE.replace('  b: 1 # trailing comment', '  b: [{ s: [t] }] # trailing comment'));
  });

  it('declines a block value', () => {
    expect(replaceValue(SOURCE, ['a', 'c'], '3')).toBeUndefined();
  });
});

describe('applyYamlEdits', () => {
  it('keeps the layout when every splice means what the Document API edit means', () => {
    const result = applyYamlEdits(SOURCE, [
      { kind: 'entry', mapPath: ['a'], key: 'k', value: { x: [1] }, yaml: toFlowYaml({ x: [1] }) },
      { kind: 'item', seqPath: ['e'], value: 'y', yaml: 'y' },
    ]);
    expect(result.layoutKept).toBe(true);
    expect(result.content).toContain('# header comment\n');
    expect(parse(result.content)).toMatchObject({ a: { k: { x: [1] } }, e: ['x', 'y'] });
  });

  it('falls back to the Document API when the layout defeats the splices, keeping the content right', () => {
    const result = applyYamlEdits(SOURCE, [{ kind: 'entry', mapPath: ['f'], key: 'k', value: { x: 1, y: 2 }, yaml: 'x: 1\ny: 2' }]);
    expect(result.layoutKept).toBe(false);
    expect(parse(result.content).f).toEqual({ k: { x: 1, y: 2 } });
    expect(result.content).toContain('# header comment');
  });
});

describe('toFlowYaml', () => {
  it('writes backends the way the example environments do', () => {
    expect(toFlowYaml({ account: 'payments', addresses: ['10.101.1.10'], listenerPort: 8444 })).toBe(
      '{ account: payments, addresses: [10.101.1.10], listenerPort: 8444 }',
    );
  });

  it('quotes what YAML would otherwise read differently', () => {
    expect(parse(`v: ${toFlowYaml({ id: '012345678901', flag: 'yes: no' })}`).v).toEqual({ id: '012345678901', flag: 'yes: no' });
  });
});
