"use client";
import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartConfiguration,
  Chart as ChartJs,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from "chart.js";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ChartSpec } from "@/lib/analytics/chart-spec.ts";
import { toCsv } from "@/lib/analytics/to-csv.ts";

ChartJs.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/** PNG downloads get a white background instead of a transparent one. */
const whiteBackground: Plugin = {
  id: "raqibWhiteBackground",
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * Where each clickable element is drawn, on the canvas as data-points: what a test (or any
 * automation) needs to click a particular bar, since a canvas has no elements to find.
 */
const exposeClickablePoints: Plugin = {
  id: "raqibClickablePoints",
  afterRender(chart) {
    const points: { dataset: number; index: number; x: number; y: number }[] = [];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const hrefs = (dataset as { raqibHrefs?: (string | null)[] }).raqibHrefs;
      if (!hrefs || !chart.isDatasetVisible(datasetIndex)) return;
      chart.getDatasetMeta(datasetIndex).data.forEach((element, index) => {
        const value = dataset.data[index];
        if (!hrefs[index] || typeof value !== "number" || value === 0 || points.length >= 200) return;
        const { x, y } = element.tooltipPosition(false);
        points.push({ dataset: datasetIndex, index, x: Math.round(x ?? 0), y: Math.round(y ?? 0) });
      });
    });
    chart.canvas.dataset.points = JSON.stringify(points);
  },
};

function configFor(
  spec: ChartSpec,
  rtl: boolean,
  intlLocale: string,
  open: (href: string) => void,
): ChartConfiguration<"bar" | "line"> {
  const direction = rtl ? "rtl" : "ltr";
  const format = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 });
  const valueTick = (value: string | number) => `${format.format(Number(value))}${spec.percent ? "%" : ""}`;
  const valueScale = {
    stacked: spec.stacked,
    beginAtZero: true,
    title: { display: true, text: spec.valueAxis },
    ticks: { callback: valueTick, precision: spec.percent ? undefined : 0 },
    ...(spec.horizontal ? { reverse: rtl } : { position: rtl ? ("right" as const) : ("left" as const) }),
  };
  const categoryScale = {
    stacked: spec.stacked,
    title: { display: true, text: spec.categoryAxis },
    ...(spec.horizontal ? { position: rtl ? ("right" as const) : ("left" as const) } : { reverse: rtl }),
  };
  return {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((dataset) => ({
        type: dataset.kind ?? spec.type,
        label: dataset.label,
        data: dataset.data,
        backgroundColor: dataset.colour,
        borderColor: dataset.colour,
        borderWidth: dataset.kind === "line" || spec.type === "line" ? 2 : 0,
        borderDash: dataset.dashed ? [6, 4] : [],
        stack: dataset.stack,
        pointRadius: 3,
        fill: false,
        raqibHrefs: dataset.hrefs,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: intlLocale,
      indexAxis: spec.horizontal ? "y" : "x",
      interaction: { mode: "nearest", intersect: true },
      onClick: (_event, elements) => {
        const element = elements[0];
        if (!element) return;
        const href = spec.datasets[element.datasetIndex]?.hrefs?.[element.index];
        if (href) open(href);
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length ? "pointer" : "default";
      },
      plugins: {
        legend: { rtl, textDirection: direction, position: "bottom" },
        tooltip: {
          rtl,
          textDirection: direction,
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ""}: ${item.raw === null ? "—" : valueTick(item.raw as number)}`,
          },
        },
      },
      scales: spec.horizontal ? { x: valueScale, y: categoryScale } : { x: categoryScale, y: valueScale },
    },
    plugins: [whiteBackground, exposeClickablePoints],
  } as ChartConfiguration<"bar" | "line">;
}

function download(href: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

interface ChartProps {
  spec: ChartSpec;
  /** The accessible name of the canvas (the card's title). */
  title: string;
  /** Download file name without extension. */
  fileName: string;
  rtl: boolean;
  intlLocale: string;
  text: { downloadPng: string; downloadCsv: string };
}

/**
 * The one Chart.js wrapper: creates the chart on first render, updates it in place when the
 * spec changes (new filters), destroys it on unmount. Clicking an element opens its drill-down.
 */
export function Chart({ spec, title, fileName, rtl, intlLocale, text }: ChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartJs<"bar" | "line"> | null>(null);
  const router = useRouter();
  const routerRef = useRef(router);
  routerRef.current = router;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const config = configFor(spec, rtl, intlLocale, (href) => routerRef.current.push(href));
    const chart = chartRef.current;
    if (chart) {
      chart.data = config.data;
      chart.options = config.options ?? {};
      chart.update();
    } else {
      chartRef.current = new ChartJs(canvas, config);
    }
  }, [spec, rtl, intlLocale]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  const downloadPng = () => {
    const chart = chartRef.current;
    if (chart) download(chart.toBase64Image("image/png", 1), `${fileName}.png`);
  };
  const downloadCsv = () => {
    const url = URL.createObjectURL(new Blob([toCsv(spec.table)], { type: "text/csv;charset=utf-8" }));
    download(url, `${fileName}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="chart">
      <div className="chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={title} data-testid="chart-canvas" />
      </div>
      <div className="chart-downloads">
        <button type="button" onClick={downloadPng}>
          {text.downloadPng}
        </button>
        <button type="button" onClick={downloadCsv}>
          {text.downloadCsv}
        </button>
      </div>
    </div>
  );
}
