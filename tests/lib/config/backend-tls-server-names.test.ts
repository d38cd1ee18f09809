import { backendTlsServerNames, certificateNameCovers } from '../../../lib/config/rules/backend-tls-server-names';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

describe('backend-tls-server-names', () => {
  it('Compliance: every TLS backend of the example has a name under its listener certificate; TCP backends have none', () => {
    expect(backendTlsServerNames.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: a TLS backend without tlsServerName (API Gateway would verify the NLB name)', () => {
    const config = withEnvironment('prod', (environment) => delete environment.services.payments.backend!.tlsServerName);
    expect(backendTlsServerNames.check(config)).toEqual([
      {
        file: 'environments/prod.yaml',
        path: ['services', 'payments', 'backend', 'tlsServerName'],
        message: expect.stringContaining('service "payments" speaks TLS (services/payments/service.yaml: backend.protocol) but has no tlsServerName'),
        fix: 'set services.payments.backend.tlsServerName to the name the listener certificate covers, e.g. payments.internal.example.com',
      },
    ]);
  });

  it('Noncompliance 2: a tlsServerName on a plaintext (TCP) backend', () => {
    const config = withEnvironment('dev', (environment) => (environment.services.ledger.backend!.tlsServerName = 'ledger.backends.dev.example.com'));
    expect(backendTlsServerNames.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/dev.yaml',
        path: ['services', 'ledger', 'backend', 'tlsServerName'],
        message: 'service "ledger" has a tlsServerName but its backend is plaintext (services/ledger/service.yaml: backend.protocol TCP)',
      }),
    ]);
  });

  it('Noncompliance 3: a tlsServerName the listener certificate does not cover', () => {
    const config = withEnvironment('staging', (environment) => (environment.services.customers.backend!.tlsServerName = 'customers.example.net'));
    expect(backendTlsServerNames.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/staging.yaml',
        path: ['services', 'customers', 'backend', 'tlsServerName'],
        message: '"customers.example.net" is not covered by the listener certificate\'s names (*.backends.staging.example.com)',
      }),
    ]);
  });

  it('accepts any covered name when the certificate names are not declared', () => {
    const config = withEnvironment('staging', (environment) => {
      delete environment.network.privateIntegrations.tlsCertificateNames;
      environment.services.customers.backend!.tlsServerName = 'customers.example.net';
    });
    expect(backendTlsServerNames.check(config)).toEqual([]);
  });
});

describe('certificateNameCovers', () => {
  it.each([
    ['payments.backends.example.com', 'payments.backends.example.com', true],
    ['*.backends.example.com', 'payments.backends.example.com', true],
    ['*.backends.example.com', 'a.payments.backends.example.com', false],
    ['*.backends.example.com', 'backends.example.com', false],
    ['payments.backends.example.com', 'ledger.backends.example.com', false],
  ])('%s covers %s: %s', (pattern, host, covered) => {
    expect(certificateNameCovers(pattern, host)).toBe(covered);
  });
});
