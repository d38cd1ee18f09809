import { checkDestroys, parseAllowList } from '../../../tools/plan-report/destroy-guard';
import { environmentSummary, summaryMarker } from '../../../tools/plan-report/markdown-summary';
import type { ResourceChange, StackPlan } from '../../../tools/plan-report/plan-file';
import { DEV_PLACEMENTS, fixturePlan } from './fixtures';

function summarize(plans: StackPlan[], allow = ''): string {
  return environmentSummary('dev', plans, DEV_PLACEMENTS, checkDestroys(plans, parseAllowList(allow)));
}

describe('environment summary', () => {
  const network = fixturePlan('delete-protected/dev-network.plan.json');
  const gateway = fixturePlan('mixed/dev-gateway.plan.json');
  const org = fixturePlan('no-op-only/dev-org.plan.json');
  const markdown = summarize([gateway, network, org]);

  it('starts with the marker the note poster finds it by', () => {
    expect(markdown.split('\n')[0]).toBe(summaryMarker('dev'));
  });

  it('totals the environment with GitLab’s counts', () => {
    expect(markdown).toContain('**3 stacks: 2 to create, 1 to update, 6 to delete** (2 of them replacements)');
  });

  it('lists stacks in configuration order, grouped by account', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| account'));
    expect(rows).toEqual([
      '| management `111122223333` | `dev-org` | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| network `333344446666` | `dev-network` | 0 | 0 | 3 | 0 | 0 | 0 |',
      '| gateway `444455556666` | `dev-gateway` | 2 | 1 | 3 | 2 | 0 | 1 |',
    ]);
  });

  it('lists destroys and replacements before creates and updates, with the address first', () => {
    const destroyed = markdown.indexOf('### Destroyed or replaced (6)');
    const created = markdown.indexOf('### Created and updated (2)');
    expect(destroyed).toBeGreaterThan(0);
    expect(created).toBeGreaterThan(destroyed);
    expect(markdown).toContain('- **delete** `aws_ec2_transit_gateway.hub` in `dev-network` — :no_entry: protected: Transit Gateway');
    expect(markdown).toContain('- **replace (delete, then create)** `aws_lb.backend["payments"]` in `dev-gateway` — :no_entry: protected');
    expect(markdown).toContain('- **replace (create, then delete)** `aws_lb_target_group.backend["payments"]` in `dev-gateway`\n');
    expect(markdown).toContain('- update `aws_cloudwatch_log_group.access` in `dev-gateway`');
    expect(markdown).not.toContain('data.aws_iam_policy_document');
    expect(markdown).not.toContain('aws_cloudwatch_metric_alarm.p99');
  });

  it('warns at the top when the destroy guard blocks, with an allow example', () => {
    expect(markdown).toMatch(
      /> :no_entry: \*\*Destroy guard: 3 protected resources would be destroyed or replaced\.\*\*.*UAG_ALLOW_DESTROY=dev-network:aws_ec2_transit_gateway\.hub/,
    );
  });

  it('marks allowed destroys and flags allowances that match nothing', () => {
    const allowed = summarize(
      [network],
      'dev-network:aws_ec2_transit_gateway.hub dev-network:aws_ec2_transit_gateway_vpc_attachment.spoke["payments"] dev-network:aws_vpc.old',
    );
    expect(allowed).not.toContain('Destroy guard:');
    expect(allowed).toContain('protected (Transit Gateway: every backend path crosses it), allowed by UAG_ALLOW_DESTROY');
    expect(allowed).toContain(':warning: UAG_ALLOW_DESTROY allows destroys this plan does not make: `dev-network:aws_vpc.old`');
  });

  it('folds long lists of creates but never the destroys', () => {
    const creates: ResourceChange[] = Array.from({ length: 12 }, (_, index) => ({
      address: `aws_cloudwatch_metric_alarm.latency[${index}]`,
      mode: 'managed',
      type: 'aws_cloudwatch_metric_alarm',
      change: { actions: ['create'] },
    }));
    const big: StackPlan = { ...gateway, resourceChanges: [...gateway.resourceChanges, ...creates] };
    const folded = summarize([big]);
    expect(folded).toMatch(/<details>\n<summary>12 creates, 1 update, 1 forget<\/summary>\n\n- create /);
    expect(folded.indexOf('### Destroyed or replaced')).toBeLessThan(folded.indexOf('<details>'));
    expect(summarize([gateway])).not.toContain('<details>');
  });

  it('says so when nothing changes', () => {
    const quiet = summarize([org, fixturePlan('empty-plan/dev-api-payments.plan.json')]);
    expect(quiet).toContain('**2 stacks: 0 to create, 0 to update, 0 to delete**');
    expect(quiet).toContain('No changes. The infrastructure matches the configuration.');
    expect(quiet).not.toContain('###');
  });
});

