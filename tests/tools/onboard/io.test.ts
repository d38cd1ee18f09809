import * as path from 'node:path';
import { userPath } from '../../../tools/onboard/io';
import { restoreEnvAfterEach } from '../../support/restore-env';

/** `npm run` changes into the repository root; the path a user typed is read from where they typed it (INIT_CWD). */
describe('userPath', () => {
  restoreEnvAfterEach('INIT_CWD');

  it('resolves a relative path against INIT_CWD, the directory npm was run from', () => {
    process.env.INIT_CWD = '/home/team/api';
    expect(userPath({ out: () => undefined, err: () => undefined }, './pets.yaml')).toBe(path.resolve('/home/team/api/pets.yaml'));
  });

  it('falls back to the process directory without INIT_CWD', () => {
    delete process.env.INIT_CWD;
    expect(userPath({ out: () => undefined, err: () => undefined }, 'pets.yaml')).toBe(path.resolve(process.cwd(), 'pets.yaml'));
  });

  it('keeps an absolute path', () => {
    process.env.INIT_CWD = '/home/team/api';
    expect(userPath({ out: () => undefined, err: () => undefined }, '/tmp/pets.yaml')).toBe('/tmp/pets.yaml');
  });
});
