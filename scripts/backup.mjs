// `npm run backup` and `npm run restore`: build the server if it is out of date, then run its
// backup command (server/src/cli/backup.ts).
import { pathToFileURL } from 'node:url';
import { buildIfOutdated } from './build-if-outdated.mjs';

const cli = buildIfOutdated('server', 'server/dist/cli/backup.js', 'server/src');
const { main } = await import(pathToFileURL(cli).href);
process.exit(await main(process.argv.slice(2)));
