import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { lineDiff } from './line-diff';
import { onboard, PETS_OPTIONS } from './run-onboard';

const FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/import');
const PETSTORE = path.join(FIXTURES, 'petstore-expanded.yaml');

describe('onboard import', () => {
  it('imports petstore-expanded and reports what it added per operation', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['import', PETSTORE, ...PETS_OPTIONS]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = run.stdout.split('\n').filter((line) => /^ {2}(document|GET|POST|PUT|DELETE)/.test(line));
    expect(report).toEqual([
      "  document: added components.securitySchemes.gatewayAuthorizer (the gateway's Lambda authorizer)",
      '  document: added x-amazon-apigateway-request-validators.all (validates request body and parameters)',
      '  document: set x-amazon-apigateway-request-validator: all (request validation on by default)',
      '  GET /pets (findPets): added security gatewayAuthorizer [pets/read]',
      '  GET /pets (findPets): added x-amazon-apigateway-integration (http_proxy through the VPC link to https://${stageVariables.backendHost}/pets)',
      '  POST /pets (addPet): added security gatewayAuthorizer [pets/write]',
      '  POST /pets (addPet): added x-amazon-apigateway-integration (http_proxy through the VPC link to https://${stageVariables.backendHost}/pets)',
      '  GET /pets/{id} (find pet by id): added security gatewayAuthorizer [pets/read]',
      '  GET /pets/{id} (find pet by id): added x-amazon-apigateway-integration (http_proxy through the VPC link to https://${stageVariables.backendHost}/pets/{id}, passes path parameter id)',
      '  DELETE /pets/{id} (deletePet): added security gatewayAuthorizer [pets/write]',
      '  DELETE /pets/{id} (deletePet): added x-amazon-apigateway-integration (http_proxy through the VPC link to https://${stageVariables.backendHost}/pets/{id}, passes path parameter id)',
    ]);
    // The API standards the petstore does not meet are reported as warnings, not refused.
    expect(run.stdout).toContain('warning: services/pets/openapi.yaml');
    expect(run.stdout).toContain('GET /pets has no summary [UAG-OAS-103]');
    expect(run.stdout).toMatch(/check: \d+ files, 0 errors, 8 warnings/);
  });

  it('keeps every byte of the imported YAML and only adds lines', async () => {
    const dir = copyExampleConfig();
    await onboard(dir, ['import', PETSTORE, ...PETS_OPTIONS]);
    const original = readFileSync(PETSTORE, 'utf8');
    const imported = readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8');
    const { removed, added } = lineDiff(original, imported);
    expect(removed).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
    // Comments survive too: the fixture's header is still at the top.
    expect(imported.startsWith('# The OpenAPI Initiative\'s "petstore-expanded" example')).toBe(true);
  });

  it('adds the integration with the path parameter mapping and the security the rules need', async () => {
    const dir = copyExampleConfig();
    await onboard(dir, ['import', PETSTORE, ...PETS_OPTIONS]);
    const document = parse(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8'));
    expect(document.paths['/pets/{id}'].delete).toMatchObject({
      operationId: 'deletePet',
      security: [{ gatewayAuthorizer: ['pets/write'] }],
      'x-amazon-apigateway-integration': {
        type: 'http_proxy',
        httpMethod: 'DELETE',
        connectionType: 'VPC_LINK',
        connectionId: '${vpc_link_id}',
        uri: 'https://${stageVariables.backendHost}/pets/{id}',
        requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
      },
    });
    expect(document.components.securitySchemes.gatewayAuthorizer['x-amazon-apigateway-authorizer'].authorizerUri).toBe('${authorizer_uri}');
    expect(document.info.termsOfService).toBe('http://swagger.io/terms/');
    expect(parse(readFileSync(path.join(dir, 'services/pets/service.yaml'), 'utf8')).description).toBe(
      'A sample API that uses a petstore as an example to demonstrate features in the OpenAPI 3.0 specification',
    );
  });

  it('imports a JSON document as YAML with the same content', async () => {
    const dir = copyExampleConfig();
    const json = path.join(mkdtempSync(path.join(tmpdir(), 'uag-import-')), 'petstore.json');
    const petstore = parse(readFileSync(PETSTORE, 'utf8'));
    writeFileSync(json, JSON.stringify(petstore, null, 2));
    const run = await onboard(dir, ['import', json, ...PETS_OPTIONS]);
    expect(run.code).toBe(0);
    const imported = parse(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8'));
    expect(imported.components.schemas).toEqual(petstore.components.schemas);
    expect(imported.paths['/pets'].get.parameters).toEqual(petstore.paths['/pets'].get.parameters);
  });

  it('leaves an operation that already has its extensions as it was', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['import', path.join(dir, 'services/payments/openapi.yaml'), ...PETS_OPTIONS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  GET /payments (listPayments): unchanged, already has its integration and security');
    expect(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8')).toBe(readFileSync(path.join(dir, 'services/payments/openapi.yaml'), 'utf8'));
  });

  it('replaces anonymous security and says how to keep an operation public', async () => {
    const dir = copyExampleConfig();
    const source = path.join(mkdtempSync(path.join(tmpdir(), 'uag-import-')), 'open.yaml');
    writeFileSync(source, readFileSync(PETSTORE, 'utf8').replace('      operationId: findPets\n', '      operationId: findPets\n      security: []\n'));
    const run = await onboard(dir, ['import', source, ...PETS_OPTIONS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'GET /pets (findPets): replaced security [] with gatewayAuthorizer [pets/read] (it was anonymous: if it must stay public, list it under publicOperations in service.yaml with a reason)',
    );
    expect(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8')).toContain('      security: [{ gatewayAuthorizer: [pets/read] }]\n');
  });

  describe('refuses and changes nothing', () => {
    const refusals: [string, (dir: string) => string, readonly string[], RegExp][] = [
      [
        'fails when the file does not exist, naming the path it looked at',
        () => path.join(FIXTURES, 'missing.yaml'),
        PETS_OPTIONS,
        new RegExp(`missing\\.yaml: \\(file\\): file not found \\(looked at ${path.join(FIXTURES, 'missing.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`),
      ],
      ['fails when the YAML does not parse', () => path.join(FIXTURES, 'unparsable.yaml'), PETS_OPTIONS, /unparsable\.yaml:4:\d+: \(file\): invalid YAML/],
      [
        'fails on an OpenAPI 3.1 document',
        () => path.join(FIXTURES, 'openapi-3.1.yaml'),
        PETS_OPTIONS,
        /openapi-3\.1\.yaml: #\/openapi: OpenAPI "3\.1\.0" is not supported; API Gateway imports OpenAPI 3\.0/,
      ],
      ['fails on invalid JSON', () => writeTemp('broken.json', '{ "openapi": "3.0.3", '), PETS_OPTIONS, /broken\.json: \(file\): invalid JSON/],
      [
        'fails when the service name exists',
        () => PETSTORE,
        [...PETS_OPTIONS, '--name', 'payments'],
        /services\/payments\/: \(file\): service "payments" already exists/,
      ],
      [
        'fails when the name has invalid characters',
        () => PETSTORE,
        [...PETS_OPTIONS, '--name', 'Pet Store'],
        /--name: service name must be 2-32 lowercase letters/,
      ],
      ['fails without a name when nobody can be asked', () => PETSTORE, PETS_OPTIONS.slice(2), /--name: is required/],
      [
        'fails when the imported document breaks an error rule, pointing into the imported file',
        () => writeTemp('duplicate.yaml', readFileSync(PETSTORE, 'utf8').replace('operationId: deletePet', 'operationId: findPets')),
        PETS_OPTIONS,
        /duplicate\.yaml:\d+:\d+: #\/paths\/~1pets~1\{id\}\/delete\/operationId: operationId "findPets" of DELETE \/pets\/\{id\} is already used by GET \/pets \[UAG-OAS-102\]/,
      ],
    ];
    it.each(refusals)('%s', async (_, source, options, expected) => {
      const dir = copyExampleConfig();
      const file = source(dir);
      const before = snapshotTree(dir);
      const run = await onboard(dir, ['import', file, ...options]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/nothing was changed/);
      expect(run.stderr).toMatch(expected);
      expect(snapshotTree(dir)).toEqual(before);
    });
  });

  it('lists what each write granted: the consumers and the listener port', async () => {
    const dir = copyExampleConfig();
    const options = PETS_OPTIONS.map((option) => (option === 'public' ? 'private' : option));
    const run = await onboard(dir, ['import', PETSTORE, ...options, '--consumer', 'retail-app']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const notes = run.stdout.split('\n').filter((line) => line.startsWith('  note: environments/dev.yaml'));
    expect(notes).toEqual([
      '  note: environments/dev.yaml: port 8443 is taken on the shared NLB, so pets listens on 8444 (services.pets.backend.listenerPort)',
      '  note: environments/dev.yaml: pets is reached as pets.backends.dev.example.com, a name of the TLS listener certificate (services.pets.backend.tlsServerName)',
      '  note: environments/dev.yaml: granted pets to retail-app (consumers.<consumer>.services in dev)',
    ]);
  });

  it('converts a Swagger 2.0 document with swagger2openapi and lists what the conversion changed', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['import', path.join(FIXTURES, 'swagger-2.0.yaml'), ...PETS_OPTIONS]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = run.stdout.split('\n').slice(0, 3);
    expect(summary).toEqual([
      `Converted ${path.join(FIXTURES, 'swagger-2.0.yaml')} from Swagger 2.0 to OpenAPI 3.0 (swagger2openapi):`,
      '  swagger: "2.0" became openapi: 3.0.0',
      '  basePath became servers /v1 (the platform serves the API on its own domains)',
    ]);
    const document = parse(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8'));
    expect(document.openapi).toBe('3.0.0');
    expect(document.swagger).toBeUndefined();
    expect(document.paths['/things'].get['x-amazon-apigateway-integration'].uri).toBe('https://${stageVariables.backendHost}/things');
  });

  it('has --help', async () => {
    const run = await onboard(copyExampleConfig(), ['import', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: onboard import [options] <openapi-file>');
  });
});

/** A source file outside the configuration tree, so the tree comparison covers only the configuration. */
function writeTemp(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-import-')), name);
  writeFileSync(file, content);
  return file;
}
