import { BundledFunction } from '../../../../modules/lambda/bundled-function';
import { testStack } from './synth';

/** Builds the greeter function in a fresh process (no in-process caches) and prints its source_code_hash. */
const { stack } = testStack();
const fn = new BundledFunction(stack, 'Greeter', {
  entry: 'tests/modules/lambda/fixtures/greeter/index.ts',
  functionName: 'dev-greeter',
  accountId: '444455556666',
  logKmsKeyArn: 'arn:aws:kms:ap-southeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  files: { 'greeting.txt': 'Hello\n' },
});
process.stdout.write(`${fn.sourceCodeHash}\n`);
