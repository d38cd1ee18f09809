import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import * as path from 'node:path';

/** The repository root: `python3 -m tools.e2e.emulator` runs from here. */
const REPO_ROOT = path.resolve(__dirname, '../..');

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: loopback only, a free port chosen by the kernel. */
  readonly url: string;
  readonly pid: number;
  /** Stops the emulator and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** What the project created and left behind since seeding (`service/account/region/collection/key`). */
  leftovers(): Promise<string[]>;
}

/** Why the emulator cannot run here (no python3, no moto), or undefined when it can. */
export function emulatorUnavailable(python = 'python3'): string | undefined {
  const probe = spawnSync(python, ['-c', 'import moto, werkzeug, cryptography; print(moto.__version__)'], { encoding: 'utf8' });
  if (probe.error) return `${python} is not on PATH`;
  if (probe.status !== 0) return `${python} cannot import moto (pip install 'moto[server]>=5.2'): ${probe.stderr.trim().split('\n').pop()}`;
  return undefined;
}

/**
 * Starts the emulator (moto + shims, tools/e2e/emulator) seeded from `seedFile` and resolves once it listens.
 * The child stops when its stdin closes, so it dies with this process even when this process is killed.
 * `logFile` receives the emulator's stderr: one line per error answer and moto's tracebacks.
 */
export function startEmulator(seedFile: string, python = 'python3', logFile?: string): Promise<RunningEmulator> {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(python, ['-m', 'tools.e2e.emulator', '--seed', seedFile], {
    cwd: REPO_ROOT,
    // ACM issues a DNS-validated certificate once its validation record exists; moto waits 60 s by default.
    env: {
      ...process.env,
      PYTHONDONTWRITEBYTECODE: '1',
      MOTO_ACM_VALIDATION_WAIT: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  if (logFile) child.stderr.pipe(createWriteStream(logFile));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killTimer);
      }
    })();
    return stopping;
  };

  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before listening:\n${stderr.join('')}`)));
    lines.once('line', (line) => {
      let announced: { url: string; pid: number };
      try {
        announced = JSON.parse(line) as { url: string; pid: number };
      } catch {
        void stop();
        reject(new Error(`the emulator printed ${JSON.stringify(line)} instead of its address`));
        return;
      }
      resolve({
        url: announced.url,
        pid: announced.pid,
        stop,
        leftovers: async () => (await (await fetch(`${announced.url}/_e2e/inventory`)).json()) as string[],
      });
    });
  });
}
