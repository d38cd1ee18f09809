import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { copyExampleConfig, editYaml, REPO_ROOT } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboard, ORDERS_OPTIONS } from './run-onboard';

describe('onboard list', () => {
  it('prints the catalog as a table', async () => {
    const run = await onboard(copyExampleConfig(), ['list']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^SERVICE\s+OWNER\s+VISIBILITY\s+BASE PATH\s+ENVIRONMENTS\s+CONSUMERS$/),
      expect.stringMatching(/^customers\s+customer-team\s+both\s+\/customers\s+dev, staging, prod\s+partner-hub \(prod\), retail-app \(dev, staging, prod\)$/),
      expect.stringMatching(/^ledger\s+ledger-team\s+private\s+\/ledger\s+dev, staging, prod\s+retail-app \(dev, staging, prod\)$/),
      expect.stringMatching(/^notifications\s+customer-team\s+public\s+\/v1\/notifications\s+staging\s+-$/),
      expect.stringMatching(/^payments\s+payments-team\s+public\s+\/v1\/payments\s+dev, staging, prod\s+-$/),
    ]);
  });

  it('prints JSON with owner, visibility, base path, environments and consumers', async () => {
    const run = await onboard(copyExampleConfig(), ['list', '--format', 'json']);
    expect(JSON.parse(run.stdout)).toContainEqual({
      service: 'ledger',
      description: 'Double-entry ledger balances and postings for internal consumers only.',
      owner: { team: 'ledger-team', email: 'ledger-team@example.com' },
      visibility: 'private',
      basePath: 'ledger',
      environments: ['dev', 'staging', 'prod'],
      consumers: [{ consumer: 'retail-app', environments: ['dev', 'staging', 'prod'] }],
    });
  });

  it('shows a newly onboarded service where it is enabled', async () => {
    const dir = copyExampleConfig();
    await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS]);
    const run = await onboard(dir, ['list', '--format', 'markdown']);
    expect(run.stdout).toContain(
      '| `orders` | Order intake for the retail app. | orders-team (<orders-team@example.com>) | private | `/orders` | dev | retail-app (dev) |',
    );
  });

  it('writes the markdown catalog and --check tells current from stale', async () => {
    const dir = copyExampleConfig();
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'uag-catalog-')), 'catalog.md');
    expect((await onboard(dir, ['list', '--format', 'markdown', '--output', output])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^<!-- Generated from services\/ and environments\//);
    const current = await onboard(dir, ['list', '--format', 'markdown', '--output', output, '--check']);
    expect(current.code).toBe(0);

    editYaml(dir, 'services/ledger/service.yaml', (document) => document.set('description', 'Ledger balances.'));
    const stale = await onboard(dir, ['list', '--format', 'markdown', '--output', output, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      'is stale: services/ or environments/ changed since it was generated\n    fix: run npm run onboard -- list --format markdown --output docs/catalog.md and commit the result',
    );
    expect(readFileSync(output, 'utf8')).not.toContain('Ledger balances.');
  });

  it('fails on a broken configuration, and when the output folder does not exist, changing nothing', async () => {
    const dir = copyExampleConfig();
    editYaml(dir, 'services/ledger/service.yaml', (document) => document.set('visibility', 'secret'));
    const before = snapshotTree(dir);
    const broken = await onboard(dir, ['list']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/services\/ledger\/service\.yaml:\d+:\d+: visibility: string "secret" is not an allowed value/);

    const nowhere = await onboard(copyExampleConfig(), ['list', '--format', 'markdown', '--output', 'no/such/folder/catalog.md']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('--output: the folder no/such/folder does not exist');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses --check without --output', async () => {
    const run = await onboard(copyExampleConfig(), ['list', '--check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--check needs --output <file>');
  });
});

describe('docs/catalog.md', () => {
  it('is current: regenerate it with npm run onboard -- list --format markdown --output docs/catalog.md', async () => {
    const run = await onboard(REPO_ROOT, ['list', '--format', 'markdown', '--output', path.join(REPO_ROOT, 'docs/catalog.md'), '--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
