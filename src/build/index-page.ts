// Finisher: every file the build wrote → out/index.html, one page listing each PDF by kind with
// a picture of its first page (PNG files under out/xem-truoc/), its page count and a link to
// open or print it. Plain HTML and CSS, no script, no font or file from the network: it works
// opened straight from disk (file://) in Chrome, Edge or Firefox.
import { readFile } from 'node:fs/promises';
import { pdfThumbnail } from '../pdf/page-thumbnail.js';
import type { WrittenFile } from './build-project.js';
import type { DocumentGroup, Finisher } from './producers.js';

export const INDEX_FILE = 'index.html';
export const THUMB_DIR = 'xem-truoc';
/** Thumbnail width in pixels: shown about 220 px wide, drawn wider so it stays sharp on fine screens. */
const THUMB_PX = 360;

/** Group headings in the order of the page (PlannedDocument.group), then PDFs without a group. */
export const GROUP_LABELS: Record<DocumentGroup | 'other', { title: string; note: string }> = {
  registration: { title: 'Phiếu đăng ký', note: 'Phát cho người tham gia đầu năm.' },
  scoresheet: { title: 'Phiếu tự đánh giá, chấm điểm', note: 'Người tham gia tự chấm điểm cuối năm.' },
  tally: { title: 'Phiếu kiểm đếm (máy đọc)', note: 'In đúng 100%, không thu nhỏ, để máy đọc được.' },
  plan: { title: 'Kế hoạch, báo cáo, văn bản', note: 'Văn bản hành chính của phường.' },
  handout: { title: 'Tài liệu tập huấn', note: 'Sổ tay A5: in hai mặt, lật theo cạnh ngắn, gấp đôi rồi dập ghim ở giữa.' },
  slides: { title: 'Trình chiếu tập huấn', note: 'Mở bằng trình đọc PDF, bấm F11 hoặc chế độ trình chiếu để chiếu toàn màn hình.' },
  other: { title: 'Tài liệu khác', note: '' },
};

const ORDER: (DocumentGroup | 'other')[] = ['registration', 'scoresheet', 'tally', 'plan', 'handout', 'slides', 'other'];

/** Sidecar kinds named in words beside their PDF. */
const SIDECAR_LABELS: [RegExp, string][] = [
  [/\.docx$/i, 'Bản Word (.docx)'],
  [/\.layout\.json$/i, 'Sơ đồ phiếu cho máy đọc (.json)'],
];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A path under out/ as a relative URL: each segment percent-encoded (Vietnamese, spaces). */
const href = (file: string) => file.split('/').map(encodeURIComponent).join('/');
const stem = (file: string) => file.replace(/\.layout\.json$|\.[^./]+$/i, '');

export interface IndexEntry {
  file: string;
  title: string;
  pages: number;
  group: DocumentGroup | 'other';
  thumb: string;
  thumbWidth: number;
  thumbHeight: number;
  extras: { file: string; label: string }[];
}

export interface IndexHeader {
  ward: string;
  year: number;
}

