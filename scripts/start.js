// `npm start`: build, then launch the desktop app; where the Electron binary is missing and cannot
// be fetched, explain why and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronPackageDir } from './electronBinary.js';

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
const pkgDir = electronPackageDir();
if (!binary && pkgDir && process.env.SERIES_STUDIO_NO_ELECTRON_DOWNLOAD !== '1') {
  spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    [
      '',
      'The Electron binary is not installed and could not be downloaded (Electron fetches it on first',
      'use, and this machine cannot reach its download host). The desktop window cannot open here, so',
      'Series Studio starts in browser mode instead: the same interface and engine, served on 127.0.0.1',
      'with a one-time token. On a machine with internet access `npm start` opens the desktop app.',
      '',
    ].join('\n'),
  );
  const server = spawn(process.execPath, ['out/main/server.js'], { stdio: 'inherit' });
  server.on('exit', (code) => process.exit(code ?? 0));
}
