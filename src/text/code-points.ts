// JavaScript strings count UTF-16 code units; the annotation contract counts Unicode code points. This converts.

/** Returns a function mapping a UTF-16 offset of `text` to its code-point offset. Linear set-up, O(1) per call. */
export function toCodePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (utf16) => utf16;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) map[++i] = cp;
    }
    cp++;
  }
  map[text.length] = cp;
  return (utf16) => map[utf16] ?? cp;
}

/** Number of code points in `text`. */
export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
    else if (i + 1 >= text.length || text.charCodeAt(i + 1) < 0xdc00 || text.charCodeAt(i + 1) > 0xdfff) n++;
  }
  return n;
}

/** Returns a function mapping a code-point offset of `text` to its UTF-16 offset: the inverse of toCodePointOffsets,
 *  for pages whose scripts slice JavaScript strings. Linear set-up, O(1) per call. */
export function toUtf16Offsets(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (codePoint) => codePoint;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  map.push(text.length);
  return (codePoint) => map[codePoint] ?? text.length;
}
