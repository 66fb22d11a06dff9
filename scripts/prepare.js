// npm's prepare hook (runs on `npm ci`/`npm install` in a checkout): build the fused kernels and the
// app so `npx series-studio` and `npm run serve` work straight after install.
import { spawnSync } from 'node:child_process';

if (process.env.SERIES_STUDIO_SKIP_PREPARE === '1') process.exit(0);
const steps = [['npm', ['run', 'build', '--silent']]];
for (const [cmd, args] of steps) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
