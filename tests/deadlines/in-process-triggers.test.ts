import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMode, startQueue, stopQueue } from "../../jobs/queue.js";
import { jobs } from "../../jobs/registry.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { missedAtFor } from "../../src/deadlines/compute-deadline.js";
import { recomputeOpenDeadlines } from "../../src/deadlines/recompute-open-deadlines.js";
import { scheduleDeadlineTriggers } from "../../src/deadlines/schedule-deadline-triggers.js";
import { dueInMs, noticesOf, routedCaseNow, until } from "./queue-support.js";
import { staffActor } from "./support.js";

let assistant: CaseActor;

beforeAll(async () => {
  assistant = await staffActor("assistant");
  await staffActor("focal_point", { regionCode: "53.01", office: "inspektorat" });
  await recomputeOpenDeadlines();
  await startQueue({ jobs, runWorkers: true });
});
afterAll(stopQueue);

describe("deadline triggers without Redis", () => {
  it("run in-process with the same job definitions: the reminder, then the miss and its escalation", async () => {
    expect(queueMode()).toBe("in-process");
    const { acknowledgement } = await routedCaseNow(assistant);
    const row = await dueInMs(acknowledgement.id, 500, 1200);
    await scheduleDeadlineTriggers([row]);
    const notices = await until(async () => {
      const found = await noticesOf(row.id);
      return found.some((n) => n.kind === "deadline.escalated") && found;
    }, 10_000, "escalation in-process");
    expect(notices.map((n) => n.kind)).toEqual(["deadline.reminder", "deadline.missed", "deadline.escalated"]);
    expect(notices[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(row.remindAt!.getTime());
    expect(notices[1]!.createdAt.getTime()).toBeGreaterThanOrEqual(missedAtFor(row.dueAt).getTime());
  });
});