/** The page itself (pure): entries → HTML text. */
export function indexHtml(entries: IndexEntry[], head: IndexHeader): string {
  const groups = ORDER.map((g) => ({ g, items: entries.filter((e) => e.group === g) })).filter((x) => x.items.length);
  const pages = entries.reduce((a, e) => a + e.pages, 0);
  const card = (e: IndexEntry) => `
      <li class="card">
        <a class="thumb" href="${href(e.file)}" target="_blank" title="Mở ${esc(e.title)}">
          <img src="${href(e.thumb)}" width="${e.thumbWidth}" height="${e.thumbHeight}" alt="Trang đầu: ${esc(e.title)}">
        </a>
        <div class="info">
          <h3>${esc(e.title)}</h3>
          <p class="meta"><strong>${e.pages} trang</strong></p>
          <p class="path">${esc(e.file)}</p>
          <p><a class="button" href="${href(e.file)}" target="_blank">Mở để xem, in</a></p>
          ${e.extras.map((x) => `<p class="extra"><a href="${href(x.file)}">${esc(x.label)}</a></p>`).join('')}
        </div>
      </li>`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tài liệu đã tạo — ${esc(head.ward)} năm ${head.year}</title>
<style>
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Times New Roman", Tinos, "Liberation Serif", serif; font-size: 20px; line-height: 1.45; color: #000; background: #fff; }
  header, main { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
  header { border-bottom: 3px solid #000; }
  h1 { font-size: 34px; margin: 8px 0; }
  h2 { font-size: 28px; margin: 32px 0 4px; border-bottom: 2px solid #000; }
  h3 { font-size: 20px; margin: 0 0 6px; }
  p { margin: 4px 0; }
  .lead { font-size: 22px; }
  .how { background: #f3f3f3; border: 2px solid #000; padding: 10px 16px; }
  nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 16px; }
  nav a, a { color: #003a8c; }
  .note { font-style: italic; }
  ul.cards { list-style: none; padding: 0; margin: 12px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 18px; }
  .card { display: flex; gap: 14px; border: 2px solid #000; padding: 12px; background: #fff; }
  .thumb { flex: 0 0 170px; display: flex; align-items: flex-start; justify-content: center; }
  .thumb img { width: 170px; height: auto; border: 1px solid #555; background: #fff; }
  .info { min-width: 0; }
  .path { font-family: monospace; font-size: 16px; word-break: break-all; }
  .button { display: inline-block; margin-top: 6px; padding: 8px 14px; border: 2px solid #000; border-radius: 6px; text-decoration: none; font-weight: bold; color: #000; background: #fff; }
  .button:hover, .button:focus { background: #000; color: #fff; }
  .extra { font-size: 17px; }
  @media print { .how, nav, .button { display: none; } .card { break-inside: avoid; } }
</style>
</head>
<body>
<header>
  <h1>Các tài liệu đã tạo</h1>
  <p class="lead">${esc(head.ward)} — năm ${head.year}. Có <strong>${entries.length} tệp PDF</strong>, tổng cộng ${pages} trang.</p>
  <div class="how">
    <p><strong>Cách dùng:</strong> bấm vào hình hoặc nút <strong>“Mở để xem, in”</strong>. Tệp mở ra ở thẻ mới.</p>
    <p><strong>Muốn in:</strong> mở tệp, bấm <strong>Ctrl + P</strong> (máy Mac: ⌘ + P), chọn khổ giấy A4, tỉ lệ 100%.</p>
  </div>
  <nav aria-label="Các nhóm tài liệu"><ul>
    ${groups.map(({ g, items }) => `<li><a href="#${g}">${esc(GROUP_LABELS[g].title)} (${items.length})</a></li>`).join('\n    ')}
  </ul></nav>
</header>
<main>
${groups.map(({ g, items }) => `  <section id="${g}">
    <h2>${esc(GROUP_LABELS[g].title)}</h2>
    ${GROUP_LABELS[g].note ? `<p class="note">${esc(GROUP_LABELS[g].note)}</p>` : ''}
    <ul class="cards">${items.map(card).join('')}
    </ul>
  </section>`).join('\n')}
</main>
</body>
</html>
`;
}

/** The entries of the page: one per PDF written, with its thumbnail file and sidecars. */
export async function indexEntries(written: readonly WrittenFile[]): Promise<{ entries: IndexEntry[]; thumbs: { file: string; bytes: Buffer }[] }> {
  const pdfs = written.filter((f) => /\.pdf$/i.test(f.file));
  const others = written.filter((f) => !/\.(pdf|png|html)$/i.test(f.file));
  const entries: IndexEntry[] = [];
  const thumbs: { file: string; bytes: Buffer }[] = [];
  for (const f of pdfs) {
    const t = await pdfThumbnail(await readFile(f.path), THUMB_PX);
    const thumb = `${THUMB_DIR}/${f.file.replace(/\.pdf$/i, '.png')}`;
    thumbs.push({ file: thumb, bytes: t.png });
    entries.push({
      file: f.file,
      title: f.title || f.file.split('/').at(-1)!,
      pages: f.pages ?? t.pages,
      group: f.group ?? 'other',
      thumb, thumbWidth: t.width, thumbHeight: t.height,
      extras: others.filter((o) => stem(o.file) === stem(f.file)).map((o) => ({ file: o.file, label: SIDECAR_LABELS.find(([re]) => re.test(o.file))?.[1] ?? o.file.split('/').at(-1)! })),
    });
  }
  return { entries, thumbs };
}

export const writeIndexPage: Finisher = async (written, ctx) => {
  const { entries, thumbs } = await indexEntries(written);
  const html = indexHtml(entries, { ward: ctx.project.config.phuong.ten, year: ctx.project.config.nam });
  return [...thumbs, { file: INDEX_FILE, bytes: html }];
};
