import { compliantIf, nonCompliant, type ResourceRule } from '../../rule';
import { isReference } from '../../values';
import { stageWideSettings } from './stage-method-settings';

const LOGGING_LEVELS = new Set(['ERROR', 'INFO']);

export const stageLoggingLevel: ResourceRule = {
  id: 'UAG-APIGW-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage'],
  what: 'Every REST API stage has method settings for */* with logging level ERROR or INFO.',
  why:
    'Execution logs show why API Gateway rejected or failed a request (authorizer errors, integration timeouts, mapping failures). ' +
    'Access logs say that a call failed; execution logs say why. With logging OFF a failing authorizer looks like a client error.',
  fix: 'Add aws_api_gateway_method_settings for the stage with method_path = "*/*" and settings { logging_level = "ERROR" } (or "INFO").',
  check: (stage, stack) => {
    const settings = stageWideSettings(stage, stack);
    if (settings.length === 0) return nonCompliant('no aws_api_gateway_method_settings with method_path "*/*" refers to this stage');
    const level = settings[0]!.logging_level;
    return compliantIf(
      isReference(level) || (typeof level === 'string' && LOGGING_LEVELS.has(level)),
      `settings.logging_level is ${level === undefined ? 'unset (OFF)' : JSON.stringify(level)}`,
    );
  },
};
