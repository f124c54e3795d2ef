// Reports the gzipped JavaScript a browser loads to show the app shell and the leads list
// (the entry, the root and signed-in layouts, the leads page, and everything they import
// statically), read from the last build; fails above the budget. Also reports the bytes the
// server sends a browser that accepts brotli: the build's precompressed `.br` copies.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const ROUTE_FILES = [
  'src/routes/+layout',
  'src/routes/(app)/+layout',
  'src/routes/(app)/leads/+page',
];

const web = path.resolve(import.meta.dirname, '..');
const output = path.join(web, '.svelte-kit/output/client');
const manifestFile = path.join(output, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error('No build found: run `npm run build -w web` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

// SvelteKit's generated node modules say which route files each node holds.
const nodesDir = path.join(web, '.svelte-kit/generated/client-optimized/nodes');
const routeNodes = readdirSync(nodesDir).filter((file) => {
  const source = readFileSync(path.join(nodesDir, file), 'utf8');
  return ROUTE_FILES.some((route) => source.includes(`/${route}.`));
});
const starts = [
  ...Object.keys(manifest).filter((key) => /\/(entry|app)\.js$/.test(key) && manifest[key].isEntry),
  ...routeNodes.map((file) => `.svelte-kit/generated/client-optimized/nodes/${file}`),
];

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) visit(imported);
};
starts.forEach(visit);

const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => {
  const bytes = readFileSync(path.join(output, file));
  const brotli = path.join(web, 'build', `${file}.br`);
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    sent: existsSync(brotli) ? readFileSync(brotli).length : bytes.length,
  };
});
sizes.sort((a, b) => b.gzip - a.gzip);

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
for (const { file, raw, gzip } of sizes) console.log(`${kb(gzip)} KB gz ${kb(raw)} KB  ${file}`);
const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
const totalRaw = sizes.reduce((sum, size) => sum + size.raw, 0);
const totalSent = sizes.reduce((sum, size) => sum + size.sent, 0);
console.log(
  `\nShell + leads list: ${kb(total).trim()} KB of JavaScript gzipped (${kb(totalRaw).trim()} KB raw, ${sizes.length} files); budget ${BUDGET_KB} KB`,
);
console.log(`Sent to a browser that accepts brotli: ${kb(totalSent).trim()} KB`);
if (routeNodes.length !== ROUTE_FILES.length) {
  console.error(
    `Expected ${ROUTE_FILES.length} route nodes, found ${routeNodes.length}: has a route moved?`,
  );
  process.exit(1);
}
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024).trim()} KB`);
  process.exit(1);
}
