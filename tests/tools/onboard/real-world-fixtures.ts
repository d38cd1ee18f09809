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
  /** Every problem the first import reports, as `<rule or field> <JSON pointer or path>`, in the order printed. */
  readonly refusal: readonly string[];
  /** The fixes the refusal asks of the team that `import --fix` cannot make (writing a missing value), as text edits. */
  readonly byHand: (text: string) => string;
}

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
      '- info.version',
      'UAG-OAS-001 #/paths/~1/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
      'UAG-OAS-005 #/paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-auth',
      'UAG-OAS-001 #/paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
    ],
    // "info.version must not be empty; write the version of the API".
    byHand: (text) => text.replace('  title: AwsSamExample\n', '  title: AwsSamExample\n  version: "1.0"\n'),
  },
  {
    file: 'terraform-docker-deploy.openapi3.yaml',
    name: 'dockerdeploy',
    refusal: [
      'UAG-OAS-004 #/info/title',
      'UAG-OAS-106 #/paths/~1{proxy+}/options',
      'UAG-OAS-001 #/paths/~1{proxy+}/options/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1/options/x-amazon-apigateway-integration',
      'UAG-OAS-001 #/paths/~1/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
    ],
    // "a template variable left unresolved: write the value it stood for".
    byHand: (text) => text.replace('title: "${api_title}"', 'title: "Docker deploy API"'),
  },
];

/** The options of an import of a real-world fixture as a public service in dev. */
export function realWorldOptions(fixture: RealWorldFixture): string[] {
  return PETS_OPTIONS.map((option) => (option === 'pets' ? fixture.name : option));
}

/** Does what the refusal says: the hand fixes on a copy of the file, then `import --fix`. */
export async function onboardAsTheMessagesSay(configDir: string, fixture: RealWorldFixture): Promise<OnboardRun> {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'uag-real-world-')), fixture.file);
  writeFileSync(copy, fixture.byHand(readFileSync(path.join(REAL_WORLD, fixture.file), 'utf8')));
  return onboard(configDir, ['import', copy, '--fix', ...realWorldOptions(fixture)]);
}
