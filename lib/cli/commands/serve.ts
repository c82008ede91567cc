import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { projectRoot } from "../../paths.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";
import { parsePort } from "../port.ts";

/**
 * The production web server that `raqib start` runs: Next.js through its custom-server API
 * (`next({ dev: false })`, the same request handler `next start` uses) for everything, except
 * POSTs to the Perspective-compatible paths, which go straight to their handler. That API is
 * called once per comment by comment systems, and Next's routing costs more per request than
 * scoring the comment (see README, "Perspective-compatible API", Speed).
 */
export const serveCommand: Command = {
  name: "serve",
  summary: "serve the built dashboard and APIs (what raqib start runs; needs DATABASE_URL)",
  usage: `Usage: raqib serve [--port N] [--hostname H]

Serves the built dashboard (.next, from next build) and the APIs on the given port, against
DATABASE_URL. \`raqib start\` starts the database, builds when needed and runs this; use it
directly only behind your own process manager.`,
  async run(args, ctx) {
    const { values } = parseCommandArgs("serve", args, {
      port: { type: "string" },
      hostname: { type: "string" },
    });
    if (!ctx.env.DATABASE_URL)
      throw new CliError(
        "serve: DATABASE_URL is not set; 'raqib start' starts the database and sets it, or set it yourself",
      );
    if (!existsSync(join(projectRoot, ".next", "BUILD_ID")))
      throw new CliError(
        "serve: no production build in .next; run 'npm run build' (raqib start builds when needed)",
      );
    const port = parsePort(values.port ?? ctx.env.PORT, 3000);
    const hostname = values.hostname ?? ctx.env.HOST ?? "127.0.0.1";
    (process.env as Record<string, string>).NODE_ENV = "production";
    // Loaded here, not at the top: every other raqib command would pay their memory (~90 MB).
    const { perspectiveAction, servePerspective } = await import("../../server/perspective-fast-path.ts");
    const { default: next } = await import("next");
    const app = next({ dev: false, dir: projectRoot, hostname, port });
    await app.prepare();
    const handle = app.getRequestHandler();
    const server = createServer((req, res) => {
      const action = perspectiveAction(req.method, req.url);
      if (action !== null) void servePerspective(action, req, res);
      else void handle(req, res);
    });
    // As next start: idle keep-alive connections outlive a load balancer's default of 60 s.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, hostname, () => resolve());
    });
    ctx.stdout.write(`✓ Ready on http://${hostname}:${port}\n`);
    return new Promise<number>((resolve) => {
      const stop = () => {
        server.close(() => resolve(0));
        server.closeAllConnections();
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
  },
};
