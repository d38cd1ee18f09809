import type { Construct } from 'constructs';
import type { EnabledService } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { GatewayPerimeter } from '../modules/security/gateway-perimeter';
import { LandingZoneStack } from './base-stack';

export interface GatewayStackProps {
  readonly environment: Environment;
  /** Services enabled in the environment; the gateway owns their VPC links and domain mappings' parents. */
  readonly services: readonly EnabledService[];
}

/**
 * `<env>-gateway` in the gateway account: gateway VPC, NLBs and VPC links, authorizer, custom domains,
 * CloudFront with WAF and Shield, the private domain and its RAM share, shared logs and dashboards.
 */
export class GatewayStack extends LandingZoneStack {
  readonly services: readonly EnabledService[];
  /** Alarm topics, edge web ACL (CloudFront), Shield Advanced, and enforceOriginVerification() for the regional web ACL. */
  readonly perimeter: GatewayPerimeter;

  constructor(scope: Construct, props: GatewayStackProps) {
    super(scope, { environment: props.environment, kind: 'gateway', accountAlias: props.environment.roles.gateway });
    this.services = props.services;
    this.perimeter = new GatewayPerimeter(this, 'Perimeter', { environment: props.environment, accountId: this.accountId, provider: this.provider, usEast1: this.usEast1 });
  }
}
