import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { getPool } from "../db/pool.ts";
import { type Consensus, computeConsensus } from "../moderation/compute-consensus.ts";
import type { StoredLabel } from "../moderation/label-comment.ts";
import type { ComputedField, ExportCopyQuery, OutputField } from "./build-export-copy-query.ts";
import { csvCell } from "./format-csv.ts";
import { computeAgreement, type ExportLabel } from "./shape-export-record.ts";

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
    const n = end - start;
    this.reserve(n);
    // Most cells are short: a plain loop beats the native copy's call overhead there.
    if (n < 48) {
      const buf = this.buffer;
      let at = this.length;
      for (let i = start; i < end; i++) buf[at++] = source[i] as number;
      this.length = at;
      return;
    }
    source.copy(this.buffer, this.length, start, end);
    this.length += n;
  }

  text(value: string): void {
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.length, "utf8");
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
function writeCsvCell(out: ByteWriter, src: Buffer, start: number, end: number, userText: boolean): void {
  const neutralise = userText && end > start && FORMULA_START.has(src[start] as number);
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

/** JSONL: the bytes before each value (`{"key":`, `,"key":`, `,"group":{"key":`) and after the last. */
function jsonlPrefixes(fields: OutputField[]): { prefixes: Buffer[]; suffix: Buffer } {
  let group: string | null = null;
  const prefixes = fields.map((field, index) => {
    const dot = field.key.indexOf(".");
    const parent = dot < 0 ? null : field.key.slice(0, dot);
    const key = dot < 0 ? field.key : field.key.slice(dot + 1);
    let prefix = index === 0 ? "{" : "";
    if (parent !== group) {
      if (group !== null) prefix += "}";
      if (index > 0) prefix += ",";
      if (parent !== null) prefix += `${JSON.stringify(parent)}:{`;
      group = parent;
    } else if (index > 0) prefix += ",";
    return Buffer.from(`${prefix}${JSON.stringify(key)}:`, "utf8");
  });
  return { prefixes, suffix: Buffer.from(`${group !== null ? "}" : ""}}\n`, "utf8") };
}

const NULL_JSON = Buffer.from("null");
const CRLF = Buffer.from("\r\n");

function timestampText(src: Buffer, start: number): string {
  const micros = src.readInt32BE(start) * 4_294_967_296 + src.readUInt32BE(start + 4);
  return new Date(Math.floor(micros / 1000) + PG_EPOCH_MS).toISOString();
}

/** The elements of a one-dimensional binary array, as [start, end) byte ranges (-1 for NULL). */
function arrayElements(src: Buffer, start: number): [number, number][] {
  const dimensions = src.readInt32BE(start);
  if (dimensions === 0) return [];
  const count = src.readInt32BE(start + 12);
  let at = start + 12 + 8 * dimensions;
  const elements: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const length = src.readInt32BE(at);
    at += 4;
    if (length < 0) elements.push([-1, -1]);
    else {
      elements.push([at, at + length]);
      at += length;
    }
  }
  return elements;
}

/** What the computed fields need: the comment's labels, as the reference path has them. */
interface LabelValues {
  labels: ExportLabel[];
  consensus: Consensus;
  agreement: number | null;
}

/**
 * Runs the COPY of buildExportCopyQuery in a read-only REPEATABLE READ transaction (one
 * consistent snapshot) and yields the CSV or JSONL bytes, about 256 KB at a time, each chunk
 * ending at a row boundary, as the consumer asks for them: backpressure reaches PostgreSQL
 * through the socket, so memory stays flat. When `signal` aborts or the consumer stops, the
 * COPY is cancelled on the server and the connection dropped. `annotatorName` maps a user id
 * to the name the export shows; `onRows` hears the rows written so far.
 */
