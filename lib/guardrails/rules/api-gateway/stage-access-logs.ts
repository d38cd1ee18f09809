import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, isSet } from '../../values';

export const stageAccessLogs: ResourceRule = {
  id: 'UAG-APIGW-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage'],
  what: 'Every REST API stage writes access logs (destination and format).',
  why:
    'Access logs are the only record of who called which API, with which result, through the gateway. ' +
    'Without them an incident cannot be reconstructed, a regulator cannot be shown who accessed customer data, ' +
    'and the SIEM subscription has nothing to forward.',
  fix: 'Set access_log_settings { destination_arn = <log group ARN>, format = <JSON format with $context.requestId, identity and status> } on the stage.',
  check: ({ values }) => {
    const settings = block(values.access_log_settings);
    if (!settings) return nonCompliant('access_log_settings is missing');
    if (!isSet(settings.destination_arn)) return nonCompliant('access_log_settings.destination_arn is empty');
    if (!isSet(settings.format)) return nonCompliant('access_log_settings.format is empty');
    return COMPLIANT;
  },
};
