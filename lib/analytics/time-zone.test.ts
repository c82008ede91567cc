import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayInZone,
  daysBetween,
  isCalendarDay,
  isTimeZone,
  startOfDayInZone,
} from "./time-zone.ts";

describe("time zones", () => {
  it("knows real zones and rejects others", () => {
    expect(isTimeZone("Asia/Riyadh")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("finds the local day of an instant", () => {
    expect(dayInZone(new Date("2026-01-01T22:30:00Z"), "Asia/Riyadh")).toBe("2026-01-02");
    expect(dayInZone(new Date("2026-01-01T22:30:00Z"), "UTC")).toBe("2026-01-01");
    expect(dayInZone(new Date("2026-03-08T04:30:00Z"), "America/New_York")).toBe("2026-03-07");
  });

  it("finds local midnight on both sides of a DST switch", () => {
    expect(startOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayInZone("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayInZone("2026-01-02", "Asia/Riyadh").toISOString()).toBe("2026-01-01T21:00:00.000Z");
  });

  it("starts a day whose midnight DST skips at the first instant that exists", () => {
    // Beirut moves clocks from 00:00 to 01:00 on the last Sunday of March.
    const start = startOfDayInZone("2026-03-29", "Asia/Beirut");
    expect(dayInZone(start, "Asia/Beirut")).toBe("2026-03-29");
    expect(dayInZone(new Date(start.getTime() - 1), "Asia/Beirut")).toBe("2026-03-28");
  });

  it("does calendar arithmetic", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-02-28")).toBe(true);
  });
});
