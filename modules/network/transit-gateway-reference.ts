/** The shared Transit Gateway as another stack sees it (handed over by the network stack's contract). */
export interface TransitGatewayReference {
  readonly transitGatewayId: string;
  routeTableId(segment: string): string;
}
