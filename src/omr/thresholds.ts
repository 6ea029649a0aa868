// Every tunable of the scorer's image side, with its unit and the reason for its value.
// Pixels appear only as "working px" (the downscaled copy) or derived from millimetres.

export const LOAD = {
  /** px. Refuse decompression bombs; an A4 page at 600 dpi is 35 Mpx, a 50 MP photo 50 Mpx. */
  maxPixels: 120_000_000,
  /** px. Anything smaller cannot hold a readable 16 mm QR (needs ≥ ~2 px per 0.5 mm module at A4). */
  minSidePx: 400,
  /** dpi. Vector PDF pages (no embedded scan) are rendered at this resolution: enough for 0.5 mm QR modules (4 px) and cheap. */
  pdfRenderDpi: 200,
  /** mm. Gaussian sigma applied to 1-bit input so dithered/hairline ink reads as grey levels (≈ one 100 lpi dither cell). */
  bilevelBlurMm: 0.12,
} as const;

export const LOCATE = {
  /** px. The fiducial search runs on a copy whose long side is about this long (≈ 65 dpi for A4): a 4 mm mark is still ≥ 8 px. */
  workingLongSide: 800,
  /** working px. Block for the paper-white estimate; with a 3×3 block max it spans ~18 mm, wider than any solid mark (6 mm fiducial). */
  backgroundBlock: 12,
  /** 0–1. A working pixel is "ink" when darker than this fraction below the local paper white. */
  inkContrast: 0.45,
  /** grey level. Below this the "paper" is no paper (dark table, scanner lid shadow): nothing there is a mark. */
  minPaper: 50,
  /** working px². Smallest component kept as a fiducial candidate (a 4 mm mark at 85 % on a 150 dpi scan is ~60 px²). */
  minArea: 12,
  /** area / (12·√det Σ): 1 for a filled square, 1.05 for a disk, far lower for outlines and glyphs. */
  compactness: [0.78, 1.15] as const,
  /** √(λmax/λmin) of the blob's second moments: a square seen under ≤ 20° tilt stays below ~1.3. */
  maxElongation: 1.5,
  /** Candidates considered per image corner direction (combinatorics: k⁴ × 4 rotations per geometry). */
  perCorner: 4,
  /** Found/predicted fiducial area ratio accepted (printer scale 85–105 %, blur, threshold bias, perspective). */
  areaRatio: [0.45, 2.2] as const,
  /** Local anisotropy of the fitted homography (singular value ratio): 20° tilt ≈ 1.07; a portrait page fitted sideways is ≈ 2. */
  maxAnisotropy: 1.4,
  /** mm. An extra fiducial counts as found when a candidate lies within this distance of its predicted centre. */
  extraMatchMm: 3,
  /** mm. With one corner mark missing, how far from the three-corner (affine) prediction a side mark may be: a 6° tilt already moves it 10 mm on the missing corner's side (measured). */
  threeCornerSearchMm: 20,
  /** mm. Fit quality above which the page is still read but the residual is reported as suspicious. */
  maxResidualMm: 1.5,
} as const;

export const IDENTIFY = {
  /** mm. Margin around the QR rectangle in the crop handed to the decoder (quiet zone + registration error). */
  qrMarginMm: 5,
  /** px per mm. The QR crop is reduced to about this density (0.5 mm modules → 4 px) before decoding: faster, and zxing likes 3–6 px modules. */
  qrPxPerMm: 8,
  /** mm. The decoded QR's centre must lie this close to where the fit puts it (fits are good to ~0.5 mm; a wrong fit is off by a box pitch, ≥ 8 mm). */
  qrMaxOffsetMm: 2.5,
  /** 0–1 dark fraction. A code box reads 1 above `on`, 0 below `off`; between → the bit is uncertain (SDAPS uses 0.6–0.7 coverage). */
  codeBoxOn: 0.55,
  codeBoxOff: 0.3,
} as const;

