import type { LandingZoneConfig } from '../model';
import type { ConfigProblem } from '../problems';

/** A cross-file check over schema-valid files. Returns every problem it finds; never throws. */
export interface ConfigRule {
  readonly id: string;
  readonly check: (config: LandingZoneConfig) => ConfigProblem[];
}
