import { shieldContacts } from '../../../lib/config/rules/shield-contacts';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

describe('shield-contacts', () => {
  it('Compliance: prod has proactive engagement with two contacts; dev and staging have it off', () => {
    expect(shieldContacts.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: proactive engagement without contacts', () => {
    const config = withEnvironment('prod', (environment) => (environment.shield.proactiveEngagement.contacts = []));
    expect(shieldContacts.check(config)).toEqual([
      {
        file: 'environments/prod.yaml',
        path: ['shield', 'proactiveEngagement', 'contacts'],
        message: 'proactive engagement is on but no emergency contact is listed',
        fix: expect.stringContaining('E.164'),
      },
    ]);
  });

  it('Noncompliance 2: proactive engagement while Shield Advanced is off', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.shield.proactiveEngagement = { enabled: true, contacts: [{ email: 'soc@example.com', phone: '+12025550142' }] };
    });
    expect(shieldContacts.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/dev.yaml',
        path: ['shield', 'proactiveEngagement', 'enabled'],
        message: 'proactive engagement is on but Shield Advanced is off',
      }),
    ]);
  });
});
