import { statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, distDir, listFiles, readDist } from '../support/dist.ts';

/** Scripts that run: no type, or a JavaScript type. JSON-LD is data, not script. */
function executableScripts(html: string): { src: string | null; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => {
      const type = /\stype="([^"]*)"/.exec(match[1]!)?.[1];
      return type === undefined || type === 'module' || /javascript/.test(type);
    })
    .map((match) => ({ src: /\ssrc="([^"]*)"/.exec(match[1]!)?.[1] ?? null, body: match[2]! }));
}

const pages = () => listFiles().filter((file) => file.endsWith('.html') && !file.startsWith('search/') && !file.startsWith('pagefind/'));

describe('page weight and JavaScript in the real build', () => {
  beforeAll(assertBuilt);

  it('ships no external JavaScript outside /search/, and under 2 KB of inline script per page', () => {
    const report = pages().map((file) => {
      const html = readDist(file);
      const scripts = executableScripts(html);
      return {
        file,
        external: scripts.filter((script) => script.src !== null).map((script) => script.src),
        preloads: html.match(/<link[^>]+rel="modulepreload"/g) ?? [],
        inlineBytes: scripts.reduce((sum, script) => sum + Buffer.byteLength(script.body), 0),
      };
    });
    expect(report.length).toBeGreaterThan(10);
    expect(report.filter((page) => page.external.length > 0 || page.preloads.length > 0)).toEqual([]);
    const heaviest = Math.max(...report.map((page) => page.inlineBytes));
    console.log(`inline script: at most ${heaviest} bytes on a page outside /search/`);
    expect(report.filter((page) => page.inlineBytes >= 2048)).toEqual([]);
  });

  it('keeps the largest story page, with its CSS, small', () => {
    const stories = listFiles().filter((file) => /^stories\/[^/]+\/index\.html$/.test(file));
    const sizes = stories.map((file) => {
      const html = readDist(file);
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => statSync(path.join(distDir, m[1]!)).size);
      const htmlBytes = Buffer.byteLength(html);
      return { file, htmlBytes, cssBytes: css.reduce((a, b) => a + b, 0), total: htmlBytes + css.reduce((a, b) => a + b, 0) };
    });
    const largest = sizes.sort((a, b) => b.total - a.total)[0]!;
    console.log(
      `largest story page: ${largest.file}: ${largest.htmlBytes} bytes HTML (inline CSS included) + ${largest.cssBytes} bytes linked CSS = ${largest.total} bytes`,
    );
    expect(largest.total).toBeLessThan(64 * 1024);
  });
});
