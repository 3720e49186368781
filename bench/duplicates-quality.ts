/**
 * Quality and speed of the duplicate check engine (src/duplicates) on the hand-written evaluation
 * set of tests/fixtures/duplicates. Prints markdown: precision, recall and F1 per verdict for the
 * tuning split, the held-out split and both; then profile size and timings.
 *
 *   npx tsx bench/duplicates-quality.ts
 */
import os from "node:os";
import { buildMatchingProfile } from "../src/duplicates/build-matching-profile.js";
import { classifyCandidates } from "../src/duplicates/classify-candidates.js";
import type { MatchingProfile } from "../src/duplicates/matching-profile.js";
import { scoreCandidate, type Verdict } from "../src/duplicates/score-candidate.js";
import { EVALUATION_SECRET, evaluate, loadEvaluationSet, profileOf, wrongPositivesAmongAllPairs } from "../tests/duplicates/evaluation-set.js";

const set = loadEvaluationSet();
const profiles = new Map(set.complaints.map((complaint) => [complaint.id, profileOf(complaint, set.units)]));
const format = (value: number) => value.toFixed(2);
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const lines: string[] = [];
const print = (line = "") => lines.push(line);

const personMatters = new Set(set.complaints.map((complaint) => `${complaint.person}/${complaint.matter}`)).size;
print("## Duplicate check: quality on the evaluation set");
print();
print(
  `${set.complaints.length} complaints (${personMatters} distinct reporter–matter pairs, ${new Set(set.complaints.map((c) => c.matter)).size} matters), ` +
    `${set.pairs.length} labelled pairs (${set.pairs.filter((p) => p.split === "holdout").length} held out).`,
);
print();
print("| Split | Verdict | True pairs | Predicted | Precision | Recall | F1 |");
print("|---|---|---:|---:|---:|---:|---:|");
for (const split of ["tune", "holdout", undefined] as const) {
  const { metrics } = evaluate(set, profiles, split);
  for (const verdict of ["duplicate", "related", "none"] as Verdict[]) {
    const m = metrics[verdict];
    print(
      `| ${split ?? "all"} | ${verdict} | ${m.truePositives + m.falseNegatives} | ${m.truePositives + m.falsePositives} | ${format(m.precision)} | ${format(m.recall)} | ${format(m.f1)} |`,
    );
  }
}
const allPairs = wrongPositivesAmongAllPairs(set, profiles);
print();
print(
  `Across all ${allPairs.pairs} pairs of the ${set.complaints.length} complaints (not only the labelled ones): ` +
    `${allPairs.wrong.filter(([, , v]) => v === "duplicate").length} wrongly called duplicate, ${allPairs.wrong.filter(([, , v]) => v === "related").length} wrongly called related.`,
);

// Speed. Profiles are built once per complaint (at intake); the check parses stored profiles and scores them.
const list = [...profiles.values()];
const sizes = list.map((p) => Buffer.byteLength(JSON.stringify(p))).sort((a, b) => a - b);
const buildTimes: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const complaint of set.complaints) {
    const start = performance.now();
    buildMatchingProfile(complaint, EVALUATION_SECRET);
    buildTimes.push(performance.now() - start);
  }
}
buildTimes.sort((a, b) => a - b);

const pairTimes: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const a of list) {
    for (const b of list) {
      const start = performance.now();
      scoreCandidate(a, b);
      pairTimes.push(performance.now() - start);
    }
  }
}
pairTimes.sort((a, b) => a - b);

const stored = list.map((p) => JSON.stringify(p));
const checkTimes: number[] = [];
const CANDIDATES = 300;
for (let round = 0; round < 200; round++) {
  const start = performance.now();
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => ({ id: i, profile: JSON.parse(stored[(round * 7 + i) % stored.length]!) as MatchingProfile }));
  classifyCandidates(list[round % list.length]!, candidates);
  checkTimes.push(performance.now() - start);
}
checkTimes.sort((a, b) => a - b);

print();
print("## Duplicate check: speed (this machine)");
print();
print("| Measure | p50 | p95 | max |");
print("|---|---:|---:|---:|");
print(`| Profile size, JSON bytes | ${percentile(sizes, 0.5)} | ${percentile(sizes, 0.95)} | ${sizes[sizes.length - 1]} |`);
print(`| buildMatchingProfile, µs per complaint | ${(percentile(buildTimes, 0.5) * 1000).toFixed(0)} | ${(percentile(buildTimes, 0.95) * 1000).toFixed(0)} | ${(buildTimes[buildTimes.length - 1]! * 1000).toFixed(0)} |`);
print(`| scoreCandidate, µs per pair (${pairTimes.length} pairs) | ${(percentile(pairTimes, 0.5) * 1000).toFixed(1)} | ${(percentile(pairTimes, 0.95) * 1000).toFixed(1)} | ${(pairTimes[pairTimes.length - 1]! * 1000).toFixed(0)} |`);
print(`| Parse ${CANDIDATES} stored profiles + classifyCandidates, ms | ${percentile(checkTimes, 0.5).toFixed(2)} | ${percentile(checkTimes, 0.95).toFixed(2)} | ${checkTimes[checkTimes.length - 1]!.toFixed(2)} |`);
print();
print(`Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} while measuring (other work on the machine inflates p95 and max).`);
print("Retrieval of the candidates (index queries) is not included: it belongs to the check built on this engine.");

console.log(lines.join("\n"));
