import { createServer } from "node:net";
import { CliError } from "./command.ts";

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliError(`PORT must be a whole number from 1 to 65535 (got '${value}')`, 2);
  }
  return port;
}

/** Fails with a one-line error when something already listens on host:port. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new CliError(`port ${port} is already in use; stop what uses it or set PORT to a free port`));
      } else if (error.code === "EACCES") {
        reject(
          new CliError(
            `port ${port} needs privileges this user does not have; set PORT to a port above 1024`,
          ),
        );
      } else {
        reject(new CliError(`cannot listen on ${host}:${port}: ${error.message}`));
      }
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
