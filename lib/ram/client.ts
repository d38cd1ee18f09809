import { RAMClient } from '@aws-sdk/client-ram';

/**
 * A RAM client for this module: the SDK's own retries are off (maxAttempts 1) because every call goes through
 * `callRam`, which retries throttling and transient faults itself and then reports a typed error. Two retry
 * layers would multiply the attempts and hide how long a call really waited.
 */
export function createRamClient(region: string): RAMClient {
  return new RAMClient({ region, maxAttempts: 1 });
}
