import type { LandingZoneConfig } from '../../../lib/config/model';
import type { Environment } from '../../../lib/config/schema/environment';
import { exampleConfig } from '../../support/example-config';

/**
 * The example configuration with one environment changed in memory: each security rule test states its
 * own small fixture as an edit of a valid environment, so the failure it expects is the only one.
 */
export function withEnvironment(name: string, edit: (environment: Environment) => void): LandingZoneConfig {
  const base = exampleConfig();
  return {
    ...base,
    environments: base.environments.map((entry) => {
      if (entry.config.name !== name) return entry;
      const config = structuredClone(entry.config);
      edit(config);
      return { ...entry, config };
    }),
  };
}

/** Applies edits to several environments of the example configuration. */
export function withEnvironments(edits: Record<string, (environment: Environment) => void>): LandingZoneConfig {
  const base = exampleConfig();
  return {
    ...base,
    environments: base.environments.map((entry) => {
      const edit = edits[entry.config.name];
      if (!edit) return entry;
      const config = structuredClone(entry.config);
      edit(config);
      return { ...entry, config };
    }),
  };
}
