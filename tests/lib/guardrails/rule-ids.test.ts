import { GUARDRAIL_RULE_IDS } from '../../../lib/guardrails/rule-ids';
import { ALL_RULES } from '../../../lib/guardrails/rules';

describe('GUARDRAIL_RULE_IDS (the leaf the configuration schema reads suppressions against)', () => {
  it('lists exactly the ids of the rule pack, so a new rule can be suppressed and a removed one cannot', () => {
    expect([...GUARDRAIL_RULE_IDS].sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort());
  });
});
