// The page's Content Security Policy: one definition for the Electron app:// responses, the
// browser-mode server's headers and the tests (src-renderer/index.html repeats it as a meta tag).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts' tooltips carry style attributes; scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
