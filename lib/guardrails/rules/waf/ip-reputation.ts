import { requireManagedGroup } from './managed-group-rule';

export const ipReputation = requireManagedGroup({
  id: 'UAG-WAF-001',
  group: 'AWSManagedRulesAmazonIpReputationList',
  what: 'Every web ACL includes the AWS managed Amazon IP reputation list.',
  why:
    'The list blocks addresses Amazon threat intelligence has seen in bot networks, scanning and DDoS. It stops a large ' +
    'share of credential stuffing and reconnaissance before any other rule or the authorizer spends capacity on it.',
});
