import type { ConfigProblem } from '../problems';
import type { Environment } from '../schema/environment';
import { alarmReceiversFor, GLOBAL_ALARM_REGION, isProduction, topicRegion } from '../views/alarm-receivers';
import type { ConfigRule } from './rule';

const PATH = ['observability', 'alarmNotifications'];
const KINDS = ['email', 'https', 'topicArn'] as const;

/**
 * Alarms must reach someone: every environment declares receivers for its alarm topics (or, outside production,
 * says why it opts out), each receiver is exactly one kind, HTTPS endpoints carry no credentials (the file is in
 * source control), and existing topics sit in a region where alarm topics exist, so each topic has a receiver.
 */
export const alarmNotifications: ConfigRule = {
  id: 'alarm-notifications',
  check: (config) => config.environments.flatMap(({ file, config: environment }) => problemsOf(file, environment)),
};

function problemsOf(file: string, environment: Environment): ConfigProblem[] {
  const { subscriptions, optOut } = environment.observability.alarmNotifications;
  const problems: ConfigProblem[] = [];
  subscriptions.forEach((subscription, index) => {
    const path = [...PATH, 'subscriptions', index];
    const kinds = KINDS.filter((kind) => subscription[kind] !== undefined);
    if (kinds.length !== 1) {
      problems.push({
        file,
        path,
        message: kinds.length === 0 ? 'a subscription names no receiver' : `a subscription names ${kinds.join(' and ')}; each entry is one receiver`,
        fix: 'write one of email, https or topicArn per entry (a list item each)',
      });
    }
    if (subscription.https !== undefined) problems.push(...httpsProblems(file, [...path, 'https'], subscription.https));
    if (subscription.topicArn !== undefined) {
      const region = topicRegion(subscription.topicArn);
      if (region !== environment.region && region !== GLOBAL_ALARM_REGION) {
        problems.push({
          file,
          path: [...path, 'topicArn'],
          message: `topic ${subscription.topicArn} is in ${region}, where no alarm of this environment lives (alarms notify topics of their own region only)`,
          fix: `use a topic in ${environment.region} (regional alarms) or ${GLOBAL_ALARM_REGION} (CloudFront and Shield alarms), or an email/https subscription`,
        });
      }
    }
  });

  if (optOut !== undefined) {
    if (isProduction(environment)) {
      problems.push({
        file,
        path: [...PATH, 'optOut'],
        message: 'a production environment cannot opt out of alarm notifications',
        fix: 'remove optOut and list subscriptions (email, https or topicArn)',
      });
    }
    if (subscriptions.length > 0) {
      problems.push({
        file,
        path: [...PATH, 'optOut'],
        message: 'optOut is set while subscriptions are listed',
        fix: 'remove optOut (the subscriptions are used) or remove the subscriptions',
      });
    }
    return problems;
  }
  if (subscriptions.length === 0) {
    problems.push({
      file,
      path: PATH,
      message: 'the alarm topics have no subscription, so every alarm of the environment notifies nobody',
      fix: 'add observability.alarmNotifications.subscriptions (email, https or topicArn; docs/operations.md), or outside production optOut with a reason',
    });
    return problems;
  }
  for (const region of [...new Set([environment.region, GLOBAL_ALARM_REGION])]) {
    const receivers = alarmReceiversFor(environment, region);
    if (receivers.subscriptions.length === 0 && receivers.forwardTopicArns.length === 0) {
      problems.push({
        file,
        path: [...PATH, 'subscriptions'],
        message: `the alarm topics in ${region} would notify nobody: the listed topics are all in another region`,
        fix: `add an email or https subscription, or a topicArn in ${region}`,
      });
    }
  }
  return problems;
}

/** An endpoint URL is in source control: user info or a query string is where tokens hide. */
function httpsProblems(file: string, path: PropertyKey[], endpoint: string): ConfigProblem[] {
  const url = new URL(endpoint);
  if (url.username === '' && url.password === '' && url.search === '' && url.hash === '') return [];
  return [
    {
      file,
      path,
      message: `https endpoint ${url.origin}${url.pathname} carries user info, a query string or a fragment, which is where credentials hide; secrets never go in source`,
      fix: 'use an endpoint that needs no credential in its URL, or subscribe the endpoint outside this repository to an existing topic and list that topic as topicArn',
    },
  ];
}
