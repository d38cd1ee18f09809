import { loadConfig } from '../config/load';
import type { LandingZoneConfig } from '../config/model';
import { ConfigError } from '../config/problems';
import { OnboardingError } from './onboarding-error';

/** The current configuration; onboarding on top of a broken one would only blur whose problem is whose. */
export function loadExistingConfig(rootDir: string): LandingZoneConfig {
  try {
    return loadConfig(rootDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const count = error.problems.length;
    throw new OnboardingError(
      `The configuration already has ${count} ${count === 1 ? 'problem' : 'problems'}; fix ${count === 1 ? 'it' : 'them'} first (npm run onboard -- check). Nothing was changed.`,
      error.problems,
    );
  }
}
