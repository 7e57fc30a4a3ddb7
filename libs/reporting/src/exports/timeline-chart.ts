import { type Timeline } from '../campaign-report';
import { formatDateTime, formatInteger } from './vietnamese-format';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 64;
const BOTTOM = 36;
const TOP = 12;

/**
 * The timeline as an inline SVG (no script, no network): a pair of bars per minute or hour, submitted and
 * delivered, with the largest value and the first and last times as labels. Only numbers and formatted
 * times go into it, so it needs no escaping.
 */
export function timelineSvg(timeline: Timeline): string {
  const points = timeline.points;
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const max = Math.max(1, ...points.map((point) => Math.max(point.submitted, point.delivered)));
  const slot = plotWidth / Math.max(1, points.length);
  const bar = Math.max(1, slot / 2 - 1);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const bars = points
    .map((point, index) => {
      const x = LEFT + index * slot;
      return (
        `<rect class="submitted" x="${x.toFixed(1)}" y="${y(point.submitted).toFixed(1)}" width="${bar.toFixed(1)}" height="${(TOP + plotHeight - y(point.submitted)).toFixed(1)}"/>` +
        `<rect class="delivered" x="${(x + bar).toFixed(1)}" y="${y(point.delivered).toFixed(1)}" width="${bar.toFixed(1)}" height="${(TOP + plotHeight - y(point.delivered)).toFixed(1)}"/>`
      );
    })
    .join('');
  const first = points.length ? formatDateTime(points[0].at) : '';
  const last = points.length > 1 ? formatDateTime(points[points.length - 1].at) : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="Diễn biến gửi tin theo ${timeline.step === 'minute' ? 'phút' : 'giờ'}">`,
    `<line x1="${LEFT}" y1="${TOP + plotHeight}" x2="${WIDTH - 8}" y2="${TOP + plotHeight}" stroke="#000"/>`,
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + plotHeight}" stroke="#000"/>`,
    `<text x="${LEFT - 4}" y="${TOP + 10}" text-anchor="end">${formatInteger(max)}</text>`,
    `<text x="${LEFT - 4}" y="${TOP + plotHeight}" text-anchor="end">0</text>`,
    bars,
    `<text x="${LEFT}" y="${HEIGHT - 18}">${first}</text>`,
    `<text x="${WIDTH - 8}" y="${HEIGHT - 18}" text-anchor="end">${last}</text>`,
    `<rect class="submitted" x="${LEFT}" y="${HEIGHT - 12}" width="10" height="10"/><text x="${LEFT + 14}" y="${HEIGHT - 3}">Đã gửi</text>`,
    `<rect class="delivered" x="${LEFT + 90}" y="${HEIGHT - 12}" width="10" height="10"/><text x="${LEFT + 104}" y="${HEIGHT - 3}">Gửi thành công</text>`,
    '</svg>',
  ].join('');
}
