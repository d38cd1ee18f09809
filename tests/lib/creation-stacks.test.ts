import { Lazy } from 'cdktf';
import { withoutCreationStacks } from '../../lib/creation-stacks';
import { ORIGINAL_CAPTURE } from '../support/no-creation-stacks';

// This file tests cdktf's real behaviour: put back the capture the jest setup turns off for every other file.
beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stackTraces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: unknown };
  stackTraces.captureStackTrace = (globalThis as Record<symbol, unknown>)[ORIGINAL_CAPTURE];
});

/** Synthesis skips formatting cdktf's per-token creation stacks, but an error raised meanwhile keeps its stack trace. */
describe('withoutCreationStacks', () => {
  // A token, with the creation stack cdktf records for every token it creates.
  const tokenCreationStack = (): string[] => Lazy.anyValue({ produce: () => 'x' }).creationStack;

  it('leaves cdktf token creation stacks empty while synthesizing', () => {
    expect(tokenCreationStack().length).toBeGreaterThan(0);
    expect(withoutCreationStacks(tokenCreationStack)).toEqual([]);
  });

  it('does not even capture a stack trace per token while synthesizing (capturing alone is a twentieth of a synth)', () => {
    const capture = jest.spyOn(Error, 'captureStackTrace');
    try {
      withoutCreationStacks(() => Array.from({ length: 100 }, tokenCreationStack));
      expect(capture).not.toHaveBeenCalled();
      tokenCreationStack();
      expect(capture).toHaveBeenCalledTimes(1);
    } finally {
      capture.mockRestore();
    }
  });

  it('keeps the stack trace of an error read while synthesizing', () => {
    function failsInsideSynthesis(): never {
      throw new Error('bad token');
    }
    const stack = withoutCreationStacks(() => {
      try {
        return failsInsideSynthesis();
      } catch (error) {
        return (error as Error).stack;
      }
    });
    expect(stack).toMatch(/^Error: bad token\n\s+at failsInsideSynthesis /);
  });

  it('restores the previous stack trace formatting afterwards, also after an error', () => {
    const before = Error.prepareStackTrace;
    expect(() =>
      withoutCreationStacks(() => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(Error.prepareStackTrace).toBe(before);
    expect(tokenCreationStack().length).toBeGreaterThan(0);
  });
});
