import { classify } from "./lib/classifier/index.ts";

const t0 = performance.now();
for (const s of process.argv.slice(2)) {
  const r = classify(s);
  console.log(
    s,
    "=>",
    r.insult,
    r.insultScore,
    r.sentiment,
    r.sentimentScore,
    JSON.stringify(r.stance),
    r.language,
    r.matches
      .map((m) => `${m.term}/${m.category}${m.rule ? "/" + m.rule : ""}[${s.slice(m.start, m.end)}]`)
      .join(" "),
  );
}
console.log(performance.now() - t0);
