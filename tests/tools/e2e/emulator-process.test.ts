import { mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import * as path from 'node:path';
import { emulatorUnavailable, startEmulator, type RunningEmulator } from '../../../tools/e2e/emulator-process';

/** The emulator accepts any credentials: it listens on loopback only and never outlives its run. */
const skipReason = emulatorUnavailable();
if (skipReason) console.warn(`SKIPPED emulator process tests: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describeWhenAvailable('emulator process', () => {
  const seedFile = path.join(mkdtempSync(path.join(tmpdir(), 'uag-emulator-')), 'seed.json');
  writeFileSync(
    seedFile,
    JSON.stringify({
      accounts: [],
      regions: [],
      vpcs: [],
      hostedZones: [],
      certificates: [],
    }),
  );
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator(seedFile);
  }, 120_000);
  afterAll(() => emulator?.stop());

  it('listens on 127.0.0.1 only, on a port the kernel chose', async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await emulator.leftovers()).toEqual([]);
    const port = new URL(emulator.url).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
      .map((entry) => entry!.address);
    for (const address of external) {
      await expect(fetch(`http://${address}:${port}/_e2e/inventory`)).rejects.toThrow();
    }
  });

  it('stops, and its process is gone', async () => {
    expect(alive(emulator.pid)).toBe(true);
    await emulator.stop();
    expect(alive(emulator.pid)).toBe(false);
    await expect(fetch(`${emulator.url}/_e2e/inventory`)).rejects.toThrow();
  });
});
