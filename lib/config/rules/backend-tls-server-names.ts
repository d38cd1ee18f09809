import type { ConfigProblem } from '../problems';
import { isVpcLinkBackend } from '../schema/service-backend';
import type { ConfigRule } from './rule';

/**
 * API Gateway calls a TLS backend at `https://<tlsServerName>:<listener port>/…` through the VPC link: the host of
 * the integration URI is the Host header and the name it verifies the NLB listener's certificate against
 * (docs/decisions/0013-backend-tls-server-names.md). The NLB's own DNS name (`*.elb.amazonaws.com`) is on no
 * certificate a team can hold, so a TLS backend needs a declared server name, covered by the listener
 * certificate; a plaintext (TCP) backend has no TLS to name.
 */
export const backendTlsServerNames: ConfigRule = {
  id: 'backend-tls-server-names',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const certificateNames = environment.network.privateIntegrations.tlsCertificateNames;
      const problems: ConfigProblem[] = [];
      for (const [name, deployment] of Object.entries(environment.services)) {
        const service = config.services.get(name);
        // Lambda backends have no listener to name (backend-kinds refuses a tlsServerName there).
        if (!deployment.enabled || !deployment.backend || !service || !isVpcLinkBackend(service.definition.backend)) continue;
        const path = ['services', name, 'backend', 'tlsServerName'];
        const serverName = deployment.backend.tlsServerName;
        const protocol = service.definition.backend.protocol;
        if (protocol === 'TLS' && serverName === undefined) {
          problems.push({
            file,
            path,
            message: `service "${name}" speaks TLS (${service.file}: backend.protocol) but has no tlsServerName: API Gateway would verify the NLB's own DNS name, which no certificate covers`,
            fix: `set services.${name}.backend.tlsServerName to the name the listener certificate covers, e.g. ${name}.internal.example.com`,
          });
        }
        if (protocol === 'TCP' && serverName !== undefined) {
          problems.push({
            file,
            path,
            message: `service "${name}" has a tlsServerName but its backend is plaintext (${service.file}: backend.protocol TCP)`,
            fix: `remove services.${name}.backend.tlsServerName, or set backend.protocol: TLS in ${service.file}`,
          });
        }
        if (
          protocol === 'TLS' &&
          serverName !== undefined &&
          certificateNames &&
          !certificateNames.some((pattern) => certificateNameCovers(pattern, serverName))
        ) {
          problems.push({
            file,
            path,
            message: `"${serverName}" is not covered by the listener certificate's names (${certificateNames.join(', ')})`,
            fix: `use a name under ${certificateNames.join(' or ')}, or add "${serverName}" to the certificate and to network.privateIntegrations.tlsCertificateNames`,
          });
        }
      }
      return problems;
    }),
};

/** X.509 name matching as TLS clients do it: exact, or `*.` standing for exactly one leftmost label. */
export function certificateNameCovers(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === pattern.slice(2);
}
