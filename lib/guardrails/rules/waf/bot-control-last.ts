import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { webAclRules } from './web-acl-rules';

const BOT_CONTROL = 'AWS/AWSManagedRulesBotControlRuleSet';

export const botControlAfterCheapRules: ResourceRule = {
  id: 'UAG-WAF-008',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_wafv2_web_acl'],
  what: 'Rate-based and geo rules run before Bot Control (lower priority number), cheapest first.',
  why:
    'Bot Control is charged per request it inspects, on top of the web ACL. A request a rate limit or the geo block would ' +
    'stop costs nothing more when those rules run first, and is charged when Bot Control sees it first; under a flood ' +
    'that is the difference between a bounded and an unbounded WAF bill (decision 0016-edge-protection).',
  fix: 'Give the rate-based and geo rules priorities below Bot Control (lib/config/views/edge-rule-plan.ts EDGE_PRIORITIES).',
  check: ({ values }) => {
    const rules = webAclRules(values);
    const bot = rules.find((rule) => rule.managedGroup === BOT_CONTROL);
    if (!bot) return NOT_APPLICABLE;
    if (bot.priority === undefined) return nonCompliant(`${bot.name} has no literal priority`);
    const late = rules.filter((rule) => (rule.rateBased || rule.geo) && (rule.priority === undefined || rule.priority > bot.priority!));
    if (late.length === 0) return COMPLIANT;
    return nonCompliant(
      `${late.map((rule) => `${rule.name} (priority ${rule.priority ?? 'not literal'})`).join(', ')} run after ${bot.name} (priority ${bot.priority})`,
    );
  },
};