describe('environment summary over every plan format (0.1, 0.2, 1.0, 1.2)', () => {
  const plans = [
    fixturePlan('format-versions/format-0.1/dev-network.plan.json'),
    fixturePlan('format-versions/format-0.1/dev-org.plan.json'),
    fixturePlan('format-versions/format-0.2/dev-security.plan.json'),
    fixturePlan('format-versions/format-1.0/dev-gateway.plan.json'),
    fixturePlan('format-versions/format-1.2/dev-api-payments.plan.json'),
  ];
  const markdown = summarize(plans);

  it('totals with GitLab’s counts and counts moves and drift apart', () => {
    expect(markdown).toContain(
      '**5 stacks: 5 to create, 5 to update, 3 to delete** (3 of them replacements), 3 moved to a new address, 3 changed outside Terraform. Terraform 0.12.0, 1.0.11, 0.12.31, 1.1.9, 1.11.4.',
    );
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| account'));
    expect(rows).toEqual([
      '| management `111122223333` | `dev-org` | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| security `222233334444` | `dev-security` | 1 | 1 | 1 | 1 | 0 | 2 |',
      '| network `333344446666` | `dev-network` | 2 | 2 | 1 | 1 | 0 | 0 |',
      '| gateway `444455556666` | `dev-gateway` | 1 | 1 | 0 | 0 | 2 | 1 |',
      '|  | `dev-api-payments` | 1 | 1 | 1 | 1 | 1 | 0 |',
    ]);
  });

  it('shows moves as old → new, once, with what else happens to the resource', () => {
    expect(markdown).toContain(
      [
        '### Moved (3)',
        '',
        'Same real resource under a new address (a `moved` block); nothing is destroyed.',
        '',
        '- `aws_cloudwatch_dashboard.Dashboard_9E4231ED` → `aws_cloudwatch_dashboard.Dashboard_Board_19A0DE18` in `dev-gateway`, and update',
        '- `aws_api_gateway_vpc_link.payments` → `aws_api_gateway_vpc_link.Backends_payments_VpcLink_5A1C2E3F` in `dev-gateway`',
        '- `aws_api_gateway_stage.Api_Stage_0A9B8C7D` → `aws_api_gateway_stage.Api_Public_Stage_1F2E3D4C` in `dev-api-payments`',
      ].join('\n'),
    );
    expect(markdown).not.toContain('update `aws_cloudwatch_dashboard.Dashboard_Board_19A0DE18` in `dev-gateway`');
  });

  it('shows drift per stack with the attributes that changed outside Terraform', () => {
    expect(markdown).toContain(
      [
        '- `dev-security`',
        '  - update `aws_wafv2_web_acl.regional`: `description`, `tags`',
        '  - update `aws_secretsmanager_secret_version.origin_verify`: `secret_string`',
        '- `dev-gateway`',
        '  - update `aws_cloudwatch_dashboard.Dashboard_Board_19A0DE18`: `dashboard_body`',
      ].join('\n'),
    );
  });

  it('prints no attribute value, sensitive or not', () => {
    for (const secret of ['SECRET', 'tok-0.1', 'edited in the console', 'INC-4711', 'widgets']) expect(markdown).not.toContain(secret);
  });
});
