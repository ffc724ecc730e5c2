/**
 * Astro 5 bundles the content store into the build: its virtual module
 * `astro:data-layer-content` is the whole `data-store.json` turned into one
 * JavaScript array literal (60,000 elements at 10,000 stories), which Rollup
 * then parses, analyses and writes out on every build, changed or not. For a
 * static build the bundle runs once, in this process, right after the content
 * sync wrote that file; so this integration has the module read the file when
 * the pages first ask for the store instead. Same store, same pages; Rollup
 * sees a module of three lines.
 *
 * The module's shape (a default export of the store as `devalue.flatten`
 * wrote it, which `JSON.parse` of the file gives back) is Astro's own; its
 * loader swallows errors into an empty store, which the pages' check on the
 * synced collection (content-sync-check.ts) turns into a failed build.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's id for the resolved virtual module (`'\0' + 'astro:data-layer-content'`). */
export const dataStoreModuleId = '\0astro:data-layer-content';

/** The module the build gets instead of the store's array literal: it reads the store's file. */
export function dataStoreModule(storeFile: string): string {
  return [
    "import { readFileSync } from 'node:fs';",
    `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
  ].join('\n');
}

/** The Vite plugin that loads the store module as dataStoreModule; null for every other id, or when the file is missing (Astro's own load then says the store is empty). */
export function dataStoreAtRunTimePlugin(storeFile: string, onLoad: () => void = () => undefined): Plugin {
  return {
    name: 'archive-data-store-at-run-time',
    enforce: 'pre',
    // Ahead of Astro's own load of the same id (its plugin is 'pre' too).
    load: {
      order: 'pre',
      handler(id) {
        if (id !== dataStoreModuleId || !existsSync(storeFile)) return null;
        onLoad();
        return { code: dataStoreModule(storeFile), map: { mappings: '' } };
      },
    },
  };
}

export function dataStoreAtRunTime(): AstroIntegration {
  return {
    name: 'archive-data-store',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        // The dev server reloads the store through the module as it changes; leave it as Astro has it.
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const plugin = dataStoreAtRunTimePlugin(storeFile, () => logger.info(`the pages read the content store from ${storeFile}; it is not bundled`));
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
