// Label sheets: the common A4 layouts, chosen by name, as cells in PDF points (origin bottom left).
// 3×8 is 70 × 37 mm edge to edge (24 a sheet); 3×7 is 70 × 42.3 mm with the sheet's 0.9 mm to spare
// split top and bottom (21 a sheet). Cells fill row by row from the top left, as label templates number them.

const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 };

interface LayoutSpec {
  columns: number;
  rows: number;
  /** Label width and height in mm. */
  width: number;
  height: number;
  /** The sheet's top margin in mm (the bottom one is what remains). */
  top: number;
}

export const labelLayouts = {
  '3x8': { columns: 3, rows: 8, width: 70, height: 37, top: 0 },
  '3x7': { columns: 3, rows: 7, width: 70, height: 42.3, top: 0.45 },
} as const satisfies Record<string, LayoutSpec>;
export type LabelLayout = keyof typeof labelLayouts;
export const labelLayoutNames = Object.keys(labelLayouts) as LabelLayout[];

export interface LabelCell {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every cell of one sheet, in printing order. */
export const labelCells = (layout: LabelLayout): LabelCell[] => {
  const spec: LayoutSpec = labelLayouts[layout];
  const width = spec.width * MM;
  const height = spec.height * MM;
  const left = (A4.width - spec.columns * width) / 2;
  const top = A4.height - spec.top * MM;
  return Array.from({ length: spec.rows * spec.columns }, (_, i) => ({
    x: left + (i % spec.columns) * width,
    y: top - (Math.floor(i / spec.columns) + 1) * height,
    width,
    height,
  }));
};

/** How many labels a sheet holds. */
export const labelsPerSheet = (layout: LabelLayout) => labelLayouts[layout].columns * labelLayouts[layout].rows;
