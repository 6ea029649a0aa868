// Millimetres → PDF points. Layouts think in mm; pdfmake in pt (1 pt = 1/72 in).
export const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;
export const ptToMm = (v: number) => v / MM;
