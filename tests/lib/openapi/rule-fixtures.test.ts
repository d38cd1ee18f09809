import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { formatPointer } from '../../../lib/config/problems';
import { OPENAPI_RULES } from '../../../lib/openapi/rules';
import { FIXTURE_SERVICE, readFixture, readNoncompliant, RULE_FIXTURES } from './fixture-service';

/**
 * Every OpenAPI rule has tests/fixtures/openapi/rules/<id>/compliant.yaml (passes every rule) and
 * noncompliant.yaml, whose `x-expected-findings` lists the JSON pointers the rule must report.
 */
describe.each(OPENAPI_RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has a compliant and a noncompliant fixture', () => {
    expect(existsSync(path.join(RULE_FIXTURES, id, 'compliant.yaml'))).toBe(true);
    expect(existsSync(path.join(RULE_FIXTURES, id, 'noncompliant.yaml'))).toBe(true);
  });

  it('Compliance: the compliant fixture passes every rule of the pack', () => {
    const document = readFixture(`${id}/compliant.yaml`);
    const findings = OPENAPI_RULES.flatMap((any) =>
      any.check({ document, service: FIXTURE_SERVICE }).map((finding) => `${any.id} ${formatPointer(finding.path)}: ${finding.message}`),
    );
    expect(findings).toEqual([]);
  });

  it('Noncompliance: reports exactly the expected pointers, each with a message and a fix', () => {
    const { document, expected } = readNoncompliant(id);
    const findings = rule.check({ document, service: FIXTURE_SERVICE });
    expect(findings.map((finding) => formatPointer(finding.path)).sort()).toEqual([...expected].sort());
    for (const finding of findings) {
      expect(finding.message).not.toBe('');
      expect(finding.fix).not.toBe('');
    }
  });
});

describe('rule ids', () => {
  it('are unique and follow UAG-OAS-NNN', () => {
    const ids = OPENAPI_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^UAG-OAS-\d{3}$/);
  });

  it('platform standards are UAG-OAS-1NN', () => {
    const standards = OPENAPI_RULES.filter((rule) => /^UAG-OAS-1/.test(rule.id));
    expect(standards.length).toBeGreaterThanOrEqual(10);
  });
});
