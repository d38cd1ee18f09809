import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExampleConfig, editYaml } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboard } from './run-onboard';

const PAYMENTS = 'services/payments/openapi.yaml';

describe('onboard check', () => {
  it('passes the example configuration', async () => {
    const run = await onboard(copyExampleConfig(), ['check']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^check: \d+ files, 0 errors, 0 warnings$/);
  });

  it('prints a warning with file, line, JSON pointer, rule id and fix, and exits 0', async () => {
    const dir = copyExampleConfig();
    editYaml(dir, PAYMENTS, (document) => document.deleteIn(['paths', '/payments', 'get', 'summary']));
    // The operation's mapping starts at its first key, now operationId.
    const line = readFileSync(path.join(dir, PAYMENTS), 'utf8').split('\n').indexOf('      operationId: listPayments') + 1;
    const run = await onboard(dir, ['check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `warning: services/payments/openapi.yaml:${line}:7: #/paths/~1payments/get: GET /payments has no summary [UAG-OAS-103]\n    fix: add summary:`,
    );
    expect(run.stdout).toMatch(/0 errors, 1 warning$/);
  });

  it('reports an outline error and the rule findings of the same document in one run (CloudFormation residue included, once)', async () => {
    const dir = copyExampleConfig();
    editYaml(dir, PAYMENTS, (document) => {
      document.setIn(['info', 'version'], '');
      document.setIn(['paths', '/payments', 'get', 'x-amazon-apigateway-integration', 'connectionId'], { Ref: 'PaymentsVpcLink' });
    });
    const run = await onboard(dir, ['check']);
    expect(run.code).toBe(1);
    const errors = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('error:'))
      .map((line) => line.replace(/:\d+:\d+:/, ':L:C:'));
    expect(errors).toEqual([
      'error: services/payments/openapi.yaml:L:C: info.version: info.version must not be empty; write the version of the API, e.g. "1.0.0"',
      'error: services/payments/openapi.yaml:L:C: #/paths/~1payments/get/x-amazon-apigateway-integration/connectionId: {"Ref": …} (CloudFormation) is a CloudFormation intrinsic function [UAG-OAS-005]',
    ]);
  });

  it('exits 1 on an error and reports it once, although loadConfig and the document lint both find it', async () => {
    const dir = copyExampleConfig();
    editYaml(dir, PAYMENTS, (document) => document.setIn(['paths', '/payments', 'post', 'operationId'], 'listPayments'));
    const run = await onboard(dir, ['check']);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toEqual([
      expect.stringMatching(
        /^error: services\/payments\/openapi\.yaml:\d+:\d+: #\/paths\/~1payments\/post\/operationId: operationId "listPayments" of POST \/payments is already used by GET \/payments \[UAG-OAS-102\]$/,
      ),
    ]);
    expect(run.stdout).toContain('1 error, 0 warnings (errors stop synth and the merge request pipeline)');
  });

  it('adds the full validation of @readme/openapi-parser, located in the document', async () => {
    const dir = copyExampleConfig();
    // An array without items is valid against the official schema; only the full validation catches it.
    editYaml(dir, PAYMENTS, (document) =>
      document.setIn(['paths', '/payments', 'get', 'responses', '200', 'content', 'application/json', 'schema'], document.createNode({ type: 'array' })),
    );
    const run = await onboard(dir, ['check', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: PAYMENTS,
        path: '#/paths/~1payments/get/responses/200/content/application~1json/schema',
        pathStyle: 'json-pointer',
        rule: 'openapi-parser',
        message: expect.stringContaining('must include an `items` schema'),
        line: expect.any(Number),
      }),
    ]);
  });

  it('prints JSON for CI with counts, files and every problem', async () => {
    const dir = copyExampleConfig();
    editYaml(dir, 'environments/dev.yaml', (document) => document.setIn(['accounts', 'payments', 'id'], '123'));
    editYaml(dir, PAYMENTS, (document) => document.deleteIn(['paths', '/payments', 'get', 'summary']));
    const run = await onboard(dir, ['check', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ errors: 1, warnings: 1 });
    expect(report.files).toEqual(expect.arrayContaining(['environments/dev.yaml', PAYMENTS, 'services/payments/service.yaml']));
    expect(report.problems).toEqual([
      {
        severity: 'error',
        file: 'environments/dev.yaml',
        line: expect.any(Number),
        column: expect.any(Number),
        path: 'accounts.payments.id',
        pathStyle: 'yaml',
        message: 'must be exactly 12 digits, got "123"',
        fix: 'correct the value as the message says',
      },
      expect.objectContaining({ severity: 'warning', file: PAYMENTS, path: '#/paths/~1payments/get', rule: 'UAG-OAS-103' }),
    ]);
  });

  it('still lints every OpenAPI document when an environment file does not parse', async () => {
    const dir = copyExampleConfig();
    writeFileSync(path.join(dir, 'environments/dev.yaml'), `${readFileSync(path.join(dir, 'environments/dev.yaml'), 'utf8')}\n  broken: [\n`);
    editYaml(dir, PAYMENTS, (document) => document.deleteIn(['paths', '/payments', 'get', 'summary']));
    const before = snapshotTree(dir);
    const run = await onboard(dir, ['check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: environments\/dev\.yaml:\d+:\d+: \(file\): invalid YAML/m);
    expect(run.stdout).toContain('[UAG-OAS-103]');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports an OpenAPI 2.0 document in services/ with what to do', async () => {
    const dir = copyExampleConfig();
    writeFileSync(path.join(dir, PAYMENTS), readFileSync(path.resolve(__dirname, '../../fixtures/openapi/import/swagger-2.0.yaml'), 'utf8'));
    const run = await onboard(dir, ['check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('services/payments/openapi.yaml');
    expect(run.stderr).toContain('openapi: must declare "openapi: 3.0.x" or "3.1.x" (Swagger 2.0 is not supported)');
  });

  it('has --help', async () => {
    const run = await onboard(copyExampleConfig(), ['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--format <format>');
  });
});
