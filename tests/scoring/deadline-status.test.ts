import { describe, expect, it } from "vitest";
import { deadlineStatusAt } from "../../src/scoring/deadline-status.js";
import { wita } from "./fixtures.js";

const dueAt = wita("2023-03-15", "23:59");
const asOf = wita("2023-04-01");

describe("whether a deadline was met, missed or is still running", () => {
  it("counts a step done exactly at the deadline as on time", () => {
    expect(deadlineStatusAt({ dueAt, metAt: dueAt, missedAt: null }, asOf)).toBe("met");
  });

  it("counts a step done one millisecond late as missed, marked or not", () => {
    expect(deadlineStatusAt({ dueAt, metAt: new Date(dueAt.getTime() + 1), missedAt: null }, asOf)).toBe("missed");
    expect(deadlineStatusAt({ dueAt, metAt: new Date(dueAt.getTime() + 1), missedAt: dueAt }, asOf)).toBe("missed");
  });

  it("counts an open step past its deadline as missed even before the sweep marks it", () => {
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null }, asOf)).toBe("missed");
  });

  it("leaves an open step whose deadline has not passed as pending, also at the very instant it falls due", () => {
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null }, wita("2023-03-10"))).toBe("pending");
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null }, dueAt)).toBe("pending");
  });

  it("ignores what happened after the moment the figure stands at", () => {
    const doneLater = { dueAt, metAt: wita("2023-03-14"), missedAt: null };
    expect(deadlineStatusAt(doneLater, wita("2023-03-13"))).toBe("pending");
    expect(deadlineStatusAt(doneLater, wita("2023-03-14", "09:00"))).toBe("met");
    const markedLater = { dueAt, metAt: null, missedAt: wita("2023-03-16") };
    expect(deadlineStatusAt(markedLater, wita("2023-03-15", "12:00"))).toBe("pending");
  });

  it("trusts an on-time completion over a missed mark set by mistake", () => {
    expect(deadlineStatusAt({ dueAt, metAt: wita("2023-03-10"), missedAt: wita("2023-03-16") }, asOf)).toBe("met");
  });

  it("keeps a deadline paused before it fell due pending, but not one paused after it was already missed", () => {
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null, pausedAt: wita("2023-03-10") }, asOf)).toBe("pending");
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null, pausedAt: dueAt }, asOf)).toBe("pending");
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null, pausedAt: wita("2023-03-20") }, asOf)).toBe("missed");
    expect(deadlineStatusAt({ dueAt, metAt: null, missedAt: null, pausedAt: wita("2023-04-02") }, asOf)).toBe("missed");
  });
});
