import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyExampleConfig, editYaml } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { lineDiff } from './line-diff';
import { onboard, ORDERS_OPTIONS } from './run-onboard';

describe('onboard new', () => {
  it('scaffolds service.yaml and an openapi.yaml stub, enables the service in dev and runs check', async () => {
    // GIVEN
    const dir = copyExampleConfig();
    const devBefore = readFileSync(path.join(dir, 'environments/dev.yaml'), 'utf8');
    // WHEN
    const run = await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS]);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created services/orders/service.yaml');
    expect(run.stdout).toContain('created services/orders/openapi.yaml');
    expect(run.stdout).toContain('updated environments/dev.yaml');
    expect(run.stdout).toMatch(/check: \d+ files, 0 errors, 0 warnings/);

    const service = parse(readFileSync(path.join(dir, 'services/orders/service.yaml'), 'utf8'));
    expect(service).toMatchObject({
      name: 'orders',
      owner: { team: 'orders-team', email: 'orders-team@example.com' },
      basePath: 'orders',
      visibility: 'private',
      backend: { port: 8443, protocol: 'TLS' },
    });
    const openApi = parse(readFileSync(path.join(dir, 'services/orders/openapi.yaml'), 'utf8'));
    expect(openApi.paths['/orders'].get).toMatchObject({
      operationId: 'listOrders',
      security: [{ gatewayAuthorizer: ['orders/read'] }],
      'x-amazon-apigateway-integration': {
        type: 'http_proxy',
        connectionType: 'VPC_LINK',
        connectionId: '${vpc_link_id}',
        uri: 'https://${stageVariables.backendHost}/orders',
      },
    });
    expect(openApi['x-amazon-apigateway-request-validator']).toBe('all');
    expect(lineDiff(devBefore, readFileSync(path.join(dir, 'environments/dev.yaml'), 'utf8'))).toEqual({
      removed: ['    services: [ledger, customers]'],
      added: [
        '    services: [ledger, customers, orders]',
        '  orders:',
        '    backend: { account: payments, addresses: [10.101.2.40], tlsServerName: orders.backends.dev.example.com, listenerPort: 8444 }',
      ],
    });
  });

  it('changes no other line of the environment files: comments and flow styles stay', async () => {
    const dir = copyExampleConfig();
    const prodBefore = readFileSync(path.join(dir, 'environments/prod.yaml'), 'utf8');
    const run = await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS, '--backend', 'prod=payments:10.20.1.40,10.20.2.40']);
    expect(run.code).toBe(0);
    const { removed, added } = lineDiff(prodBefore, readFileSync(path.join(dir, 'environments/prod.yaml'), 'utf8'));
    // Only the grant of retail-app (the consumer given) changed, plus the new entry.
    expect(removed).toEqual(['    services: [ledger, customers]']);
    expect(added).toEqual([
      '    services: [ledger, customers, orders]',
      '  orders:',
      '    backend: { account: payments, addresses: [10.20.1.40, 10.20.2.40], tlsServerName: orders.backends.example.com }',
    ]);
  });

  it('names a TLS backend under the listener certificate and says so; a TCP backend is called over http:// without one', async () => {
    const tlsDir = copyExampleConfig();
    const tls = await onboard(tlsDir, ['new', 'orders', ...ORDERS_OPTIONS]);
    expect(tls.stdout).toContain(
      'environments/dev.yaml: orders is reached as orders.backends.dev.example.com, a name of the TLS listener certificate (services.orders.backend.tlsServerName)',
    );

    const tcpDir = copyExampleConfig();
    const tcp = await onboard(tcpDir, ['new', 'orders', ...ORDERS_OPTIONS, '--protocol', 'TCP']);
    expect(tcp.code).toBe(0);
    const openApi = parse(readFileSync(path.join(tcpDir, 'services/orders/openapi.yaml'), 'utf8'));
    expect(openApi.paths['/orders'].get['x-amazon-apigateway-integration'].uri).toBe('http://${stageVariables.backendHost}/orders');
    const dev = parse(readFileSync(path.join(tcpDir, 'environments/dev.yaml'), 'utf8'));
    expect(dev.services.orders.backend).toEqual({ account: 'payments', addresses: ['10.101.2.40'], listenerPort: 8444 });
  });

  it('picks a free listener port on a shared NLB and says so', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS]);
    expect(run.stdout).toContain('port 8443 is taken on the shared NLB, so orders listens on 8444 (services.orders.backend.listenerPort)');
  });

  it('records the reason when a private service has no consumer yet', async () => {
    const dir = copyExampleConfig();
    const options = ORDERS_OPTIONS.filter((option) => option !== '--consumer' && option !== 'retail-app');
    const run = await onboard(dir, ['new', 'orders', ...options, '--without-consumers-reason', 'the retail app starts calling it next quarter']);
    expect(run.code).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'environments/dev.yaml'), 'utf8')).privateDomain.servicesWithoutConsumers).toEqual({
      orders: 'the retail app starts calling it next quarter',
    });
  });

  it('asks for what the flags leave open when a person is at the terminal', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['new', 'orders'], {
      answers: ['Order intake for the retail app.', 'orders-team', 'orders-team@example.com', '', '', '', 'dev', 'payments:10.101.2.40', 'retail-app'],
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.questions).toEqual([
      'One sentence describing the service',
      'Owning team',
      "Owning team's e-mail address",
      'Base path on the custom domain(s)',
      'Visibility (public, private, both)',
      'Backend port',
      'Enable in environments (comma-separated, empty for none yet)',
      'Backend in dev as <account alias>:<ip>[,<ip>...]',
      'Internal consumers to grant (comma-separated, empty for none yet)',
    ]);
    expect(parse(readFileSync(path.join(dir, 'services/orders/service.yaml'), 'utf8'))).toMatchObject({
      basePath: 'orders',
      visibility: 'private',
      backend: { port: 8443 },
    });
  });

  it('scaffolds without enabling when no backend is given', async () => {
    const dir = copyExampleConfig();
    const options = ORDERS_OPTIONS.filter(
      (option, index, all) => option !== '--backend' && all[index - 1] !== '--backend' && option !== '--consumer' && all[index - 1] !== '--consumer',
    );
    const run = await onboard(dir, ['new', 'orders', ...options]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'services/orders/openapi.yaml'))).toBe(true);
    expect(run.stdout).toContain('enable it in an environment: services.orders.backend in environments/<env>.yaml');
  });

  describe('refuses and changes nothing', () => {
    const refusals: [string, string[], RegExp][] = [
      [
        'fails when the name has invalid characters',
        ['new', 'Orders_API', ...ORDERS_OPTIONS],
        /\(command line\): <name>: service name must be 2-32 lowercase letters, digits or dashes, starting with a letter, got "Orders_API"/,
      ],
      [
        'fails when the service exists',
        ['new', 'payments', ...ORDERS_OPTIONS],
        /services\/payments\/: \(file\): service "payments" already exists\n\s+fix: choose another name/,
      ],
      [
        'fails when a required option is missing and nobody can be asked',
        ['new', 'orders', '--no-input'],
        /--description: is required[\s\S]*--team: is required[\s\S]*--email: is required/,
      ],
      [
        'fails when the e-mail is not one',
        ['new', 'orders', ...ORDERS_OPTIONS, '--email', 'orders-team'],
        /\(command line\): --email: "orders-team" is not an e-mail address/,
      ],
      [
        'fails when --backend is malformed',
        ['new', 'orders', ...ORDERS_OPTIONS.slice(0, -3), '--backend', 'dev:payments', '--no-input'],
        /--backend: "dev:payments" is not <env>=<account>:<ip>/,
      ],
      [
        'fails when the environment does not exist',
        ['new', 'orders', ...ORDERS_OPTIONS.slice(0, -3), '--backend', 'qa=payments:10.101.2.40', '--no-input'],
        /--backend: environment "qa" does not exist\n\s+fix: use one of: dev, prod, staging/,
      ],
      [
        'fails when the address is outside the spoke VPC (found by loading the configuration as it would be)',
        ['new', 'orders', ...ORDERS_OPTIONS.slice(0, -3), '--backend', 'dev=payments:10.200.0.1', '--no-input'],
        /environments\/dev\.yaml:\d+:\d+: services\.orders\.backend\.addresses\[0\]: 10\.200\.0\.1 is outside the spoke VPC of account "payments"/,
      ],
      [
        'fails when a private service has no consumer and no reason',
        ['new', 'orders', ...ORDERS_OPTIONS.filter((option) => option !== '--consumer' && option !== 'retail-app')],
        /private service "orders" is granted to no consumer/,
      ],
      [
        'fails when a public service names consumers',
        ['new', 'orders', ...ORDERS_OPTIONS, '--visibility', 'public'],
        /--consumer: a public service is not on the private domain/,
      ],
      [
        'fails when the consumer does not exist',
        ['new', 'orders', ...ORDERS_OPTIONS, '--consumer', 'nobody'],
        /--consumer: "nobody" is not a consumer in any environment/,
      ],
    ];
    it.each(refusals)('%s', async (_, args, expected) => {
      const dir = copyExampleConfig();
      const before = snapshotTree(dir);
      const run = await onboard(dir, args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/nothing was changed/);
      expect(run.stderr).toMatch(expected);
      expect(snapshotTree(dir)).toEqual(before);
    });

    it('fails when the configuration is already broken, and says to fix it first', async () => {
      const dir = copyExampleConfig();
      editYaml(dir, 'environments/dev.yaml', (document) => document.setIn(['accounts', 'payments', 'id'], '123'));
      const before = snapshotTree(dir);
      const run = await onboard(dir, ['new', 'orders', ...ORDERS_OPTIONS]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The configuration already has 1 problem; fix it first (npm run onboard -- check). Nothing was changed.');
      expect(run.stderr).toContain('environments/dev.yaml');
      expect(snapshotTree(dir)).toEqual(before);
    });
  });

  it('has --help', async () => {
    const run = await onboard(copyExampleConfig(), ['new', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: onboard new [options] <name>');
    expect(run.stdout).toContain('--backend <env=account:ip,...>');
  });
});
