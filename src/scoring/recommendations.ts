/**
 * The Ombudsman RI Perwakilan NTT's standing recommendations to governors, regents and mayors
 * after the 2023 assessment (seed 004, Liputan6, 21 January 2024), in their published order. Each
 * Pemda keeps a checklist of them per year with its evidence; the texts are in the locale files
 * under scoring.recommendations.items.<key>.
 */
export const RECOMMENDATION_KEYS = [
  /** 1. an electronic public-service information system */
  "electronic_information_system",
  /** 2. service standards drawn up and adopted (UU 25/2009) */
  "service_standards",
  /** 3. facilities and services for people with special needs */
  "disability_services",
  /** 4. a complaint system: channels, procedure and an appointed complaint officer */
  "complaint_system",
  /** 5. satisfaction measurement and regular surveys */
  "satisfaction_surveys",
  /** 6. staff understanding of the basic concepts of public service */
  "staff_capacity",
  /** 7. enough staff and facilities to support the service */
  "staff_and_facilities",
] as const;
export type RecommendationKey = (typeof RECOMMENDATION_KEYS)[number];

/** The indicators of the complaint dimension that give evidence for a recommendation, if any. */
export const RECOMMENDATION_INDICATORS: Readonly<Record<RecommendationKey, readonly string[]>> = {
  electronic_information_system: ["channel_published"],
  service_standards: ["procedure_published"],
  disability_services: [],
  complaint_system: ["channel_published", "procedure_published", "officer_appointed"],
  satisfaction_surveys: ["complainant_satisfaction"],
  staff_capacity: ["officers_trained"],
  staff_and_facilities: [],
};

export function isRecommendationKey(value: string): value is RecommendationKey {
  return (RECOMMENDATION_KEYS as readonly string[]).includes(value);
}
