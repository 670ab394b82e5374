/** Bytes as read to bytes of XML: gzip is recognized by its magic number, not by the name. */
import { gunzipSync } from "node:zlib";

/** Gunzips bytes that start with the gzip magic number; returns other bytes unchanged. Throws on corrupt gzip. */
export function decompress(bytes: Uint8Array, maxBytes = 512 * 2 ** 20): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  }
  return bytes;
}
