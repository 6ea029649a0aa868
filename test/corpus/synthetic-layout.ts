// Hand-made tally layouts + a direct canvas drawing of the blank sheet, used while (and as a
// cross-check beside) the real pdfmake tally builder. Geometry follows the sheet facts in the
// brief: A4, 6 mm corner squares + 4 mm mid-edge marks, QR ECC Q 18 mm, code boxes, 5 mm boxes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import type { TallyLayout, TallyPage } from '../../src/tally/layout-schema.js';

const require = createRequire(import.meta.url);
let fontReady = false;
function ensureFont() {
  if (fontReady) return;
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'), 'Tinos');
  fontReady = true;
}

let writerReady: Promise<unknown> | undefined;
async function ensureWriter() {
  writerReady ??= prepareZXingModule({
    overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm')).buffer as ArrayBuffer },
    fireImmediately: true,
  });
  await writerReady;
}

/** QR module matrix (true = dark), no quiet zone. */
export async function qrMatrix(text: string): Promise<boolean[][]> {
  await ensureWriter();
  const r = await writeBarcode(text, { format: 'QRCode', ecLevel: 'Q', scale: 1, withQuietZones: false });
  if (r.error) throw new Error(r.error);
  const { data, width, height } = r.symbol;
  const rows: boolean[][] = [];
  for (let y = 0; y < height; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < width; x++) row.push(data[y * width + x]! < 128);
    rows.push(row);
  }
  return rows;
}

