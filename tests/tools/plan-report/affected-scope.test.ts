import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { snapshotChange, type AffectedResult } from '../../../tools/ci/affected-stacks';
import { EXIT, main } from '../../../tools/plan-report/cli';
import { buildPlanReport } from '../../../tools/plan-report/report';
import { REPO_ROOT } from '../../support/example-config';
import { DEV_PLACEMENTS, fixturePlan } from './fixtures';

const BASE = '0123456789abcdef0123456789abcdef01234567';
const removedApi = {
  id: 'dev-api-ledger',
  accountId: '444455556666',
  resources: [
    { address: 'aws_api_gateway_rest_api.Api_Public_RestApi_1', type: 'aws_api_gateway_rest_api' },
    { address: 'aws_cloudwatch_metric_alarm.Latency', type: 'aws_cloudwatch_metric_alarm' },
  ],
};
const affected = (ids: string[], destroyed: AffectedResult['destroyed'] = []): AffectedResult => ({
  base: BASE,
  affected: ids.map((id) => ({ id, reasons: [{ kind: 'changed' as const }] })),
  destroyed,
  unchanged: DEV_PLACEMENTS.length - ids.length,
  total: DEV_PLACEMENTS.length,
});

describe('summary of a merge request that planned only affected stacks', () => {
  it('says how many stacks were planned, how many skipped and why, and how to plan all', () => {
    const report = buildPlanReport([fixturePlan('mixed/dev-gateway.plan.json')], DEV_PLACEMENTS, [], {
      result: affected(['dev-gateway']),
      file: 'affected.json',
    });
    expect(report.summaries.get('dev')).toContain(
      'Planned **1 of 5** stacks: 4 skipped because their synthesized Terraform JSON is identical to the merge base `0123456789ab` (and no output they read changed). ' +
        'Set `UAG_PLAN_ALL=1` on the pipeline to plan every stack; the default branch and the drift schedule always do.\n\n- `dev-gateway`: synthesized JSON changed\n',
    );
  });

  it('runs a removed stack through the destroy guard: every resource is a delete, protected ones block', () => {
    const report = buildPlanReport([], DEV_PLACEMENTS, [], { result: affected([], [removedApi]), file: 'affected.json' });
    expect(report.guard.blocked).toBe(true);
    expect(report.guard.findings.map((finding) => `${finding.stack}:${finding.address}`)).toEqual([
      'dev-api-ledger:aws_api_gateway_rest_api.Api_Public_RestApi_1',
    ]);
    const markdown = report.summaries.get('dev')!;
    expect(markdown).toContain('1 stack removed by this change: every resource in it is listed as destroyed below.');
    expect(markdown).toContain('- **delete** `aws_api_gateway_rest_api.Api_Public_RestApi_1` in `dev-api-ledger` — :no_entry: protected');
    expect(markdown).toContain('- **delete** `aws_cloudwatch_metric_alarm.Latency` in `dev-api-ledger`\n');
    // No widget row: the removed stack has no plan job.
    expect([...report.stacks.keys()]).toEqual([]);
  });

  it('flags an explicit address snapshot update, listing the removed addresses of the environment', () => {
    const result: AffectedResult = {
      ...affected(['dev-gateway']),
      snapshotChanges: [
        snapshotChange(
          'tests/snapshots/addresses/dev.txt',
          '# header\ndev-gateway aws_cloudwatch_dashboard.Dashboard_9E4231ED\ndev-org aws_organizations_policy.Scp\n',
          '# header\ndev-gateway aws_cloudwatch_dashboard.Dashboard_Board_19A0DE18\ndev-org aws_organizations_policy.Scp\n',
        )!,
      ],
    };
    const markdown = buildPlanReport([fixturePlan('mixed/dev-gateway.plan.json')], DEV_PLACEMENTS, [], { result, file: 'affected.json' }).summaries.get('dev')!;
    expect(markdown).toContain(
      '> :warning: **This merge request updates the address snapshot** `tests/snapshots/addresses/dev.txt`: 1 address removed, 1 added. ' +
        'A removed address is a resource Terraform destroys unless a `moved` block (cdktf `moveTo`/`moveFromId`) keeps it.\n> - removed `dev-gateway aws_cloudwatch_dashboard.Dashboard_9E4231ED`\n',
    );
    expect(snapshotChange('dev.txt', '# a\ndev-org x.y\n', '# b\ndev-org x.y\n')).toBeUndefined();
  });

  it('lets UAG_ALLOW_DESTROY allow the removal like any other destroy', () => {
    const allowed = [{ stack: 'dev-api-ledger', address: 'aws_api_gateway_rest_api.Api_Public_RestApi_1' }];
    expect(buildPlanReport([], DEV_PLACEMENTS, allowed, { result: affected([], [removedApi]), file: 'affected.json' }).guard.blocked).toBe(false);
  });
});

describe('plan-report --affected', () => {
  const run = (args: string[]): { code: number; err: string; dir: string } => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-plan-report-affected-'));
    const err: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
    try {
      return { code: main(['--out', dir, '--config-dir', REPO_ROOT, ...args], {}), err: err.join('\n'), dir };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  it('writes one note per environment when no stack changed (zero plans)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-affected-json-')), 'affected.json');
    writeFileSync(file, JSON.stringify({ ...affected([]), unchanged: 34, total: 34 }));
    const result = run(['--affected', file]);
    expect(result.code).toBe(EXIT.ok);
    expect(readdirSync(result.dir).sort()).toEqual(['summary-dev.md', 'summary-prod.md', 'summary-staging.md']);
    const dev = readFileSync(path.join(result.dir, 'summary-dev.md'), 'utf8');
    expect(dev).toContain('Planned **0 of 11** stacks: 11 skipped because their synthesized Terraform JSON is identical to the merge base `0123456789ab`');
    expect(dev).toContain('No changes. The infrastructure matches the configuration.');
  });

  it('fails without plans and without --affected, and on an unusable affected.json, naming it', () => {
    expect(run([]).code).toBe(EXIT.badInput);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-affected-json-')), 'affected.json');
    writeFileSync(file, '{"base":"abc"}');
    const result = run(['--affected', file]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain(`${file} lacks affected, destroyed, unchanged, total; write it with tools/ci/affected-cli.ts --out ${file}`);
  });
});
