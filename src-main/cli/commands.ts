import { analyzeCommand } from './analyzeCommand';
import { backtestCommand } from './backtestCommand';
import { compareCommand } from './compareCommand';
import { reportCommand } from './reportCommand';
import { searchCommand } from './searchCommand';
import { fitCommand } from './fitCommand';
import { forecastCommand } from './forecastCommand';
import { infoCommand } from './infoCommand';

export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<void>;
}

export const commands: Record<string, CliCommand> = {
  info: infoCommand,
  analyze: analyzeCommand,
  fit: fitCommand,
  compare: compareCommand,
  search: searchCommand,
  backtest: backtestCommand,
  report: reportCommand,
  forecast: forecastCommand,
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: series-studio <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}
