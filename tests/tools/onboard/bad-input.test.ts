import { cpSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExampleConfig, editYaml } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboard, ORDERS_OPTIONS } from './run-onboard';

/**
 * Acceptance: every command on bad input (missing file, unparsable YAML, OpenAPI 2.0, duplicate service name,
 * invalid name) prints a clear error naming the file and the place, exits 1, and leaves the tree as it was.
 * `new` and `import` have more such cases in their own tests.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/import');
const UNPARSABLE = 'name: dev\naccounts:\n  payments: { id: "555566666666"\n';

type Case = [string, (dir: string) => void, string[], RegExp];

const cases: Case[] = [
  // new
  [
    'new: unparsable environment YAML',
    (dir) => writeFileSync(path.join(dir, 'environments/dev.yaml'), UNPARSABLE),
    ['new', 'orders', ...ORDERS_OPTIONS],
    /environments\/dev\.yaml:\d+:\d+: \(file\): invalid YAML/,
  ],
  ['new: duplicate service name', () => undefined, ['new', 'ledger', ...ORDERS_OPTIONS], /services\/ledger\/: \(file\): service "ledger" already exists/],
  ['new: name with invalid characters', () => undefined, ['new', 'orders!', ...ORDERS_OPTIONS], /<name>: service name must be 2-32 lowercase letters/],
  // import
  [
    'import: missing file',
    () => undefined,
    ['import', 'nowhere/openapi.yaml', '--name', 'pets', ...ORDERS_OPTIONS],
    /nowhere\/openapi\.yaml: \(file\): file not found/,
  ],
  [
    'import: unparsable YAML',
    () => undefined,
    ['import', path.join(FIXTURES, 'unparsable.yaml'), '--name', 'pets', ...ORDERS_OPTIONS],
    /unparsable\.yaml:\d+:\d+: \(file\): invalid YAML/,
  ],
  [
    'import: OpenAPI 3.1 document',
    () => undefined,
    ['import', path.join(FIXTURES, 'openapi-3.1.yaml'), '--name', 'pets', ...ORDERS_OPTIONS],
    /openapi-3\.1\.yaml: #\/openapi: OpenAPI "3\.1\.0" is not supported; API Gateway imports OpenAPI 3\.0/,
  ],
  [
    'import: duplicate service name',
    () => undefined,
    ['import', path.join(FIXTURES, 'petstore-expanded.yaml'), '--name', 'customers', ...ORDERS_OPTIONS],
    /service "customers" already exists/,
  ],
  [
    'import: name with invalid characters',
    () => undefined,
    ['import', path.join(FIXTURES, 'petstore-expanded.yaml'), '--name', '9pets', ...ORDERS_OPTIONS],
    /--name: service name must be/,
  ],
  // check
  [
    'check: missing openapi.yaml',
    (dir) => rmSync(path.join(dir, 'services/ledger/openapi.yaml')),
    ['check'],
    /error: services\/ledger\/openapi\.yaml: \(file\): file not found/,
  ],
  [
    'check: unparsable service YAML',
    (dir) => writeFileSync(path.join(dir, 'services/ledger/service.yaml'), 'name: ledger\nowner: [\n'),
    ['check'],
    /error: services\/ledger\/service\.yaml:\d+:\d+: \(file\): invalid YAML/,
  ],
  [
    'check: OpenAPI 2.0 document',
    (dir) => cpSync(path.join(FIXTURES, 'swagger-2.0.yaml'), path.join(dir, 'services/ledger/openapi.yaml')),
    ['check'],
    /services\/ledger\/openapi\.yaml:\d+:\d+: openapi: must declare "openapi: 3\.0\.x"/,
  ],
  [
    'check: duplicate service name (a copied folder still says the old name)',
    (dir) => cpSync(path.join(dir, 'services/ledger'), path.join(dir, 'services/ledger-copy'), { recursive: true }),
    ['check'],
    /services\/ledger-copy\/service\.yaml:\d+:\d+: name: name "ledger" differs from the folder name "ledger-copy"/,
  ],
  [
    'check: name with invalid characters',
    (dir) => editYaml(dir, 'services/ledger/service.yaml', (document) => document.set('name', 'Ledger')),
    ['check'],
    /services\/ledger\/service\.yaml:\d+:\d+: name: must be 2-32 lowercase letters/,
  ],
  // list
  [
    'list: unparsable YAML',
    (dir) => writeFileSync(path.join(dir, 'environments/dev.yaml'), UNPARSABLE),
    ['list'],
    /environments\/dev\.yaml:\d+:\d+: \(file\): invalid YAML/,
  ],
  [
    'list: missing file',
    (dir) => rmSync(path.join(dir, 'services/ledger/service.yaml')),
    ['list'],
    /services\/ledger\/service\.yaml: \(file\): file not found/,
  ],
  // status
  [
    'status: unparsable YAML',
    (dir) => writeFileSync(path.join(dir, 'environments/dev.yaml'), UNPARSABLE),
    ['status', '--env', 'dev', '--service', 'ledger'],
    /environments\/dev\.yaml:\d+:\d+: \(file\): invalid YAML/,
  ],
  ['status: name with invalid characters', () => undefined, ['status', '--env', 'dev', '--service', 'Ledger!'], /--service: service "Ledger!" does not exist/],
];

describe('bad input changes nothing on disk', () => {
  it('import: a missing file from a subfolder names the absolute path it looked at', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    // As `npm run onboard -- import ../pets.yaml` typed in services/: npm passes that directory as INIT_CWD.
    const run = await onboard(dir, ['import', '../pets.yaml', '--name', 'pets', ...ORDERS_OPTIONS], { cwd: path.join(dir, 'services') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`../pets.yaml: (file): file not found (looked at ${path.join(dir, 'pets.yaml')})`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('import: a document it cannot import under a taken name reports both, in one run', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    const run = await onboard(dir, ['import', path.join(FIXTURES, 'openapi-3.1.yaml'), '--name', 'customers', ...ORDERS_OPTIONS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/openapi-3\.1\.yaml: #\/openapi: OpenAPI "3\.1\.0" is not supported; API Gateway imports OpenAPI 3\.0/);
    expect(run.stderr).toContain('services/customers/: (file): service "customers" already exists');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each(cases)('%s', async (_, breakIt, args, expected) => {
    const dir = copyExampleConfig();
    breakIt(dir);
    const before = snapshotTree(dir);
    const run = await onboard(dir, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
