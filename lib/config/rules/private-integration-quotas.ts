import type { ConfigProblem } from '../problems';
import { isVpcLinkBackend } from '../schema/service-backend';
import type { ConfigRule } from './rule';

/**
 * The private integrations must fit the gateway account's quotas (REST API VPC links per region, listeners per
 * NLB, targets per target group), a shared NLB needs a distinct listener port per service, and a TLS backend
 * needs the listener certificate. Failing here beats failing half-way through an apply.
 */
export const privateIntegrationQuotas: ConfigRule = {
  id: 'private-integration-quotas',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const settings = environment.network.privateIntegrations;
      const { quotas } = settings;
      const quotaPath = ['network', 'privateIntegrations', 'quotas'];
      const backends = Object.entries(environment.services).flatMap(([name, deployment]) => {
        const service = config.services.get(name);
        const definition = service?.definition;
        // Lambda backends use no VPC link, listener or target group.
        return deployment.enabled && deployment.backend && definition && isVpcLinkBackend(definition.backend)
          ? [{ name, backend: deployment.backend, port: definition.backend.port, protocol: definition.backend.protocol }]
          : [];
      });
      const problems: ConfigProblem[] = [];

      if (settings.nlbStrategy === 'per-service' && backends.length > quotas.vpcLinksPerRegion) {
        problems.push({
          file,
          path: ['network', 'privateIntegrations', 'nlbStrategy'],
          message: `${backends.length} services need ${backends.length} VPC links, over the quota of ${quotas.vpcLinksPerRegion} per region`,
          fix: `use nlbStrategy: shared, or raise the quota with AWS and set ${quotaPath.join('.')}.vpcLinksPerRegion`,
        });
      }
      if (settings.nlbStrategy === 'shared') {
        if (backends.length > quotas.listenersPerLoadBalancer) {
          problems.push({
            file,
            path: ['network', 'privateIntegrations', 'nlbStrategy'],
            message: `${backends.length} services need ${backends.length} listeners on the shared NLB, over the quota of ${quotas.listenersPerLoadBalancer}`,
            fix: `use nlbStrategy: per-service, or raise the quota with AWS and set ${quotaPath.join('.')}.listenersPerLoadBalancer`,
          });
        }
        const ownerByPort = new Map<number, string>();
        for (const { name, backend, port: backendPort } of backends) {
          const port = backend.listenerPort ?? backendPort;
          const owner = ownerByPort.get(port);
          if (owner === undefined) ownerByPort.set(port, name);
          else {
            problems.push({
              file,
              path: ['services', name, 'backend', 'listenerPort'],
              message: `listener port ${port} of the shared NLB is already used by service "${owner}"`,
              fix: `set services.${name}.backend.listenerPort to a port no other service uses`,
            });
          }
        }
      }
      for (const { name, backend } of backends) {
        const addresses = backend.addresses ?? [];
        if (addresses.length > quotas.targetsPerTargetGroup) {
          problems.push({
            file,
            path: ['services', name, 'backend', 'addresses'],
            message: `${addresses.length} targets exceed the quota of ${quotas.targetsPerTargetGroup} per target group`,
            fix: `put the backend behind fewer addresses, or raise the quota and set ${quotaPath.join('.')}.targetsPerTargetGroup`,
          });
        }
      }
      const tlsBackends = backends.filter(({ protocol }) => protocol === 'TLS');
      if (tlsBackends.length > 0 && !settings.tlsCertificateArn) {
        problems.push({
          file,
          path: ['network', 'privateIntegrations', 'tlsCertificateArn'],
          message: `services ${tlsBackends.map(({ name }) => name).join(', ')} speak TLS but no listener certificate is set`,
          fix: 'set the ARN of an ACM certificate in the gateway account for the TLS listeners',
        });
      }
      return problems;
    }),
};
