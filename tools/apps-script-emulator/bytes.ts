/** Apps Script hands bytes to scripts as Java bytes: plain arrays of signed integers −128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts signed (or unsigned) byte arrays from a script; anything else is refused. */
export function fromScriptBytes(bytes: unknown, method: string): Buffer {
  if (!Array.isArray(bytes) || !bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) {
    throw new Error(`The parameters (${typeof bytes}) don't match the method signature for ${method}.`);
  }
  return Buffer.from(bytes.map((b: number) => b & 0xff));
}
