import type { SummaryRow } from './summary.js';

interface Series {
  label: string;
  color: string;
  dashed: boolean;
  points: Array<[number, number]>;
}

interface Panel {
  title: string;
  unit: string;
  series: Series[];
  /** A target of issue 6, drawn as a red dashed line. */
  target: { value: number; label: string };
}

const WIDTH = 960;
const HEIGHT = 360;
const PANEL = { width: 380, height: 250, top: 50, left: 70, gap: 100 };
const COLORS = { podium: '#1f6feb', baseline: '#6e7781' };

/** A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function label(n: number): string {
  return n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
}

function drawPanel(panel: Panel, x0: number, xs: number[]): string {
  const { width, height, top } = PANEL;
  const xMax = Math.max(...xs);
  const yMax = niceMax(Math.max(panel.target.value, ...panel.series.flatMap((s) => s.points.map(([, y]) => y))));
  const px = (x: number) => x0 + (x / xMax) * width;
  const py = (y: number) => top + height - (y / yMax) * height;
  const parts = [
    `<text x="${x0 + width / 2}" y="${top - 18}" text-anchor="middle" font-weight="600">${escape(panel.title)}</text>`,
    `<line x1="${x0}" y1="${top + height}" x2="${x0 + width}" y2="${top + height}" stroke="#333"/>`,
    `<line x1="${x0}" y1="${top}" x2="${x0}" y2="${top + height}" stroke="#333"/>`,
  ];
  for (let i = 0; i <= 4; i += 1) {
    const y = (yMax * i) / 4;
    parts.push(
      `<line x1="${x0}" y1="${py(y)}" x2="${x0 + width}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${x0 - 6}" y="${py(y) + 4}" text-anchor="end">${Math.round(y * 100) / 100}</text>`,
    );
  }
  for (const x of xs) {
    parts.push(`<text x="${px(x)}" y="${top + height + 18}" text-anchor="middle">${label(x)}</text>`);
  }
  parts.push(
    `<text x="${x0 + width / 2}" y="${top + height + 38}" text-anchor="middle">open streams (N)</text>`,
    `<text transform="translate(${x0 - 48},${top + height / 2}) rotate(-90)" text-anchor="middle">${escape(panel.unit)}</text>`,
  );
  const ty = py(panel.target.value);
  parts.push(
    `<line x1="${x0}" y1="${ty}" x2="${x0 + width}" y2="${ty}" stroke="#cf222e" stroke-dasharray="2,3"/>`,
    `<text x="${x0 + 4}" y="${ty - 4}" fill="#cf222e">${escape(panel.target.label)}</text>`,
  );
  for (const series of panel.series) {
    if (series.points.length === 0) continue;
    const path = series.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    const dash = series.dashed ? ' stroke-dasharray="5,4"' : '';
    parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const [x, y] of series.points) {
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${series.color}"/>`);
    }
  }
  return parts.join('\n');
}

function legend(series: Series[], x: number, y: number): string {
  return series
    .map((s, i) => {
      const dash = s.dashed ? ' stroke-dasharray="5,4"' : '';
      const at = x + i * 200;
      return `<line x1="${at}" y1="${y}" x2="${at + 24}" y2="${y}" stroke="${s.color}" stroke-width="2"${dash}/><text x="${at + 30}" y="${y + 4}">${escape(s.label)}</text>`;
    })
    .join('\n');
}

/** An SVG with fan-out latency (p99 solid, p50 dashed) and RSS per stream against N, for both servers. */
export function drawChart(rows: SummaryRow[], subtitle: string): string {
  const xs = [...new Set(rows.map((row) => row.requested))].sort((a, b) => a - b);
  const pick = (server: 'podium' | 'baseline', value: (row: SummaryRow) => number): Array<[number, number]> =>
    rows
      .filter((row) => row.server === server && Number.isFinite(value(row)))
      .map((row) => [row.requested, value(row)]);
  const latency: Series[] = [];
  const memory: Series[] = [];
  for (const server of ['podium', 'baseline'] as const) {
    const color = COLORS[server];
    latency.push(
      { label: `${server} p99`, color, dashed: false, points: pick(server, (row) => row.fanoutP99) },
      { label: `${server} p50`, color, dashed: true, points: pick(server, (row) => row.fanoutP50) },
    );
    memory.push({ label: server, color, dashed: false, points: pick(server, (row) => row.rssPerStream / 1024) });
  }
  const right = PANEL.left + PANEL.width + PANEL.gap;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="16" text-anchor="middle" fill="#555">${escape(subtitle)}</text>`,
    drawPanel(
      {
        title: 'Fan-out latency, PUT to receipt',
        unit: 'ms',
        series: latency,
        target: { value: 300, label: 'target p99 at 10k: 300 ms' },
      },
      PANEL.left,
      xs,
    ),
    drawPanel(
      {
        title: 'Server RSS per open stream',
        unit: 'KB',
        series: memory,
        target: { value: 16, label: 'target at 10k: 16 KB' },
      },
      right,
      xs,
    ),
    legend(latency, PANEL.left, HEIGHT - 12),
    '</svg>',
    '',
  ].join('\n');
}
