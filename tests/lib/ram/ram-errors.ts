import { RAMServiceException } from '@aws-sdk/client-ram';

/** SDK-shaped errors as RAM returns them, for aws-sdk-client-mock rejections. */
export function ramError(name: string, options: { status?: number; fault?: 'client' | 'server'; throttling?: boolean } = {}): RAMServiceException {
  return new RAMServiceException({
    name,
    message: `${name} raised by the test`,
    $fault: options.fault ?? 'client',
    $metadata: { httpStatusCode: options.status ?? 400, requestId: `req-${name}` },
    ...(options.throttling ? { $retryable: { throttling: true } } : {}),
  });
}

export const SHARE_ARN = 'arn:aws:ram:ap-southeast-1:444455558888:resource-share/11111111-2222-3333-4444-555555555555';
export const DOMAIN_ARN = 'arn:aws:apigateway:ap-southeast-1:444455558888:/domainnames/api.internal.example.com+abc1234def';

/** A retry option set that never sleeps and records the waits. */
export function instantRetries(overrides: { maxAttempts?: number } = {}) {
  const delays: number[] = [];
  return {
    delays,
    options: {
      maxAttempts: overrides.maxAttempts ?? 4,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms: number) => void delays.push(ms),
    },
  };
}
