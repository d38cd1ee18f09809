import type { TerraformResource } from '../guardrails/stack-view';
import { isAttributes, type Attributes } from '../guardrails/values';
import { refersTo, type Located } from './references';
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
  return route.app.stacks.filter((stack) => stack.environment === route.environment);
}

/** Resources of a type in the route's environment. */
export function resourcesOfType(route: Route, type: string): Located[] {
  return environmentStacks(route).flatMap((stack) => stack.view.ofType(type).map((resource) => ({ stack, resource })));
}

/** Resources of `type` in the environment whose `attribute` references `target` (optionally its `targetAttribute`). */
export function referrers(route: Route, type: string, attribute: string, target: Located, targetAttribute?: string): Located[] {
  return resourcesOfType(route, type).filter(({ stack, resource }) =>
    refersTo(route.app, stack, resource.values[attribute], { stack: target.stack, address: target.resource.address }, targetAttribute),
  );
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
