import { authorizerRoutes } from '../../../lib/config/rules/authorizer-routes';
import type { LandingZoneConfig } from '../../../lib/config/model';
import { exampleConfig } from '../../support/example-config';

describe('authorizer-routes', () => {
  it('Compliance: every example service compiles into the route table', () => {
    expect(authorizerRoutes.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance: a malformed security requirement is reported at load, with file and path, not thrown during synthesis', () => {
    const base = exampleConfig();
    const ledger = base.services.get('ledger')!;
    const openApi = structuredClone(ledger.openApi) as Record<string, any>;
    openApi.paths['/entries'].get.security = [{ gatewayAuthorizer: 'ledger/read' }];
    const config: LandingZoneConfig = { ...base, services: new Map([...base.services, ['ledger', { ...ledger, openApi: openApi as typeof ledger.openApi }]]) };
    expect(authorizerRoutes.check(config)).toEqual([
      {
        file: 'services/ledger/openapi.yaml',
        path: ['paths', '/entries', 'get', 'security', 0, 'gatewayAuthorizer'],
        message: 'scopes must be a list of strings without spaces',
        fix: 'write e.g. [payments/read, payments/write]',
      },
    ]);
  });
});
