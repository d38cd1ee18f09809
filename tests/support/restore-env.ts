/**
 * Puts `name` back as it was before the test after each test of the enclosing `describe` (or file), so a test may
 * set it (e.g. `UAG_DISK_CACHE=off`) without leaking the setting into the next one.
 */
export function restoreEnvAfterEach(name: string): void {
  const original = process.env[name];
  afterEach(() => {
    if (original === undefined) delete process.env[name];
    else process.env[name] = original;
  });
}
