import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, niceTicks, scaleToPixels, stackedBar, type BarDatum } from '../../app/domain/charts';

const isInt = (n: number) => Number.isInteger(n);

describe('niceTicks', () => {
  it.each([
    [0, [0, 1]],
    [-3, [0, 1]],
    [Number.NaN, [0, 1]],
    [0.4, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [5, [0, 1, 2, 3, 4, 5]],
    [7, [0, 2, 4, 6, 8]],
    [10, [0, 2, 4, 6, 8, 10]],
    [12.5, [0, 5, 10, 15]],
    [48, [0, 10, 20, 30, 40, 50]],
    [100, [0, 20, 40, 60, 80, 100]],
    [1000, [0, 200, 400, 600, 800, 1000]],
    [500_000_000_00, [0, 100_000_000_00, 200_000_000_00, 300_000_000_00, 400_000_000_00, 500_000_000_00]],
  ])('max %d → %j', (max, expected) => {
    expect(niceTicks(max)).toEqual(expected);
  });

  it('start at 0, increase by one round integer step, cover the maximum, and stay few', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 10 }), (max, target) => {
        const ticks = niceTicks(max, target);
        expect(ticks[0]).toBe(0);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(target + 1);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        const step = ticks[1]! - ticks[0]!;
        expect(step).toBeGreaterThanOrEqual(1);
        expect(isInt(step)).toBe(true);
        expect(Number(String(step).replace(/^([125])0*$/, '1'))).toBe(1); // 1, 2 or 5 followed by zeros
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(step);
        // No wasted step: the tick before the last is still below the maximum.
        if (max > 0) expect(ticks.at(-2)!).toBeLessThan(max);
      }),
    );
  });
});

describe('scaleToPixels', () => {
  it.each([
    [null, 100, 200, 0],
    [0, 100, 200, 0],
    [-5, 100, 200, 0],
    [50, 100, 200, 100],
    [1, 3, 100, 33],
    [2, 3, 100, 67],
    [100, 100, 200, 200],
    [150, 100, 200, 200], // never past the axis
    [5, 0, 200, 0],
  ])('%s of %d on %dpx is %dpx', (value, scaleMax, length, expected) => {
    expect(scaleToPixels(value, scaleMax, length)).toBe(expected);
  });
});

const datum = fc.record({
  key: fc.string({ minLength: 1, maxLength: 5 }),
  label: fc.string({ maxLength: 30 }),
  value: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5_000_000_000 }), fc.double({ min: 0, max: 1000, noNaN: true })),
}) as fc.Arbitrary<BarDatum>;

describe('barChart', () => {
  it('lays out one row per datum with labels above bars', () => {
    const layout = barChart({
      data: [
        { key: 'a', label: 'Submitted', value: 10 },
        { key: 'b', label: 'Approved', value: 5 },
        { key: 'c', label: 'Paid', value: 0 },
        { key: 'd', label: 'Hidden', value: null },
      ],
      width: 640,
      left: 20,
      valueWidth: 120,
    });
    expect(layout.plot).toEqual({ x: 20, y: 8, width: 500, height: 4 * 50 });
    expect(layout.scaleMax).toBe(10);
    expect(layout.bars.map((b) => b.bar.width)).toEqual([500, 250, 0, 0]);
    expect(layout.bars.map((b) => b.bar.y)).toEqual([28, 78, 128, 178]);
    expect(layout.bars[0]!.labelY).toBeLessThan(layout.bars[0]!.bar.y);
    expect(layout.bars[1]!.valueX).toBe(20 + 250 + 6);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(layout.ticks.map((t) => t.x)).toEqual([20, 120, 220, 320, 420, 520]);
    expect(layout.height).toBe(8 + 200 + 28);
  });

  it('draws nothing broken for no data or all zeros', () => {
    const empty = barChart({ data: [] });
    expect(empty.bars).toEqual([]);
    expect(empty.plot.height).toBe(0);
    expect(empty.ticks.map((t) => t.value)).toEqual([0, 1]);
    const zeros = barChart({
      data: [
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: null },
      ],
    });
    for (const bar of zeros.bars) {
      expect(bar.bar.width).toBe(0);
      expect(Object.values(bar.bar).every(Number.isFinite)).toBe(true);
    }
  });

  it('keeps every bar inside the plot, in whole pixels, with lengths proportional to the values', () => {
    fc.assert(
      fc.property(fc.array(datum, { maxLength: 15 }), fc.integer({ min: 200, max: 1200 }), (data, width) => {
        const layout = barChart({ data, width });
        const { plot } = layout;
        expect(layout.ticks.at(-1)!.value).toBe(layout.scaleMax);
        for (const [i, b] of layout.bars.entries()) {
          for (const n of [b.bar.x, b.bar.y, b.bar.width, b.bar.height, b.labelX, b.labelY, b.valueX, b.valueY])
            expect(isInt(n)).toBe(true);
          expect(b.bar.x).toBe(plot.x);
          expect(b.bar.width).toBeGreaterThanOrEqual(0);
          expect(b.bar.x + b.bar.width).toBeLessThanOrEqual(plot.x + plot.width);
          expect(b.bar.y).toBeGreaterThanOrEqual(plot.y);
          expect(b.bar.y + b.bar.height).toBeLessThanOrEqual(plot.y + plot.height);
          expect(b.valueX).toBeLessThanOrEqual(layout.width);
          const exact = ((data[i]!.value ?? 0) * plot.width) / layout.scaleMax;
          expect(Math.abs(b.bar.width - exact)).toBeLessThanOrEqual(0.5);
        }
        // Bigger value, longer (or equal) bar.
        const sorted = [...layout.bars].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.bar.width).toBeGreaterThanOrEqual(sorted[i - 1]!.bar.width);
        // Rows never overlap.
        for (let i = 1; i < layout.bars.length; i++)
          expect(layout.bars[i]!.bar.y).toBeGreaterThan(layout.bars[i - 1]!.bar.y + layout.bars[i - 1]!.bar.height);
        expect(layout.ticks.every((t) => t.x >= plot.x && t.x <= plot.x + plot.width)).toBe(true);
      }),
    );
  });

  it('the largest value reaches the end of the axis when it is a round number', () => {
    const layout = barChart({ data: [{ key: 'a', label: 'A', value: 40 }], width: 524, left: 24, valueWidth: 100 });
    expect(layout.bars[0]!.bar.width).toBe(layout.plot.width);
  });
});

