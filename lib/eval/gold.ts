import { z } from "zod";
import { STANCE_TARGETS } from "../classifier/types.ts";

const stanceSide = z.enum(["favor", "against"]);

/** One hand-labelled comment: `{"id","text","insult","sentiment","stance":{target: side}}`. */
export const goldItemSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  insult: z.boolean(),
  sentiment: z.enum(["positive", "negative", "neutral"]),
  stance: z
    .object(
      Object.fromEntries(STANCE_TARGETS.map((t) => [t, stanceSide.optional()])) as Record<
        (typeof STANCE_TARGETS)[number],
        z.ZodOptional<typeof stanceSide>
      >,
    )
    .strict()
    .default({}),
});
export type GoldItem = z.infer<typeof goldItemSchema>;

/** Parses a gold JSONL file; throws naming the line and field of the first bad line. */
export function parseGoldJsonl(content: string, name = "gold"): GoldItem[] {
  const items: GoldItem[] = [];
  content.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(
        `${name}:${index + 1}: invalid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const parsed = goldItemSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${name}:${index + 1}: ${issue ? `${issue.path.join(".") || "line"}: ${issue.message}` : "invalid"}`,
      );
    }
    items.push(parsed.data);
  });
  return items;
}
