import { wafRateLimits } from '../../../lib/config/rules/waf-rate-limits';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

describe('waf-rate-limits', () => {
  it('Compliance: the example limits are within bounds and the path limits are stricter', () => {
    expect(wafRateLimits.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: a limit below the AWS WAF minimum', () => {
    const config = withEnvironment('dev', (environment) => (environment.waf.rateLimits.paths[0].limit = 5));
    expect(wafRateLimits.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: ['waf', 'rateLimits', 'paths', 0, 'limit'],
        message: 'rate limit 5 is outside the AWS WAF bounds 10-2000000000',
        fix: 'use a limit between 10 and 2000000000 requests per evaluation window',
      },
    ]);
  });

  it('Noncompliance 2: a limit above the AWS WAF maximum on the Firewall Manager post-process rule', () => {
    const config = withEnvironment('prod', (environment) => (environment.firewallManager!.waf.rateLimit.limit = 3_000_000_000));
    expect(wafRateLimits.check(config)).toEqual([
      expect.objectContaining({ path: ['firewallManager', 'waf', 'rateLimit', 'limit'], message: expect.stringContaining('3000000000 is outside') }),
    ]);
  });

  it('Noncompliance 2b: the origin circuit breaker above the AWS WAF maximum', () => {
    const config = withEnvironment('staging', (environment) => (environment.waf.originRateLimit.limit = 2_000_000_001));
    expect(wafRateLimits.check(config)).toEqual([expect.objectContaining({ file: 'environments/staging.yaml', path: ['waf', 'originRateLimit', 'limit'] })]);
  });

  it('Noncompliance 3: an evaluation window AWS WAF does not support', () => {
    const config = withEnvironment('prod', (environment) => (environment.waf.rateLimits.perIp.evaluationWindowSeconds = 30));
    expect(wafRateLimits.check(config)).toEqual([
      expect.objectContaining({ path: ['waf', 'rateLimits', 'perIp', 'evaluationWindowSeconds'], fix: 'use one of: 60, 120, 300, 600' }),
    ]);
  });

  it('Noncompliance 4: a path limit that is not stricter than the global limit once windows are compared', () => {
    // 500 per 60 s is 2,500 per 300 s: looser than the global 2,000 per 300 s.
    const config = withEnvironment('prod', (environment) => Object.assign(environment.waf.rateLimits.paths[0], { limit: 500, evaluationWindowSeconds: 60 }));
    expect(wafRateLimits.check(config)).toEqual([
      expect.objectContaining({
        path: ['waf', 'rateLimits', 'paths', 0, 'limit'],
        message: '500 requests per 60 s on /oauth2/token is not stricter than the per-IP limit (2000 per 300 s at waf.rateLimits.perIp)',
      }),
    ]);
  });
});
