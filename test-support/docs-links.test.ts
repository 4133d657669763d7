// Every relative link in the project's Markdown leads somewhere: the file exists, and a `#anchor`
// names a heading of it (GitHub's slugs). Links to the web are not followed (no network here).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.ts';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.fedstudio-tmp')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Relative links of a Markdown text, with code blocks and inline code left out. */
export function relativeLinks(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links: string[] = [];
  for (const m of prose.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
    links.push(target);
  }
  return links;
}

describe('links in the documentation', () => {
  const files = markdownFiles(ROOT);

  it('finds the README and the docs', () => {
    expect(files).toContain(path.join(ROOT, 'README.md'));
    expect(files.filter((f) => f.includes(`${path.sep}docs${path.sep}`)).length).toBeGreaterThan(2);
  });

  it('reads slugs and links as GitHub does', () => {
    expect(slug('The CLI: `fedstudio` (v1)')).toBe('the-cli-fedstudio-v1');
    expect(relativeLinks('[a](docs/x.md#y) [b](https://e.org) `[c](no.md)`')).toEqual([
      'docs/x.md#y',
    ]);
  });

  for (const file of files) {
    it(`has no broken relative link in ${path.relative(ROOT, file)}`, () => {
      const text = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const link of relativeLinks(text)) {
        const [target, anchor] = link.split('#') as [string, string | undefined];
        const resolved = target ? path.resolve(path.dirname(file), decodeURI(target)) : file;
        if (!existsSync(resolved)) {
          broken.push(`${link}: no such file`);
          continue;
        }
        if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md')) {
          if (!anchorsOf(readFileSync(resolved, 'utf8')).has(anchor))
            broken.push(`${link}: no heading #${anchor}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
