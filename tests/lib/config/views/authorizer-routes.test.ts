import { compileRouteTable, compileServiceRoutes } from '../../../../lib/config/views/authorizer-routes';
import { enabledServices, type OpenApiDocument } from '../../../../lib/config/model';
import { ConfigError } from '../../../../lib/config/problems';
import { exampleConfig, exampleEnvironment } from '../../../support/example-config';

/** The route table the authorizer decides by, compiled from OpenAPI `security` requirements. */

const FILE = 'services/test/openapi.yaml';
const gatewayScheme = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'request' } };

function document(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): OpenApiDocument {
  return {
    openapi: '3.0.3',
    info: { title: 'Test', version: '1' },
    components: { securitySchemes: { gatewayAuthorizer: gatewayScheme, apiKeyAuth: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
    paths,
    ...extra,
  };
}

describe('compileRouteTable', () => {
  it('compiles every enabled example service: method and resource template to the scopes its operations require', () => {
    const table = compileRouteTable(enabledServices(exampleConfig(), exampleEnvironment('dev')));

    expect(Object.keys(table.services)).toEqual(['customers', 'ledger', 'payments']);
    expect(table.services.payments).toEqual({
      'GET /payments': [['payments/read']],
      'GET /payments/{id}': [['payments/read']],
      'POST /payments': [['payments/write']],
    });
    expect(table.version).toBe(1);
  });

  it('lists only the services enabled in the environment', () => {
    const [payments] = enabledServices(exampleConfig(), exampleEnvironment('dev')).filter((entry) => entry.service.definition.name === 'payments');
    expect(Object.keys(compileRouteTable([payments]).services)).toEqual(['payments']);
  });
});

describe('compileServiceRoutes', () => {
  it('ANDs the scopes inside one requirement and ORs the requirements', () => {
    const routes = compileServiceRoutes(
      document({
        '/refunds': { post: { security: [{ gatewayAuthorizer: ['payments/write', 'payments/refund'] }, { gatewayAuthorizer: ['payments/admin'] }] } },
      }),
      FILE,
    );
    expect(routes).toEqual({ 'POST /refunds': [['payments/admin'], ['payments/refund', 'payments/write']] });
  });

  it('uses the document-level security when an operation has none, and the operation’s own when it has one', () => {
    const routes = compileServiceRoutes(
      document({ '/a': { get: {}, delete: { security: [{ gatewayAuthorizer: ['a/admin'] }] } } }, { security: [{ gatewayAuthorizer: ['a/read'] }] }),
      FILE,
    );
    expect(routes).toEqual({ 'DELETE /a': [['a/admin']], 'GET /a': [['a/read']] });
  });

  it('leaves out operations that do not use the gateway authorizer', () => {
    const routes = compileServiceRoutes(
      document({ '/health': { get: { security: [] } }, '/keys': { get: { security: [{ apiKeyAuth: [] }] } }, '/open': { get: {} } }),
      FILE,
    );
    expect(routes).toEqual({});
  });

  it('keeps only the gateway scheme’s part of a requirement that combines schemes', () => {
    expect(compileServiceRoutes(document({ '/b': { put: { security: [{ apiKeyAuth: [], gatewayAuthorizer: ['b/write'] }] } } }), FILE)).toEqual({
      'PUT /b': [['b/write']],
    });
  });

  it('admits any valid token when the requirement lists no scopes', () => {
    expect(compileServiceRoutes(document({ '/me': { get: { security: [{ gatewayAuthorizer: [] }] } } }), FILE)).toEqual({ 'GET /me': [[]] });
  });

  it('maps x-amazon-apigateway-any-method to ANY and ignores path-level fields that are not operations', () => {
    const routes = compileServiceRoutes(
      document({
        '/files/{proxy+}': { parameters: [], summary: 'files', 'x-amazon-apigateway-any-method': { security: [{ gatewayAuthorizer: ['files/rw'] }] } },
      }),
      FILE,
    );
    expect(routes).toEqual({ 'ANY /files/{proxy+}': [['files/rw']] });
  });

  it('gives the same output whatever the order of paths, scopes and requirements in the YAML', () => {
    const one = compileServiceRoutes(
      document({
        '/b': { get: { security: [{ gatewayAuthorizer: ['y', 'x'] }, { gatewayAuthorizer: ['z'] }] } },
        '/a': { get: { security: [{ gatewayAuthorizer: ['q'] }] } },
      }),
      FILE,
    );
    const two = compileServiceRoutes(
      document({
        '/a': { get: { security: [{ gatewayAuthorizer: ['q'] }] } },
        '/b': { get: { security: [{ gatewayAuthorizer: ['z'] }, { gatewayAuthorizer: ['x', 'y'] }, { gatewayAuthorizer: ['z'] }] } },
      }),
      FILE,
    );
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('fails naming the file, the path and the fix when scopes are not a list of strings', () => {
    const services = withOpenApi('ledger', document({ '/entries': { get: { security: [{ gatewayAuthorizer: 'ledger/read' }] } } }));

    expect(() => compileRouteTable(services)).toThrow(ConfigError);
    expect(() => compileRouteTable(services)).toThrow(
      'services/ledger/openapi.yaml: paths./entries.get.security[0].gatewayAuthorizer: scopes must be a list of strings without spaces',
    );
  });

  it('fails when security is not a list', () => {
    const services = withOpenApi('payments', document({ '/x': { get: { security: { gatewayAuthorizer: [] } } } }));
    expect(() => compileRouteTable(services)).toThrow('services/payments/openapi.yaml: paths./x.get.security: security must be a list of requirement objects');
  });
});

/** The dev services with one service's OpenAPI document replaced. */
function withOpenApi(name: string, openApi: OpenApiDocument) {
  return enabledServices(exampleConfig(), exampleEnvironment('dev')).map((entry) =>
    entry.service.definition.name === name ? { ...entry, service: { ...entry.service, openApi } } : entry,
  );
}
