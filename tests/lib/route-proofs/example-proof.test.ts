import { loadConfig } from '../../../lib/config/load';
import { enabledServices } from '../../../lib/config/model';
import { formatChain, proveRoutes, summarize, type RouteProof } from '../../../lib/route-proofs';
import { REPO_ROOT } from '../../support/example-config';
import { appFrom, synthesizeExampleJson } from './synthesized-output';

/**
 * Acceptance 2: the example configuration, synthesized in deploy mode, proves every route of every environment.
 * The expected routes come from the configuration (enabled services, their visibility, their OpenAPI operations),
 * so a route the checker silently skipped would fail here as surely as a broken one.
 */
const example = synthesizeExampleJson();
const proofs = proveRoutes(appFrom(example, example.copy()));
const config = loadConfig(REPO_ROOT);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function expectedRoutes(): string[] {
  return config.environments.flatMap(({ config: environment }) =>
    enabledServices(config, environment).flatMap(({ service }) => {
      const visibilities = service.definition.visibility === 'both' ? ['public', 'private'] : [service.definition.visibility];
      const paths = service.openApi.paths as Record<string, Record<string, unknown>>;
      return visibilities.flatMap((visibility) =>
        Object.entries(paths).flatMap(([path, item]) =>
          Object.keys(item)
            .filter((key) => METHODS.includes(key))
            .map((method) => `${environment.name} ${service.definition.name} ${visibility} ${method.toUpperCase()} ${path}`),
        ),
      );
    }),
  );
}

const key = (proof: RouteProof) => `${proof.environment} ${proof.service} ${proof.visibility} ${proof.method} ${proof.path}`;

describe('the synthesized example', () => {
  it('has a route proof for every operation of every enabled service in every environment', () => {
    expect(proofs.map(key).sort()).toEqual(expectedRoutes().sort());
  });

  it('proves every route of dev, staging and prod', () => {
    const broken = proofs
      .filter((proof) => proof.broken)
      .map(
        (proof) => `${key(proof)}: ${proof.broken!.name} ${proof.broken!.stack} ${proof.broken!.address} ${proof.broken!.attribute}: ${proof.broken!.problem}`,
      );
    expect(broken).toEqual([]);
    expect(summarize(proofs).map((summary) => [summary.environment, summary.broken])).toEqual([
      ['dev', 0],
      ['prod', 0],
      ['staging', 0],
    ]);
  });

  it('walks a public route from the Route 53 alias to the spoke and a private route from the consumer zone', () => {
    const hopNames = (proof: RouteProof | undefined) => [...new Set(proof?.hops.map((hop) => hop.name))];
    const publicRoute = proofs.find((proof) => key(proof) === 'dev payments public GET /payments');
    const privateRoute = proofs.find((proof) => key(proof) === 'dev ledger private GET /entries');
    const backend = [
      'integration',
      'vpc-link',
      'integration-scheme',
      'integration-host',
      'integration-port',
      'listener',
      'target-group',
      'targets',
      'gateway-subnet-routes',
      'tgw-gateway-association',
      'tgw-propagation-to-gateway',
      'tgw-spoke-association',
      'tgw-propagation-to-spoke',
      'spoke-routes',
      'nlb-security-group',
    ];
    expect(hopNames(publicRoute)).toEqual([
      'dns',
      'cloudfront',
      'origin-dns',
      'regional-domain',
      'api-mapping',
      'stage',
      'method',
      'authorizer',
      'authorizer-role',
      ...backend,
    ]);
    expect(hopNames(privateRoute)).toEqual([
      'consumer-dns',
      'vpc-endpoint',
      'access-association',
      'private-domain-policy',
      'base-path-mapping',
      'stage',
      'private-api-policy',
      'method',
      'authorizer',
      'authorizer-role',
      ...backend,
    ]);
    // The host proven is the server name the configuration declares for payments in dev, nothing derived from the NLB.
    const dev = config.environments.find(({ config: environment }) => environment.name === 'dev')!.config;
    const serverName = (dev.services.payments!.backend as { tlsServerName?: string }).tlsServerName;
    expect(serverName).toBe('payments.backends.dev.example.com');
    expect(publicRoute!.hops.find((hop) => hop.name === 'integration-host')!.detail).toMatch(
      new RegExp(`^host ${serverName!.replace(/\./g, '\\.')} = TLS server name of aws_lb_listener\\.Network_PrivateIntegrations_Backend-payments_[0-9A-F]{8}$`),
    );
    expect(formatChain(publicRoute!).split('\n')).toHaveLength(2 * publicRoute!.hops.length);
  });
});
