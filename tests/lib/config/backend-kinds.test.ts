import { backendKinds } from '../../../lib/config/rules/backend-kinds';
import { checkSchema } from '../../../lib/config/schema-problems';
import { ServiceSchema } from '../../../lib/config/schema/service';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

/** service.yaml's backend kinds and cors: block, and the environment's backend settings per kind (decision 0014). */
const service = (overrides: Record<string, unknown>) => ({
  name: 'notes',
  description: 'Notes.',
  owner: { team: 'notes-team', email: 'notes@example.com' },
  basePath: 'notes',
  visibility: 'public',
  backend: { kind: 'lambda', functionName: 'notes-api' },
  ...overrides,
});
const problems = (input: unknown) =>
  checkSchema(ServiceSchema, input, 'services/notes/service.yaml').problems.map(({ path, message }) => `${path.join('.')}: ${message}`);

describe('service.yaml backend and cors', () => {
  it('reads a Lambda backend and a cors block, with the cors defaults', () => {
    const { value } = checkSchema(ServiceSchema, service({ cors: { allowOrigins: ['https://app.example.com'] } }), 'service.yaml');
    expect(value?.backend).toEqual({ kind: 'lambda', functionName: 'notes-api' });
    expect(value?.cors).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: [],
      allowCredentials: false,
      maxAgeSeconds: 600,
    });
  });

  it('keeps a backend without kind a VPC-link backend, as every existing service.yaml is', () => {
    const { value } = checkSchema(ServiceSchema, service({ backend: { port: 8443 } }), 'service.yaml');
    expect(value?.backend).toEqual({ kind: 'vpcLink', port: 8443, protocol: 'TLS', healthCheckPath: '/health' });
  });

  it('fails with one message per field: unknown kind, function ARN as name, $LATEST, wildcard and http origins', () => {
    expect(problems(service({ backend: { kind: 'fargate', port: 1 } }))).toEqual([
      'backend.kind: kind must be one of vpcLink, lambda (absent means vpcLink), got "fargate"',
    ]);
    expect(problems(service({ backend: { kind: 'lambda', functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:x', qualifier: '$LATEST' } }))).toEqual([
      'backend.functionName: must be a Lambda function name (1-64 letters, digits, - or _; not an ARN), got "arn:aws:lambda:eu-west-1:123456789012:function:x"',
      'backend.qualifier: must be an alias or a published version, not $LATEST: what runs must be what was released',
    ]);
    expect(problems(service({ cors: { allowOrigins: ['*', 'http://app.example.com', 'https://app.example.com/path'], allowCredentials: true } }))).toEqual([
      'cors.allowOrigins.0: must list exact origins; "*" would let every web site call the API from its visitors\' browsers',
      'cors.allowOrigins.1: must be an exact https origin such as https://app.example.com (scheme, host, optional port; no path, no wildcard), got "http://app.example.com"',
      'cors.allowOrigins.2: must be an exact https origin such as https://app.example.com (scheme, host, optional port; no path, no wildcard), got "https://app.example.com/path"',
    ]);
  });

  it('refuses allowHeaders without Authorization, which the gateway authorizer reads', () => {
    expect(problems(service({ cors: { allowOrigins: ['https://app.example.com'], allowHeaders: ['Content-Type'] } }))).toEqual([
      'cors.allowHeaders: must include Authorization: the gateway authorizer reads the token from it, and browsers send only the headers listed here',
    ]);
  });

  it('refuses VPC-link fields on a Lambda backend', () => {
    expect(problems(service({ backend: { kind: 'lambda', functionName: 'notes-api', port: 8443 } }))).toEqual(['backend.port: unknown key "port"']);
  });
});

describe('backend-kinds', () => {
  it('Compliance: the example (VPC-link services with addresses, a Lambda service naming only its account)', () => {
    expect(backendKinds.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: a VPC-link service enabled without addresses', () => {
    const config = withEnvironment('dev', (environment) => delete environment.services.ledger.backend!.addresses);
    expect(backendKinds.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: ['services', 'ledger', 'backend'],
        message: 'service "ledger" is reached through its VPC link (services/ledger/service.yaml: backend.kind vpcLink) but has no addresses for dev',
        fix: "add services.ledger.backend.addresses: the IP addresses of the backend in account ledger's spoke VPC",
      },
    ]);
  });

  it('Noncompliance 2: network settings on a Lambda backend', () => {
    const config = withEnvironment('staging', (environment) => {
      environment.services.notifications.backend = { account: 'customers', addresses: ['10.153.1.31'], listenerPort: 9444 };
    });
    expect(backendKinds.check(config).map(({ path, message, fix }) => ({ path: path.join('.'), message, fix }))).toEqual(
      ['addresses', 'listenerPort'].map((field) => ({
        path: `services.notifications.backend.${field}`,
        message: `service "notifications" has a Lambda backend (services/notifications/service.yaml: backend.kind lambda), which has no ${field}`,
        fix: `remove services.notifications.backend.${field}; a Lambda backend needs only the account that owns the function`,
      })),
    );
  });
});
