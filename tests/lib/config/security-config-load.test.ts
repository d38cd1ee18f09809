import { loadConfig } from '../../../lib/config/load';
import { ConfigError } from '../../../lib/config/problems';
import { copyExampleConfig, editYaml } from '../../support/example-config';

function problemsAfter(edit: (configDir: string) => void): ConfigError {
  const dir = copyExampleConfig();
  edit(dir);
  try {
    loadConfig(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

/** The security sections through the real loader: schema and rule problems name file, line and path. */
describe('perimeter security configuration', () => {
  it('rejects an emergency phone number that is not E.164, naming the line', () => {
    const error = problemsAfter((dir) =>
      editYaml(dir, 'environments/prod.yaml', (doc) => doc.setIn(['shield', 'proactiveEngagement', 'contacts', 0, 'phone'], '202-555-0142')),
    );
    expect(error.message).toMatch(
      /environments\/prod\.yaml:\d+:\d+: shield\.proactiveEngagement\.contacts\[0\]\.phone: must be an E\.164 phone number: .*got "202-555-0142"/,
    );
  });

  it('rejects an emergency contact whose e-mail is not an address', () => {
    const error = problemsAfter((dir) =>
      editYaml(dir, 'environments/prod.yaml', (doc) => doc.setIn(['shield', 'proactiveEngagement', 'contacts', 1, 'email'], 'api-oncall')),
    );
    expect(error.message).toContain('shield.proactiveEngagement.contacts[1].email: "api-oncall" is not an e-mail address');
  });

  it('reports a custom rule priority collision at the line of the priority', () => {
    const error = problemsAfter((dir) => editYaml(dir, 'environments/prod.yaml', (doc) => doc.setIn(['waf', 'customRules', 0, 'priority'], 10)));
    expect(error.message).toMatch(
      /environments\/prod\.yaml:\d+:\d+: waf\.customRules\[0\]\.priority: priority 10 is already used by RateLimitPerIp \[waf-rule-priorities\]\n {4}fix: choose a priority/,
    );
  });

  it('rejects an organizational unit id that is not one', () => {
    const error = problemsAfter((dir) =>
      editYaml(dir, 'environments/dev.yaml', (doc) => doc.setIn(['organization', 'organizationalUnits', 'workloads-prod'], 'workloads')),
    );
    expect(error.message).toContain(
      'organization.organizationalUnits.workloads-prod: must be an organizational unit id such as ou-a1b2-c3d4e5f6, got "workloads"',
    );
  });

  it('reports rule problems of several environments together', () => {
    const error = problemsAfter((dir) => {
      editYaml(dir, 'environments/dev.yaml', (doc) => doc.setIn(['firewallManager', 'scope', 'include', 'accounts'], []));
      editYaml(dir, 'environments/staging.yaml', (doc) => doc.setIn(['waf', 'rateLimits', 'perIp', 'limit'], 5));
    });
    expect(error.problems.map((problem) => `${problem.file} ${problem.path.join('.')}`)).toEqual([
      'environments/staging.yaml waf.rateLimits.perIp.limit',
      'environments/dev.yaml firewallManager.scope.include',
    ]);
  });
});
