#!/usr/bin/env node
// `npx rampart <command>` and `npm run rampart -- <command>`: the operator's commands
// (server/src/cli/rampart.ts), built first if the server is out of date.
import { pathToFileURL } from 'node:url';
import { buildIfOutdated } from './build-if-outdated.mjs';

const cli = buildIfOutdated('server', 'server/dist/cli/rampart.js', 'server/src');
const { main } = await import(pathToFileURL(cli).href);
process.exit(await main(process.argv.slice(2)));
