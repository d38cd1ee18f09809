/**
 * Tags that put into the synthesized output what only the configuration knew, so that reviewers and the route
 * proofs (lib/route-proofs), which read nothing but that output, can see it.
 */

/** On a TLS NLB listener: the host API Gateway calls it as and verifies its certificate against. */
export const TLS_SERVER_NAME_TAG = 'uag:tls-server-name';

/** On a spoke's Transit Gateway attachment: the attached VPC's CIDR (an existing VPC's CIDR appears nowhere else). */
export const VPC_CIDR_TAG = 'uag:vpc-cidr';

/**
 * On an alarm topic whose alarms also notify existing topics (observability.alarmNotifications topicArn): how many. The
 * guardrail UAG-OBS-001 reads it where the alarms live in other stacks (the network account's topic).
 */
export const ALARM_FORWARDS_TAG = 'uag:alarm-forwards';
