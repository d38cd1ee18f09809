import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { synthesize } from '../../../app/synthesize';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboard } from './run-onboard';

/**
 * `import` of documents with Lambda proxy and MOCK integrations (docs/decisions/0014-backend-kinds.md): what it maps
 * is declared in service.yaml and deploys; what it cannot map is refused in one run, the tree unchanged.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/backend-kinds');
const NOTES_OPTIONS = ['--name', 'notes', '--team', 'notes-team', '--email', 'notes@example.com', '--visibility', 'public', '--no-input'];

describe('onboard import: Lambda proxy and preflight', () => {
  it('declares the Lambda backend and cors:, enables it with the function account only, and the result synthesizes with every route proven', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, [
      'import',
      path.join(FIXTURES, 'lambda-proxy-with-preflight.yaml'),
      ...NOTES_OPTIONS,
      '--lambda-function',
      'notes-api',
      '--backend',
      'dev=customers',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  mapped: '))).toEqual([
      '  mapped: GET /notes: Lambda proxy to ${NotesFunction} (Fn::Sub) → uri ${lambda_invoke_arn}, the declared function notes-api',
      '  mapped: POST /notes: Lambda proxy to ${NotesFunction} (Fn::Sub) → uri ${lambda_invoke_arn}, the declared function notes-api; credentials dropped (the function resource policy grants this API)',
      '  mapped: OPTIONS /notes: MOCK preflight → removed; the gateway generates it from cors: in service.yaml',
      '  mapped: service.yaml: backend {"kind":"lambda","functionName":"notes-api"}',
      '  mapped: service.yaml: cors {"allowOrigins":["https://notes.example.com"],"allowHeaders":["Content-Type","Authorization"]}',
    ]);
    const service = parse(readFileSync(path.join(dir, 'services/notes/service.yaml'), 'utf8')) as Record<string, unknown>;
    expect([service.backend, service.cors]).toEqual([
      { kind: 'lambda', functionName: 'notes-api' },
      { allowOrigins: ['https://notes.example.com'], allowHeaders: ['Content-Type', 'Authorization'] },
    ]);
    const dev = parse(readFileSync(path.join(dir, 'environments/dev.yaml'), 'utf8')) as { services: Record<string, unknown> };
    expect(dev.services.notes).toEqual({ backend: { account: 'customers' } });

    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-import-lambda-')), 'cdktf.out');
    const result = synthesize({ configDir: dir, outdir, environments: 'dev' });
    // 12 routes of the example's dev services, and GET, POST, OPTIONS /notes.
    expect(result.routes).toEqual({ status: 'proven', summaries: [expect.objectContaining({ environment: 'dev', routes: 15, proven: 15, broken: 0 })] });
    const stack = JSON.parse(readFileSync(path.join(outdir, 'stacks/dev-api-notes/cdk.tf.json'), 'utf8')) as {
      resource: { aws_lambda_permission: Record<string, { source_arn: string; function_name: string }> };
    };
    expect(
      Object.values(stack.resource.aws_lambda_permission).map((grant) => [grant.function_name, grant.source_arn.replace(/\$\{[^}]+\}/g, '<ref>')]),
    ).toEqual([
      ['arn:aws:lambda:ap-southeast-1:777766666666:function:notes-api', '<ref>/<ref>/GET/notes'],
      ['arn:aws:lambda:ap-southeast-1:777766666666:function:notes-api', '<ref>/<ref>/POST/notes'],
    ]);
  });

  it('refuses every unsupported integration in one run, naming operation, finding and choice, and changes nothing', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    const file = path.join(FIXTURES, 'unsupported-integrations.yaml');
    const run = await onboard(dir, ['import', file, ...NOTES_OPTIONS, '--backend', 'dev=customers:10.103.1.61']);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('services/notes would not pass validation (4 problems); nothing was changed.');
    // Each problem once: the kinds UAG-OAS-001 names, and the preflight only the mapping can judge.
    expect(lines.filter((line) => line.startsWith(`  ${file}:`)).map((line) => line.slice(file.length + 3))).toEqual([
      '16:9: #/paths/~1orders/post/x-amazon-apigateway-integration: POST /orders has an aws integration calling the AWS service "sqs" directly (uri "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders") [UAG-OAS-001]',
      '33:15: #/paths/~1orders/options/x-amazon-apigateway-integration/responses/default/responseParameters: OPTIONS /orders: preflight answers Access-Control-Allow-Origin "\'*\'"; the platform allows exact https origins only',
      '42:9: #/paths/~1status/get/x-amazon-apigateway-integration: GET /status has a MOCK integration (API Gateway answers without calling any backend) [UAG-OAS-001]',
      '53:9: #/paths/~1catalog/get/x-amazon-apigateway-integration: GET /catalog has a http_proxy integration to "https://catalog.example.com/catalog" over the internet [UAG-OAS-001]',
    ]);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses addresses for a Lambda backend, naming the option to write instead', async () => {
    const dir = copyExampleConfig();
    const before = snapshotTree(dir);
    const run = await onboard(dir, [
      'import',
      path.join(FIXTURES, 'lambda-proxy-with-preflight.yaml'),
      ...NOTES_OPTIONS,
      '--lambda-function',
      'notes-api',
      '--backend',
      'dev=customers:10.103.1.61',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '--backend: dev=customers:10.103.1.61 gives addresses, but notes has a Lambda backend (invoked by ARN, not over the network)\n    fix: write --backend dev=customers (the account that owns the function)',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });
});
