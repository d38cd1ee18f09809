/**
 * A route proof is a chain of hops in the order a request travels. Each hop names the resource that carries
 * it; the chain stops at the first hop that is broken, with the attribute at fault and what to do.
 */

/** A hop that holds: which resource, and what was verified on it. */
export interface Hop {
  /** Stable hop name, e.g. `authorizer`, `integration-uri`, `tgw-propagation-to-gateway`. */
  readonly name: string;
  readonly stack: string;
  /** Terraform address of the resource carrying the hop. */
  readonly address: string;
  /** One line, e.g. `api.dev.example.com A → aws_cloudfront_distribution.X`. */
  readonly detail: string;
}

/** The first hop that does not hold. */
export interface BrokenHop {
  readonly name: string;
  readonly stack: string;
  readonly address: string;
  /** The attribute at fault, e.g. `body: components.securitySchemes.gatewayAuthorizer…authorizerUri`. */
  readonly attribute: string;
  /** What AWS would do with it. */
  readonly problem: string;
  readonly fix: string;
}

/** Thrown by a hop check; the route's chain ends there. */
export class HopBroken extends Error {
  constructor(readonly hop: BrokenHop) {
    super(`${hop.name}: ${hop.problem}`);
    this.name = 'HopBroken';
  }
}

/** Records the hops of one chain in travel order. */
export class Chain {
  readonly hops: Hop[] = [];

  pass(hop: Hop): void {
    this.hops.push(hop);
  }

  /** Ends the chain at this hop. */
  fail(hop: BrokenHop): never {
    throw new HopBroken(hop);
  }

  /** Passes `hop` when `condition` holds, otherwise fails with the same name, stack and address. */
  check(condition: boolean, hop: Hop, broken: { attribute: string; problem: string; fix: string }): void {
    if (!condition) this.fail({ name: hop.name, stack: hop.stack, address: hop.address, ...broken });
    this.pass(hop);
  }
}
