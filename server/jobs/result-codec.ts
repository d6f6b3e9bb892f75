/**
 * A row's result stored compactly: varints, every text (park, reason, rule source) replaced by its
 * number in the job's string table (`job_strings`), so a text used by thousands of rows is stored
 * once. About 30 bytes per row instead of ~1.1 KB of JSON. Pure; the workers encode with batch-local
 * numbers, the runner maps them to the job's numbers (`mapRefs`), the download decodes.
 *
 * Layout (all unsigned LEB128 varints): version (1), eligible, excluded, best? (0 | 1 + park),
 * alternatives (count, parks), exclusions (count, then ruleId ref, reason ref, source ref, parks),
 * reasons (count, refs). A text is either 2 × its number in the table, or 2 × its UTF-8 length + 1
 * followed by the bytes: texts seen for the first time are written inline (most space reasons name
 * the lead's own area and are never repeated: a table row of their own would cost more), texts seen
 * again go to the table. A park is the text "parkId\u001fparkName\u001fdistrict", then its score:
 * 2 × score×10 when the score has one decimal (all of them today), else 2 × 0 + 1 and the score as text.
 * Results stored before this format (JSON text, first byte `{`) are still read.
 */
import type { ParkPick, RowResult } from './score-row.js';

const VERSION = 1;
const SEP = '\u001f';

