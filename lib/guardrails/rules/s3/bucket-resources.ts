import type { StackView, TerraformResource } from '../../stack-view';
import { refersTo } from '../../values';

/** The resources of `type` in the bucket's stack that configure this bucket (their `bucket` refers to it). */
export function bucketConfigurations(bucket: TerraformResource, stack: StackView, type: string): TerraformResource[] {
  return stack.ofType(type).filter(({ values }) => refersTo(values.bucket, bucket.address));
}
