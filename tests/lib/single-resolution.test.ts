import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { resolveElement } from '../../lib/single-resolution';

/** resolveElement walks plain data itself; whatever it hands cdktf or keeps, the result must be cdktf's own. */
const stack = new TerraformStack(new App(), 'resolution');
const bucket = new S3Bucket(stack, 'bucket', { bucket: 'uag-resolution' });
const stock = (value: unknown): unknown => Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });

const cases: Record<string, unknown> = {
  'plain strings, including ones that look like encoded numbers': ['api-e-commerce', '1e5', 't3.micro', '${literal}', ''],
  'a string token and a string with one inside': { arn: bucket.arn, policy: `{"Resource":"${bucket.arn}/*"}` },
  'a number token inside a string': { endpoint: `host:${Token.asNumber(bucket.id)}` },
  'a number token and plain numbers': { port: Token.asNumber(bucket.id), size: 3, ratio: 1.5e3 },
  'a list token and a list holding numbers': { ids: Token.asList(bucket.id), mixed: [1, 2, 'x'] },
  'a map token': Token.asStringMap(bucket.tagsAll),
  'a lazy value and a function call': { lazy: Lazy.stringValue({ produce: () => 'produced' }), joined: Fn.join(',', ['a', bucket.id]) },
  'undefined members and elements are dropped': { kept: 'yes', dropped: undefined, nested: { dropped: undefined }, list: ['a', undefined, 'b'] },
  'null, booleans and empty containers stay': { none: null, flag: false, empty: {}, list: [] },
  'a token in a key': { [bucket.id]: 'value' },
};

describe('resolveElement', () => {
  it.each(Object.entries(cases))('resolves %s as cdktf does', (_name, value) => {
    expect(resolveElement(stack, value)).toEqual(stock(value));
  });

  it('keeps the data it does not resolve as it was', () => {
    expect(resolveElement(stack, { name: 'api-e-commerce', list: ['a'] })).toStrictEqual({ name: 'api-e-commerce', list: ['a'] });
  });
});
