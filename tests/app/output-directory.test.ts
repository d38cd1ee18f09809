import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { replaceDirectoryAtomically } from '../../app/output-directory';

describe('replaceDirectoryAtomically', () => {
  const setup = () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'uag-atomic-'));
    const target = path.join(parent, 'out');
    mkdirSync(target);
    writeFileSync(path.join(target, 'old.txt'), 'old');
    return { parent, target };
  };

  it('swaps in the new content when the writer succeeds', () => {
    const { parent, target } = setup();
    const result = replaceDirectoryAtomically(target, (staging) => {
      writeFileSync(path.join(staging, 'new.txt'), 'new');
      return 42;
    });
    expect(result).toBe(42);
    expect(readdirSync(target)).toEqual(['new.txt']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('fails when the writer throws, keeping the previous content and removing the staging directory', () => {
    const { parent, target } = setup();
    expect(() =>
      replaceDirectoryAtomically(target, (staging) => {
        writeFileSync(path.join(staging, 'half.txt'), 'half-written');
        throw new Error('guardrail failed');
      }),
    ).toThrow('guardrail failed');
    expect(readFileSync(path.join(target, 'old.txt'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('creates the target when it does not exist yet', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'uag-atomic-'));
    replaceDirectoryAtomically(path.join(parent, 'nested', 'out'), (staging) => writeFileSync(path.join(staging, 'a'), 'a'));
    expect(readdirSync(path.join(parent, 'nested', 'out'))).toEqual(['a']);
  });
});
