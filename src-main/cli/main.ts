// `series-studio <command>`: headless engine commands. Each command lives in its own module.
import { toStudioError } from '../shared/result';
import { commands, usage } from './commands';

const [name, ...rest] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (!command) {
  process.stderr.write(usage());
  process.exit(name === undefined || name === '--help' || name === 'help' ? 0 : 2);
}
try {
  await command.run(rest);
  process.exit(0);
} catch (error) {
  const studioError = toStudioError(error);
  process.stderr.write(`series-studio ${name}: ${studioError.message}\n`);
  process.exit(studioError.code === 'invalid-request' ? 2 : 1);
}
