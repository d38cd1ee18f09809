/**
 * Structured logs: one JSON object per line on stdout, which CloudWatch Logs Insights indexes as fields.
 * Callers pass only what an investigator needs (decision, reason, route, issuer, client, principal,
 * correlation id); tokens and headers are never handed to the logger.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | undefined>>;
export type Logger = (level: LogLevel, message: string, fields: LogFields) => void;

export const jsonLineLogger: Logger = (level, message, fields) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
};

/** For benchmarks and tests that count decisions instead of reading them. */
export const silentLogger: Logger = () => undefined;
