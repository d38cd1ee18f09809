/**
 * Structured logs: one JSON object per line on stdout, which CloudWatch Logs Insights indexes as fields.
 * `level = "error"` lines are what the function's error alarm counts.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
export type Logger = (level: LogLevel, message: string, fields?: LogFields) => void;

export const jsonLineLogger: Logger = (level, message, fields = {}) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
};
