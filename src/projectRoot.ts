import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file, so data files (locales, the
 * NLU corpus) load the same from `src/` under jest and from `dist/src/` after a build.
 */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}
