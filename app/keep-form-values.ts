import { type FormEvent, startTransition } from "react";

/**
 * React resets a form after its action runs, which would empty what the user typed when the
 * action refuses it. Submitting through this handler keeps the fields; without JavaScript the
 * form's own `action` still works.
 */
export function submitKeepingValues(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
