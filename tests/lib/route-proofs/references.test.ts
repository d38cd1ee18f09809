import { appFrom } from './synthesized-output';
import { parseTemplate, readReference, soleExpression } from '../../../lib/route-proofs/references';
import type { StackJson } from './synthesized-output';

/** Terraform's reading of synthesized strings: `${...}` is substituted, `$${...}` reaches AWS as literal text. */
describe('parseTemplate', () => {
  it('reads an escaped stage variable as literal text and a remote-state token as a reference', () => {
    expect(parseTemplate('https://$${stageVariables.backendHost}/x')).toEqual([
      { kind: 'text', text: 'https://' },
      { kind: 'escaped', expression: 'stageVariables.backendHost' },
      { kind: 'text', text: '/x' },
    ]);
    expect(parseTemplate('${data.terraform_remote_state.gw.outputs.nlb}:8443')).toEqual([
      { kind: 'reference', expression: 'data.terraform_remote_state.gw.outputs.nlb' },
      { kind: 'text', text: ':8443' },
    ]);
  });

  it('keeps nested braces inside one expression', () => {
    expect(soleExpression('${jsonencode({a = 1})}')).toEqual({ kind: 'reference', expression: 'jsonencode({a = 1})' });
  });
});

describe('readReference', () => {
  const producer: StackJson = {
    terraform: { backend: { s3: { bucket: 'state', key: 'uag/dev/dev-gateway.tfstate' } } },
    resource: { aws_lambda_function: { fn: {} } },
    output: { fn_arn: { value: '${aws_lambda_function.fn.invoke_arn}' }, literal: { value: 'arn:aws:lambda:stand-in' } },
  };
  const consumer: StackJson = {
    terraform: { backend: { s3: { bucket: 'state', key: 'uag/dev/dev-api.tfstate' } } },
    resource: {},
    data: { terraform_remote_state: { gw: { backend: 's3', config: { bucket: 'state', key: 'uag/dev/dev-gateway.tfstate' } } } },
  };
  const app = appFrom(
    { outdir: '/out', files: new Map(), copy: () => new Map() },
    new Map([
      ['dev-gateway', producer],
      ['dev-api', consumer],
    ]),
  );
  const stack = app.stack('dev-api')!;

  it('follows a remote-state output through the backend key to the producer resource', () => {
    const reading = readReference(app, stack, '${data.terraform_remote_state.gw.outputs.fn_arn}');
    expect(reading.kind === 'resolved' && [reading.resolution.stack.id, reading.resolution.resource.address, reading.resolution.attribute]).toEqual([
      'dev-gateway',
      'aws_lambda_function.fn',
      'invoke_arn',
    ]);
  });

  it('reads the escaped form as text, not a reference', () => {
    expect(readReference(app, stack, '$${data.terraform_remote_state.gw.outputs.fn_arn}')).toEqual({
      kind: 'escaped',
      text: '${data.terraform_remote_state.gw.outputs.fn_arn}',
    });
  });

  it('reports an output that holds a literal, and a missing output', () => {
    expect(readReference(app, stack, '${data.terraform_remote_state.gw.outputs.literal}')).toEqual({
      kind: 'literal-resolution',
      value: 'arn:aws:lambda:stand-in',
    });
    expect(readReference(app, stack, '${data.terraform_remote_state.gw.outputs.gone}')).toEqual({
      kind: 'unresolved',
      problem: 'dev-gateway has no output "gone"',
    });
  });
});
