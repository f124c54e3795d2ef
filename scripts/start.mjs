// `npm start`, `npm run worker` and `npm run migrate` (`--worker`, `--migrate`): build whatever
// is missing or out of date, then run the server.
import { pathToFileURL } from 'node:url';
import { buildIfOutdated } from './build-if-outdated.mjs';

buildIfOutdated('web', 'web/build/200.html', 'web/src');
const serverOutput = buildIfOutdated('server', 'server/dist/main.js', 'server/src');

// Run in this process, so Ctrl-C reaches one process that shuts down in order.
await import(pathToFileURL(serverOutput).href);
