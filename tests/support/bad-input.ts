import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExampleConfig, editYaml } from './example-config';
import { previousOutput, runSynth, snapshotTree, type SynthRun } from './run-synth';

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

/**
 * Runs every case through the real entry point, as a user would (a few processes at a time), and asserts for
 * each: non-zero exit, a message naming file, path and problem, and the previous output left exactly as it was.
 */
export function describeBadInput(title: string, cases: readonly BadInputCase[]): void {
  describe(title, () => {
    const runs = new Map<string, { run: SynthRun; outdir: string; before: Record<string, string> }>();

    beforeAll(async () => {
      const queue = [...cases];
      const worker = async (): Promise<void> => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const configDir = copyExampleConfig();
          next.mutate(configDir);
          const outdir = previousOutput();
          const before = snapshotTree(outdir);
          runs.set(next.name, { run: await runSynth({ configDir, outdir, env: next.env }), outdir, before });
        }
      };
      await Promise.all([worker(), worker(), worker()]);
    });

    describe.each(cases)('fails when $name', (entry) => {
      it('exits non-zero naming the file, the path and the problem', () => {
        const { run } = runs.get(entry.name)!;
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain(entry.file);
        expect(run.stderr).toContain(entry.path);
        expect(run.stderr).toContain(entry.says);
      });

      it('leaves the previous output untouched and no staging directory behind', () => {
        const { outdir, before } = runs.get(entry.name)!;
        expect(snapshotTree(outdir)).toEqual(before);
        expect(readdirSync(path.dirname(outdir))).toEqual(['cdktf.out']);
      });
    });
  });
}
