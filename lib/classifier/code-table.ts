/**
 * A hash table keyed by UTF-16 code sequences, so tokens can be looked up straight from the
 * normalised code buffer without building a string per candidate stem. The hash is polynomial,
 * so the hashes of every suffix of a token (the stems left after stripping each proclitic) come
 * out of one right-to-left pass.
 */

const BASE = 0x01000193;
/** Tokens longer than this cannot be lexicon words; their suffix hashes are not computed. */
export const MAX_KEY_LENGTH = 64;
export const POWERS = new Int32Array(MAX_KEY_LENGTH + 1);
POWERS[0] = 1;
for (let i = 1; i <= MAX_KEY_LENGTH; i++) POWERS[i] = Math.imul(POWERS[i - 1] as number, BASE);

/** Hash of codes[start..end): Σ code[i]·BASE^(end-1-i), 32-bit. */
export function hashCodes(codes: ArrayLike<number>, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, BASE) + (codes[i] as number)) | 0;
  return h;
}

export function hashString(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * Fills out[k] with the hash of codes[start+k..end) for k = 0..end-start-1.
 * The caller makes sure end - start ≤ MAX_KEY_LENGTH.
 */
export function suffixHashes(codes: ArrayLike<number>, start: number, end: number, out: Int32Array): void {
  let h = 0;
  for (let i = end - 1, power = 0; i >= start; i--, power++) {
    h = (h + Math.imul(codes[i] as number, POWERS[power] as number)) | 0;
    out[i - start] = h;
  }
}

function slotIndex(hash: number, length: number, mask: number): number {
  return (Math.imul(hash ^ Math.imul(length, 0x2c1b3c6d), 0x9e3779b1) >>> 0) & mask;
}

const FILTER_BITS = 18;
const FILTER_WORDS = (1 << FILTER_BITS) >>> 5;
function filterBit(hash: number, length: number): number {
  return Math.imul(hash + length, 0x85ebca6b) >>> (32 - FILTER_BITS);
}

/**
 * A bit filter over (hash, length) pairs, sized for `expected` keys at about one bit set in
 * eight. False positives only cost a lookup that finds nothing; there are no false negatives.
 */
export class CodeFilter {
  readonly bits: Uint32Array;
  readonly shift: number;

  constructor(expected: number) {
    let log = 15;
    while (1 << log < expected * 8 && log < 26) log++;
    this.bits = new Uint32Array((1 << log) >>> 5);
    this.shift = 32 - log;
  }

  add(hash: number, length: number): void {
    const bit = Math.imul(hash + length, 0x85ebca6b) >>> this.shift;
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  has(hash: number, length: number): boolean {
    const bit = Math.imul(hash + length, 0x85ebca6b) >>> this.shift;
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

export class CodeTable<V> {
  /**
   * One bit per (hash, length) pair, checked before the table: most tokens are not lexicon
   * words, and this 32 KB filter stays in cache where the table does not.
   */
  private readonly filter = new Uint32Array(FILTER_WORDS);
  private readonly hashes: Int32Array;
  private readonly lengths: Int32Array;
  private readonly indexes: Int32Array;
  private readonly keys: string[] = [];
  /** The keys' code units back to back (key i at keyStart[i]), compared without string reads. */
  private keyCodes = new Uint16Array(256);
  private keyStart: number[] = [];
  private keyCodesLength = 0;
  readonly values: V[] = [];
  private readonly mask: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.indexes = new Int32Array(capacity);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The value for key, creating it with make() if absent. */
  upsert(key: string, make: () => V): V {
    const hash = hashString(key);
    let i = slotIndex(hash, key.length, this.mask);
    while (this.lengths[i] !== 0) {
      if (
        this.hashes[i] === hash &&
        this.lengths[i] === key.length &&
        this.keys[this.indexes[i] as number] === key
      ) {
        return this.values[this.indexes[i] as number] as V;
      }
      i = (i + 1) & this.mask;
    }
    if (this.keys.length * 2 >= this.mask)
      throw new Error("CodeTable is full; size it for the expected keys");
    const value = make();
    const bit = filterBit(hash, key.length);
    this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
    this.hashes[i] = hash;
    this.lengths[i] = key.length;
    this.indexes[i] = this.keys.length;
    this.keys.push(key);
    if (this.keyCodesLength + key.length > this.keyCodes.length) {
      const bigger = new Uint16Array(Math.max(this.keyCodes.length * 2, this.keyCodesLength + key.length));
      bigger.set(this.keyCodes);
      this.keyCodes = bigger;
    }
    this.keyStart.push(this.keyCodesLength);
    for (let k = 0; k < key.length; k++) this.keyCodes[this.keyCodesLength++] = key.charCodeAt(k);
    this.values.push(value);
    return value;
  }

  /** Looks up codes[start..start+length) whose hash the caller already has. */
  lookup(hash: number, codes: ArrayLike<number>, start: number, length: number): V | undefined {
    const bit = filterBit(hash, length);
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return undefined;
    let i = slotIndex(hash, length, this.mask);
    while (this.lengths[i] !== 0) {
      if (this.hashes[i] === hash && this.lengths[i] === length) {
        const index = this.indexes[i] as number;
        const keyCodes = this.keyCodes;
        const at = this.keyStart[index] as number;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (keyCodes[at + k] !== codes[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return this.values[index];
      }
      i = (i + 1) & this.mask;
    }
    return undefined;
  }

  get(key: string): V | undefined {
    const codes = Array.from({ length: key.length }, (_, i) => key.charCodeAt(i));
    return this.lookup(hashString(key), codes, 0, key.length);
  }
}
