import { hasConditionOn, type PolicyStatement } from '../../policy-document';
import type { ResourceRule } from '../../rule';
import { checkAllowStatements, POLICY_HOLDER_TYPES } from './policies-of';

/** Keys that tie a service's request to the account or resource it acts for (IAM user guide, "The confused deputy problem"). */
const SOURCE_KEYS = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/**
 * Services that deliver data with a role of ours: their trust names the source resource (aws:SourceArn), not just the
 * account, so one flow log, stream or subscription cannot be pointed at another's role. `logs.<region>.amazonaws.com`
 * is matched by prefix.
 */
const DELIVERY_SERVICES = ['vpc-flow-logs.amazonaws.com', 'firehose.amazonaws.com', 'streams.metrics.cloudwatch.amazonaws.com', 'delivery.logs.amazonaws.com'];

/**
 * Service principals AWS documents without any source condition key, with the reason; an entry here is a reviewed
 * exception, not a convenience.
 */
export const SOURCELESS_SERVICES: Readonly<Record<string, string>> = {
  'drt.shield.amazonaws.com': 'the Shield Response Team role (AWSSRTSupport) is assumed by AWS staff, not for a resource; AWS documents no source keys for it',
};

function servicePrincipals(statement: PolicyStatement): string[] {
  return statement.principals.filter((principal) => principal.type === 'Service').flatMap((principal) => principal.identifiers);
}

const isDelivery = (service: string): boolean => DELIVERY_SERVICES.includes(service) || /^logs\.[^.]+\./.test(service);

function problemsOf(where: string, statement: PolicyStatement): string[] {
  const services = servicePrincipals(statement).filter((service) => !(service in SOURCELESS_SERVICES));
  if (services.length === 0) return [];
  const sourced = SOURCE_KEYS.some((key) => hasConditionOn(statement, key));
  // CloudWatch Logs names the log group in the encryption context; that is its documented key-policy guard.
  const encryptionContext = statement.conditions.some((condition) => condition.variable.toLowerCase().startsWith('kms:encryptioncontext:'));
  if (!sourced && !encryptionContext) return [`${where} grants ${services.join(', ')} without aws:SourceAccount or aws:SourceArn`];
  const assumesRole = statement.actions.some((action) => action.toLowerCase() === 'sts:assumerole');
  const delivery = services.filter(isDelivery);
  if (assumesRole && delivery.length > 0 && !hasConditionOn(statement, 'aws:SourceArn')) {
    return [`${where} lets ${delivery.join(', ')} assume the role without aws:SourceArn`];
  }
  return [];
}

export const servicePrincipalSource: ResourceRule = {
  id: 'UAG-IAM-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: POLICY_HOLDER_TYPES,
  what: 'Allow statements for an AWS service principal carry aws:SourceAccount or aws:SourceArn (KMS grants to CloudWatch Logs: the kms:EncryptionContext log group); delivery roles also aws:SourceArn.',
  why:
    'A service principal such as cloudwatch.amazonaws.com or lambda.amazonaws.com acts for every AWS customer. Without a source ' +
    'condition, another account can make the service use our key, assume our role or write to our resource on its behalf ' +
    '(the cross-service confused deputy, Security Hub IAM and KMS findings). Delivery roles (flow logs, Firehose, metric ' +
    "streams, log subscriptions) name the delivering resource so one stream cannot borrow another stream's role.",
  fix:
    'Add condition { test = "StringEquals", variable = "aws:SourceAccount", values = [<account>] } and, for delivery roles, ' +
    '{ test = "ArnLike", variable = "aws:SourceArn", values = ["arn:<partition>:<service>:<region>:<account>:<resource>"] }.',
  check: (resource, stack) => checkAllowStatements(resource, stack, problemsOf),
};
