import type { RequestHandler } from "express";

/**
 * Marks a route as a form post: when validation (or another expected domain error) fails, the
 * error handler re-renders `view` with the messages tied to their fields and everything the
 * person typed, instead of losing it. `locals` adds what the view needs (lists to choose from).
 */
export function form(view: string, locals?: (req: Parameters<RequestHandler>[0]) => Promise<Record<string, unknown>> | Record<string, unknown>): RequestHandler {
  return (req, res, next) => {
    res.locals.formView = view;
    // Express resets req.params once the route is left, before the error handler runs: keep them.
    const params = { ...req.params };
    res.locals.formLocals = locals ? () => locals(Object.assign(req, { params })) : undefined;
    next();
  };
}

/** Field names whose values are never sent back to the browser when a form is re-rendered. */
export const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "_csrf"]);
