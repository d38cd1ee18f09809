import { TerraformResource, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { Document } from 'yaml';
import { GuardrailError } from '../../../lib/guardrails/findings';
import { synthesize } from '../../../app/synthesize';
import { loadConfig } from '../../../lib/config/load';
import { copyExampleConfig, editYaml } from '../../support/example-config';
import { previousOutput, snapshotTree, synthInProcess } from '../../support/run-synth';
import { synthesizeExample } from './synthesized-example';

/**
 * Acceptance: a violation planted in a copy of the example configuration makes synth fail, naming the rule,
 * the stack and the resource, and the previous output stays byte for byte as it was.
 *
 * Config plants go through what the entry point runs (app/command.ts, in-process; tests/app/bad-input.test.ts
 * covers the entry point's own process once). Violations the configuration cannot express
 * are planted with a cdktf aspect on the resource another module synthesizes. A case whose resource is not
 * synthesized yet by anyone is reported as skipped, with the type it waits for in its name, and runs as soon as it exists.
 */
// One copy for the whole file: every plant starts from the same configuration as the baseline (the run's shared
// synthesis of the example, whose output does not depend on where the configuration lives).
const exampleDir = copyExampleConfig();
const example = synthesizeExample();

interface ConfigPlant {
  readonly rule: string;
  readonly name: string;
  readonly environment: string;
  /** Resource type that must exist in the example output for the plant to bite. @default - always live */
  readonly needs?: string;
  readonly plant: (configDir: string) => void;
  /** Stack and address the failure must name. */
  readonly stack: string;
  readonly address: string;
}

const edit = (environment: string, change: (document: Document) => void) => (dir: string) => editYaml(dir, `environments/${environment}.yaml`, change);

const largestStack = (environment: string): { id: string; count: number } =>
  example.stacks
    .filter((id) => id.startsWith(`${environment}-`))
    .map((id) => ({ id, count: Object.values(example.stack(id).resource ?? {}).reduce((sum, named) => sum + Object.keys(named).length, 0) }))
    .sort((a, b) => b.count - a.count)[0]!;

/**
 * A RAM principal of the environment whose account can be moved out of the organization without a configuration
 * rule objecting first (spoke accounts, for instance, must stay inside), so the guardrail is what stops the share.
 */
function ramPrincipal(environment: string): { stack: string; address: string; alias: string } | undefined {
  const aliases = accountAliases(environment);
  for (const id of example.stacks.filter((stack) => stack.startsWith(`${environment}-`))) {
    for (const [name, values] of Object.entries(example.stack(id).resource?.aws_ram_principal_association ?? {})) {
      const alias = aliases.get(String(values.principal));
      if (alias && loadsOutsideOrganization(environment, alias)) return { stack: id, address: `aws_ram_principal_association.${name}`, alias };
    }
  }
  return undefined;
}

function accountAliases(environment: string): Map<string, string> {
  const found = loadConfig(exampleDir).environments.find(({ config }) => config.name === environment);
  return new Map(Object.entries(found?.config.accounts ?? {}).map(([alias, account]) => [account.id, alias]));
}

function loadsOutsideOrganization(environment: string, alias: string): boolean {
  const dir = copyExampleConfig();
  editYaml(dir, `environments/${environment}.yaml`, (document) => document.setIn(['accounts', alias, 'inOrganization'], false));
  try {
    loadConfig(dir);
    return true;
  } catch {
    return false;
  }
}

const budget = largestStack('dev');
const principal = ramPrincipal('dev');
const fmsPolicies = example.stacks
  .filter((id) => id.startsWith('prod-'))
  .flatMap((id) => Object.keys(example.stack(id).resource?.aws_fms_policy ?? {}).map((name) => ({ stack: id, address: `aws_fms_policy.${name}` })));

const CONFIG_PLANTS: ConfigPlant[] = [
  {
    rule: 'UAG-TAG-001',
    name: 'a required tag (guardrails.requiredTags) emptied through tags',
    environment: 'dev',
    plant: edit('dev', (document) => {
      document.setIn(['guardrails', 'requiredTags'], ['CostCenter']);
      document.setIn(['tags', 'CostCenter'], '');
    }),
    stack: 'dev-org',
    address: 'provider.aws',
  },
  {
    rule: 'UAG-STACK-001',
    name: `a resource-count budget one below the largest dev stack (${budget.id}, ${budget.count} resources)`,
    environment: 'dev',
    needs: budget.count > 0 ? undefined : 'any resource in a dev stack',
    plant: edit('dev', (document) => document.setIn(['guardrails', 'maxResourcesPerStack'], Math.max(1, budget.count - 1))),
    stack: budget.id,
    address: '(stack)',
  },
  {
    rule: 'UAG-RAM-002',
    name: `a RAM share to an account outside the organization (${principal?.alias ?? 'no principal yet'} moved out)`,
    environment: 'dev',
    needs: principal ? undefined : 'aws_ram_principal_association',
    plant: edit('dev', (document) => document.setIn(['accounts', principal?.alias ?? 'none', 'inOrganization'], false)),
    stack: principal?.stack ?? '',
    address: principal?.address ?? '',
  },
  {
    rule: 'UAG-FMS-002',
    name: 'Firewall Manager remediation switched off in prod',
    environment: 'prod',
    needs: fmsPolicies.length > 0 ? undefined : 'aws_fms_policy',
    plant: edit('prod', (document) => document.setIn(['firewallManager', 'remediation'], false)),
    stack: fmsPolicies[0]?.stack ?? '',
    address: fmsPolicies[0]?.address ?? '',
  },
];

describe("violations planted in the configuration fail synth with the entry point's message", () => {
  const live = CONFIG_PLANTS.filter((plant) => !plant.needs);
  const waiting = CONFIG_PLANTS.filter((plant) => plant.needs);

  it.each(live.map((plant) => [`${plant.rule}: ${plant.name}`, plant] as const))('%s', (_name, plant) => {
    const configDir = copyExampleConfig();
    plant.plant(configDir);
    const outdir = previousOutput();
    const before = snapshotTree(outdir);

    const run = synthInProcess({ configDir, outdir, env: { ENV: plant.environment } });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error ${plant.rule} ${plant.stack} ${plant.address}:`);
    expect(run.stderr).toContain('fix: ');
    expect(run.stderr).toContain(`synthesis stopped and ${outdir} was left as it was`);
    expect(snapshotTree(outdir)).toEqual(before);
  });

  // Nothing to plant on until another module synthesizes the resource; these run as soon as it does.
  if (waiting.length > 0) it.skip.each(waiting.map((plant) => [`${plant.rule}: ${plant.name} (waiting for ${plant.needs})`]))('%s', () => undefined);
});

interface ResourcePlant {
  readonly rule: string;
  readonly name: string;
  readonly environment: string;
  readonly type: string;
  /** Attribute overrides on every resource of the type; `undefined` deletes the attribute. */
  readonly overrides: Record<string, unknown>;
}

const RESOURCE_PLANTS: ResourcePlant[] = [
  {
    rule: 'UAG-CF-001',
    name: 'a CloudFront distribution without web ACL',
    environment: 'prod',
    type: 'aws_cloudfront_distribution',
    overrides: { web_acl_id: undefined },
  },
  {
    rule: 'UAG-RAM-001',
    name: 'a RAM share that allows external principals',
    environment: 'dev',
    type: 'aws_ram_resource_share',
    overrides: { allow_external_principals: true },
  },
  {
    rule: 'UAG-APIGW-001',
    name: 'a stage without access logs',
    environment: 'dev',
    type: 'aws_api_gateway_stage',
    overrides: { access_log_settings: undefined },
  },
  {
    rule: 'UAG-APIGW-008',
    name: 'a public API with the execute-api endpoint enabled',
    environment: 'dev',
    type: 'aws_api_gateway_rest_api',
    overrides: { disable_execute_api_endpoint: false, endpoint_configuration: { types: ['REGIONAL'] } },
  },
  {
    rule: 'UAG-WAF-006',
    name: 'WAF logging that keeps the authorization header',
    environment: 'prod',
    type: 'aws_wafv2_web_acl_logging_configuration',
    overrides: { redacted_fields: undefined },
  },
  {
    rule: 'UAG-NET-002',
    name: 'a Transit Gateway with default route table association',
    environment: 'prod',
    type: 'aws_ec2_transit_gateway',
    overrides: { default_route_table_association: 'enable' },
  },
  { rule: 'UAG-ELB-001', name: 'an internet-facing NLB', environment: 'prod', type: 'aws_lb', overrides: { internal: false } },
  {
    rule: 'UAG-LAMBDA-001',
    name: 'a Lambda function without tracing',
    environment: 'dev',
    type: 'aws_lambda_function',
    overrides: { tracing_config: undefined },
  },
  { rule: 'UAG-LOG-001', name: 'a log group kept forever', environment: 'dev', type: 'aws_cloudwatch_log_group', overrides: { retention_in_days: undefined } },
  {
    rule: 'UAG-STACK-003',
    name: 'a stage variable holding an escaped resource reference',
    environment: 'dev',
    type: 'aws_api_gateway_stage',
    overrides: { 'variables.backendHost': '$${aws_lb.shared.dns_name}:8443' },
  },
];

/** Overrides every resource of one Terraform type, as a careless escape hatch would. */
class Plant implements IAspect {
  constructor(private readonly plant: ResourcePlant) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || node.terraformResourceType !== this.plant.type) return;
    for (const [attribute, value] of Object.entries(this.plant.overrides)) node.addOverride(attribute, value);
  }
}

describe('violations planted on synthesized resources fail synth', () => {
  const live = RESOURCE_PLANTS.filter((plant) => example.has(plant.environment, plant.type));
  const waiting = RESOURCE_PLANTS.filter((plant) => !live.includes(plant));

  it.each(live.map((plant) => [`${plant.rule}: ${plant.name}`, plant] as const))('%s', (_name, plant) => {
    const outdir = previousOutput();
    const before = snapshotTree(outdir);

    const failure = captureFailure(() => synthesize({ configDir: exampleDir, outdir, environments: plant.environment, aspects: [new Plant(plant)] }));

    expect(failure).toBeInstanceOf(GuardrailError);
    const findings = (failure as GuardrailError).reports.flatMap((report) => report.findings);
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: plant.rule, severity: 'error', address: expect.stringMatching(new RegExp(`^${plant.type}\\.`)) }),
    );
    expect(snapshotTree(outdir)).toEqual(before);
  });

  if (waiting.length > 0) {
    it.skip.each(waiting.map((plant) => [`${plant.rule}: ${plant.name} (waiting for ${plant.type} in ${plant.environment})`]))('%s', () => undefined);
  }
});

function captureFailure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
