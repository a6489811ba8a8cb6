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

/**
 * Returns a function mapping a code-point offset of `text` to its UTF-16 offset. Precomputes once per text: a text
 * without astral characters (the usual case) maps to itself; otherwise a table of every code-point boundary is built.
 * Offsets outside [0, code-point length] throw a RangeError: they are bugs in whatever produced them.
 */
export function toUtf16Offsets(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    const length = text.length;
    return (codePoint) => {
      if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > length) {
        throw new RangeError(`code-point offset ${codePoint} is outside the text (0..${length})`);
      }
      return codePoint;
    };
  }
  // table[cp] = UTF-16 index of code point cp; the last entry is text.length.
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    table.push(i);
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  table.push(text.length);
  const offsets = Uint32Array.from(table);
  const last = offsets.length - 1;
  return (codePoint) => {
    const unit = Number.isInteger(codePoint) && codePoint >= 0 ? offsets[codePoint] : undefined;
    if (unit === undefined) throw new RangeError(`code-point offset ${codePoint} is outside the text (0..${last})`);
    return unit;
  };
}
