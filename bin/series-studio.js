#!/usr/bin/env node
// Command-line entry: runs the built CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'series-studio: the CLI is not built yet. Run `npm run build` in the project first.\n',
  );
  process.exit(1);
}
await import(pathToFileURL(cli).href);
