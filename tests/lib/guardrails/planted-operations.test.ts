import { TerraformResource, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ALL_RULES } from '../../../lib/guardrails/rules';
import { copyExampleConfig } from '../../support/example-config';
import { previousOutput, snapshotTree, synthInProcess } from '../../support/run-synth';
import { synthesizeExample } from './synthesized-example';

/**
 * Acceptance of issue 16 (operations): each new rule fails synth on a violation planted into the example's dev
 * environment, and the message names the rule, the stack, the resource and the fix. One in-process synth carries
 * every plant (each hits a different rule), so the file costs one synthesis of dev.
 */
const example = synthesizeExample();

interface Plant {
  readonly type: string;
  /** Only resources whose construct path contains this. @default - every resource of the type */
  readonly pathContains?: string;
  /** Attribute overrides (`undefined` deletes). */
  readonly overrides: Record<string, unknown>;
}

const PLANTS: Plant[] = [
  // UAG-OBS-001: every subscription points somewhere else, so the alarm topics reach nobody.
  { type: 'aws_sns_topic_subscription', overrides: { topic_arn: 'arn:aws:sns:ap-southeast-1:444455556666:somewhere-else' } },
  // UAG-OBS-002: the target-group health alarms watch the wrong namespace.
  { type: 'aws_cloudwatch_metric_alarm', pathContains: '/TargetHealth/', overrides: { namespace: 'AWS/ApplicationELB' } },
  // UAG-OBS-003: the attachment alarms count bytes, not drops.
  { type: 'aws_cloudwatch_metric_alarm', pathContains: 'Attachment/Alarms/', overrides: { metric_name: 'BytesIn' } },
  // UAG-OBS-004: the expiry alarm watches another certificate.
  {
    type: 'aws_cloudwatch_metric_alarm',
    pathContains: '/TlsCertificateExpiry/',
    overrides: { 'dimensions.CertificateArn': 'arn:aws:acm:ap-southeast-1:444455556666:certificate/00000000-0000-0000-0000-000000000000' },
  },
  // UAG-REPL-001 and -002: delete-first replacement, as before issue 16.
  { type: 'aws_lb_target_group', overrides: { 'lifecycle.create_before_destroy': false } },
  { type: 'aws_api_gateway_vpc_link', overrides: { 'lifecycle.create_before_destroy': false } },
];

class PlantAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    for (const plant of PLANTS) {
      if (node.terraformResourceType !== plant.type || (plant.pathContains && !node.node.path.includes(plant.pathContains))) continue;
      for (const [attribute, value] of Object.entries(plant.overrides)) node.addOverride(attribute, value);
    }
  }
}

/** Addresses of `type` in the dev stacks of the unplanted example whose attributes pass `filter`. */
function devResources(type: string, filter: (values: Record<string, unknown>) => boolean = () => true): { stack: string; address: string }[] {
  return example.stacks
    .filter((id) => id.startsWith('dev-'))
    .flatMap((stack) =>
      Object.entries(example.stack(stack).resource?.[type] ?? {})
        .filter(([, values]) => filter(values as Record<string, unknown>))
        .map(([name]) => ({ stack, address: `${type}.${name}` })),
    );
}

const EXPECTED: Record<string, { stack: string; address: string }[]> = {
  'UAG-OBS-001': devResources('aws_sns_topic', (values) => /-alarms(-|$)/.test(String(values.name))),
  'UAG-OBS-002': devResources('aws_lb_target_group'),
  'UAG-OBS-003': devResources('aws_ec2_transit_gateway_vpc_attachment'),
  'UAG-OBS-004': devResources('aws_lb_listener', (values) => typeof values.certificate_arn === 'string' && !values.certificate_arn.includes('${')),
  'UAG-REPL-001': devResources('aws_lb_target_group'),
  'UAG-REPL-002': devResources('aws_api_gateway_vpc_link'),
};

describe('operations guardrails fail synth on planted violations', () => {
  const configDir = copyExampleConfig();
  const outdir = previousOutput();
  const before = snapshotTree(outdir);
  const run = synthInProcess({ configDir, outdir, env: { ENV: 'dev' }, aspects: [new PlantAspect()] });

  it('stops with exit code 1 and leaves the previous output as it was', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`synthesis stopped and ${outdir} was left as it was`);
    expect(snapshotTree(outdir)).toEqual(before);
  });

  it.each(Object.entries(EXPECTED))('%s names every planted resource, its stack and the fix', (ruleId, expected) => {
    // An empty list would make the case vacuous.
    expect(expected.length).toBeGreaterThan(0);
    const rule = ALL_RULES.find((candidate) => candidate.id === ruleId)!;
    for (const { stack, address } of expected) {
      const line = `  error ${ruleId} ${stack} ${address}: `;
      expect(run.stderr).toContain(line);
      const after = run.stderr.slice(run.stderr.indexOf(line));
      expect(after.split('\n').slice(1, 3)).toEqual([`      rule: ${rule.what}`, `      fix: ${rule.fix}`]);
    }
  });
});
