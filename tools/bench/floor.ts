import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';

/**
 * The floor for `make bench`: the least a cdktf synth costs here, a tsx process that loads cdktf and one
 * provider resource and writes one stack. Synthesis is reported as a multiple of this (docs/decisions/0019).
 */
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
const stack = new TerraformStack(app, 'floor');
new AwsProvider(stack, 'aws', { region: 'ap-southeast-1' });
new S3Bucket(stack, 'bucket', { bucket: 'uag-bench-floor' });
app.synth();
