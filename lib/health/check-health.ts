import "server-only";
import { getDb } from "../db/client.ts";

export interface HealthReport {
  status: "ok" | "degraded";
  app: "ok";
  database: { status: "ok" | "unreachable"; latencyMs?: number; error?: string };
  version: string;
}

/** The app is up if it answers; the database is up if a trivial query returns within 2 s. */
export async function checkHealth(): Promise<HealthReport> {
  const version = process.env.npm_package_version ?? "0.1.0";
  const started = performance.now();
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2000)),
    ]);
    return {
      status: "ok",
      app: "ok",
      database: { status: "ok", latencyMs: Math.round(performance.now() - started) },
      version,
    };
  } catch (error) {
    // The reason goes to the log; the response says only that the database is unreachable.
    console.error("health: database check failed:", error instanceof Error ? error.message : error);
    return {
      status: "degraded",
      app: "ok",
      database: { status: "unreachable", error: "database unreachable" },
      version,
    };
  }
}
