import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords.js";
import { OFFICES, ROLES } from "./roles.js";

const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "errors.email_format" }));
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: "errors.password_too_short" })
  .max(PASSWORD_MAX_LENGTH, { message: "errors.too_long" });

export const loginSchema = z.object({
  email,
  password: z.string().min(1, { message: "errors.required" }).max(PASSWORD_MAX_LENGTH),
});

export const tokenRequestSchema = loginSchema.extend({
  name: z.string().trim().max(100).optional(),
});

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, { message: "errors.required" }).max(100),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "errors.required" }).max(PASSWORD_MAX_LENGTH),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "errors.password_mismatch" });

export const passwordResetRequestSchema = z.object({ email });

export const passwordSetSchema = z
  .object({ newPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "errors.password_mismatch" });

export const firstAdminSchema = z
  .object({
    name: z.string().trim().min(1, { message: "errors.required" }).max(120),
    email,
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "errors.password_mismatch" });

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A staff account as an administrator creates it (web form or CLI). */
export const newUserSchema = z
  .object({
    email,
    name: z.string().trim().min(1, { message: "errors.required" }).max(120),
    role: z.enum(ROLES, { message: "errors.invalid_choice" }),
    regionCode: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\d{2}(\.\d{2})?$/, { message: "errors.region_code_format" }).optional()),
    office: z.preprocess(emptyToUndefined, z.enum(OFFICES, { message: "errors.invalid_choice" }).optional()),
    password: z.preprocess(emptyToUndefined, newPassword.optional()),
    locale: z.preprocess(emptyToUndefined, z.enum(["id", "en"]).default("id")),
  })
  .superRefine((v, ctx) => {
    if (v.role === "focal_point") {
      if (!v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "errors.focal_point_needs_region" });
      if (!v.office) ctx.addIssue({ code: "custom", path: ["office"], message: "errors.focal_point_needs_office" });
    } else if (v.office) {
      ctx.addIssue({ code: "custom", path: ["office"], message: "errors.office_only_for_focal_point" });
    }
  });
export type NewUserInput = z.input<typeof newUserSchema>;

export const userUpdateSchema = z.object({
  isActive: z.preprocess((v) => v === "true" || v === true, z.boolean()),
});
