import { hasConditionOn, type PolicyRead } from '../../policy-document';
import { COMPLIANT, nonCompliant, type RuleResult } from '../../rule';

const ALLOW_IF_EQUALS = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?(IfExists)?$/;
const DENY_IF_NOT_EQUALS = /^(ForAnyValue:|ForAllValues:)?StringNot(Equals|Like)(IgnoreCase)?(IfExists)?$/;

/**
 * A private API or private domain policy restricts callers to VPC endpoints when a Deny applies to
 * every other `aws:SourceVpce`, or when every Allow is conditioned on `aws:SourceVpce`.
 */
export function restrictsSourceVpce(policy: PolicyRead): RuleResult {
  switch (policy.kind) {
    case 'absent':
      return nonCompliant('no resource policy: every VPC endpoint in any account could invoke it');
    case 'reference':
      return COMPLIANT;
    case 'unreadable':
      return nonCompliant(`the policy cannot be read (${policy.reason})`);
    case 'statements': {
      const { statements } = policy;
      if (statements.some((statement) => statement.effect === 'Deny' && hasConditionOn(statement, 'aws:SourceVpce', DENY_IF_NOT_EQUALS))) return COMPLIANT;
      const allows = statements.filter((statement) => statement.effect === 'Allow');
      if (allows.length > 0 && allows.every((statement) => hasConditionOn(statement, 'aws:SourceVpce', ALLOW_IF_EQUALS))) return COMPLIANT;
      return nonCompliant('the policy neither denies other aws:SourceVpce values nor conditions every Allow on aws:SourceVpce');
    }
  }
}
