import { GATEWAY_SEGMENT } from '../../lib/config/schema/network';

export { GATEWAY_SEGMENT };

/** Where an attachment is associated and which route tables learn its CIDR. */
export interface SegmentRouting {
  readonly associateWith: string;
  readonly propagateTo: string[];
}

/**
 * Hub and spoke: the gateway VPC is associated with the gateway segment and propagated into every backend
 * segment; a backend VPC is associated with its own segment and propagated into the gateway segment only.
 * A backend segment's route table therefore knows only the gateway VPC: backends never reach each other.
 */
export function segmentRouting(segment: string, allSegments: readonly string[]): SegmentRouting {
  if (segment === GATEWAY_SEGMENT) {
    return { associateWith: GATEWAY_SEGMENT, propagateTo: allSegments.filter((name) => name !== GATEWAY_SEGMENT) };
  }
  return { associateWith: segment, propagateTo: [GATEWAY_SEGMENT] };
}
