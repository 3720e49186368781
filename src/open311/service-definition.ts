import { CONFIDENTIALITY, PRIOR_COMPLAINT_TARGETS } from "../complaints/vocabulary.js";
import type { Translate } from "../i18n/index.js";
import type { ServiceCode } from "./services.js";

/** Attribute keys meaning "not in the list" and "no earlier complaint". */
export const OTHER_UNIT = "other";
export const NO_PRIOR_COMPLAINT = "no";
export const YES_NO = ["yes", "no"] as const;

type Datatype = "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";

interface AttributeSpec {
  code: string;
  datatype: Datatype;
  required: boolean;
  values?: Array<{ key: string; name: string }>;
}

/**
 * GET services/{code}: the attributes a complaint needs beyond Open311's own fields, the same for
 * every service; only the unit list depends on the jurisdiction. `order` follows the web form.
 */
export function describeService(code: ServiceCode, units: ReadonlyArray<{ id: number; name: string }>, t: Translate) {
  const attributes: AttributeSpec[] = [
    {
      code: "unit",
      datatype: "singlevaluelist",
      required: true,
      values: [...units.map((u) => ({ key: String(u.id), name: u.name })), { key: OTHER_UNIT, name: t("open311.attributes.unit.other") }],
    },
    { code: "unit_name", datatype: "string", required: false },
    { code: "incident_date", datatype: "datetime", required: true },
    { code: "subject", datatype: "string", required: false },
    {
      code: "prior_complaint",
      datatype: "singlevaluelist",
      required: true,
      values: [
        { key: NO_PRIOR_COMPLAINT, name: t("open311.attributes.prior_complaint.no") },
        ...PRIOR_COMPLAINT_TARGETS.map((target) => ({ key: target, name: t(`prior_targets.${target}`) })),
      ],
    },
    { code: "prior_complaint_date", datatype: "datetime", required: false },
    { code: "prior_complaint_response", datatype: "text", required: false },
    {
      code: "confidentiality",
      datatype: "singlevaluelist",
      required: false,
      values: CONFIDENTIALITY.map((level) => ({ key: level, name: t(`confidentiality.${level}.label`) })),
    },
    { code: "nik", datatype: "string", required: false },
    {
      code: "before_court",
      datatype: "singlevaluelist",
      required: false,
      values: YES_NO.map((answer) => ({ key: answer, name: t(`open311.attributes.before_court.${answer}`) })),
    },
  ];
  return {
    service_code: code,
    attributes: attributes.map((attribute, index) => ({
      variable: true,
      code: attribute.code,
      datatype: attribute.datatype,
      required: attribute.required,
      datatype_description: t(`open311.attributes.${attribute.code}.datatype_description`),
      order: index + 1,
      description: t(`open311.attributes.${attribute.code}.description`),
      ...(attribute.values ? { values: attribute.values } : {}),
    })),
  };
}
