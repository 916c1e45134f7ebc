// Server-rendered SVG charts: each an image with a name (role="img", aria-label, <title>), every bar labelled in
// text so nothing depends on colour, and the same figures in a visually hidden table for screen readers.
// No style attributes (the CSP forbids inline styles): SVG presentation attributes and CSS classes only.
import { useTranslation } from 'react-i18next';
import { barChart, budgetBreakdown, stackedBar, type BudgetParts } from '../domain/charts';
import { compactMoney, formatMoney, formatPermille } from '../lib/format';
import type { Locale } from '../lib/i18n';

export type ChartItem = {
  key: string;
  label: string;
  /** null: nothing to draw (no data, or suppressed); `valueText` says why. */
  value: number | null;
  valueText: string;
};

type TableHeaders = { labelHeader: string; valueHeader: string };

function DataTable({ caption, items, labelHeader, valueHeader }: TableHeaders & { caption: string; items: readonly ChartItem[] }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <th scope="row">{item.label}</th>
            <td>{item.valueText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Submitted: 12; Approved: 3; …" — what the picture says, for the image's accessible name. */
function describe(title: string, items: readonly ChartItem[]): string {
  return `${title}. ${items.map((item) => `${item.label}: ${item.valueText}`).join('; ')}`;
}

export function BarChart({
  id,
  title,
  items,
  tickText,
  labelHeader,
  valueHeader,
  width = 480,
  valueWidth = 180,
}: TableHeaders & {
  id: string;
  title: string;
  items: readonly ChartItem[];
  /** Axis tick labels, e.g. compact money. */
  tickText: (value: number) => string;
  width?: number;
  /** Room after the longest bar for its value text. */
  valueWidth?: number;
}) {
  const layout = barChart({ data: items.map(({ key, label, value }) => ({ key, label, value })), width, valueWidth });
  const { plot } = layout;
  const titleId = `${id}-title`;
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-caption">
        {title}
      </figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={describe(title, items)}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{title}</title>
        <g className="chart-grid" aria-hidden="true">
          {layout.ticks.map((tick) => (
            <line key={tick.value} x1={tick.x} x2={tick.x} y1={plot.y} y2={plot.y + plot.height} stroke="#b1b4b6" strokeWidth={1} />
          ))}
        </g>
        {layout.bars.map((bar, i) => (
          <g key={bar.key} className="chart-row">
            <text className="chart-label" x={bar.labelX} y={bar.labelY} fill="#0b0c0c">
              {bar.label}
            </text>
            {bar.bar.width > 0 ? (
              <rect className="chart-bar" x={bar.bar.x} y={bar.bar.y} width={bar.bar.width} height={bar.bar.height} fill="#0b5e55" />
            ) : (
              // A hairline at zero so an empty row still reads as a bar of nothing, not a missing one.
              <rect className="chart-bar chart-bar--empty" x={bar.bar.x} y={bar.bar.y} width={1} height={bar.bar.height} fill="#505a5f" />
            )}
            <text className="chart-value" x={bar.valueX} y={bar.valueY} dominantBaseline="central" fill="#0b0c0c">
              {items[i]!.valueText}
            </text>
          </g>
        ))}
        <line
          className="chart-axis"
          x1={plot.x}
          x2={plot.x + plot.width}
          y1={plot.y + plot.height}
          y2={plot.y + plot.height}
          stroke="#505a5f"
          strokeWidth={1}
        />
        <g className="chart-ticks" aria-hidden="true">
          {layout.ticks.map((tick) => (
            <text key={tick.value} x={tick.x} y={layout.tickLabelY} textAnchor="middle" fill="#505a5f">
              {tickText(tick.value)}
            </text>
          ))}
        </g>
      </svg>
      <DataTable caption={title} items={items} labelHeader={labelHeader} valueHeader={valueHeader} />
    </figure>
  );
}

/** Fills told apart by pattern as well as colour: solid, hatched, dotted, and an outline for what is left. */
export type SegmentFill = 'solid' | 'hatch' | 'dots' | 'empty';

function PatternDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
        <rect width={8} height={8} fill="#d5ebe8" />
        <line x1={0} y1={0} x2={0} y2={8} stroke="#0b5e55" strokeWidth={4} />
      </pattern>
      <pattern id={`${id}-dots`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill="#fff7bf" />
        <circle cx={3} cy={3} r={1.6} fill="#594d00" />
      </pattern>
    </defs>
  );
}

