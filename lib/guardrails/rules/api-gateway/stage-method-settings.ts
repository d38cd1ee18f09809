import type { StackView, TerraformResource } from '../../stack-view';
import { block, refersTo, type Attributes } from '../../values';

/**
 * The `settings` of the `aws_api_gateway_method_settings` that cover every method (`*\/*`) of a stage:
 * the resource refers to the stage, or names the same stage of the same REST API literally.
 */
export function stageWideSettings(stage: TerraformResource, stack: StackView): Attributes[] {
  return stack
    .ofType('aws_api_gateway_method_settings')
    .filter(({ values }) => values.method_path === '*/*')
    .filter(
      ({ values }) =>
        refersTo(values.stage_name, stage.address) || (values.stage_name === stage.values.stage_name && values.rest_api_id === stage.values.rest_api_id),
    )
    .flatMap(({ values }) => {
      const settings = block(values.settings);
      return settings ? [settings] : [];
    });
}
