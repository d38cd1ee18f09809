import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { isReference, numberValue, show } from '../../values';
import { stageWideSettings } from './stage-method-settings';

export const stageThrottling: ResourceRule = {
  id: 'UAG-APIGW-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage'],
  what: 'Every REST API stage throttles all methods (*/*) with a positive rate and burst limit.',
  why:
    "All APIs share the gateway account's regional request quota. One service without its own limits can consume it " +
    'and take every other API of the platform down with it, and its backend receives whatever the internet sends.',
  fix: 'Set settings { throttling_rate_limit = <rps>, throttling_burst_limit = <requests> } on the stage\'s "*/*" aws_api_gateway_method_settings (from the service\'s throttling config).',
  check: (stage, stack) => {
    const settings = stageWideSettings(stage, stack);
    if (settings.length === 0) return nonCompliant('no aws_api_gateway_method_settings with method_path "*/*" refers to this stage');
    const { throttling_rate_limit: rate, throttling_burst_limit: burst } = settings[0]!;
    const positive = (value: unknown): boolean => isReference(value) || (numberValue(value) ?? 0) > 0;
    if (!positive(rate)) return nonCompliant(`settings.throttling_rate_limit is ${show(rate)} (unset or -1 means unthrottled)`);
    if (!positive(burst)) return nonCompliant(`settings.throttling_burst_limit is ${show(burst)} (unset or -1 means unthrottled)`);
    return COMPLIANT;
  },
};
