import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { onboard, PETS_OPTIONS, type OnboardRun } from './run-onboard';

/** Real, public API definitions (tests/fixtures/openapi/real-world/README.md names the source of each). */
export const REAL_WORLD = path.resolve(__dirname, '../../fixtures/openapi/real-world');

export interface RealWorldFixture {
  readonly file: string;
  /** The service it is onboarded as. */
  readonly name: string;
  /**
   * Every problem the first import reports, as `<rule or -> <JSON pointer or path>` (`<option>` for the command
   * line), in the order printed.
   */
  readonly refusal: readonly string[];
  /** The fixes the refusal asks of the team that `import --fix` cannot make (writing a missing value), as text edits. */
  readonly byHand: (text: string) => string;
  /** The options the refusal asks for (e.g. --lambda-function), from those of the first import. @default - the same options */
  readonly byHandOptions?: (options: readonly string[]) => string[];
  /** backend and cors of the onboarded service.yaml, when import maps them from the document. @default - VPC link, no cors */
  readonly mapped?: { readonly backend: unknown; readonly cors?: unknown };
}

/** What a refusal asks of a Lambda API: the function account only (no addresses), and the function's deployed name. */
const asLambdaService =
  (functionName: string) =>
  (options: readonly string[]): string[] => [
    ...options.map((option) => (option === 'dev=customers:10.103.1.60' ? 'dev=customers' : option)),
    '--lambda-function',
    functionName,
  ];

export const REAL_WORLD_FIXTURES: readonly RealWorldFixture[] = [
  {
    file: 'aws-docs-simple-calc.swagger2.json',
    name: 'calc',
    refusal: [
      'UAG-OAS-001 #/paths/~1/get/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1/post/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1{a}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1{a}~1{b}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1{a}~1{b}~1{op}/get/x-amazon-apigateway-integration',
    ],
    byHand: (text) => text,
  },
  {
    file: 'aws-docs-vpc-link.swagger2.json',
    name: 'vpclink',
    refusal: ['UAG-OAS-001 #/paths/~1/get/x-amazon-apigateway-integration/uri', 'UAG-OAS-001 #/paths/~1/get/x-amazon-apigateway-integration/connectionId'],
    byHand: (text) => text,
  },
  {
    file: 'aws-docs-request-validators.swagger2.json',
    name: 'validators',
    refusal: [
      'UAG-OAS-005 #/paths/~1validation/post/x-amazon-apigateway-auth',
      'UAG-OAS-001 #/paths/~1validation/post/x-amazon-apigateway-integration',
      'UAG-OAS-005 #/paths/~1validation/get/x-amazon-apigateway-auth',
      'UAG-OAS-001 #/paths/~1validation/get/x-amazon-apigateway-integration',
    ],
    byHand: (text) => text,
  },
  {
    file: 'sam-api-swagger-cors.swagger2.yaml',
    name: 'samcors',
    refusal: [
      '- (command line) --backend',
      '- info.version',
      'UAG-OAS-001 #/paths/~1/x-amazon-apigateway-any-method',
      '- #/paths/~1/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/uri',
      'UAG-OAS-001 #/paths/~1{proxy+}/x-amazon-apigateway-any-method',
      'UAG-OAS-005 #/paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-auth',
    ],
    // "info.version must not be empty; write the version of the API"; "list the methods the function answers instead
    // of x-amazon-apigateway-any-method, … and a responses map with at least one response" (the function answers GET).
    byHand: (text) =>
      text
        .replace('  title: AwsSamExample\n', '  title: AwsSamExample\n  version: "1.0"\n')
        .replaceAll('    x-amazon-apigateway-any-method:\n', '    get:\n')
        .replace('      responses: {}\n', "      responses:\n        '200':\n          description: OK\n"),
    // "write --backend dev=customers"; "pass --lambda-function <name of LambdaFunction's function>".
    byHandOptions: asLambdaService('sam-example'),
    mapped: { backend: { kind: 'lambda', functionName: 'sam-example' } },
  },
  {
    file: 'terraform-docker-deploy.openapi3.yaml',
    name: 'dockerdeploy',
    refusal: [
      '- (command line) --backend',
      'UAG-OAS-004 #/info/title',
      'UAG-OAS-001 #/paths/~1{proxy+}/x-amazon-apigateway-any-method',
      '- #/paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/uri',
      'UAG-OAS-001 #/paths/~1/x-amazon-apigateway-any-method',
    ],
    // "a template variable left unresolved: write the value it stood for"; "list the methods the function answers …
    // and a responses map with at least one response, which this ANY operation lacks" (the function answers GET).
    byHand: (text) =>
      text
        .replace('title: "${api_title}"', 'title: "Docker deploy API"')
        .replaceAll('    x-amazon-apigateway-any-method:\n', '    get:\n')
        .replace(
          '          type: "string"\n      x-amazon-apigateway-integration:\n',
          '          type: "string"\n      responses:\n        "200":\n          description: "200 response"\n      x-amazon-apigateway-integration:\n',
        ),
    // "write --backend dev=customers"; "pass --lambda-function <the value of lambda_name>".
    byHandOptions: asLambdaService('docker-deploy'),
    mapped: {
      backend: { kind: 'lambda', functionName: 'docker-deploy' },
      cors: { allowOrigins: ['https://example.com'], allowHeaders: ['Content-Type', 'Authorization', 'X-Amz-Date', 'X-Api-Key', 'X-Amz-Security-Token'] },
    },
  },
];

/** The options of an import of a real-world fixture as a public service in dev. */
export function realWorldOptions(fixture: RealWorldFixture): string[] {
  return PETS_OPTIONS.map((option) => (option === 'pets' ? fixture.name : option));
}

/** Does what the refusal says: the hand fixes on a copy of the file and the options asked for, then `import --fix`. */
export async function onboardAsTheMessagesSay(configDir: string, fixture: RealWorldFixture): Promise<OnboardRun> {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'uag-real-world-')), fixture.file);
  writeFileSync(copy, fixture.byHand(readFileSync(path.join(REAL_WORLD, fixture.file), 'utf8')));
  const options = realWorldOptions(fixture);
  return onboard(configDir, ['import', copy, '--fix', ...(fixture.byHandOptions?.(options) ?? options)]);
}
