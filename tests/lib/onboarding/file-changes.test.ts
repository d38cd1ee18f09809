import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyFileChanges } from '../../../lib/onboarding/file-changes';
import { snapshotTree } from '../../support/run-synth';

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'uag-file-changes-'));
  mkdirSync(path.join(root, 'environments'));
  writeFileSync(path.join(root, 'environments/dev.yaml'), 'name: dev\n');
  return root;
}

describe('applyFileChanges', () => {
  it('creates folders and files and replaces modified ones', () => {
    const root = tree();
    applyFileChanges(root, [
      { file: 'services/orders/service.yaml', content: 'name: orders\n', kind: 'create' },
      { file: 'environments/dev.yaml', content: 'name: dev\nservices: {}\n', kind: 'modify' },
    ]);
    expect(snapshotTree(root)).toEqual({ 'environments/dev.yaml': 'name: dev\nservices: {}\n', 'services/orders/service.yaml': 'name: orders\n' });
  });

  it('fails when a file to create exists, writing nothing', () => {
    const root = tree();
    const before = snapshotTree(root);
    expect(() =>
      applyFileChanges(root, [
        { file: 'services/orders/service.yaml', content: 'x', kind: 'create' },
        { file: 'environments/dev.yaml', content: 'x', kind: 'create' },
      ]),
    ).toThrow('environments/dev.yaml appeared while onboarding; nothing was written');
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(path.join(root, 'services'))).toBe(false);
  });

  it('restores what it already renamed when a later rename fails', () => {
    const root = tree();
    const before = snapshotTree(root);
    // The module object itself (not an import namespace, whose bindings cannot be redefined).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('node:fs') as typeof import('node:fs');
    const realRename = nodeFs.renameSync;
    let renames = 0;
    const rename = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (++renames === 2) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      realRename(from, to);
    });
    try {
      expect(() =>
        applyFileChanges(root, [
          { file: 'environments/dev.yaml', content: 'changed\n', kind: 'modify' },
          { file: 'services/orders/service.yaml', content: 'name: orders\n', kind: 'create' },
        ]),
      ).toThrow('EXDEV');
    } finally {
      rename.mockRestore();
    }
    expect(renames).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(path.join(root, 'services'))).toBe(false);
  });

  it('leaves nothing behind when a file to modify cannot be read', () => {
    const root = tree();
    mkdirSync(path.join(root, 'environments/prod.yaml'));
    writeFileSync(path.join(root, 'environments/prod.yaml/keep'), '');
    const before = snapshotTree(root);
    expect(() =>
      applyFileChanges(root, [
        { file: 'services/orders/service.yaml', content: 'name: orders\n', kind: 'create' },
        { file: 'environments/prod.yaml', content: 'x', kind: 'modify' },
      ]),
    ).toThrow(/EISDIR/);
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(path.join(root, 'services'))).toBe(false);
  });
});
