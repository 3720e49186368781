import { tilePositions } from "./tile-layout.js";

/**
 * Geometry of the server-drawn SVG charts (views/scores/_*.ejs draw them; no chart library runs
 * in the browser). Pure: figures in, coordinates in SVG user units out. Every chart is drawn
 * beside a table of the same figures, which is its text alternative.
 */

export const ZONE_KEYS = ["green", "yellow", "red", "black", "none"] as const;
export type ZoneKey = (typeof ZONE_KEYS)[number];
const zoneKey = (zone: string | null): ZoneKey => ((ZONE_KEYS as readonly string[]).includes(zone ?? "") ? (zone as ZoneKey) : "none");

export interface TileInput {
  code: string;
  name: string;
  zone: string | null;
  score: number | null;
  isProvisional: boolean;
  href: string | null;
}

export interface Tile extends TileInput {
  zoneKey: ZoneKey;
  x: number;
  y: number;
  size: number;
  nameLines: string[];
}

const TILE = 78;
const GAP = 6;

/** Splits a Pemda's name into at most three short lines for a tile ("Kabupaten" is dropped: every tile is one). */
export function tileNameLines(name: string, maxChars = 13): string[] {
  const words = name.replace(/^Kabupaten\s+/i, "").split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 3 ? [...lines.slice(0, 2), lines.slice(2).join(" ")] : lines;
}

/** The tile map: one square per Pemda at its grid position (tile-layout.ts). Units: SVG user units. */
export function tileMapChart(inputs: readonly TileInput[]): { width: number; height: number; tiles: Tile[] } {
  const positions = tilePositions(inputs.map((t) => t.code));
  const tiles = inputs.map((input): Tile => {
    const p = positions.get(input.code)!;
    return { ...input, zoneKey: zoneKey(input.zone), x: p.column * (TILE + GAP), y: p.row * (TILE + GAP), size: TILE, nameLines: tileNameLines(input.name) };
  });
  const columns = Math.max(1, ...tiles.map((t) => t.x / (TILE + GAP) + 1));
  const rows = Math.max(1, ...tiles.map((t) => t.y / (TILE + GAP) + 1));
  return { width: columns * (TILE + GAP) - GAP, height: rows * (TILE + GAP) - GAP, tiles };
}

export interface BarSegment {
  key: string;
  index: number;
  x: number;
  width: number;
  points: number;
}

/**
 * A horizontal bar of a score's parts (dimension points adding up to the total), on a 0-100
 * scale `width` wide; a missing part draws nothing. Units: SVG user units.
 */
export function stackedBar(parts: ReadonlyArray<{ key: string; points: number | null }>, width = 200): BarSegment[] {
  const segments: BarSegment[] = [];
  let x = 0;
  parts.forEach((part, index) => {
    if (part.points === null || part.points <= 0) return;
    const w = (Math.min(100, part.points) / 100) * width;
    segments.push({ key: part.key, index, x: round(x), width: round(w), points: part.points });
    x += w;
  });
  return segments;
}

export interface TrendPoint {
  year: number;
  score: number | null;
  zone: string | null;
}

/**
 * A line of one Pemda's (or unit's) score per year on 0-100, over the bands of the latest
 * methodology shown as background zones. Years without a score break the line.
 */
export function trendChart(series: readonly TrendPoint[], bands: ReadonlyArray<{ min: number; zone: string }>, size = { width: 520, height: 220 }) {
  const plot = { left: 36, right: size.width - 28, top: 16, bottom: size.height - 26 };
  const years = [...new Set(series.map((p) => p.year))].sort((a, b) => a - b);
  const xOf = (year: number) => (years.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * years.indexOf(year)) / (years.length - 1));
  const yOf = (score: number) => plot.bottom - ((plot.bottom - plot.top) * Math.max(0, Math.min(100, score))) / 100;
  const points = series
    .filter((p) => p.score !== null)
    .map((p) => ({ year: p.year, score: p.score!, zoneKey: zoneKey(p.zone), x: round(xOf(p.year)), y: round(yOf(p.score!)) }));
  const segments: string[] = [];
  let current: string[] = [];
  for (const year of years) {
    const point = points.find((p) => p.year === year);
    if (point) {
      current.push(`${point.x},${point.y}`);
    } else if (current.length > 0) {
      segments.push(current.join(" "));
      current = [];
    }
  }
  if (current.length) segments.push(current.join(" "));
  const sortedBands = [...bands].sort((a, b) => b.min - a.min);
  const zoneBands = sortedBands.map((band, i) => {
    const top = i === 0 ? 100 : sortedBands[i - 1]!.min;
    return { zoneKey: zoneKey(band.zone), y: round(yOf(top)), height: round(yOf(band.min) - yOf(top)) };
  });
  return {
    ...size,
    plot,
    points,
    lines: segments,
    xTicks: years.map((year) => ({ x: round(xOf(year)), label: String(year) })),
    yTicks: [0, 25, 50, 75, 100].map((v) => ({ y: round(yOf(v)), label: String(v) })),
    zoneBands,
  };
}

/**
 * Columns of how many Pemda fell in each zone per year, stacked green at the bottom to black and
 * "no score yet" at the top. Units: SVG user units; counts are whole Pemda.
 */
export function zoneColumnsChart(rows: ReadonlyArray<{ year: number; counts: Partial<Record<ZoneKey, number>> }>, size = { width: 520, height: 200 }) {
  const plot = { left: 30, right: size.width - 10, top: 10, bottom: size.height - 26 };
  const max = Math.max(1, ...rows.map((r) => ZONE_KEYS.reduce((sum, z) => sum + (r.counts[z] ?? 0), 0)));
  const slot = rows.length === 0 ? 0 : (plot.right - plot.left) / rows.length;
  const barWidth = Math.min(56, slot * 0.6);
  const unit = (plot.bottom - plot.top) / max;
  const columns = rows.map((row, i) => {
    let y = plot.bottom;
    const x = plot.left + slot * i + (slot - barWidth) / 2;
    const segments = ZONE_KEYS.filter((z) => (row.counts[z] ?? 0) > 0).map((z) => {
      const height = (row.counts[z] ?? 0) * unit;
      y -= height;
      return { zoneKey: z, count: row.counts[z]!, y: round(y), height: round(height) };
    });
    return { year: row.year, x: round(x), width: round(barWidth), labelX: round(x + barWidth / 2), segments };
  });
  const step = max <= 10 ? 1 : max <= 30 ? 5 : 10;
  const yTicks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step).map((v) => ({ y: round(plot.bottom - v * unit), label: String(v) }));
  return { ...size, plot, columns, yTicks };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
