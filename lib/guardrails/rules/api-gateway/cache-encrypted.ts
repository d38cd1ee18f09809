import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { block, isFalse, isTrueOrReference, show } from '../../values';

export const cacheEncrypted: ResourceRule = {
  id: 'UAG-APIGW-013',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_method_settings'],
  what: 'When method settings enable response caching, the cache is encrypted.',
  why:
    'The stage cache holds backend responses (account data, payment status) on API Gateway-managed instances. ' +
    'Unencrypted, those responses sit in plain text at rest, outside the encryption controls the backend applies.',
  fix: 'Set settings.cache_data_encrypted = true wherever settings.caching_enabled = true.',
  check: ({ values }) => {
    const settings = block(values.settings);
    if (!settings || settings.caching_enabled === undefined || isFalse(settings.caching_enabled)) return NOT_APPLICABLE;
    return compliantIf(isTrueOrReference(settings.cache_data_encrypted), `settings.cache_data_encrypted is ${show(settings.cache_data_encrypted)}`);
  },
};
