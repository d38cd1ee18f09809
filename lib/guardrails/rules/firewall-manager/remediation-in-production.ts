import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isTrueOrReference, show } from '../../values';

export const remediationInProduction: ResourceRule = {
  id: 'UAG-FMS-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_fms_policy'],
  what: 'In production, Firewall Manager policies have automatic remediation enabled.',
  why:
    'Without remediation Firewall Manager only reports non-compliant resources; a new API stage or distribution in prod stays ' +
    'without the mandatory web ACL or Shield protection until someone reads the report. Other environments may audit first.',
  fix: 'Set remediation_enabled = true on the policy in production environments.',
  check: ({ values }, _stack, context) =>
    context.production
      ? compliantIf(isTrueOrReference(values.remediation_enabled), `remediation_enabled is ${show(values.remediation_enabled)}`)
      : NOT_APPLICABLE,
};
