import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'sass';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The field app's own code and the components it shares with the console. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(root, folder, file));
}

/** Every GOV.UK override class named in full (a name built at run time ends with "-" and is checked below). */
function overrideClassesNamed(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('src/app'), ...sourceFiles('src/govuk')]) {
    for (const [name] of readFileSync(file, 'utf8').matchAll(/govuk-!-[a-z0-9-]+/g)) if (!name.endsWith('-')) names.add(name);
  }
  return names;
}

describe('the field app’s GOV.UK override classes', () => {
  const css = compile(join(root, 'src/app/shell/_overrides.scss'), { loadPaths: [join(root, 'node_modules')], quietDeps: true }).css;
  const made = (name: string) => css.includes(`.${name.replace('!', '\\!')} {`);

  it('makes every override class the field app’s code names', () => {
    const named = [...overrideClassesNamed()];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !made(name))).toEqual([]);
  });

  it('makes every fluid width a text input can be given', () => {
    for (const width of ['full', 'three-quarters', 'two-thirds', 'one-half', 'one-third', 'one-quarter']) expect(made(`govuk-!-width-${width}`)).toBe(true);
  });

  it('leaves out the padding, static spacing and font sizes the app never uses', () => {
    expect(made('govuk-!-padding-4')).toBe(false);
    expect(made('govuk-!-static-margin-4')).toBe(false);
    expect(made('govuk-!-font-size-80')).toBe(false);
  });
});
