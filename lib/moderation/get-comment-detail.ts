import "server-only";
import type { ClassifierMatch } from "../classifier/types.ts";
import { readStoredMatches } from "../comments/read-stored-matches.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type Consensus, computeConsensus } from "./compute-consensus.ts";
import type { StoredLabel } from "./label-comment.ts";
import type { CommentStatus } from "./queue-params.ts";

const contextSelect = {
  id: true,
  position: true,
  author: true,
  title: true,
  body: true,
  status: true,
  insult: true,
  postedAt: true,
} satisfies Prisma.CommentSelect;

export type ContextComment = Prisma.CommentGetPayload<{ select: typeof contextSelect }>;

export interface CommentDetail {
  id: number;
  status: CommentStatus;
  version: number;
  title: string | null;
  body: string;
  author: string | null;
  postedAt: Date | null;
  language: string | null;
  position: number;
  insult: boolean | null;
  insultScore: number | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: unknown;
  matches: ClassifierMatch[];
  lexiconVersion: string | null;
  article: { id: number; title: string; sourceName: string | null };
  /** Up to two comments before and after this one in its article. */
  neighbours: ContextComment[];
  /** The author's latest other comments (by the same name), up to 10. */
  authorComments: ContextComment[];
  decisions: {
    id: number;
    userName: string;
    fromStatus: CommentStatus;
    toStatus: CommentStatus;
    undo: boolean;
    reason: { labelAr: string; labelEn: string } | null;
    createdAt: Date;
  }[];
  labels: (StoredLabel & {
    userId: string;
    userName: string;
    updatedAt: Date;
    classifierInsult: boolean | null;
  })[];
  /** The viewer's own labels, if any. */
  myLabel: StoredLabel | null;
  consensus: Consensus;
}

/** Everything the detail panel shows about one comment; null when there is no such comment. */
export async function getCommentDetail(id: number, viewerId: string): Promise<CommentDetail | null> {
  const db = getDb();
  const comment = await db.comment.findUnique({
    where: { id },
    include: {
      article: { select: { id: true, title: true, source: { select: { name: true } } } },
      classification: { select: { lexiconVersion: true } },
      decisions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        include: {
          user: { select: { name: true } },
          escalationReason: { select: { labelAr: true, labelEn: true } },
        },
      },
      labels: { orderBy: { updatedAt: "desc" }, include: { user: { select: { name: true } } } },
    },
  });
  if (!comment) return null;
  const [neighbours, authorComments] = await Promise.all([
    db.comment.findMany({
      where: {
        articleId: comment.articleId,
        position: { gte: comment.position - 2, lte: comment.position + 2 },
        NOT: { id },
      },
      select: contextSelect,
      orderBy: { position: "asc" },
    }),
    comment.author
      ? db.comment.findMany({
          where: { author: comment.author, NOT: { id } },
          select: contextSelect,
          orderBy: { id: "desc" },
          take: 10,
        })
      : Promise.resolve([]),
  ]);
  const labels = comment.labels.map((l) => ({
    userId: l.userId,
    userName: l.user.name,
    updatedAt: l.updatedAt,
    insult: l.insult,
    sentiment: l.sentiment,
    stance: (l.stance ?? {}) as StoredLabel["stance"],
    classifierInsult: l.classifierInsult,
  }));
  const mine = labels.find((l) => l.userId === viewerId);
  return {
    id: comment.id,
    status: comment.status,
    version: comment.version,
    title: comment.title,
    body: comment.body,
    author: comment.author,
    postedAt: comment.postedAt,
    language: comment.language,
    position: comment.position,
    insult: comment.insult,
    insultScore: comment.insultScore,
    sentiment: comment.sentiment,
    stance: comment.stance,
    matches: readStoredMatches(comment.matches),
    lexiconVersion: comment.classification?.lexiconVersion ?? null,
    article: {
      id: comment.article.id,
      title: comment.article.title,
      sourceName: comment.article.source?.name ?? null,
    },
    neighbours,
    authorComments,
    decisions: comment.decisions.map((d) => ({
      id: d.id,
      userName: d.user.name,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      undo: d.undo,
      reason: d.escalationReason,
      createdAt: d.createdAt,
    })),
    labels,
    myLabel: mine ? { insult: mine.insult, sentiment: mine.sentiment, stance: mine.stance } : null,
    consensus: computeConsensus(labels),
  };
}
