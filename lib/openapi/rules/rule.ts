import type { Service } from '../../config/schema/service';
import type { JsonObject } from '../document';

export type Severity = 'error' | 'warning';

/** A problem inside one OpenAPI document. */
export interface OpenApiFinding {
  /** Path inside the document (rendered as a JSON pointer). */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly fix: string;
}

export interface OpenApiRuleContext {
  readonly document: JsonObject;
  /** The service declaring the document (public operations, name). */
  readonly service: Service;
}

/**
 * One rule of the OpenAPI rule pack. Errors block synthesis (the platform cannot deploy the API safely);
 * warnings are API standards reported by `npm run onboard -- check`.
 */
export interface OpenApiRule {
  /** Stable id, e.g. `UAG-OAS-001`; suppressions and docs refer to it. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule requires. */
  readonly description: string;
  readonly check: (context: OpenApiRuleContext) => OpenApiFinding[];
}
