/**
 * Where the incidents read so far lie, handed out in pieces while a file is still being read: the page
 * draws them as they come (a load's preview), long before the whole store is ready. Each point is two
 * Float32 Web-Mercator fractions (x, y), so the page places it with a multiply and an add; Float32 is
 * exact to ~7 decimal digits, well under a pixel at the zooms a load starts at.
 */
import { mercatorX, mercatorY } from './mercator';

export class PointTrail {
  private xy = new Float32Array(2048);
  private used = 0;

  /** Points added since the last `take`. */
  get size(): number {
    return this.used / 2;
  }

  /** Appends one incident's position (degrees). */
  add(lon: number, lat: number): void {
    if (this.used + 2 > this.xy.length) {
      const grown = new Float32Array(this.xy.length * 2);
      grown.set(this.xy);
      this.xy = grown;
    }
    this.xy[this.used++] = mercatorX(lon);
    this.xy[this.used++] = mercatorY(lat);
  }

  /** The points added since the last call, as x, y pairs in an array of their own (to transfer); null when none. */
  take(): Float32Array | null {
    if (this.used === 0) return null;
    const out = this.xy.slice(0, this.used);
    this.used = 0;
    return out;
  }
}

/** The pieces `parts` joined in order, in one array (one message, one buffer to transfer). */
export function joinPoints(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0] as Float32Array;
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Float32Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