describe('stackedBar', () => {
  it('splits the budget into touching segments with shares in tenths of a percent', () => {
    const layout = stackedBar({
      segments: [
        { key: 'paid', label: 'Paid', value: 100 },
        { key: 'approved', label: 'Approved', value: 150 },
        { key: 'pending', label: 'Pending', value: 50 },
      ],
      total: 1000,
      width: 1040,
      left: 20,
      right: 20,
    });
    expect(layout.bar).toEqual({ x: 20, y: 4, width: 1000, height: 36 });
    expect(layout.segments.map((s) => [s.box.x, s.box.width, s.permille])).toEqual([
      [20, 100, 100],
      [120, 150, 150],
      [270, 50, 50],
    ]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('scales to the sum when the segments together pass the total', () => {
    const layout = stackedBar({
      segments: [
        { key: 'a', label: 'A', value: 30 },
        { key: 'b', label: 'B', value: 30 },
      ],
      total: 40,
      width: 140,
      left: 20,
      right: 20,
    });
    expect(layout.scaleMax).toBe(60);
    expect(layout.segments.map((s) => s.box.width)).toEqual([50, 50]);
  });

  it('draws an empty bar for a zero budget and no money', () => {
    const layout = stackedBar({ segments: [{ key: 'a', label: 'A', value: 0 }], total: 0 });
    expect(layout.segments[0]!.box.width).toBe(0);
    expect(layout.segments[0]!.permille).toBe(0);
    expect(layout.ticks.map((t) => t.value)).toEqual([0]);
  });

  it('segments touch, never overlap, and never run past the bar', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 1_000_000_000_00 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 5_000_000_000_00 }),
        fc.integer({ min: 100, max: 1600 }),
        (values, total, width) => {
          const layout = stackedBar({ segments: values.map((value, i) => ({ key: String(i), label: String(i), value })), total, width });
          let x = layout.bar.x;
          for (const [i, s] of layout.segments.entries()) {
            expect(s.box.x).toBe(x);
            expect(s.box.width).toBeGreaterThanOrEqual(0);
            expect(isInt(s.box.width)).toBe(true);
            const exact = (Math.max(0, values[i]!) * layout.bar.width) / (layout.scaleMax || 1);
            expect(Math.abs(s.box.width - exact)).toBeLessThanOrEqual(1);
            x += s.box.width;
          }
          expect(x).toBeLessThanOrEqual(layout.bar.x + layout.bar.width);
          const permilles = layout.segments.reduce((sum, s) => sum + s.permille, 0);
          expect(permilles).toBeLessThanOrEqual(1000 + layout.segments.length);
          expect(layout.ticks.every((t) => t.x >= layout.bar.x && t.x <= layout.bar.x + layout.bar.width)).toBe(true);
        },
      ),
    );
  });
});

describe('budgetBreakdown', () => {
  it('splits the budget into paid, approved-not-paid, awaiting decision and free, adding up to the budget', async () => {
    const { budgetBreakdown } = await import('../../app/domain/charts');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (a, b, c, extra) => {
          const [paidCents, approvedCents, committedCents] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const budgetCents = committedCents + extra;
          const parts = budgetBreakdown({ paidCents, approvedCents, committedCents, budgetCents });
          expect(parts.map((p) => p.key)).toEqual(['paid', 'approved', 'pending', 'free']);
          expect(parts.every((p) => p.value >= 0)).toBe(true);
          expect(parts.reduce((sum, p) => sum + p.value, 0)).toBe(budgetCents);
        },
      ),
    );
  });
});
