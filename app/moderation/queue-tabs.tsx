import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format.ts";
import { type Locale, type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { countQueues } from "@/lib/moderation/count-queues.ts";
import { queueHref } from "@/lib/moderation/queue-href.ts";
import { QUEUES, type Queue, type QueueParams } from "@/lib/moderation/queue-params.ts";

const QUEUE_KEY: Record<Queue, MessageKey> = {
  flagged: "queueFlagged",
  pending: "queuePending",
  escalated: "queueEscalated",
  approved: "queueApproved",
  rejected: "queueRejected",
  all: "queueAll",
};

type Counts = Awaited<ReturnType<typeof countQueues>>;

function Tabs({ params, locale, counts }: { params: QueueParams; locale: Locale; counts: Counts | null }) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  return (
    <nav className="queues" aria-label={t("queuesLabel")} data-testid="queues" aria-busy={counts === null}>
      {QUEUES.map((queue) => {
        const count = counts?.[queue];
        const number = count ? formatNumber(locale, count.count) : "";
        return (
          <Link
            key={queue}
            href={queueHref(params, { queue, c: null })}
            className="queue-tab"
            aria-current={params.queue === queue ? "page" : undefined}
            data-testid={`queue-${queue}`}
          >
            {t(QUEUE_KEY[queue])}{" "}
            {count ? (
              <span className="count" data-testid={`count-${queue}`}>
                {count.capped ? t("countCapped", { count: number }) : number}
              </span>
            ) : (
              <span className="count" aria-hidden="true">
                …
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The queue tabs with their counts. The counts stream in after the table (the page wraps this in
 * Suspense): counting a rare filter's matches can take longer than finding one page of them.
 */
export async function QueueTabs({
  params,
  locale,
  userId,
}: {
  params: QueueParams;
  locale: Locale;
  userId: string;
}) {
  return <Tabs params={params} locale={locale} counts={await countQueues(params, userId)} />;
}

/** The tabs while their counts are on the way: the same links, a placeholder for each number. */
export function QueueTabsPending({ params, locale }: { params: QueueParams; locale: Locale }) {
  return <Tabs params={params} locale={locale} counts={null} />;
}
