import type { ConfigRule } from './rule';

/**
 * A configured certificate for the private domain is an ACM certificate of the gateway account in the environment's
 * home region: API Gateway only attaches certificates from the domain's own account and region.
 */
export const privateDomainCertificate: ConfigRule = {
  id: 'private-domain-certificate',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const arn = environment.privateDomain.certificateArn;
      if (arn === undefined) return [];
      const [, , , region, accountId] = arn.split(':');
      const gatewayAccountId = environment.accounts[environment.roles.gateway]?.id;
      const problems: string[] = [];
      if (region !== environment.region) problems.push(`is in region ${region}, not the home region ${environment.region}`);
      if (gatewayAccountId !== undefined && accountId !== gatewayAccountId)
        problems.push(`belongs to account ${accountId}, not the gateway account ${gatewayAccountId}`);
      return problems.length === 0
        ? []
        : [
            {
              file,
              path: ['privateDomain', 'certificateArn'],
              message: `the private domain certificate ${problems.join(' and ')}`,
              fix: `request or import the certificate for ${environment.domains.private} in ${environment.region} of the gateway account, or remove certificateArn to have one requested and validated by DNS`,
            },
          ];
    }),
};
