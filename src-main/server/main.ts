// `npm run serve`: browser mode on 127.0.0.1, printing the tokenised URL.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from '../host/appPaths';
import { runServerProcess } from './serverProcess';
import { parseServeArgs } from './serveArgs';

const builtDir = path.dirname(fileURLToPath(import.meta.url));
const args = parseServeArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`${args.error}\nUsage: npm run serve -- [--port N]\n`);
  process.exit(2);
}
// runServerProcess installs the uncaughtException / unhandledRejection policy (processPolicy.ts)
// and stops cleanly on SIGINT / SIGTERM.
const server = await runServerProcess(appPaths(path.resolve(builtDir, '../..'), builtDir), {
  ...(args.port === undefined ? {} : { port: args.port }),
  ...(process.env.SERIES_STUDIO_DATA_DIR ? { dataDir: process.env.SERIES_STUDIO_DATA_DIR } : {}),
});
process.stdout.write(`Series Studio (browser mode) is running at:\n  ${server.url}\n`);
process.stdout.write('Open that address in a browser on this machine. Press Ctrl+C to stop.\n');
