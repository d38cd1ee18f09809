/** The shared Transit Gateway as another stack sees it (handed over by the network stack's contract). */
export interface TransitGatewayReference {
  readonly transitGatewayId: string;
  routeTableId(segment: string): string;
  /** Alarm actions in the Transit Gateway owner's account and home region (its alarm topic and forwarded topics), for attachment alarms. */
  readonly alarmActions: readonly string[];
}
