import { placementsFromConfig } from '../../../tools/plan-report/stack-placements';
import { exampleConfig, REPO_ROOT } from '../../support/example-config';

describe('stack placements', () => {
  it('places every stack of every environment in its environment and account', () => {
    const placements = placementsFromConfig(REPO_ROOT);
    const environments = exampleConfig().environments.map(({ config }) => config);
    expect([...new Set(placements.map((placement) => placement.environment))]).toEqual(environments.map((environment) => environment.name));
    for (const placement of placements) {
      const environment = environments.find((candidate) => candidate.name === placement.environment);
      expect(environment?.accounts[placement.accountAlias]?.id).toBe(placement.accountId);
      expect(placement.stack.startsWith(`${placement.environment}-`)).toBe(true);
    }
    expect(placements.find((placement) => placement.stack === 'dev-gateway')).toEqual({
      stack: 'dev-gateway',
      environment: 'dev',
      accountAlias: 'gateway',
      accountId: exampleConfig().environments.find(({ config }) => config.name === 'dev')?.config.accounts.gateway.id,
    });
  });

  it('builds only the environments that can own the given stacks', () => {
    const placements = placementsFromConfig(REPO_ROOT, ['dev-gateway', 'dev-org']);
    expect([...new Set(placements.map((placement) => placement.environment))]).toEqual(['dev']);
  });
});