function fillFor(id: string, fill: SegmentFill): string {
  if (fill === 'solid') return '#08443e';
  if (fill === 'empty') return '#ffffff';
  return `url(#${id}-${fill})`;
}

export type BudgetSegment = ChartItem & { value: number; fill: SegmentFill };

/** One bar for the budget, split into segments, with a legend in words under it. */
export function StackedBarChart({
  id,
  title,
  segments,
  totalCents,
  tickText,
  shareText,
  labelHeader,
  valueHeader,
  width = 640,
}: TableHeaders & {
  id: string;
  title: string;
  segments: readonly BudgetSegment[];
  totalCents: number;
  tickText: (value: number) => string;
  /** A segment's share of the bar, from tenths of a percent: "12.5%". */
  shareText?: (permille: number) => string;
  width?: number;
}) {
  const layout = stackedBar({ segments: segments.map(({ key, label, value }) => ({ key, label, value })), total: totalCents, width });
  const titleId = `${id}-title`;
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-caption">
        {title}
      </figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={describe(title, segments)}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{title}</title>
        <PatternDefs id={id} />
        <rect
          className="chart-track"
          x={layout.bar.x}
          y={layout.bar.y}
          width={layout.bar.width}
          height={layout.bar.height}
          fill="#ffffff"
          stroke="#505a5f"
          strokeWidth={1}
        />
        {layout.segments.map((segment, i) =>
          segment.box.width > 0 ? (
            <rect
              key={segment.key}
              className={`chart-segment chart-segment--${segments[i]!.fill}`}
              x={segment.box.x}
              y={segment.box.y}
              width={segment.box.width}
              height={segment.box.height}
              fill={fillFor(id, segments[i]!.fill)}
              stroke="#0b0c0c"
              strokeWidth={1}
            />
          ) : null,
        )}
        <g className="chart-ticks" aria-hidden="true">
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line
                x1={tick.x}
                x2={tick.x}
                y1={layout.bar.y + layout.bar.height}
                y2={layout.bar.y + layout.bar.height + 5}
                stroke="#505a5f"
                strokeWidth={1}
              />
              <text x={tick.x} y={layout.tickLabelY} textAnchor="middle" fill="#505a5f">
                {tickText(tick.value)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <ul className="chart-legend">
        {layout.segments.map((segment, i) => (
          <li key={segment.key}>
            <svg className="chart-swatch" viewBox="0 0 20 20" width={20} height={20} aria-hidden="true" focusable="false">
              <PatternDefs id={`${id}-${segment.key}`} />
              <rect
                x={1}
                y={1}
                width={18}
                height={18}
                fill={fillFor(`${id}-${segment.key}`, segments[i]!.fill)}
                stroke="#0b0c0c"
                strokeWidth={1}
              />
            </svg>
            <span>
              {segment.label}: <strong>{segments[i]!.valueText}</strong>
              {shareText ? ` (${shareText(segment.permille)})` : null}
            </span>
          </li>
        ))}
      </ul>
      <DataTable caption={title} items={segments} labelHeader={labelHeader} valueHeader={valueHeader} />
    </figure>
  );
}

/** The programme budget as one stacked bar (dashboard and open data), with the note under it. */
export function BudgetChart({ id, parts, freeLabel, locale }: { id: string; parts: BudgetParts; freeLabel?: string; locale: Locale }) {
  const { t } = useTranslation();
  const segments: BudgetSegment[] = budgetBreakdown(parts).map((part) => ({
    ...part,
    label: part.key === 'free' && freeLabel ? freeLabel : t(`dashboard:segments.${part.key}`),
    valueText: formatMoney(part.value),
  }));
  return (
    <>
      <StackedBarChart
        id={id}
        title={t('dashboard:charts.budget')}
        segments={segments}
        totalCents={parts.budgetCents}
        tickText={(cents) => compactMoney(cents, locale)}
        shareText={(permille) => formatPermille(permille)}
        labelHeader={t('dashboard:table.group')}
        valueHeader={t('dashboard:table.amount')}
      />
      <p className="hint">{t('dashboard:budgetNote', { budget: formatMoney(parts.budgetCents) })}</p>
    </>
  );
}
