// `npm start`, `npm run worker` and `npm run migrate` (`--worker`, `--migrate`): build whatever
// is missing or out of date, then run the server. Plain JavaScript so it runs before anything
// is compiled. In the container image there are no sources, so nothing is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

function build(workspace, reason) {
  console.log(`Building ${workspace} (${reason})...`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const webOutput = path.join(root, 'web/build/200.html');
if (
  existsSync(path.join(root, 'web/package.json')) &&
  outdated(webOutput, path.join(root, 'web/src'))
) {
  build('web', existsSync(webOutput) ? 'sources changed' : 'first start');
}
const serverOutput = path.join(root, 'server/dist/main.js');
if (outdated(serverOutput, path.join(root, 'server/src'))) {
  build('server', existsSync(serverOutput) ? 'sources changed' : 'first start');
}

// Run in this process, so Ctrl-C reaches one process that shuts down in order.
await import(pathToFileURL(serverOutput).href);
