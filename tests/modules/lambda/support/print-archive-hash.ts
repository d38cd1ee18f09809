import { BundledFunction } from '../../../../modules/lambda/bundled-function';
import { testStack } from './synth';

/** Builds the greeter function in a fresh process (no in-process caches) and prints its source_code_hash. */
const { stack } = testStack();
const fn = new BundledFunction(stack, 'Greeter', {
  entry: 'tests/modules/lambda/fixtures/greeter/index.ts',
  functionName: 'dev-greeter',
  files: { 'greeting.txt': 'Hello\n' },
});
process.stdout.write(`${fn.sourceCodeHash}\n`);
