import { compliantIf, type ResourceRule } from '../../rule';
import { isFalse, show } from '../../values';

export const noExternalPrincipals: ResourceRule = {
  id: 'UAG-RAM-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ram_resource_share'],
  what: 'RAM resource shares never allow external principals (allow_external_principals is false or unset).',
  why:
    'The Transit Gateway and the private API domain are shared with AWS RAM. With external principals allowed, a typo in an ' +
    'account id hands the hub of the network, or the private APIs, to an account outside the organization that simply accepts the invitation.',
  fix: 'Set allow_external_principals = false (a literal, so review can see it). Accounts outside the organization need a reviewed suppression.',
  check: ({ values }) =>
    compliantIf(
      values.allow_external_principals === undefined || isFalse(values.allow_external_principals),
      `allow_external_principals is ${show(values.allow_external_principals)}`,
    ),
};
