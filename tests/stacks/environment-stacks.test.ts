import { App } from 'cdktf';
import { buildEnvironmentStacks } from '../../stacks/environment-stacks';
import { exampleConfig, exampleEnvironment } from '../support/example-config';

function build(name: string) {
  const stacks = buildEnvironmentStacks(new App(), exampleConfig(), exampleEnvironment(name));
  const byId = new Map(stacks.map((stack) => [stack.stackId, stack]));
  const dependenciesOf = (id: string) =>
    byId
      .get(id)!
      .dependencies.map((dependency) => dependency.node.id)
      .sort();
  return { stacks, ids: stacks.map((stack) => stack.stackId), dependenciesOf };
}

describe('environment stacks', () => {
  it('builds the landing-zone stacks, one API stack per enabled service and one spoke per account', () => {
    const { ids } = build('prod');
    expect(ids).toEqual([
      'prod-org',
      'prod-security',
      'prod-network',
      'prod-gateway',
      'prod-api-payments',
      'prod-api-ledger',
      'prod-api-customers',
      'prod-spoke-555566668888',
      'prod-spoke-666677778888',
      'prod-spoke-777766668888',
      'prod-spoke-777788889999',
      'prod-spoke-999988887777',
    ]);
  });

  it('skips services disabled in the environment', () => {
    const environment = exampleEnvironment('dev');
    const withoutLedger = { ...environment, services: { ...environment.services, ledger: { ...environment.services.ledger, enabled: false } } };
    const ids = buildEnvironmentStacks(new App(), exampleConfig(), withoutLedger).map((stack) => stack.stackId);
    expect(ids).toContain('dev-api-payments');
    expect(ids).not.toContain('dev-api-ledger');
  });

  it('deploys each stack into the account of its role', () => {
    const { stacks } = build('prod');
    const accountOf = (id: string) => stacks.find((stack) => stack.stackId === id)!.accountId;
    expect(accountOf('prod-org')).toBe('111122223333');
    expect(accountOf('prod-security')).toBe('222233334444');
    expect(accountOf('prod-network')).toBe('333344448888');
    expect(accountOf('prod-gateway')).toBe('444455558888');
    expect(accountOf('prod-api-payments')).toBe('444455558888');
    expect(accountOf('prod-spoke-999988887777')).toBe('999988887777');
  });

  it('makes the API stack owned by the service team', () => {
    const { stacks } = build('prod');
    const api = stacks.find((stack) => stack.stackId === 'prod-api-ledger')!;
    expect(JSON.stringify(api.toTerraform().provider)).toContain('"Owner":"ledger-team"');
  });

  it('declares the dependencies that order deploys', () => {
    const { dependenciesOf } = build('prod');
    expect(dependenciesOf('prod-org')).toEqual([]);
    expect(dependenciesOf('prod-security')).toEqual(['prod-org']);
    expect(dependenciesOf('prod-network')).toEqual(['prod-org']);
    expect(dependenciesOf('prod-gateway')).toEqual(['prod-network']);
    expect(dependenciesOf('prod-api-payments')).toEqual(['prod-gateway']);
    expect(dependenciesOf('prod-spoke-777788889999')).toEqual(['prod-gateway', 'prod-network']);
  });

  it('keeps environments apart: no stack id or state key is shared between dev, staging and prod', () => {
    const app = new App();
    const all = ['dev', 'staging', 'prod'].flatMap((name) => buildEnvironmentStacks(app, exampleConfig(), exampleEnvironment(name)));
    const ids = all.map((stack) => stack.stackId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
