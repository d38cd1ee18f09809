import { alarmNotifications } from '../../../lib/config/rules/alarm-notifications';
import { loadConfig } from '../../../lib/config/load';
import { ConfigError } from '../../../lib/config/problems';
import { alarmReceiversFor } from '../../../lib/config/views/alarm-receivers';
import { copyExampleConfig, editYaml, exampleConfig, exampleEnvironment } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

const PATH = ['observability', 'alarmNotifications'];

describe('alarm-notifications', () => {
  it('Compliance: every example environment lists receivers for the home region and us-east-1', () => {
    expect(alarmNotifications.check(exampleConfig())).toEqual([]);
  });

  it('splits the receivers by region: e-mail and HTTPS everywhere, an existing topic only in its own region', () => {
    const prod = exampleEnvironment('prod');
    expect(alarmReceiversFor(prod, 'ap-southeast-1')).toEqual({
      subscriptions: [
        { kind: 'email', endpoint: 'api-platform-oncall@example.com' },
        { kind: 'https', endpoint: 'https://alerts.example.com/hooks/sns/uag-prod' },
      ],
      forwardTopicArns: ['arn:aws:sns:ap-southeast-1:444455558888:ops-chatbot-alerts'],
    });
    expect(alarmReceiversFor(prod, 'us-east-1').forwardTopicArns).toEqual(['arn:aws:sns:us-east-1:444455558888:ops-chatbot-alerts']);
  });

  it('Noncompliance 1: no receiver and no opt-out', () => {
    const config = withEnvironment('dev', (environment) => (environment.observability.alarmNotifications.subscriptions = []));
    expect(alarmNotifications.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: PATH,
        message: 'the alarm topics have no subscription, so every alarm of the environment notifies nobody',
        fix: 'add observability.alarmNotifications.subscriptions (email, https or topicArn; docs/operations.md), or outside production optOut with a reason',
      },
    ]);
  });

  it('Noncompliance 2: production cannot opt out', () => {
    const config = withEnvironment('prod', (environment) => {
      environment.observability.alarmNotifications = { subscriptions: [], optOut: 'nobody is on call for this environment yet' };
    });
    expect(alarmNotifications.check(config)).toEqual([
      {
        file: 'environments/prod.yaml',
        path: [...PATH, 'optOut'],
        message: 'a production environment cannot opt out of alarm notifications',
        fix: 'remove optOut and list subscriptions (email, https or topicArn)',
      },
    ]);
  });

  it('Not applicable: dev may opt out with a reason', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.observability.alarmNotifications = { subscriptions: [], optOut: 'personal sandbox, nobody watches it' };
    });
    expect(alarmNotifications.check(config)).toEqual([]);
  });

  it('Noncompliance 3: an HTTPS endpoint with a token in its query string, named without the token', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.observability.alarmNotifications.subscriptions = [{ https: 'https://hooks.example.com/sns?token=s3cr3t' }];
    });
    const problems = alarmNotifications.check(config);
    expect(problems).toEqual([
      {
        file: 'environments/dev.yaml',
        path: [...PATH, 'subscriptions', 0, 'https'],
        message:
          'https endpoint https://hooks.example.com/sns carries user info, a query string or a fragment, which is where credentials hide; secrets never go in source',
        fix: 'use an endpoint that needs no credential in its URL, or subscribe the endpoint outside this repository to an existing topic and list that topic as topicArn',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cr3t');
  });

  it('Noncompliance 4: two receivers in one entry, and a topic in a region without alarms', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.observability.alarmNotifications.subscriptions = [{ email: 'oncall@example.com', topicArn: 'arn:aws:sns:eu-west-1:444455556666:ops' }];
    });
    expect(alarmNotifications.check(config)).toEqual([
      expect.objectContaining({ path: [...PATH, 'subscriptions', 0], message: 'a subscription names email and topicArn; each entry is one receiver' }),
      expect.objectContaining({
        path: [...PATH, 'subscriptions', 0, 'topicArn'],
        message:
          'topic arn:aws:sns:eu-west-1:444455556666:ops is in eu-west-1, where no alarm of this environment lives (alarms notify topics of their own region only)',
      }),
    ]);
  });

  it('Noncompliance 5: only a home-region topic leaves the us-east-1 topic (DDoSDetected) without receiver', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.observability.alarmNotifications.subscriptions = [{ topicArn: 'arn:aws:sns:ap-southeast-1:444455556666:ops' }];
    });
    expect(alarmNotifications.check(config)).toEqual([
      expect.objectContaining({
        path: [...PATH, 'subscriptions'],
        message: 'the alarm topics in us-east-1 would notify nobody: the listed topics are all in another region',
      }),
    ]);
  });

  it('reports file, line and field when loading the files', () => {
    const dir = copyExampleConfig();
    editYaml(dir, 'environments/dev.yaml', (document) => document.setIn(['observability', 'alarmNotifications', 'subscriptions'], []));
    let error: unknown;
    try {
      loadConfig(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /^ {2}environments\/dev\.yaml:\d+:\d+: observability\.alarmNotifications: the alarm topics have no subscription, so every alarm of the environment notifies nobody \[alarm-notifications\]$/m,
    );
  });
});
