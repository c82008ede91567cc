"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import { type ActionState, IDLE } from "@/lib/auth/action-state.ts";

export interface EntryFormValues {
  term: string;
  category: string;
  weight: string;
  language: string;
  target: string;
  side: string;
  flags: string[];
  note: string;
}

export interface EntryFormLabels {
  title: string;
  term: string;
  category: string;
  weight: string;
  language: string;
  target: string;
  side: string;
  none: string;
  flags: string;
  note: string;
  reason?: string;
  submit: string;
  cancel?: string;
}

type Option = { value: string; label: string };

/** Add or change an entry in the draft (admins), or propose one (moderators: with a reason). */
export function EntryForm({
  action,
  initial,
  labels,
  categories,
  languages,
  targets,
  sides,
  flagOptions,
  lockIdentity,
  cancelHref,
  testId,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  initial?: EntryFormValues;
  labels: EntryFormLabels;
  categories: Option[];
  languages: Option[];
  targets: Option[];
  sides: Option[];
  flagOptions: Option[];
  /** Editing an existing entry: term, category and target name it and cannot change here. */
  lockIdentity?: boolean;
  cancelHref?: string;
  testId: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const value = (name: keyof EntryFormValues) =>
    state.fields?.[name] ?? (initial?.[name] as string | undefined) ?? "";
  return (
    <form action={formAction} className="stack entry-form" data-testid={testId}>
      <h3>{labels.title}</h3>
      <div className="entry-fields">
        <label>
          {labels.term}
          <input
            name="term"
            required
            dir="auto"
            maxLength={200}
            readOnly={lockIdentity}
            defaultValue={value("term")}
            data-testid="entry-term"
          />
        </label>
        <label htmlFor={`${id}-category`}>
          {labels.category}
          {lockIdentity ? (
            <input id={`${id}-category`} name="category" readOnly value={value("category")} />
          ) : (
            <select
              id={`${id}-category`}
              name="category"
              defaultValue={value("category") || "insult"}
              data-testid="entry-category"
            >
              {categories.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          {labels.weight}
          <input
            name="weight"
            type="number"
            step="0.05"
            min="0.05"
            max="3"
            required
            defaultValue={value("weight") || "0.6"}
            data-testid="entry-weight"
          />
        </label>
        <label>
          {labels.language}
          <select name="language" defaultValue={value("language") || "ar"}>
            {languages.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-target`}>
          {labels.target}
          {lockIdentity ? (
            <input id={`${id}-target`} name="target" readOnly value={value("target")} />
          ) : (
            <select
              id={`${id}-target`}
              name="target"
              defaultValue={value("target")}
              data-testid="entry-target"
            >
              <option value="">{labels.none}</option>
              {targets.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          {labels.side}
          <select name="side" defaultValue={value("side")} data-testid="entry-side">
            <option value="">{labels.none}</option>
            {sides.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="inline">
        <legend>{labels.flags}</legend>
        {flagOptions.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name="flags"
              value={o.value}
              defaultChecked={initial?.flags.includes(o.value)}
            />{" "}
            {o.label}
          </label>
        ))}
      </fieldset>
      <label>
        {labels.note}
        <input name="note" dir="auto" maxLength={500} defaultValue={value("note")} />
      </label>
      {labels.reason && (
        <label>
          {labels.reason}
          <textarea
            name="reason"
            dir="auto"
            maxLength={2000}
            rows={2}
            defaultValue={value("reason" as never)}
          />
        </label>
      )}
      {state.status !== "idle" && state.message && (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={state.status}
          data-testid={`${testId}-message`}
        >
          {state.message}
        </p>
      )}
      <div className="inline">
        <button type="submit" disabled={pending}>
          {labels.submit}
        </button>
        {cancelHref && labels.cancel && <Link href={cancelHref}>{labels.cancel}</Link>}
      </div>
    </form>
  );
}
