export function parseServeArgs(argv: string[]): { port?: number } | { error: string } {
  const out: { port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: '--port needs 0–65535' };
      out.port = port;
    } else {
      return { error: `Unknown option ${String(arg)}` };
    }
  }
  return out;
}
