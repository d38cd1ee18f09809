import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../lib/guardrails/rules';
import { renderGuardrailsDoc } from '../../../tools/guardrails/render-doc';
import { REPO_ROOT } from '../../support/example-config';

describe('docs/guardrails.md', () => {
  it('is current with the rules (run make guardrails-doc)', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs/guardrails.md'), 'utf8')).toBe(renderGuardrailsDoc(ALL_RULES));
  });

  it('documents id, severity, what, why and fix of every rule', () => {
    const doc = renderGuardrailsDoc(ALL_RULES);
    for (const rule of ALL_RULES) {
      expect(doc).toContain(`### ${rule.id}\n\n**${rule.what}**\n\nSeverity: ${rule.severity}.`);
      expect(doc).toContain(`Why: ${rule.why}`);
      expect(doc).toContain(`Fix: ${rule.fix}`);
    }
  });
});
