import type { TerraformResource } from '../guardrails/stack-view';
import { isAttributes, type Attributes } from '../guardrails/values';
import { readReference, refersTo, type Located } from './references';
import type { SynthesizedApp, SynthesizedStack } from './synthesized-app';

/** One route: a method on a path of a REST API body, with what every chain needs to find its resources. */
export interface Route {
  readonly app: SynthesizedApp;
  readonly environment: string;
  readonly service: string;
  readonly visibility: 'public' | 'private';
  readonly method: string;
  readonly path: string;
  /** The `aws_api_gateway_rest_api` and its stack. */
  readonly api: Located;
  /** The REST API body, parsed. */
  readonly body: Attributes;
  /** `paths.<path>.<method>` of the body. */
  readonly operation: Attributes;
}

/** `body: paths./payments.get.<field>`: where in the REST API body an attribute sits, for messages. */
export function bodyAttribute(route: Route, ...field: string[]): string {
  return `body: paths.${route.path}.${route.method.toLowerCase()}${field.length ? `.${field.join('.')}` : ''}`;
}

/** Stacks of the route's environment. */
export function environmentStacks(route: Route): readonly SynthesizedStack[] {
  return route.app.memo(`stacks\u0001${route.environment}`, () => route.app.stacks.filter((stack) => stack.environment === route.environment));
}

/** Resources of a type in the route's environment. */
export function resourcesOfType(route: Route, type: string): readonly Located[] {
  return route.app.memo(`type\u0001${route.environment}\u0001${type}`, () =>
    environmentStacks(route).flatMap((stack) => stack.view.ofType(type).map((resource) => ({ stack, resource }))),
  );
}

/**
 * Resources of `type` in the environment whose `attribute` references `target` (optionally its `targetAttribute`),
 * through an index built once per environment, type and attribute.
 */
export function referrers(route: Route, type: string, attribute: string, target: Located, targetAttribute?: string): readonly Located[] {
  const index = route.app.memo(`referrers\u0001${route.environment}\u0001${type}\u0001${attribute}`, () => {
    const byTarget = new Map<string, Located[]>();
    for (const located of resourcesOfType(route, type)) {
      const reading = readReference(route.app, located.stack, located.resource.values[attribute]);
      if (reading.kind !== 'resolved') continue;
      const { stack, resource, attribute: used } = reading.resolution;
      for (const key of [`${stack.id}/${resource.address}`, `${stack.id}/${resource.address}#${used}`]) {
        const list = byTarget.get(key);
        if (list) list.push(located);
        else byTarget.set(key, [located]);
      }
    }
    return byTarget;
  });
  const key = `${target.stack.id}/${target.resource.address}`;
  return index.get(targetAttribute === undefined ? key : `${key}#${targetAttribute}`) ?? [];
}

/** `stack/address`, the way hops name resources of another stack. */
export function nameOf(located: Located): string {
  return `${located.stack.id}/${located.resource.address}`;
}

/** Tags of a resource (`tags`), literal values only. */
export function tagsOf(resource: TerraformResource): Readonly<Record<string, unknown>> {
  return isAttributes(resource.values.tags) ? resource.values.tags : {};
}

/** The stage of the route's API that `stageName` names: a reference to a stage's `stage_name` or the literal name. */
export function stageNamed(route: Route, stack: SynthesizedStack, stageName: unknown): Located | undefined {
  const stages = route.api.stack.view
    .ofType('aws_api_gateway_stage')
    .filter((stage) => refersTo(route.app, route.api.stack, stage.values.rest_api_id, { stack: route.api.stack, address: route.api.resource.address }, 'id'))
    .map((resource) => ({ stack: route.api.stack, resource }));
  return stages.find(
    ({ resource }) =>
      refersTo(route.app, stack, stageName, { stack: route.api.stack, address: resource.address }, 'stage_name') ||
      (typeof stageName === 'string' && stageName === resource.values.stage_name),
  );
}
