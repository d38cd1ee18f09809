import { loadConfig } from '../../../lib/config/load';
import { ConfigError } from '../../../lib/config/problems';
import { copyExampleConfig, editYaml, REPO_ROOT } from '../../support/example-config';

function problemsOf(configDir: string): ConfigError {
  try {
    loadConfig(configDir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('loads the example configuration: three environments, four services', () => {
    const config = loadConfig(REPO_ROOT);
    expect(config.environments.map((environment) => environment.config.name)).toEqual(['dev', 'prod', 'staging']);
    expect([...config.services.keys()]).toEqual(['customers', 'ledger', 'notifications', 'payments']);
    expect(config.services.get('payments')!.definition.visibility).toBe('public');
    expect(config.services.get('notifications')!.definition.backend).toEqual({ kind: 'lambda', functionName: 'notifications-api', qualifier: 'live' });
  });

  it('applies defaults the files leave out', () => {
    const dev = loadConfig(REPO_ROOT).environments.find((environment) => environment.config.name === 'dev')!.config;
    expect(dev.network.transitGateway.segments).toEqual(['gateway', 'backends']);
    expect(dev.accounts.payments.inOrganization).toBe(true);
  });

  it('reports the problems of every file together, with line and column', () => {
    const dir = copyExampleConfig();
    editYaml(dir, 'environments/prod.yaml', (doc) => doc.setIn(['accounts', 'payments', 'id'], '123'));
    editYaml(dir, 'environments/dev.yaml', (doc) => doc.setIn(['region'], 'mars-1'));
    editYaml(dir, 'services/ledger/service.yaml', (doc) => doc.setIn(['visibility'], 'secret'));
    const error = problemsOf(dir);
    expect(error.problems.map((problem) => problem.file).sort()).toEqual(['environments/dev.yaml', 'environments/prod.yaml', 'services/ledger/service.yaml']);
    expect(error.message).toMatch(/^Configuration has 3 problems in /);
    expect(error.message).toMatch(/environments\/prod\.yaml:\d+:\d+: accounts\.payments\.id: must be exactly 12 digits, got "123"\n {4}fix: /);
  });

  it('reports every cross-file problem of a well-formed configuration in one go', () => {
    const dir = copyExampleConfig();
    editYaml(dir, 'environments/prod.yaml', (doc) => {
      doc.setIn(['roles', 'network'], 'hub');
      doc.setIn(['consumers', 'retail-app', 'vpc', 'cidr'], '10.21.0.0/16');
    });
    const error = problemsOf(dir);
    expect(error.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('account "hub" is not declared'),
      expect.stringContaining('10.21.0.0/16 overlaps 10.21.0.0/16'),
    ]);
  });
});
