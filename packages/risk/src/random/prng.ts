/**
 * Seeded, splittable pseudo-random streams. Every random quantity of a simulation (an activity's
 * duration, a risk's occurrence, ...) draws from its own stream, keyed by
 * (master seed, block of iterations, entity key, purpose). Streams are independent of the number of
 * worker threads and of unrelated model entities.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand/BigCrush), seeded through a SplitMix-style 32-bit mixer. Uniforms have 32-bit
 * resolution and lie strictly inside (0, 1): `(x + 0.5) / 2^32`.
 */

/** Murmur3 finaliser: a 32-bit bijective mixer. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, mixed; stable across engines. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Combines 32-bit keys into one stream key. */
export function streamKey(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32((h ^ (p >>> 0)) + 0x9e3779b9 + (h << 6) + (h >>> 2));
  return h;
}

const INV32 = 1 / 4294967296;

/**
 * A seeded uniform stream (SFC32). `next()` returns a double in (0, 1).
 */
export class Stream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number, salt = 0) {
    this.a = mix32(key ^ 0xdeadbeef);
    this.b = mix32(key + 0x6a09e667 + salt);
    this.c = mix32(key ^ 0xbb67ae85 ^ Math.imul(salt, 0x27d4eb2f));
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    return t >>> 0;
  }

  /** Next uniform in the open interval (0, 1). */
  next(): number {
    return (this.nextUint32() + 0.5) * INV32;
  }

  /** Integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Copies the generator state into `out[off..off+4)` (a, b, c, counter) for fused hot loops. */
  saveState(out: Int32Array, off: number): void {
    out[off] = this.a;
    out[off + 1] = this.b;
    out[off + 2] = this.c;
    out[off + 3] = this.d;
  }

  /** Fills `out[0..n)` with uniforms in (0, 1) (a tight loop for hot paths). */
  fill(out: Float64Array, n: number = out.length): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < n; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = ((t >>> 0) + 0.5) * INV32;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}

/** Latin hypercube: replaces `u[0..n)` by one point per stratum, in random order. */
export function stratify(u: Float64Array, n: number, stream: Stream): void {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  for (let i = 0; i < n; i++) u[i] = (perm[i]! + u[i]!) / n;
}
