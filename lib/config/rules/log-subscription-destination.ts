import type { ConfigRule } from './rule';

/**
 * A subscription filter can deliver straight to a Firehose stream only in its own account and region; another
 * account needs a CloudWatch Logs destination there, which this project does not manage.
 */
export const logSubscriptionDestination: ConfigRule = {
  id: 'log-subscription-destination',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const destination = environment.observability.logSubscription?.destinationArn;
      if (!destination) return [];
      const [, , , region, accountId] = destination.split(':');
      const gatewayAccount = environment.accounts[environment.roles.gateway]?.id;
      if (region === environment.region && accountId === gatewayAccount) return [];
      return [
        {
          file,
          path: ['observability', 'logSubscription', 'destinationArn'],
          message: `the Firehose stream is in ${accountId}/${region}, not in the gateway account ${gatewayAccount}/${environment.region}`,
          fix: 'use a delivery stream in the gateway account and home region (it may forward to the SIEM account)',
        },
      ];
    }),
};
