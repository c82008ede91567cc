import type { AnalyticsText } from "../i18n/analytics-messages.ts";
import type { QueueSelection } from "./queue-href.ts";
import type { BucketUnit } from "./resolve-range.ts";

/** What every shaping function needs besides its rows: language, zone, and the filter bar's selection. */
export interface ShapeContext {
  intlLocale: string;
  timeZone: string;
  unit: BucketUnit;
  t: AnalyticsText;
  /** The filter bar's selection (without dates): every drill-down link starts from it. */
  base: QueueSelection;
}

/** One time bucket, its bounds as instants (computed in PostgreSQL, DST-aware). */
export interface Bucket {
  startsAt: Date;
  endsAt: Date;
}
