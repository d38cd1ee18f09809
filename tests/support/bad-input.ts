import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExampleConfig, editYaml } from './example-config';
import { previousOutput, runSynth, snapshotTree, synthInProcess, type SynthRun } from './run-synth';

/** One bad input: a change to a copy of the example configuration, and what the error must say. */
export interface BadInputCase {
  readonly name: string;
  readonly mutate: (configDir: string) => void;
  /** File the message must name (optionally with `:line`), relative to the configuration root. */
  readonly file: string;
  /** Path inside the file the message must name (YAML path or JSON pointer). */
  readonly path: string;
  /** A fragment of the explanation. */
  readonly says: string;
  readonly env?: Record<string, string>;
}

export const write = (file: string, text: string) => (dir: string) => writeFileSync(path.join(dir, file), text);
export const set = (file: string, keyPath: unknown[], value: unknown) => (dir: string) => editYaml(dir, file, (doc) => doc.setIn(keyPath, value));
export const remove = (file: string, keyPath: unknown[]) => (dir: string) => editYaml(dir, file, (doc) => doc.deleteIn(keyPath));

interface CaseRun {
  readonly run: SynthRun;
  readonly outdir: string;
  readonly before: Record<string, string>;
}

/** Plants the case in a fresh configuration copy next to a previous output, and runs synth on it. */
async function runCase(
  entry: BadInputCase,
  synth: (options: { configDir: string; outdir: string; env?: Record<string, string> }) => SynthRun | Promise<SynthRun>,
): Promise<CaseRun> {
  const configDir = copyExampleConfig();
  entry.mutate(configDir);
  const outdir = previousOutput();
  const before = snapshotTree(outdir);
  return { run: await synth({ configDir, outdir, env: entry.env }), outdir, before };
}

function expectRejected({ run }: CaseRun, entry: BadInputCase): void {
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain(entry.file);
  expect(run.stderr).toContain(entry.path);
  expect(run.stderr).toContain(entry.says);
}

function expectUntouched({ outdir, before }: CaseRun): void {
  expect(snapshotTree(outdir)).toEqual(before);
  expect(readdirSync(path.dirname(outdir))).toEqual(['cdktf.out']);
}

/**
 * Runs every case through what the entry point runs (app/command.ts, in this process: a case takes well
 * under a second instead of a process start), and asserts for each: non-zero exit, a message naming file, path
 * and problem, and the previous output left exactly as it was. Each case runs in its own hook, so no hook's
 * duration grows with the number of cases.
 */
export function describeBadInput(title: string, cases: readonly BadInputCase[]): void {
  describe(title, () => {
    describe.each(cases)('fails when $name', (entry) => {
      let result: CaseRun;
      beforeAll(async () => {
        result = await runCase(entry, synthInProcess);
      });

      it('exits non-zero naming the file, the path and the problem', () => expectRejected(result, entry));

      it('leaves the previous output untouched and no staging directory behind', () => expectUntouched(result));
    });
  });
}

/**
 * The entry point itself (`tsx main.ts`, a real process) on one bad input: the exit code, the message on stderr
 * and the untouched output, so the wiring around app/command.ts is covered once.
 */
export function describeEntryPointRejects(title: string, entry: BadInputCase): void {
  describe(title, () => {
    let result: CaseRun;
    beforeAll(async () => {
      result = await runCase(entry, runSynth);
    });

    it('exits 1 naming the file, the path and the problem', () => {
      expect(result.run.code).toBe(1);
      expectRejected(result, entry);
    });

    it('leaves the previous output untouched and no staging directory behind', () => expectUntouched(result));
  });
}
