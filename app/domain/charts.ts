// Chart geometry: numbers in, whole-pixel SVG rectangles, label positions and axis ticks out. No DOM, no React.

export type Box = { x: number; y: number; width: number; height: number };

/**
 * Round axis ticks from 0 that reach at least `max`: steps of 1, 2 or 5 × 10^k, never fewer than 1, at most
 * `target` steps. With nothing to show (max ≤ 0 or not a number) the axis runs 0–1 so nothing divides by zero.
 */
export function niceTicks(max: number, target = 5): number[] {
  const steps = Math.max(1, Math.floor(target));
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / steps;
  // Powers of ten by multiplication, not log10, so 1000 is 10^3 exactly.
  let magnitude = 1;
  while (magnitude * 10 <= raw) magnitude *= 10;
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? magnitude * 10;
  const count = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** Where `value` falls on an axis of `length` pixels running 0–`scaleMax`, in whole pixels, inside the axis. */
export function scaleToPixels(value: number | null, scaleMax: number, length: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0 || scaleMax <= 0 || length <= 0) return 0;
  return Math.min(length, Math.round((value * length) / scaleMax));
}

export type BarDatum = { key: string; label: string; value: number | null };

export type BarLayout = BarDatum & {
  bar: Box;
  /** Category label, drawn above the bar, left-aligned. */
  labelX: number;
  labelY: number;
  /** The value as text, just after the end of the bar, vertically centred on it. */
  valueX: number;
  valueY: number;
};

export type BarChartLayout = {
  width: number;
  height: number;
  plot: Box;
  scaleMax: number;
  bars: BarLayout[];
  ticks: { value: number; x: number }[];
  /** Baseline of the tick labels under the plot. */
  tickLabelY: number;
};

export type BarChartOptions = {
  data: readonly BarDatum[];
  width?: number;
  /** Space on the left of the plot (for the first tick label). */
  left?: number;
  /** Space on the right of the longest bar for its value text. */
  valueWidth?: number;
  top?: number;
  labelHeight?: number;
  barHeight?: number;
  gap?: number;
  axisHeight?: number;
  maxTicks?: number;
};

/**
 * Horizontal bars, one row each, the label on its own line above the bar so long bilingual labels never need
 * truncating. Lengths are proportional to the values on a 0–`scaleMax` axis; a missing value (null) draws no bar.
 */
export function barChart({
  data,
  width = 640,
  left = 24,
  valueWidth = 150,
  top = 8,
  labelHeight = 20,
  barHeight = 18,
  gap = 12,
  axisHeight = 28,
  maxTicks = 5,
}: BarChartOptions): BarChartLayout {
  const rowHeight = labelHeight + barHeight + gap;
  const plot: Box = {
    x: left,
    y: top,
    width: Math.max(0, Math.round(width - left - valueWidth)),
    height: data.length * rowHeight,
  };
  const max = data.reduce((m, d) => (d.value !== null && Number.isFinite(d.value) && d.value > m ? d.value : m), 0);
  const tickValues = niceTicks(max, maxTicks);
  const scaleMax = tickValues[tickValues.length - 1]!;
  const bars = data.map((datum, i): BarLayout => {
    const rowTop = plot.y + i * rowHeight;
    const barLength = scaleToPixels(datum.value, scaleMax, plot.width);
    const bar: Box = { x: plot.x, y: rowTop + labelHeight, width: barLength, height: barHeight };
    return {
      ...datum,
      bar,
      labelX: plot.x,
      labelY: rowTop + labelHeight - 6,
      valueX: bar.x + bar.width + 6,
      valueY: bar.y + Math.round(barHeight / 2),
    };
  });
  return {
    width: Math.round(width),
    height: plot.y + plot.height + axisHeight,
    plot,
    scaleMax,
    bars,
    ticks: tickValues.map((value) => ({ value, x: plot.x + scaleToPixels(value, scaleMax, plot.width) })),
    tickLabelY: plot.y + plot.height + Math.round(axisHeight * 0.6),
  };
}

export type SegmentDatum = { key: string; label: string; value: number };

export type SegmentLayout = SegmentDatum & { box: Box; /** Share of the whole bar in tenths of a percent. */ permille: number };

export type StackedBarLayout = {
  width: number;
  height: number;
  /** The whole bar: the larger of `total` and the sum of the segments. */
  bar: Box;
  scaleMax: number;
  segments: SegmentLayout[];
  ticks: { value: number; x: number }[];
  tickLabelY: number;
};

/**
 * One bar split into consecutive segments (e.g. paid, approved, awaiting decision, left) against a `total` (the
 * budget). Segment edges are rounded from running totals, so the segments touch, never overlap and together never
 * run past the bar, whatever the rounding.
 */
export function stackedBar({
  segments,
  total,
  width = 640,
  left = 24,
  right = 40,
  top = 4,
  barHeight = 36,
  axisHeight = 28,
  maxTicks = 5,
}: {
  segments: readonly SegmentDatum[];
  total: number;
  width?: number;
  left?: number;
  right?: number;
  top?: number;
  barHeight?: number;
  axisHeight?: number;
  maxTicks?: number;
}): StackedBarLayout {
  const values = segments.map((s) => (Number.isFinite(s.value) && s.value > 0 ? s.value : 0));
  const sum = values.reduce((a, b) => a + b, 0);
  const scaleMax = Math.max(Number.isFinite(total) && total > 0 ? total : 0, sum);
  const bar: Box = { x: left, y: top, width: Math.max(0, Math.round(width - left - right)), height: barHeight };
  let running = 0;
  const laid = segments.map((segment, i): SegmentLayout => {
    const start = bar.x + scaleToPixels(running, scaleMax, bar.width);
    running += values[i]!;
    const end = bar.x + scaleToPixels(running, scaleMax, bar.width);
    return {
      ...segment,
      box: { x: start, y: bar.y, width: end - start, height: bar.height },
      permille: scaleMax > 0 ? Math.round((values[i]! * 1000) / scaleMax) : 0,
    };
  });
  const tickValues = scaleMax > 0 ? niceTicks(scaleMax, maxTicks).filter((v) => v <= scaleMax) : [0];
  return {
    width: Math.round(width),
    height: top + barHeight + axisHeight,
    bar,
    scaleMax,
    segments: laid,
    ticks: tickValues.map((value) => ({ value, x: bar.x + scaleToPixels(value, scaleMax, bar.width) })),
    tickLabelY: top + barHeight + Math.round(axisHeight * 0.7),
  };
}

export type BudgetParts = { paidCents: number; approvedCents: number; committedCents: number; budgetCents: number };

/**
 * The budget bar's four parts, which add up to the budget: paid; approved but not yet paid; submitted and awaiting a
 * decision; not committed. Each total includes the later stage (paid ⊂ approved ⊂ committed).
 */
export function budgetBreakdown({ paidCents, approvedCents, committedCents, budgetCents }: BudgetParts) {
  return [
    { key: 'paid', value: paidCents, fill: 'solid' },
    { key: 'approved', value: approvedCents - paidCents, fill: 'hatch' },
    { key: 'pending', value: committedCents - approvedCents, fill: 'dots' },
    { key: 'free', value: Math.max(0, budgetCents - committedCents), fill: 'empty' },
  ] as const;
}