export const MEASURE = {
  /** mm sampling step through the homography (≈ 170 dpi: a 0.3 mm pencil line still gets 2 samples); coarser input is sampled at its own pixel pitch. */
  stepMm: 0.15,
  /** mm removed from each side of the box to get the inner area (outline 0.2–0.3 mm + registration error). */
  innerInsetMm: 0.65,
  /** mm. Spill ring: from this far outside the box outline… */
  ringInnerMm: 0.45,
  /** …to this far (marks that overflow, or a circle drawn around the box). Stays inside the 3 mm gap to neighbours. */
  ringOuterMm: 1.6,
  /** mm. Local re-registration search range around the homography's prediction (SDAPS does ±half a box). */
  searchMm: 1.0,
  /** 0–1. A sample is ink when its darkness (1 − grey/local white) exceeds this: light pencil is 0.3–0.6, JPEG/noise ripples < 0.15. */
  inkDarkness: 0.22,
  /** Quantile of the grey levels around a box taken as its paper white (≥ 75 % of box ± 2.8 mm is paper even when filled). */
  whitePercentile: 0.8,
  /** 0–1. Lower bar for "faint" ink (light pencil blurred by a phone camera reaches only 0.15–0.3); ≈ 3.5 σ of photo noise. */
  faintDarkness: 0.12,
  /** 0–1. Darkness of a "strong" ink sample, used for the solid-fill test. */
  solidDarkness: 0.4,
} as const;

export const CLASSIFY = {
  /**
   * Fraction of the inner area covered by ink. Measured on the synthetic corpus (scanner family,
   * 60 pages): empty boxes ≤ 0.037 (a stray dot inside), 99 % of marks ≥ 0.09. The per-sheet
   * threshold (widest gap) may move only inside [floor, ceiling].
   */
  markedInk: { floor: 0.03, ceiling: 0.06, start: 0.04 },
  /** Below this ink fraction an empty box gets full confidence. */
  surelyEmptyInk: 0.015,
  /** Above this ink fraction a mark gets full confidence on the ink test. */
  surelyMarkedInk: 0.07,
  /** mm. Extent of the biggest ink blob: a stroke is at least this long (thin light ticks ≥ 1.8 mm)… */
  minStrokeMm: 1.5,
  /** …and fully convincing from this length on. */
  surelyStrokeMm: 2.2,
  /** mm. A blob smaller than this is a dot or dust (stray pen dot ≤ 1 mm)… */
  maxDotMm: 1.2,
  /** …and certainly one below this. */
  surelyDotMm: 0.8,
  /** Faint-ink coverage that, with a stroke-long faint blob, keeps an otherwise empty box for review. */
  faintInk: 0.03,
  /** Faint-ink coverage above which a box without matching strong strokes is a shadow/smudge, not a tick (ticks: faint ≤ 0.35 at 99 %). */
  diffuseFaint: 0.45,
  /** …or with almost no strong ink at all: pen strokes always have a dark core (a photo shadow edge gave ink 0.57, strong 0). */
  diffuseMaxStrong: 0.05,
  /** Solid fill (cancel): strong-ink coverage of the inner area at least this… */
  fillInk: 0.72,
  /** …and the largest ink-free hole at most this fraction of the inner area (a cross leaves 4 holes of ~20 %). */
  fillMaxHole: 0.12,
  /** Between a heavy mark and a fill: strong-ink coverage above this but not a clear fill → ambiguous. */
  heavyInk: 0.5,
  /** Spill ring ink fraction above which an empty-inside box is suspicious (a circle around it, or a mark placed beside it). */
  ringInk: 0.1,
  /** Number of ring sides (of 4) carrying ink that make a circle-around pattern. */
  ringSides: 3,
  /** Confidence below which a decided box is reported as ambiguous instead (AMC flags sensitivity > 8/10). */
  minConfidence: 0.25,
  /** Outline contrast (darkness) below which the box position is doubtful (re-registration found no outline). */
  minOutline: 0.08,
} as const;

export const ANNOTATE = {
  /** dpi of the annotation PNG: small files, boxes still recognisable. */
  dpi: 100,
  /** zlib level of the annotation PNG: 2 encodes ~4× faster than the default 6 for ~15 % larger files. */
  pngCompression: 2,
  /**
   * Grey levels kept in the annotation. Paper ≈ 240, light pencil ≈ 170: 16 levels (steps of
   * 16) still tell them apart, and dropping the scan noise in the low bits took a 200 dpi
   * page's PNG from 894 KB / 32 ms to 130 KB / 9 ms (measured at zlib level 2).
   */
  greyLevels: 16,
} as const;
