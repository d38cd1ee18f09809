import { randomUUID } from 'node:crypto';
import { SourceFile } from '../../../lib/config/source-file';
import { restoreEnvAfterEach } from '../../support/restore-env';

// The real YAML parser, counted: a file seen before must come from the disk cache, parsed again only to locate.
jest.mock('yaml', () => {
  const actual = jest.requireActual('yaml');
  return { ...actual, parseDocument: jest.fn(actual.parseDocument) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseDocument = (require('yaml') as { parseDocument: jest.Mock }).parseDocument;

/** A file no earlier run has cached (its comment is new). */
const freshYaml = (body: string) => `# ${randomUUID()}\n${body}`;
const SERVICE = 'name: orders\nbackend:\n  port: 8443\n  hosts: [a, b]\n';

describe('SourceFile', () => {
  restoreEnvAfterEach('UAG_DISK_CACHE');
  beforeEach(() => parseDocument.mockClear());

  it('parses a file seen before from the cache, with the same value, and parses it again only to locate a problem', () => {
    const text = freshYaml(SERVICE);
    const first = SourceFile.parse('services/orders/service.yaml', text).source!;
    expect(parseDocument).toHaveBeenCalledTimes(1);
    const second = SourceFile.parse('services/orders/service.yaml', text).source!;
    expect(parseDocument).toHaveBeenCalledTimes(1);
    expect(second.data()).toEqual({ name: 'orders', backend: { port: 8443, hosts: ['a', 'b'] } });
    expect(second.data()).toEqual(first.data());

    expect(second.locate(['backend', 'hosts', 1])).toEqual({ line: 5, column: 14 });
    expect(second.locate(['backend', 'missing'])).toEqual({ line: 4, column: 3 });
    expect(parseDocument).toHaveBeenCalledTimes(2);
    expect(first.locate(['backend', 'hosts', 1])).toEqual({ line: 5, column: 14 });
    expect(parseDocument).toHaveBeenCalledTimes(2);
  });

  it('hands out a copy: changing what data() returned changes nothing for the next caller', () => {
    const text = freshYaml(SERVICE);
    SourceFile.parse('a.yaml', text);
    const source = SourceFile.parse('a.yaml', text).source!;
    (source.data() as { backend: { port: number } }).backend.port = 1;
    expect(source.data()).toEqual({ name: 'orders', backend: { port: 8443, hosts: ['a', 'b'] } });
    expect(SourceFile.parse('a.yaml', text).source!.data()).toEqual({ name: 'orders', backend: { port: 8443, hosts: ['a', 'b'] } });
  });

  it('never caches a broken file: the same problems, at their line, every time', () => {
    const text = freshYaml('name: orders\nname: again\n');
    const expected = [expect.objectContaining({ file: 'a.yaml', line: 3, message: expect.stringMatching(/^invalid YAML: Map keys must be unique/) })];
    expect(SourceFile.parse('a.yaml', text).problems).toEqual(expected);
    expect(SourceFile.parse('a.yaml', text).problems).toEqual(expected);
    expect(parseDocument).toHaveBeenCalledTimes(2);
  });

  it('keeps values JSON cannot hold exactly as YAML gave them (not cached)', () => {
    const text = freshYaml('limit: .inf\n');
    SourceFile.parse('a.yaml', text);
    expect(SourceFile.parse('a.yaml', text).source!.data()).toEqual({ limit: Infinity });
    expect(parseDocument).toHaveBeenCalledTimes(2);
  });

  it('UAG_DISK_CACHE=off parses every time', () => {
    process.env.UAG_DISK_CACHE = 'off';
    const text = freshYaml(SERVICE);
    SourceFile.parse('a.yaml', text);
    SourceFile.parse('a.yaml', text);
    expect(parseDocument).toHaveBeenCalledTimes(2);
  });
});
