import type { EnvironmentFile, LandingZoneConfig } from '../lib/config/model';

/** Thrown for a wrong command-line selection; main prints it without a stack trace. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/**
 * `ENV=dev`, `ENV=dev,prod` or `ENV="dev prod"` picks environments; empty or unset means all of them.
 */
export function selectEnvironments(config: LandingZoneConfig, selection: string | undefined): EnvironmentFile[] {
  const wanted = (selection ?? '').split(/[\s,]+/).filter(Boolean);
  if (wanted.length === 0) return [...config.environments];
  const known = new Map(config.environments.map((environment) => [environment.config.name, environment]));
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new SelectionError(`ENV names unknown environment(s) ${unknown.join(', ')}; available: ${[...known.keys()].join(', ')}`);
  }
  return [...new Set(wanted)].map((name) => known.get(name)!);
}
