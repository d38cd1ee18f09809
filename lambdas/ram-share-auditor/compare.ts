import { isAssociated, type ShareAssociations } from '../../lib/ram';

/** How one share differs from the access matrix. */
export interface ShareDrift {
  /** Principals on the share (in any state but DISASSOCIATED) the matrix does not list. */
  readonly unexpectedPrincipals: readonly string[];
  /** Principals the matrix lists that are not on the share at all. */
  readonly missingPrincipals: readonly string[];
  /** Expected principals and resources present but not ASSOCIATED (ASSOCIATING, FAILED, ...), with their status. */
  readonly notActive: readonly { readonly entity: string; readonly status: string; readonly statusMessage?: string }[];
  /** Resources on the share other than the private domain. */
  readonly unexpectedResources: readonly string[];
  /** The private domain, when it is not on the share. */
  readonly missingResources: readonly string[];
}

/** Compares what RAM reports for a share with the principals the matrix expects and the one resource, the domain. */
export function compareShare(observed: ShareAssociations, expectedPrincipals: readonly string[], domainArn: string): ShareDrift {
  const expected = new Set(expectedPrincipals);
  const presentPrincipals = new Set(observed.principals.map((association) => association.entity));
  const presentResources = new Set(observed.resources.map((association) => association.entity));
  const unexpectedPrincipals = [...presentPrincipals].filter((principal) => !expected.has(principal)).sort();
  return {
    unexpectedPrincipals,
    missingPrincipals: [...expected].filter((principal) => !presentPrincipals.has(principal)).sort(),
    notActive: [...observed.principals, ...observed.resources]
      .filter((association) => !isAssociated(association) && !unexpectedPrincipals.includes(association.entity))
      .map(({ entity, status, statusMessage }) => ({ entity, status, statusMessage })),
    unexpectedResources: [...presentResources].filter((resource) => resource !== domainArn).sort(),
    missingResources: presentResources.has(domainArn) ? [] : [domainArn],
  };
}
