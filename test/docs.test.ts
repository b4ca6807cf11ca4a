import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/core/version.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
const pages = ['README.md', ...docs.map((name) => `docs/${name}`)];
const read = (page: string) => readFileSync(join(root, page), 'utf8');

/** Relative Markdown links: `[text](path#anchor)`, external ones left out. */
function relativeLinks(markdown: string): { path: string; anchor: string | undefined }[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [path, anchor] = target.split('#');
      return { path: path ?? '', anchor };
    });
}

/** GitHub's anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#+ (.+)$/gm)].map((match) =>
      match[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replaceAll(' ', '-'),
    ),
  );
}

describe('the documentation', () => {
  it('links every page of docs/ from the README', () => {
    const linked = new Set(relativeLinks(read('README.md')).map((link) => link.path));
    for (const name of docs) expect(linked, name).toContain(`docs/${name}`);
  });

  it('has no broken relative links or anchors', () => {
    for (const page of pages) {
      for (const { path, anchor } of relativeLinks(read(page))) {
        const target = path === '' ? join(root, page) : resolve(dirname(join(root, page)), path);
        expect(existsSync(target), `${page} → ${path}`).toBe(true);
        if (anchor !== undefined && target.endsWith('.md')) {
          expect(anchors(readFileSync(target, 'utf8')), `${page} → ${path}#${anchor}`).toContain(anchor);
        }
      }
    }
  });

  it('says each thing once: no paragraph of the README is copied into docs/', () => {
    const paragraphs = (markdown: string) =>
      markdown
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length >= 160 && !p.startsWith('|'));
    const inReadme = new Set(paragraphs(read('README.md')));
    for (const name of docs) {
      const copied = paragraphs(read(`docs/${name}`)).filter((p) => inReadme.has(p));
      expect(copied, name).toEqual([]);
    }
  });

  it('states the version package.json has', () => {
    expect(VERSION).toBe(JSON.parse(read('package.json')).version);
  });
});
