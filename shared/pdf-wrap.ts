// Line-breaking for the PDFs, linear in the text's length: each distinct character is measured once
// and a line's width is the sum of its characters', so one long word costs no more per character
// than prose (re-measuring ever shorter slices of a 1,000-character word took seconds).

/** `widthOf` measuring each string once: a document's letters share one, as their characters repeat. */
export const measuredOnce = (widthOf: (text: string) => number) => {
  const widths = new Map<string, number>();
  return (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = widthOf(text);
      widths.set(text, width);
    }
    return width;
  };
};

/** `value` broken into lines no wider than `width`; a word wider than that is broken where it must be. */
export const wrapText = (value: string, width: number, widthOf: (text: string) => number): string[] => {
  const charWidth = measuredOnce(widthOf);
  const space = charWidth(' ');
  const lines: string[] = [];
  for (const paragraph of value.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const chars = Array.from(word);
      const wordWidth = chars.reduce((sum, ch) => sum + charWidth(ch), 0);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      lineWidth = 0;
      // A word wider than a line: as many characters as fit on each (at least one, so it ends).
      for (const ch of chars) {
        const w = charWidth(ch);
        if (line && lineWidth + w > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += w;
      }
    }
    lines.push(line);
  }
  return lines;
};
