import { resourceName } from '../../naming';

/**
 * Names of the RAM shares of an environment's private custom domain, as the gateway stack creates them
 * (modules/private-domain/shared-private-domain.ts): one for consumer accounts inside the organization, one for
 * accounts outside it. `status` finds the shares by these names, since their ARNs exist only after apply.
 */
export function privateDomainShareNames(environment: string): { readonly organization: string; readonly external: string } {
  return { organization: resourceName(environment, 'private-domain'), external: resourceName(environment, 'private-domain', 'external') };
}
