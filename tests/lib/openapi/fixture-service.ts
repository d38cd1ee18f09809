import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { JsonObject } from '../../../lib/openapi/document';
import { ServiceSchema, type Service } from '../../../lib/config/schema/service';

export const RULE_FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/rules');

/** The service every rule fixture belongs to: GET /health is declared public (UAG-OAS-002's compliant case). */
export const FIXTURE_SERVICE: Service = ServiceSchema.parse({
  name: 'fixture',
  description: 'Owner of the OpenAPI rule fixtures.',
  owner: { team: 'platform-team', email: 'platform-team@example.com' },
  basePath: 'fixture',
  visibility: 'private',
  backend: { port: 8443 },
  publicOperations: [{ operation: 'GET /health', reason: 'load balancer and uptime probes call it without a token' }],
});

export function readFixture(file: string): JsonObject {
  return parse(readFileSync(path.join(RULE_FIXTURES, file), 'utf8')) as JsonObject;
}

/** A noncompliant fixture without its `x-expected-findings` annotation, and that annotation. */
export function readNoncompliant(ruleId: string): { document: JsonObject; expected: string[] } {
  const { ['x-expected-findings']: expected, ...document } = readFixture(`${ruleId}/noncompliant.yaml`);
  return { document, expected: expected as string[] };
}
