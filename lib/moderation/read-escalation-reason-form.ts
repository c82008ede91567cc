/**
 * The escalation reason fields of a submitted form, typed for the zod schemas: text as given,
 * numbers as numbers (NaN when they are not whole numbers, so the schema names the field),
 * an empty number as absent, the checkbox as a boolean.
 */
export function readEscalationReasonForm(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const integer = (name: string) => {
    const value = text(name)?.trim();
    if (!value) return undefined;
    return /^[-+]?\d+$/.test(value) ? Number(value) : Number.NaN;
  };
  return {
    id: integer("id"),
    code: text("code"),
    labelAr: text("labelAr"),
    labelEn: text("labelEn"),
    position: integer("position"),
    active: formData.has("active"),
  };
}
