import { type DeadlinePolicy, type DeadlinePolicyInput, deadlinePolicySchema } from "./deadline-policy.js";

const ESCALATE_TO_SUPERIOR_AND_ASSISTANT: DeadlinePolicyInput["rules"][number]["escalation"] = {
  to: ["focal_point_superior", "ombudsman_assistant"],
  maxEscalations: 3,
  repeatEveryWorkingDays: 5,
};

/**
 * Version 1 of the deadline policy: the defaults of the domain brief §5 (SP4N-LAPOR! service
 * levels, focal-point agreements, UU 25/2009, UU 37/2008, Perpres 76/2013, Peraturan Ombudsman
 * 58/2023). The database seeds it as the first version; later versions are administrators' data.
 */
export const DEFAULT_DEADLINE_POLICY_INPUT = {
  version: 1,
  noticeTime: "08:00",
  note: "Bawaan dari ringkasan domain §5; setiap langkah dapat diubah administrator sebagai versi baru.",
  rules: [
    {
      kind: "verify_and_route",
      count: 3,
      unit: "working_days",
      // A reopened case goes back to verification and gets a fresh clock.
      startedBy: ["received", "reopened"],
      metBy: ["routed_to_focal_point", "rejected", "linked_as_duplicate"],
      pausedBy: ["returned_to_reporter"],
      resumedBy: ["completed_by_reporter"],
      cancelledBy: ["withdrawn", "incomplete_expired"],
      responsible: "intake_desk",
      remindWorkingDaysBefore: [1],
      escalation: { to: ["ombudsman_assistant"], maxEscalations: 3, repeatEveryWorkingDays: 5 },
      source: "Standar layanan SP4N-LAPOR!",
      sourceText: "Laporan baru diverifikasi dan diteruskan kepada pihak yang berwenang paling lambat 3 hari kerja.",
    },
    {
      kind: "forward_to_focal_point",
      count: 1,
      unit: "working_days",
      // From the verified file through the duplicate check to the focal point.
      startedBy: ["verified"],
      metBy: ["routed_to_focal_point"],
      cancelledBy: ["withdrawn", "rejected", "linked_as_duplicate"],
      responsible: "intake_desk",
      remindWorkingDaysBefore: [0],
      escalation: { to: ["ombudsman_assistant"], maxEscalations: 3, repeatEveryWorkingDays: 5 },
      source: "Kesepakatan pejabat penghubung (mis. Ombudsman Malut - Tidore 2022)",
      sourceText: "Laporan yang telah diverifikasi diteruskan kepada pejabat penghubung Pemda yang bertanggung jawab; dalam praktik 1x24 jam sejak keputusan.",
    },
    {
      kind: "focal_point_acknowledgement",
      count: 5,
      unit: "working_days",
      // A re-route gives the new focal point its own five days.
      startedBy: ["routed_to_focal_point", "rerouted"],
      metBy: ["acknowledged", "forwarded_to_unit", "clarification_answered", "decided"],
      cancelledBy: ["withdrawn"],
      responsible: "focal_point",
      remindWorkingDaysBefore: [1],
      escalation: ESCALATE_TO_SUPERIOR_AND_ASSISTANT,
      source: "SP4N-LAPOR!",
      sourceText: "Pejabat penghubung menerima laporan dan mengoordinasikan tindak lanjutnya di lingkungan Pemda.",
    },
    {
      kind: "written_answer",
      count: 14,
      unit: "calendar_days",
      startedBy: ["received"],
      // Telling the reporter the file is incomplete, where it was routed, or why it ends, is the answer the law asks for.
      metBy: ["answer_sent", "returned_to_reporter", "routed_to_focal_point", "rejected", "linked_as_duplicate"],
      cancelledBy: ["withdrawn"],
      responsible: "intake_desk",
      remindWorkingDaysBefore: [3, 1],
      escalation: { to: ["ombudsman_assistant"], maxEscalations: 3, repeatEveryWorkingDays: 5 },
      // The citizen is owed this answer by law, so they see its deadline.
      isShownToReporter: true,
      source: "UU 25/2009",
      sourceText: "Penyelenggara wajib menanggapi pengaduan tertulis paling lambat 14 hari sejak pengaduan diterima, sekurang-kurangnya berisi lengkap atau tidaknya materi aduan.",
    },
    {
      kind: "reporter_completion",
      count: 30,
      unit: "calendar_days",
      startedBy: ["returned_to_reporter"],
      metBy: ["completed_by_reporter"],
      // The expiry is this deadline's own consequence: it stays missed, and nothing is chased any more.
      cancelledBy: ["withdrawn", "incomplete_expired"],
      responsible: "reporter",
      remindWorkingDaysBefore: [3, 1],
      // Missed: the report counts as withdrawn (the workflow's expire_incomplete); the assistant is told once.
      escalation: { to: ["ombudsman_assistant"], maxEscalations: 1, repeatEveryWorkingDays: 5 },
      actionWhenMissed: "expire_incomplete",
      isShownToReporter: true,
      source: "UU 37/2008 / UU 25/2009",
      sourceText: "Pelapor melengkapi laporan paling lambat 30 hari sejak menerima pemberitahuan; bila tidak dilengkapi, laporan dianggap dicabut.",
    },
    {
      kind: "decision",
      count: 60,
      unit: "calendar_days",
      startedBy: ["verified"],
      metBy: ["decided"],
      pausedBy: ["returned_to_reporter"],
      resumedBy: ["completed_by_reporter"],
      cancelledBy: ["withdrawn", "rejected", "linked_as_duplicate", "incomplete_expired"],
      responsible: "focal_point",
      remindWorkingDaysBefore: [10, 3, 1],
      escalation: ESCALATE_TO_SUPERIOR_AND_ASSISTANT,
      isShownToReporter: true,
      source: "UU 25/2009 Ps. 50, Perpres 76/2013",
      sourceText: "Penyelenggara wajib memutuskan hasil pemeriksaan pengaduan paling lambat 60 hari sejak berkas pengaduan dinyatakan lengkap.",
    },
    {
      kind: "notify_reporter_of_decision",
      count: 14,
      unit: "calendar_days",
      startedBy: ["decided"],
      metBy: ["reporter_notified"],
      cancelledBy: ["withdrawn"],
      responsible: "focal_point",
      remindWorkingDaysBefore: [3, 1],
      escalation: ESCALATE_TO_SUPERIOR_AND_ASSISTANT,
      isShownToReporter: true,
      source: "UU 25/2009",
      sourceText: "Keputusan atas pengaduan wajib disampaikan kepada pengadu paling lambat 14 hari sejak diputuskan.",
    },
    {
      kind: "lhp_follow_up",
      count: 30,
      unit: "working_days",
      startedBy: ["lhp_received"],
      metBy: ["lhp_follow_up_reported"],
      responsible: "focal_point",
      remindWorkingDaysBefore: [5, 1],
      escalation: ESCALATE_TO_SUPERIOR_AND_ASSISTANT,
      source: "Peraturan Ombudsman 58/2023 Ps. 54",
      sourceText: "Terlapor dan atasan terlapor melaksanakan tindakan korektif dalam Laporan Hasil Pemeriksaan dan melaporkannya paling lambat 30 hari kerja.",
    },
    {
      kind: "recommendation_report",
      count: 60,
      unit: "calendar_days",
      startedBy: ["recommendation_received"],
      metBy: ["recommendation_report_submitted"],
      responsible: "focal_point",
      remindWorkingDaysBefore: [10, 3, 1],
      escalation: ESCALATE_TO_SUPERIOR_AND_ASSISTANT,
      source: "UU 37/2008 Ps. 38(2)",
      sourceText: "Terlapor dan atasan terlapor wajib melaporkan pelaksanaan Rekomendasi kepada Ombudsman paling lambat 60 hari sejak Rekomendasi diterima.",
    },
  ],
} satisfies DeadlinePolicyInput;

/** The default policy, validated once at load so that a bad edit to the defaults fails at start-up. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = deadlinePolicySchema.parse(DEFAULT_DEADLINE_POLICY_INPUT);
