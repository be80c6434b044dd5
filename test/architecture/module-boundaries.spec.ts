import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Where a relative import lands, as a path from the repository root. */
function target(file: string, specifier: string): string {
  return relative(ROOT, join(ROOT, file, '..', specifier));
}

describe('module boundaries', () => {
  it('a lib never imports an app', () => {
    const offending = sourceFiles('libs').flatMap((file) =>
      importsOf(file)
        .filter(
          (specifier) => specifier.startsWith('.') && target(file, specifier).startsWith('apps/'),
        )
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('an app never imports another app, and reaches libs only through #libs', () => {
    const offending = sourceFiles('apps').flatMap((file) => {
      const app = file.split('/')[1];
      return importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => !target(file, specifier).startsWith(`apps/${app}/`))
        .map((specifier) => `${file} → ${specifier}`);
    });
    expect(offending).toEqual([]);
  });

  it('no module papers over a cycle with forwardRef', () => {
    const offending = [...sourceFiles('apps'), ...sourceFiles('libs')].filter((file) =>
      /\bforwardRef\s*\(/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