class Writer {
  private buf = new Uint8Array(64);
  private at = 0;
  uint(n: number): void {
    if (this.at + 10 > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    let v = n;
    while (v >= 0x80) {
      this.buf[this.at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.at++] = v;
  }
  raw(b: Uint8Array): void {
    if (this.at + b.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + b.length + 10));
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf.set(b, this.at);
    this.at += b.length;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
  /** Empty again, keeping its buffer. */
  reset(): this {
    this.at = 0;
    return this;
  }
}

/** The writer encodeResult reuses (it returns a copy of what it wrote, and nothing it calls encodes). */
const shared = new Writer();

class Reader {
  at = 0;
  constructor(private readonly b: Uint8Array) {}
  uint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this.at >= this.b.length) throw new Error('truncated result');
      const x = this.b[this.at++]!;
      n += (x & 0x7f) * mul;
      if (x < 0x80) return n;
      mul *= 0x80;
    }
  }
  raw(n: number): Uint8Array {
    if (this.at + n > this.b.length) throw new Error('truncated result');
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

const encoder = new TextEncoder();

/** A text's reference: its number in the table (`intern` gives one), or the text inline (`intern` gives -1). */
function writeText(w: Writer, text: string, intern: (text: string) => number): void {
  const id = intern(text);
  if (id >= 0) return w.uint(2 * id);
  const b = encoder.encode(text);
  w.uint(2 * b.length + 1);
  w.raw(b);
}

/** Copies a text reference, renumbering a table reference through `ref`. */
function copyText(r: Reader, w: Writer, ref: (id: number) => number): void {
  const x = r.uint();
  if (x % 2 === 0) return w.uint(2 * ref(x / 2));
  w.uint(x);
  w.raw(r.raw((x - 1) / 2));
}

/** Walks an encoded result, copying it with every table reference passed through `ref`. */
function walk(bytes: Uint8Array, ref: (id: number) => number): Uint8Array {
  const r = new Reader(bytes);
  const w = new Writer();
  const copy = () => w.uint(r.uint());
  const text = () => copyText(r, w, ref);
  const park = () => {
    text();
    const s = r.uint();
    w.uint(s);
    if (s % 2 === 1) text();
  };
  if (r.uint() !== VERSION) throw new Error('unknown result format');
  w.uint(VERSION);
  copy();
  copy();
  const hasBest = r.uint();
  w.uint(hasBest);
  if (hasBest) park();
  const alts = r.uint();
  w.uint(alts);
  for (let i = 0; i < alts; i++) park();
  const excl = r.uint();
  w.uint(excl);
  for (let i = 0; i < excl; i++) {
    text();
    text();
    text();
    copy();
  }
  const reasons = r.uint();
  w.uint(reasons);
  for (let i = 0; i < reasons; i++) text();
  return w.bytes();
}

/**
 * A park's text, kept per park id while its name and district stay the same: the same string each
 * time, so the interner's lookups find its hash already computed (a fresh join per pick was about a
 * third of encoding's time). Cleared when it outgrows any knowledge base.
 */
const parkTexts = new Map<string, { name: string; district: string; text: string }>();
function parkText(p: ParkPick): string {
  const hit = parkTexts.get(p.parkId);
  if (hit && hit.name === p.parkName && hit.district === p.district) return hit.text;
  if (parkTexts.size >= 100_000) parkTexts.clear();
  const text = [p.parkId, p.parkName, p.district].join(SEP);
  parkTexts.set(p.parkId, { name: p.parkName, district: p.district, text });
  return text;
}

/** Encodes a result; `intern` gives a text its number in the table, or -1 to write it inline. */
export function encodeResult(res: RowResult, intern: (text: string) => number): Uint8Array {
  const w = shared.reset();
  const text = (t: string) => writeText(w, t, intern);
  const park = (p: ParkPick) => {
    text(parkText(p));
    const tenth = Math.round(p.score * 10);
    if (Number.isSafeInteger(2 * tenth) && (tenth > 0 || Object.is(tenth, 0)) && tenth / 10 === p.score) w.uint(2 * tenth);
    else {
      w.uint(1);
      text(String(p.score));
    }
  };
  w.uint(VERSION);
  w.uint(res.eligible);
  w.uint(res.excluded);
  w.uint(res.best ? 1 : 0);
  if (res.best) park(res.best);
  w.uint(res.alternatives.length);
  for (const a of res.alternatives) park(a);
  w.uint(res.exclusions.length);
  for (const e of res.exclusions) {
    text(e.ruleId);
    text(e.reason);
    text(e.source);
    w.uint(e.parks);
  }
  w.uint(res.reasons.length);
  for (const x of res.reasons) text(x);
  return w.bytes();
}

const isJson = (bytes: Uint8Array) => bytes[0] === 0x7b; // '{': a result stored before this format

/** The same result with its references renumbered (batch-local → the job's numbers). */
export function mapRefs(bytes: Uint8Array, ref: (id: number) => number): Uint8Array {
  return isJson(bytes) ? bytes : walk(bytes, ref);
}

/** Every string number a result uses (to fetch a page's texts). */
export function refsOf(bytes: Uint8Array, into: Set<number>): void {
  if (isJson(bytes)) return;
  walk(bytes, (id) => (into.add(id), id));
}

const decoder = new TextDecoder();

/** Decodes a result; `text` gives the text of a table number. */
export function decodeResult(bytes: Uint8Array, text: (id: number) => string): RowResult {
  if (isJson(bytes)) return JSON.parse(decoder.decode(bytes)) as RowResult;
  const r = new Reader(bytes);
  const str = (): string => {
    const x = r.uint();
    return x % 2 === 0 ? text(x / 2) : decoder.decode(r.raw((x - 1) / 2));
  };
  const park = (): ParkPick => {
    const [parkId = '', parkName = '', district = ''] = str().split(SEP);
    const s = r.uint();
    return { parkId, parkName, district, score: s % 2 === 0 ? s / 2 / 10 : Number(str()) };
  };
  if (r.uint() !== VERSION) throw new Error('unknown result format');
  const eligible = r.uint();
  const excluded = r.uint();
  const best = r.uint() ? park() : null;
  const alternatives = Array.from({ length: r.uint() }, park);
  const exclusions = Array.from({ length: r.uint() }, () => ({ ruleId: str(), reason: str(), source: str(), parks: r.uint() }));
  const reasons = Array.from({ length: r.uint() }, str);
  return { best, alternatives, reasons, exclusions, eligible, excluded };
}

/**
 * A worker's side of the string table: texts it has seen before get a batch-local number (the runner
 * maps them to the job's), a text seen for the first time is written inline (-1). `seen` outlives the
 * batch (a worker scores many batches of one job); it is cleared when it grows past `maxSeen`.
 */
export function createInterner(seen: Set<string> = new Set(), maxSeen = 50_000): { intern: (text: string) => number; strings: string[] } {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  return {
    strings,
    intern(text) {
      let id = ids.get(text);
      if (id !== undefined) return id;
      if (!seen.has(text)) {
        if (seen.size >= maxSeen) seen.clear();
        seen.add(text);
        return -1;
      }
      id = strings.length;
      strings.push(text);
      ids.set(text, id);
      return id;
    },
  };
}
