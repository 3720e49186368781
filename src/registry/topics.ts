/**
 * What a complaint is about, as set at verification; it decides routing (issue #5): a unit's
 * service goes to the Inspektorat, service standards and the compliance assessment to Organisasi.
 */
export const COMPLAINT_TOPICS = ["service", "service_standard", "assessment"] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];
