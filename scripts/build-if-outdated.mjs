// Builds a workspace whose output is missing or older than its sources. Plain JavaScript so it
// runs before anything is compiled. In the container image there are no sources, so nothing is
// built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function outdated(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

/** Builds `workspace` when `output` (relative to the root) is older than `sources` or absent. */
export function buildIfOutdated(workspace, output, sources) {
  const outputPath = path.join(root, output);
  if (!existsSync(path.join(root, workspace, 'package.json'))) return outputPath;
  if (!outdated(outputPath, path.join(root, sources))) return outputPath;
  const reason = existsSync(outputPath) ? 'sources changed' : 'first start';
  console.log(`Building ${workspace} (${reason})...`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return outputPath;
}
