import type { Environment } from './schema/environment';
import type { Service } from './schema/service';

/** An OpenAPI document as parsed from YAML; its structure is checked by the OpenAPI rules. */
export type OpenApiDocument = { readonly openapi: string } & Record<string, unknown>;

export interface EnvironmentFile {
  /** File relative to the configuration root. */
  readonly file: string;
  readonly config: Environment;
}

export interface ServiceFiles {
  readonly file: string;
  readonly openApiFile: string;
  readonly definition: Service;
  readonly openApi: OpenApiDocument;
}

/** The whole configuration, loaded and validated once. */
export interface LandingZoneConfig {
  /** Absolute directory holding `environments/` and `services/`. */
  readonly rootDir: string;
  readonly environments: readonly EnvironmentFile[];
  readonly services: ReadonlyMap<string, ServiceFiles>;
}

/** A service deployed to one environment, with its per-environment backend resolved. */
export interface EnabledService {
  readonly service: ServiceFiles;
  readonly backend: NonNullable<Environment['services'][string]['backend']>;
}

export function enabledServices(config: LandingZoneConfig, environment: Environment): EnabledService[] {
  return Object.entries(environment.services)
    .filter(([, deployment]) => deployment.enabled)
    .map(([name, deployment]) => {
      const service = config.services.get(name);
      if (!service || !deployment.backend) {
        throw new Error(`service "${name}" in environment "${environment.name}" was not validated; call loadConfig first`);
      }
      return { service, backend: deployment.backend };
    });
}

export function accountIdOf(environment: Environment, alias: string): string {
  const account = environment.accounts[alias];
  if (!account) throw new Error(`account "${alias}" is not declared in environment "${environment.name}"`);
  return account.id;
}
