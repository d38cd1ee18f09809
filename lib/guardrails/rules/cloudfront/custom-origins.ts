import { block, blocks, type Attributes } from '../../values';

/** Origins of a distribution that CloudFront reaches over HTTP(S) (custom_origin_config), with their index for messages. */
export function customOrigins(values: Attributes): { label: string; origin: Attributes; config: Attributes }[] {
  return blocks(values.origin).flatMap((origin, index) => {
    const config = block(origin.custom_origin_config);
    const label = typeof origin.origin_id === 'string' ? `origin "${origin.origin_id}"` : `origin[${index}]`;
    return config ? [{ label, origin, config }] : [];
  });
}
