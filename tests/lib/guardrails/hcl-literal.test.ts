import { HclExpression, parseJsonencode } from '../../../lib/guardrails/hcl-literal';

describe('parseJsonencode', () => {
  it('reads the object literal cdktf writes for Fn.jsonencode', () => {
    const text = '${jsonencode({"openapi" = "3.0.1", "n" = 3, "f" = -1.5e2, "ok" = true, "none" = null, "list" = ["a", {"b" = false}]})}';
    expect(parseJsonencode(text)).toEqual({ openapi: '3.0.1', n: 3, f: -150, ok: true, none: null, list: ['a', { b: false }] });
  });

  it('keeps escaped dollars and interpolations (with quotes inside) as text', () => {
    const text = '${jsonencode({"uri" = "http://$${stageVariables.url}/p", "arn" = "${aws_lambda_function.a["x"].arn}/invocations", "q" = "say \\"hi\\"\\n"})}';
    expect(parseJsonencode(text)).toEqual({ uri: 'http://$${stageVariables.url}/p', arn: '${aws_lambda_function.a["x"].arn}/invocations', q: 'say "hi"\n' });
  });

  it('returns bare references and function calls as expressions', () => {
    const parsed = parseJsonencode('${jsonencode({"id" = aws_api_gateway_vpc_link.payments.id, "h" = sha1(join(",", ["a", "b"])), key = 1})}') as Record<
      string,
      unknown
    >;
    expect(parsed.id).toEqual(new HclExpression('aws_api_gateway_vpc_link.payments.id'));
    expect(parsed.h).toEqual(new HclExpression('sha1(join(",", ["a", "b"]))'));
    expect(parsed.key).toBe(1);
  });

  it('fails when the text is not exactly one jsonencode call', () => {
    expect(parseJsonencode('{"a": 1}')).toBeUndefined();
    expect(parseJsonencode('${jsonencode({"a" = 1})}-suffix')).toBeUndefined();
    expect(parseJsonencode('${jsonencode({"a" = "unterminated})}')).toBeUndefined();
    expect(parseJsonencode('${jsonencode({"a" 1})}')).toBeUndefined();
  });
});
