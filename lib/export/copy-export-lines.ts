import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { getPool } from "../db/pool.ts";
import type { CellKind, CopyColumn, ExportCopyQuery } from "./build-export-copy-query.ts";

/** Output is handed on in chunks of about this many bytes. */
const CHUNK_BYTES = 1 << 18;
/** "PGCOPY\n\377\r\n\0", then 32-bit flags and header-extension length. */
const SIGNATURE_BYTES = 11;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const APOSTROPHE = 0x27;
/** = + - @ tab CR: a cell starting with one of these is a formula to a spreadsheet. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const HEX = "0123456789abcdef";

interface Field {
  kind: CellKind;
  /** JSONL: the bytes before the value (`{"key":`, `,"key":`, `,"group":{"key":`). */
  prefix: Buffer;
}

/**
 * Writes bytes into one growing buffer; take() hands over what was written. Everything is
 * bytes: a cell is never decoded into a JavaScript string.
 */
class ByteWriter {
  buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  length = 0;

  reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  bytes(source: Buffer, start = 0, end = source.length): void {
    this.reserve(end - start);
    source.copy(this.buffer, this.length, start, end);
    this.length += end - start;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

/** A JSON string of UTF-8 text, escaped as JSON.stringify escapes it. */
function writeJsonString(out: ByteWriter, src: Buffer, start: number, end: number): void {
  out.reserve((end - start) * 6 + 2);
  const buf = out.buffer;
  let at = out.length;
  buf[at++] = QUOTE;
  for (let i = start; i < end; i++) {
    const b = src[i] as number;
    if (b >= 0x20 && b !== QUOTE && b !== BACKSLASH) {
      buf[at++] = b;
      continue;
    }
    buf[at++] = BACKSLASH;
    if (b === QUOTE || b === BACKSLASH) buf[at++] = b;
    else if (b === 0x08)
      buf[at++] = 0x62; // \b
    else if (b === 0x0c)
      buf[at++] = 0x66; // \f
    else if (b === LF)
      buf[at++] = 0x6e; // \n
    else if (b === CR)
      buf[at++] = 0x72; // \r
    else if (b === 0x09)
      buf[at++] = 0x74; // \t
    else {
      buf[at++] = 0x75; // \u00XX
      buf[at++] = 0x30;
      buf[at++] = 0x30;
      buf[at++] = HEX.charCodeAt(b >> 4);
      buf[at++] = HEX.charCodeAt(b & 15);
    }
  }
  buf[at++] = QUOTE;
  out.length = at;
}

/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
const PG_EPOCH_MS = 946_684_800_000;
const MS_PER_DAY = 86_400_000;

function digits(buf: Buffer, at: number, value: number, width: number): number {
  for (let k = width - 1; k >= 0; k--) {
    buf[at + k] = 0x30 + (value % 10);
    value = Math.floor(value / 10);
  }
  return at + width;
}

/**
 * A binary timestamptz (int64 microseconds since 2000-01-01 UTC) as YYYY-MM-DDTHH:MM:SS.mmmZ,
 * the text iso() makes in SQL; `quoted` wraps it in JSON quotes. Days to a civil date by
 * Howard Hinnant's algorithm, straight into bytes: no Date, no string per cell.
 */
function writeTimestamp(out: ByteWriter, src: Buffer, start: number, quoted: boolean): void {
  const micros = src.readInt32BE(start) * 4_294_967_296 + src.readUInt32BE(start + 4);
  const ms = Math.floor(micros / 1000) + PG_EPOCH_MS;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    throw new Error(`export: a timestamp out of range (${micros} µs since 2000-01-01)`);
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  out.reserve(32);
  const buf = out.buffer;
  let at = out.length;
  if (quoted) buf[at++] = QUOTE;
  at = digits(buf, at, year, year > 9999 ? 5 : 4);
  buf[at++] = 0x2d;
  at = digits(buf, at, month, 2);
  buf[at++] = 0x2d;
  at = digits(buf, at, day, 2);
  buf[at++] = 0x54; // T
  at = digits(buf, at, hour, 2);
  buf[at++] = 0x3a;
  at = digits(buf, at, minute, 2);
  buf[at++] = 0x3a;
  at = digits(buf, at, second, 2);
  buf[at++] = 0x2e;
  at = digits(buf, at, milli, 3);
  buf[at++] = 0x5a; // Z
  if (quoted) buf[at++] = QUOTE;
  out.length = at;
}

/** A CSV cell as csvCell writes it: formula-neutralised (user text), RFC 4180 quoted when needed. */
function writeCsvCell(out: ByteWriter, src: Buffer, start: number, end: number, kind: CellKind): void {
  const neutralise = kind === "user-text" && end > start && FORMULA_START.has(src[start] as number);
  let quote = false;
  for (let i = start; i < end; i++) {
    const b = src[i] as number;
    if (b === QUOTE || b === COMMA || b === CR || b === LF) {
      quote = true;
      break;
    }
  }
  if (!quote && !neutralise) {
    out.bytes(src, start, end);
    return;
  }
  out.reserve((end - start) * 2 + 3);
  const buf = out.buffer;
  let at = out.length;
  if (quote) buf[at++] = QUOTE;
  if (neutralise) buf[at++] = APOSTROPHE;
  for (let i = start; i < end; i++) {
    const b = src[i] as number;
    buf[at++] = b;
    if (b === QUOTE) buf[at++] = QUOTE;
  }
  if (quote) buf[at++] = QUOTE;
  out.length = at;
}

/** The JSONL prefixes of the columns that go into JSONL, nesting `a.b` keys into objects. */
function jsonlFields(columns: CopyColumn[]): { fields: (Field | null)[]; suffix: Buffer } {
  let group: string | null = null;
  let first = true;
  const fields = columns.map((column): Field | null => {
    if (column.json === null) return null;
    const dot = column.json.indexOf(".");
    const parent = dot < 0 ? null : column.json.slice(0, dot);
    const key = dot < 0 ? column.json : column.json.slice(dot + 1);
    let prefix = first ? "{" : "";
    if (parent !== group) {
      if (group !== null) prefix += "}";
      if (!first) prefix += ",";
      if (parent !== null) prefix += `${JSON.stringify(parent)}:{`;
      group = parent;
    } else if (!first) prefix += ",";
    prefix += `${JSON.stringify(key)}:`;
    first = false;
    return { kind: column.kind, prefix: Buffer.from(prefix, "utf8") };
  });
  return { fields, suffix: Buffer.from(`${group !== null ? "}" : ""}}\n`, "utf8") };
}

const NULL_JSON = Buffer.from("null");
const CRLF = Buffer.from("\r\n");

/**
 * Runs the COPY of buildExportCopyQuery in a read-only REPEATABLE READ transaction (one
 * consistent snapshot) and yields the CSV or JSONL bytes, about 256 KB at a time, as the
 * consumer asks for them: backpressure reaches PostgreSQL through the socket, so memory stays
 * flat. When `signal` aborts, the COPY is cancelled on the server and the connection dropped.
 * `onRows` hears the rows written so far after each chunk.
 */
export async function* copyExportLines(
  query: ExportCopyQuery,
  format: "csv" | "jsonl",
  options: { signal?: AbortSignal; onRows?: (rows: number) => void } = {},
): AsyncGenerator<Buffer> {
  const csvMask = query.columns.map((c) => c.csv !== null);
  const { fields, suffix } = jsonlFields(query.columns);
  const kinds = query.columns.map((c) => c.kind);
  const pool = getPool();
  const client = await pool.connect();
  let broken = false;
  let pid: number | null = null;
  const onAbort = () => {
    if (pid !== null)
      pool.query("SELECT pg_cancel_backend($1)", [pid]).catch((error: Error) => {
        console.error("export: could not cancel the export query:", error.message);
      });
  };
  options.signal?.addEventListener("abort", onAbort);
  const out = new ByteWriter();
  const starts = new Int32Array(query.columns.length);
  const ends = new Int32Array(query.columns.length);
  let rows = 0;
  let finished = false;
  try {
    pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? null;
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const stream = client.query(copyTo(query.sql));
    let pending: Buffer | null = null;
    let headerDone = false;
    for await (const piece of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) break;
      const buf: Buffer = pending ? Buffer.concat([pending, piece]) : piece;
      let at = 0;
      if (!headerDone) {
        if (buf.length < SIGNATURE_BYTES + 8) {
          pending = buf;
          continue;
        }
        at = SIGNATURE_BYTES + 8 + buf.readInt32BE(SIGNATURE_BYTES + 4);
        headerDone = true;
      }
      for (;;) {
        if (at + 2 > buf.length) break;
        const count = buf.readInt16BE(at);
        if (count === -1) {
          finished = true;
          at += 2;
          break;
        }
        if (count !== starts.length)
          throw new Error(`export: COPY returned ${count} columns, expected ${starts.length}`);
        // Only a whole row is written: find its fields first.
        let p = at + 2;
        let whole = true;
        for (let f = 0; f < count; f++) {
          if (p + 4 > buf.length) {
            whole = false;
            break;
          }
          const length = buf.readInt32BE(p);
          p += 4;
          if (length < 0) {
            starts[f] = -1;
            continue;
          }
          if (p + length > buf.length) {
            whole = false;
            break;
          }
          starts[f] = p;
          ends[f] = p + length;
          p += length;
        }
        if (!whole) break;
        at = p;
        rows++;
        if (format === "jsonl") {
          for (let f = 0; f < count; f++) {
            const field = fields[f];
            if (!field) continue;
            out.bytes(field.prefix);
            const start = starts[f] as number;
            if (start < 0) out.bytes(NULL_JSON);
            else if (field.kind === "literal") out.bytes(buf, start, ends[f]);
            else if (field.kind === "timestamp") writeTimestamp(out, buf, start, true);
            else writeJsonString(out, buf, start, ends[f] as number);
          }
          out.bytes(suffix);
        } else {
          let first = true;
          for (let f = 0; f < count; f++) {
            if (!csvMask[f]) continue;
            if (!first) out.byte(COMMA);
            first = false;
            const start = starts[f] as number;
            if (start < 0) continue;
            if (kinds[f] === "timestamp") writeTimestamp(out, buf, start, false);
            else writeCsvCell(out, buf, start, ends[f] as number, kinds[f] as CellKind);
          }
          out.bytes(CRLF);
        }
      }
      pending = at < buf.length ? Buffer.from(buf.subarray(at)) : null;
      if (out.length >= CHUNK_BYTES) {
        options.onRows?.(rows);
        yield out.take();
      }
    }
    if (!finished && !options.signal?.aborted) throw new Error("export: the COPY stream ended early");
    if (out.length > 0) {
      options.onRows?.(rows);
      yield out.take();
    }
  } catch (error) {
    broken = true;
    if (options.signal?.aborted) return;
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    // Stopped mid-COPY (aborted, or the consumer stopped reading): cancel it on the server and
    // drop the connection rather than wait for the rest of the rows.
    if (!finished) {
      onAbort();
      broken = true;
    }
    if (!broken) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
    }
    client.release(broken);
  }
}
