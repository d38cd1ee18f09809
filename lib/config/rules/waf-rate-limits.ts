import { formatPath, type ConfigProblem } from '../problems';
import { RATE_LIMIT_BOUNDS, RATE_LIMIT_WINDOWS_SECONDS } from '../schema/security';
import type { ConfigRule } from './rule';

interface RateLimitAt {
  readonly limit: number;
  readonly evaluationWindowSeconds: number;
  readonly path: PropertyKey[];
}

/**
 * Rate-based rules stay within AWS WAF's bounds (limit and evaluation window), and the per-path limits
 * are stricter than the global per-IP limit: a looser path limit would never trigger.
 */
export const wafRateLimits: ConfigRule = {
  id: 'waf-rate-limits',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const perIp: RateLimitAt = { ...environment.waf.rateLimits.perIp, path: ['waf', 'rateLimits', 'perIp'] };
      const paths = environment.waf.rateLimits.paths.map((limit, index) => ({ ...limit, path: ['waf', 'rateLimits', 'paths', index] }));
      const fms = environment.firewallManager?.waf.rateLimit;
      const origin: RateLimitAt = { ...environment.waf.originRateLimit, path: ['waf', 'originRateLimit'] };
      const all: RateLimitAt[] = [perIp, ...paths, origin, ...(fms ? [{ ...fms, path: ['firewallManager', 'waf', 'rateLimit'] }] : [])];
      const bounds = all.flatMap((limit) => withinBounds(file, limit));
      const stricter = paths
        .filter((limit) => withinBounds(file, limit).length === 0 && withinBounds(file, perIp).length === 0)
        .filter((limit) => perSecond(limit) >= perSecond(perIp))
        .map((limit) => ({
          file,
          path: [...limit.path, 'limit'],
          message: `${limit.limit} requests per ${limit.evaluationWindowSeconds} s on ${limit.pathPrefix} is not stricter than the per-IP limit (${perIp.limit} per ${perIp.evaluationWindowSeconds} s at ${formatPath(perIp.path)})`,
          fix: 'lower this limit below the global one, or remove it: the global rule already covers the path',
        }));
      return [...bounds, ...stricter];
    }),
};

function withinBounds(file: string, { limit, evaluationWindowSeconds, path }: RateLimitAt): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (limit < RATE_LIMIT_BOUNDS.min || limit > RATE_LIMIT_BOUNDS.max) {
    problems.push({
      file,
      path: [...path, 'limit'],
      message: `rate limit ${limit} is outside the AWS WAF bounds ${RATE_LIMIT_BOUNDS.min}-${RATE_LIMIT_BOUNDS.max}`,
      fix: `use a limit between ${RATE_LIMIT_BOUNDS.min} and ${RATE_LIMIT_BOUNDS.max} requests per evaluation window`,
    });
  }
  if (!(RATE_LIMIT_WINDOWS_SECONDS as readonly number[]).includes(evaluationWindowSeconds)) {
    problems.push({
      file,
      path: [...path, 'evaluationWindowSeconds'],
      message: `evaluation window ${evaluationWindowSeconds} s is not one AWS WAF supports`,
      fix: `use one of: ${RATE_LIMIT_WINDOWS_SECONDS.join(', ')}`,
    });
  }
  return problems;
}

function perSecond(limit: RateLimitAt): number {
  return limit.limit / limit.evaluationWindowSeconds;
}
