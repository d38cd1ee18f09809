import { API_STANDARDS } from './api-standards';
import { authorizerSecurity } from './authorizer-security';
import { foreignResidue } from './foreign-residue';
import { interpolations } from './interpolations';
import { resourceLimit } from './resource-limit';
import type { OpenApiRule } from './rule';
import { openApiStructure } from './structure';
import { vpcLinkIntegration } from './vpc-link-integration';

/** The OpenAPI rule pack: errors block synthesis, warnings are reported by `onboard check`. */
export const OPENAPI_RULES: readonly OpenApiRule[] = [
  openApiStructure,
  vpcLinkIntegration,
  authorizerSecurity,
  resourceLimit,
  interpolations,
  foreignResidue,
  ...API_STANDARDS,
];
