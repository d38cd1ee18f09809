import { loadConfig } from '../../../lib/config/load';
import { ConfigError } from '../../../lib/config/problems';
import { DEFAULT_MAX_RESOURCES_PER_STACK } from '../../../lib/config/schema/guardrails';
import { BASELINE_TAGS, guardrailContext } from '../../../lib/guardrails/context';
import { copyExampleConfig, editYaml } from '../../support/example-config';

const DEV = 'environments/dev.yaml';

function loadWith(suppressions: unknown, extra: Record<string, unknown> = {}) {
  const dir = copyExampleConfig();
  editYaml(dir, DEV, (document) => document.set('guardrails', { ...extra, suppressions }));
  return loadConfig(dir);
}

function problemsOf(run: () => unknown): { file: string; path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => ({ file: problem.file, path: problem.path.join('.'), message: problem.message }));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const reason = 'Accepted by the security team (SEC-42) until 2027-03-31: health check is public by design';

describe('guardrails section of environments/<env>.yaml', () => {
  it('defaults to no suppressions, no extra tags and a budget of 500 resources per stack', () => {
    const dir = copyExampleConfig();
    editYaml(dir, DEV, (document) => document.delete('guardrails'));
    const dev = loadConfig(dir).environments.find(({ config }) => config.name === 'dev')!.config;
    expect(dev.guardrails).toEqual({ requiredTags: [], maxResourcesPerStack: DEFAULT_MAX_RESOURCES_PER_STACK, suppressions: [] });
  });

  it('accepts a suppression with rule, resource, stack and a written reason', () => {
    const suppression = { rule: 'UAG-APIGW-006', resource: 'aws_api_gateway_rest_api.api', stack: 'dev-api-payments', reason };
    const dev = loadWith([suppression]).environments.find(({ config }) => config.name === 'dev')!.config;
    expect(dev.guardrails.suppressions).toEqual([suppression]);
  });

  it('fails when a suppression has no reason', () => {
    expect(problemsOf(() => loadWith([{ rule: 'UAG-CF-001', resource: 'aws_cloudfront_distribution.edge' }]))).toContainEqual(
      expect.objectContaining({ file: DEV, path: 'guardrails.suppressions.0.reason', message: expect.stringContaining('missing') }),
    );
  });

  it('fails when the reason is a token gesture', () => {
    expect(problemsOf(() => loadWith([{ rule: 'UAG-CF-001', resource: 'aws_cloudfront_distribution.edge', reason: 'ok' }]))).toContainEqual(
      expect.objectContaining({ path: 'guardrails.suppressions.0.reason', message: expect.stringContaining('at least 20 characters') }),
    );
  });

  it('fails on a rule id the pack does not have', () => {
    expect(problemsOf(() => loadWith([{ rule: 'UAG-CF-999', resource: 'aws_cloudfront_distribution.edge', reason }]))).toContainEqual(
      expect.objectContaining({ path: 'guardrails.suppressions.0.rule', message: expect.stringContaining('unknown guardrail rule "UAG-CF-999"') }),
    );
  });

  it('fails on something that is not a Terraform address', () => {
    expect(problemsOf(() => loadWith([{ rule: 'UAG-CF-001', resource: 'the edge distribution', reason }]))).toContainEqual(
      expect.objectContaining({ path: 'guardrails.suppressions.0.resource', message: expect.stringContaining('must be a Terraform address') }),
    );
  });

  it('fails on a budget below one resource', () => {
    expect(problemsOf(() => loadWith([], { maxResourcesPerStack: 0 }))).toContainEqual(expect.objectContaining({ path: 'guardrails.maxResourcesPerStack' }));
  });
});

describe('guardrailContext', () => {
  const environments = loadConfig(copyExampleConfig()).environments;
  const env = (name: string) => environments.find(({ config }) => config.name === name)!.config;

  it('applies production rules to prod only, unless the environment says otherwise', () => {
    expect(guardrailContext(env('prod')).production).toBe(true);
    expect(guardrailContext(env('staging')).production).toBe(false);
    expect(guardrailContext({ ...env('staging'), guardrails: { ...env('staging').guardrails, production: true } }).production).toBe(true);
  });

  it('requires the baseline tags plus the configured ones, and knows every declared account', () => {
    const dev = env('dev');
    const context = guardrailContext({ ...dev, guardrails: { ...dev.guardrails, requiredTags: ['CostCenter', 'Owner'] } });
    expect(context.requiredTags).toEqual([...BASELINE_TAGS, 'CostCenter']);
    expect([...context.accounts.keys()].sort()).toEqual(
      Object.values(dev.accounts)
        .map((account) => account.id)
        .sort(),
    );
    expect(context.managementAccountId).toBe(dev.accounts[dev.roles.management]!.id);
    expect(context.shieldAdvanced).toBe(dev.shield.enabled);
  });
});
