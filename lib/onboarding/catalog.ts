import type { LandingZoneConfig } from '../config/model';
import type { Service } from '../config/schema/service';

/** One service as the catalog shows it. */
export interface CatalogEntry {
  readonly service: string;
  readonly description: string;
  readonly owner: { readonly team: string; readonly email: string };
  readonly visibility: Service['visibility'];
  readonly basePath: string;
  /** Environments the service is enabled in, in promotion order (dev, staging, prod, then others). */
  readonly environments: readonly string[];
  /** Internal consumers granted the service, with the environments where they are. */
  readonly consumers: readonly { readonly consumer: string; readonly environments: readonly string[] }[];
}

const PROMOTION_ORDER = ['dev', 'staging', 'prod'];

/** The service catalog, sorted by service name; derived only from the configuration, so it is reproducible. */
export function buildCatalog(config: LandingZoneConfig): CatalogEntry[] {
  const environments = [...config.environments].sort(
    (a, b) => promotionRank(a.config.name) - promotionRank(b.config.name) || a.config.name.localeCompare(b.config.name),
  );
  return [...config.services.values()]
    .map(({ definition }): CatalogEntry => {
      const enabledIn = environments.filter(({ config: environment }) => environment.services[definition.name]?.enabled === true);
      const consumers = new Map<string, string[]>();
      for (const { config: environment } of enabledIn) {
        for (const [consumer, { services }] of Object.entries(environment.consumers)) {
          if (services.includes(definition.name)) consumers.set(consumer, [...(consumers.get(consumer) ?? []), environment.name]);
        }
      }
      return {
        service: definition.name,
        description: definition.description,
        owner: { team: definition.owner.team, email: definition.owner.email },
        visibility: definition.visibility,
        basePath: definition.basePath,
        environments: enabledIn.map(({ config: environment }) => environment.name),
        consumers: [...consumers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([consumer, where]) => ({ consumer, environments: where })),
      };
    })
    .sort((a, b) => a.service.localeCompare(b.service));
}

function promotionRank(environment: string): number {
  const rank = PROMOTION_ORDER.indexOf(environment);
  return rank < 0 ? PROMOTION_ORDER.length : rank;
}

/** `retail-app (dev, prod), partner-hub (prod)`; `-` when nobody is granted the service. */
export function describeConsumers(entry: CatalogEntry): string {
  if (entry.consumers.length === 0) return '-';
  return entry.consumers.map(({ consumer, environments }) => `${consumer} (${environments.join(', ')})`).join(', ');
}
