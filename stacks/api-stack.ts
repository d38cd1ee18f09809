import type { Construct } from 'constructs';
import type { EnabledService } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { LandingZoneStack } from './base-stack';

export interface ApiStackProps {
  readonly environment: Environment;
  /** The onboarded service this stack publishes. */
  readonly service: EnabledService;
}

/** `<env>-api-<service>` in the gateway account: one REST API generated from the service's OpenAPI file. */
export class ApiStack extends LandingZoneStack {
  readonly service: EnabledService;

  constructor(scope: Construct, props: ApiStackProps) {
    const { definition } = props.service.service;
    super(scope, {
      environment: props.environment,
      kind: 'api',
      name: definition.name,
      accountAlias: props.environment.roles.gateway,
      owner: definition.owner.team,
    });
    this.service = props.service;
  }
}
