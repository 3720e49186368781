import express from "express";

/**
 * The baseline every benchmark compares against: Express with nothing but the route, in its own
 * process (as the application is), started the same way (node --import tsx). Prints its port as
 * JSON on the first line of stdout.
 */
const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Penghubung</title></head><body><main><h1>Penghubung</h1><p>Pengaduan pelayanan publik.</p></main></body></html>`;

const app = express();
app.disable("x-powered-by");
app.get("/", (_req, res) => {
  res.type("html").send(PAGE);
});
// For benchmarks of JSON endpoints: parses the body as the application does, answers 201.
app.post("/json", express.json({ limit: "200kb" }), (req, res) => {
  res.status(201).json({ received: Object.keys(req.body ?? {}).length });
});

const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
