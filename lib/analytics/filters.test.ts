import { describe, expect, it } from "vitest";
import { analyticsQuery, parseAnalyticsFilters } from "./filters.ts";
import { bucketUnitFor, resolveRange } from "./resolve-range.ts";

describe("parseAnalyticsFilters", () => {
  it("defaults to 30 days of classifier labels, without comparison", () => {
    expect(parseAnalyticsFilters({})).toEqual({
      range: "30d",
      labels: "classifier",
      compare: false,
      insultSort: "rate",
      from: undefined,
      to: undefined,
      source: undefined,
      article: undefined,
      language: undefined,
      status: undefined,
    });
  });

  it("reads every filter and drops what does not parse", () => {
    const filters = parseAnalyticsFilters({
      range: "custom",
      from: "2026-03-09",
      to: "2026-03-01",
      source: "3",
      article: "abc",
      language: "ar",
      status: "nonsense",
      compare: "1",
      insultSort: "insults",
    });
    // A reversed custom range is put in order.
    expect(filters).toMatchObject({
      range: "custom",
      from: "2026-03-01",
      to: "2026-03-09",
      source: 3,
      compare: true,
    });
    expect(filters.article).toBeUndefined();
    expect(filters.status).toBeUndefined();
    expect(filters.insultSort).toBe("insults");
  });

  it("falls back to 30 days when a custom range lacks an end", () => {
    expect(parseAnalyticsFilters({ range: "custom", from: "2026-03-01" })).toMatchObject({ range: "30d" });
  });

  it("round-trips through the URL query, leaving defaults out", () => {
    const filters = parseAnalyticsFilters({ range: "7d", source: "2", compare: "1" });
    expect(analyticsQuery(filters)).toBe("?range=7d&source=2&compare=1");
    expect(analyticsQuery(filters, { compare: false, range: "30d" })).toBe("?source=2");
    expect(parseAnalyticsFilters(Object.fromEntries(new URLSearchParams(analyticsQuery(filters))))).toEqual(
      filters,
    );
  });
});

describe("resolveRange", () => {
  const lateEvening = new Date("2026-01-01T22:30:00Z");

  it("takes 'today' in the user's zone: already 2 January in Riyadh", () => {
    const range = resolveRange(parseAnalyticsFilters({ range: "today" }), lateEvening, "Asia/Riyadh");
    expect(range.current?.fromDay).toBe("2026-01-02");
    expect(range.current?.from.toISOString()).toBe("2026-01-01T21:00:00.000Z");
    expect(range.current?.to.toISOString()).toBe("2026-01-02T21:00:00.000Z");
    expect(range.unit).toBe("day");
  });

  it("ends 7 days with today and compares with the 7 days before", () => {
    const range = resolveRange(parseAnalyticsFilters({ range: "7d", compare: "1" }), lateEvening, "UTC");
    expect([range.current?.fromDay, range.current?.toDay]).toEqual(["2025-12-26", "2026-01-02"]);
    expect([range.previous?.fromDay, range.previous?.toDay]).toEqual(["2025-12-19", "2025-12-26"]);
  });

  it("includes both ends of a custom range and has no previous period for all time", () => {
    const custom = resolveRange(
      parseAnalyticsFilters({ range: "custom", from: "2026-03-07", to: "2026-03-09" }),
      lateEvening,
      "UTC",
    );
    expect(custom.current?.toDay).toBe("2026-03-10");
    const all = resolveRange(parseAnalyticsFilters({ range: "all", compare: "1" }), lateEvening, "UTC");
    expect(all).toMatchObject({ current: null, previous: null, unit: "month" });
  });

  it("chooses days up to a month, weeks up to half a year, months beyond", () => {
    expect(bucketUnitFor(1)).toBe("day");
    expect(bucketUnitFor(31)).toBe("day");
    expect(bucketUnitFor(90)).toBe("week");
    expect(bucketUnitFor(366)).toBe("month");
    const year = resolveRange(parseAnalyticsFilters({ range: "12m" }), lateEvening, "UTC");
    expect([year.current?.fromDay, year.current?.toDay, year.unit]).toEqual([
      "2025-01-02",
      "2026-01-02",
      "month",
    ]);
  });
});