const INDICATORS = ['TC1.1', 'TC1.2', 'TC1.3', 'TC2.1', 'TC2.2', 'TC2.3', 'TC3.1', 'TC3.2', 'TC4.1', 'TC4.2', 'TC4.3', 'TC5.1'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Minh Hải', 'Bùi Thị Hoa', 'Đỗ Văn Khánh', 'Hồ Thị Lan', 'Ngô Quang Minh', 'Dương Thị Nga', 'Lý Văn Phúc', 'Mai Thị Quyên', 'Trịnh Văn Sơn'];

export function syntheticLayout(kind: 'group' | 'personal', opts: { hash?: string; pages?: number; setId?: string } = {}): TallyLayout {
  const landscape = kind === 'group';
  const W = landscape ? 297 : 210;
  const H = landscape ? 210 : 297;
  const hash = opts.hash ?? (kind === 'group' ? 'a1b2c3d4' : 'e5f6a7b8');
  const setId = opts.setId ?? 'xhht-2025';
  const nPages = opts.pages ?? 2;
  const fid = (id: string, cx: number, cy: number, s: number) => ({ id, xMm: cx - s / 2, yMm: cy - s / 2, wMm: s, hMm: s });
  const fiducials = [
    fid('tl', 12, 12, 6), fid('tr', W - 12, 12, 6), fid('bl', 12, H - 12, 6), fid('br', W - 12, H - 12, 6),
    fid('ml', 12, H / 2, 4), fid('mr', W - 12, H / 2, 4),
  ];
  const pages: TallyPage[] = [];
  for (let p = 0; p < nPages; p++) {
    const serial = `${kind === 'group' ? 'G' : 'C'}${String(1000 + p * 7 + (kind === 'group' ? 1 : 2)).padStart(5, '0')}`;
    const code = ((parseInt(hash.slice(0, 4), 16) & 0x3ff) << 6) | (p & 0x3f);
    const codeBoxes = Array.from({ length: 16 }, (_, bit) => ({ bit, xMm: 30 + bit * 4.5, yMm: H - 15, wMm: 3, hMm: 3 }));
    const boxes: TallyPage['boxes'] = [];
    const persons: TallyPage['persons'] = [];
    if (landscape) {
      // 15 people × 8 indicators × 2 options ("dat" / "khong"), 8.5 mm column pitch, 10 mm rows.
      const inds = INDICATORS.slice(0, 8);
      for (let r = 0; r < 15; r++) {
        const person = `P${String(p * 15 + r + 1).padStart(3, '0')}`;
        persons.push({ person, name: NAMES[r]!, unit: '', idBoxes: [] });
        inds.forEach((ind, i) => {
          ['dat', 'khong'].forEach((opt, o) => {
            boxes.push({ id: `${person}/${ind}/${opt}`, person, indicator: ind, option: opt, points: opt === 'dat' ? 1 : 0,
              xMm: 95 + i * 22 + o * 9, yMm: 42 + r * 9.6, wMm: 5, hMm: 5 });
          });
        });
      }
    } else {
      // One person × 12 indicators × 3 options (0 / 1 / 2 points), 9 mm pitch.
      const person = `P${String(p + 1).padStart(3, '0')}`;
      persons.push({ person, name: NAMES[p % NAMES.length]!, unit: '', idBoxes: [] });
      INDICATORS.forEach((ind, i) => {
        ['0', '1', '2'].forEach((opt, o) => {
          boxes.push({ id: `${person}/${ind}/${opt}`, person, indicator: ind, option: opt, points: Number(opt),
            xMm: 130 + o * 12, yMm: 60 + i * 17, wMm: 5, hMm: 5 });
        });
      });
    }
    pages.push({
      pageIndex: p, sheetId: `${setId}:${hash}:${p}`, serial,
      qr: { xMm: W - 42, yMm: 8, wMm: 18, hMm: 18, payload: `HT1|${setId}|${hash}|${p}|${nPages}|${serial}` },
      codeBoxes, code, persons, boxes,
    });
  }
  return {
    format: { name: 'hoctap-tally', version: 1 }, kind, criteriaSetId: setId, layoutHash: hash,
    pageSize: { widthMm: W, heightMm: H }, markingRule: { tickChooses: true, fillCancels: true },
    fiducials, pages,
  };
}

/** Draw the blank printed sheet in page millimetres (caller sets the mm → px transform). */
export async function drawBlankSheet(ctx: SKRSContext2D, layout: TallyLayout, page: TallyPage): Promise<void> {
  ensureFont();
  const { widthMm: W, heightMm: H } = layout.pageSize;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#000000';
  for (const f of layout.fiducials) ctx.fillRect(f.xMm, f.yMm, f.wMm, f.hMm);
  // QR
  const m = await qrMatrix(page.qr.payload);
  const cell = page.qr.wMm / m.length;
  for (let y = 0; y < m.length; y++)
    for (let x = 0; x < m.length; x++) if (m[y]![x]) ctx.fillRect(page.qr.xMm + x * cell, page.qr.yMm + y * cell, cell + 0.01, cell + 0.01);
  // code boxes: outline all, fill the 1-bits
  ctx.lineWidth = 0.25;
  ctx.strokeStyle = '#000000';
  for (const b of page.codeBoxes) {
    if ((page.code >> b.bit) & 1) ctx.fillRect(b.xMm, b.yMm, b.wMm, b.hMm);
    else ctx.strokeRect(b.xMm, b.yMm, b.wMm, b.hMm);
  }
  // text: title, serial, names, column headers (clutter near but not inside boxes)
  ctx.font = '5px Tinos';
  ctx.fillText('PHIẾU TỔNG HỢP ĐÁNH GIÁ CÔNG DÂN HỌC TẬP', 30, 22);
  ctx.font = '3px Tinos';
  ctx.fillText(`Số phiếu: ${page.serial}   Trang ${page.pageIndex + 1}/${layout.pages.length}`, 30, 28);
  ctx.fillText('Đánh dấu ✓ hoặc ✗ vào ô; tô kín ô để huỷ lựa chọn.', 30, 33);
  ctx.font = '2.6px Tinos';
  for (const p of page.persons) {
    const first = page.boxes.find((b) => b.person === p.person);
    if (first) ctx.fillText(`${p.person} ${p.name}`, layout.kind === 'group' ? 22 : 20, first.yMm + 3.8);
  }
  const seen = new Set<string>();
  for (const b of page.boxes) {
    if (layout.kind === 'group' && !seen.has(b.indicator)) {
      seen.add(b.indicator);
      ctx.fillText(b.indicator, b.xMm, 36);
    }
    if (layout.kind === 'personal' && b.option === '0') ctx.fillText(`${b.indicator} Nội dung chỉ số`, 40, b.yMm + 3.8);
  }
  // mark boxes: 60 % grey outline 0.3 mm (survives B&W printing, separable from ink)
  ctx.strokeStyle = '#666666';
  ctx.lineWidth = 0.3;
  for (const b of page.boxes) ctx.strokeRect(b.xMm, b.yMm, b.wMm, b.hMm);
  ctx.fillStyle = '#000000';
}
