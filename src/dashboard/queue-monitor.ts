import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Router } from "express";
import { bullQueues } from "../../jobs/queue.js";
import { requireRole } from "../http/authenticate.js";

/**
 * The BullMQ monitor (bull-board) at /admin/queues, for administrators only. Without Redis the
 * jobs run in-process and the page explains that instead.
 */
export function queueMonitorRoutes() {
  const router = Router();
  router.use("/admin/queues", requireRole("admin"));
  const queues = bullQueues();
  if (queues.length === 0) {
    router.get("/admin/queues", (req, res) => res.render("admin/queues-in-process", { title: req.t("queues.title") }));
    return router;
  }
  const adapter = new ExpressAdapter();
  adapter.setBasePath("/admin/queues");
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: adapter });
  router.use("/admin/queues", adapter.getRouter());
  return router;
}
