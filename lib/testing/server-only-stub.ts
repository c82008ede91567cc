// Vitest stands in for the server: the real "server-only" guard is for bundles that reach the browser.
export {};
