import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isReference, show } from '../../values';

/** ELB security policies whose minimum is TLS 1.2 (TLS13-1-2/1-3, TLS-1-2, FS-1-2 families, FIPS and PQ variants included). */
const TLS12_OR_NEWER = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

export const listenerTlsPolicy: ResourceRule = {
  id: 'UAG-ELB-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  what: 'TLS and HTTPS listeners use an ELB security policy with TLS 1.2 as the minimum.',
  why:
    'Without ssl_policy a listener gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. Traffic between the gateway ' +
    'and backends carries authorizer context and customer data across accounts; it must be as strong as the public edge.',
  fix: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS13-1-2/TLS-1-2/FS-1-2 policy).',
  check: ({ values }) => {
    if (values.protocol !== 'TLS' && values.protocol !== 'HTTPS') return NOT_APPLICABLE;
    const policy = values.ssl_policy;
    return compliantIf(isReference(policy) || (typeof policy === 'string' && TLS12_OR_NEWER.test(policy)), `ssl_policy is ${show(policy)}`);
  },
};