export async function* copyExportLines(
  query: ExportCopyQuery,
  format: "csv" | "jsonl",
  options: {
    annotatorName: (userId: string) => string;
    signal?: AbortSignal;
    onRows?: (rows: number) => void;
  },
): AsyncGenerator<Buffer> {
  const fields = format === "csv" ? query.csv : query.jsonl;
  const { prefixes, suffix } = jsonlPrefixes(query.jsonl);
  const label = query.labelColumns;
  const pool = getPool();
  const client = await pool.connect();
  let broken = false;
  let pid: number | null = null;
  const cancel = () => {
    if (pid !== null)
      pool.query("SELECT pg_cancel_backend($1)", [pid]).catch((error: Error) => {
        console.error("export: could not cancel the export query:", error.message);
      });
  };
  options.signal?.addEventListener("abort", cancel);
  const out = new ByteWriter();
  const starts = new Int32Array(query.columnCount);
  const ends = new Int32Array(query.columnCount);
  let rows = 0;
  let finished = false;

  const text = (src: Buffer, [start, end]: [number, number]) =>
    start < 0 ? null : src.toString("utf8", start, end);
  /** The comment's labels from the parallel arrays, or null when it has none. */
  const labelValues = (src: Buffer): LabelValues | null => {
    const at = starts[label.user_id] as number;
    if (at < 0) return null;
    const ids = arrayElements(src, at);
    const roles = arrayElements(src, starts[label.role] as number);
    const insults = arrayElements(src, starts[label.insult] as number);
    const sentiments = arrayElements(src, starts[label.sentiment] as number);
    const stances = arrayElements(src, starts[label.stance] as number);
    const times = arrayElements(src, starts[label.labelled_at] as number);
    const labels: ExportLabel[] = [];
    const stored: StoredLabel[] = [];
    for (let k = 0; k < ids.length; k++) {
      const insultText = text(src, insults[k] as [number, number]);
      const insult = insultText === null ? null : insultText === "true";
      const sentiment = text(src, sentiments[k] as [number, number]) as StoredLabel["sentiment"];
      const stance = JSON.parse(text(src, stances[k] as [number, number]) ?? "{}") as Record<string, string>;
      const time = times[k] as [number, number];
      labels.push({
        annotator: options.annotatorName(text(src, ids[k] as [number, number]) ?? ""),
        role: text(src, roles[k] as [number, number]) ?? "",
        insult,
        sentiment,
        stance,
        labelled_at: time[0] < 0 ? "" : timestampText(src, time[0]),
      });
      stored.push({ insult, sentiment, stance: stance as StoredLabel["stance"] });
    }
    return { labels, consensus: computeConsensus(stored), agreement: computeAgreement(stored) };
  };
  const computedValue = (field: ComputedField, values: LabelValues | null): unknown => {
    if (field === "labels") return values?.labels ?? [];
    if (field === "annotators") return values?.labels.length ?? 0;
    if (field === "agreement") return values?.agreement ?? null;
    if (!values) {
      if (field === "consensus.stance") return {};
      if (field === "consensus.unanimous") return format === "csv" ? null : true;
      return null;
    }
    const consensus = values.consensus;
    if (field === "consensus.insult") return consensus.insult;
    if (field === "consensus.sentiment") return consensus.sentiment;
    if (field === "consensus.stance") return consensus.stance;
    if (field === "consensus.unanimous") return consensus.unanimous;
    return consensus.stance[field.slice("consensus.stance.".length) as keyof typeof consensus.stance] ?? null;
  };

  const unlabelled = fields.map((field) => {
    if (!("computed" in field)) return null;
    const value = computedValue(field.computed, null);
    return Buffer.from(
      format === "jsonl"
        ? JSON.stringify(value)
        : csvCell(value as string | number | boolean | null | object),
      "utf8",
    );
  });

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
        if (count !== query.columnCount)
          throw new Error(`export: COPY returned ${count} columns, expected ${query.columnCount}`);
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
        const values = labelValues(buf);
        for (let k = 0; k < fields.length; k++) {
          const field = fields[k] as OutputField;
          if (format === "jsonl") out.bytes(prefixes[k] as Buffer);
          else if (k > 0) out.byte(COMMA);
          if ("computed" in field) {
            // Most comments have no labels: their computed cells are always the same bytes.
            if (values === null) {
              out.bytes(unlabelled[k] as Buffer);
              continue;
            }
            const value = computedValue(field.computed, values);
            out.text(
              format === "jsonl"
                ? JSON.stringify(value)
                : csvCell(value as string | number | boolean | null | object),
            );
            continue;
          }
          const start = starts[field.column] as number;
          const end = ends[field.column] as number;
          if (start < 0) {
            if (format === "jsonl") out.bytes(NULL_JSON);
            continue;
          }
          switch (field.kind) {
            case "timestamp":
              writeTimestamp(out, buf, start, format === "jsonl");
              break;
            case "annotator": {
              const name = options.annotatorName(buf.toString("utf8", start, end));
              out.text(format === "jsonl" ? JSON.stringify(name) : csvCell(name));
              break;
            }
            case "literal":
              if (format === "jsonl") out.bytes(buf, start, end);
              else writeCsvCell(out, buf, start, end, false);
              break;
            default:
              if (format === "jsonl") writeJsonString(out, buf, start, end);
              else writeCsvCell(out, buf, start, end, field.kind === "user-text");
          }
        }
        out.bytes(format === "jsonl" ? suffix : CRLF);
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
    options.signal?.removeEventListener("abort", cancel);
    // Stopped mid-COPY (aborted, or the consumer stopped reading): cancel it on the server and
    // drop the connection rather than wait for the rest of the rows.
    if (!finished) {
      cancel();
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
