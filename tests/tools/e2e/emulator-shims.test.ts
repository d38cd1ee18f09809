import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { emulatorUnavailable } from '../../../tools/e2e/emulator-process';
import { REPO_ROOT } from '../../support/example-config';

/**
 * Each emulator shim (tools/e2e/emulator/shims_*.py) and the seed has its own test in
 * tools/e2e/emulator/test_shims.py, run here with python's unittest against the emulator in process (boto3 as the
 * caller). One jest test per python test, so a failing shim is named in the summary.
 */
const skipReason = emulatorUnavailable();
if (skipReason) console.warn(`SKIPPED emulator shim tests: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;
const testFile = path.join(REPO_ROOT, 'tools/e2e/emulator/test_shims.py');
const testNames = [...readFileSync(testFile, 'utf8').matchAll(/^ {4}def (test_\w+)\(/gm)].map((match) => match[1]!);

describeWhenAvailable('emulator shims (python unittest)', () => {
  const outcomes = new Map<string, string>();
  let output = '';

  beforeAll(async () => {
    output = await new Promise<string>((resolve, reject) => {
      const child = spawn('python3', ['-m', 'unittest', '-v', 'tools.e2e.emulator.test_shims'], {
        cwd: REPO_ROOT,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(chunks).toString()));
    });
    for (const match of output.matchAll(/^(test_\w+) \([\w.]+\) \.\.\. (ok|FAIL|ERROR)$/gm)) outcomes.set(match[1]!, match[2]!);
  }, 300_000);

  it('finds the shim tests', () => {
    expect(testNames.length).toBeGreaterThanOrEqual(11);
  });

  it.each(testNames)('%s', (name) => {
    const outcome = outcomes.get(name);
    if (outcome !== 'ok') {
      const detail = output.split(/^={70}$/m).find((block) => block.includes(`${name} (`)) ?? output.slice(-3000);
      throw new Error(`${name}: ${outcome ?? 'did not run'}\n${detail}`);
    }
  });
});
