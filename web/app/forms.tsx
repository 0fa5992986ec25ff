/**
 * What every form on the page is made of, after the GOV.UK Design System: an error summary at the
 * top linking to each field, the error repeated beside its field, success confirmed in words, and a
 * submit that runs once at a time with one Idempotency-Key per submission.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { problemToMessages, type FieldMessage } from '../model/form-fields.ts';
import { afterAnswer, keyFor, type PendingSubmission } from '../model/submission.ts';
import { ApiError } from './api.ts';
import { useMessages } from './i18n.tsx';

export interface Submit<T> {
  /** Errors the page found before sending; when there are any, nothing is sent. */
  errors?: FieldMessage[];
  /** What is sent, to tell a retry of this submission from a new one. */
  body?: unknown;
  send: (idempotencyKey: string) => Promise<T>;
  /** Which field an API error pointer names. */
  fieldFor?: (pointer: string) => string | null;
  success: (result: T) => string;
  after?: (result: T) => void;
}

export interface FormState {
  busy: boolean;
  errors: FieldMessage[];
  success: string | null;
  submit<T>(attempt: Submit<T>): Promise<void>;
  /** Shows errors or a success found without sending anything (a CSV file read into the form). */
  report(errors: FieldMessage[], success: string | null): void;
}

export function useForm(): FormState {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [success, setSuccess] = useState<string | null>(null);
  // A ref, not state: a second click in the same frame must see the first one in flight.
  const inFlight = useRef(false);
  const pending = useRef<PendingSubmission | null>(null);

  async function submit<T>(attempt: Submit<T>) {
    if (inFlight.current) return;
    setSuccess(null);
    if (attempt.errors && attempt.errors.length > 0) {
      setErrors(attempt.errors);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const submission = keyFor(pending.current, JSON.stringify(attempt.body ?? null), () => crypto.randomUUID());
    pending.current = submission;
    try {
      const result = await attempt.send(submission.key);
      pending.current = afterAnswer(submission, 200);
      setErrors([]);
      setSuccess(attempt.success(result));
      attempt.after?.(result);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      pending.current = afterAnswer(submission, status);
      setErrors(
        error instanceof ApiError
          ? problemToMessages(error.problem, attempt.fieldFor ?? (() => null), m)
          : [{ fieldId: null, message: (error as Error).message }],
      );
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }
  const report = (next: FieldMessage[], message: string | null) => {
    setErrors(next);
    setSuccess(message);
  };
  return { busy, errors, success, submit, report };
}

/** "There is a problem", each message a link to its field; focused when it appears, so it is read out. */
export function ErrorSummary({ errors }: { errors: FieldMessage[] }) {
  const m = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${errors[0]!.fieldId ?? 'form'}-summary-title`}>
      <h3 id={`${errors[0]!.fieldId ?? 'form'}-summary-title`}>{m.t('form.problem')}</h3>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(e.fieldId!)?.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: readonly FieldMessage[], fieldId: string): string | null {
  return errors.find((e) => e.fieldId === fieldId)?.message ?? null;
}

/** A field's error, beside it; the field names it in aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  const m = useMessages();
  return message ? (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">{m.t('form.errorPrefix')} </span>
      {message}
    </p>
  ) : null;
}

/** aria-describedby for a field: its hint and its error, whichever it has. */
export function describedBy(id: string, hint: boolean, error: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Success({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p class={message ? 'success' : 'success empty'} role="status" data-testid={testId}>
      {message}
    </p>
  );
}

/** A whole-number field as the GOV.UK pattern has it: text with a numeric keyboard, not type=number (which accepts 1e3 and scrolls). */
export function NumberInput(props: { id: string; value: string; onInput: (value: string) => void; error: string | null; hint?: boolean; label?: string }) {
  return (
    <input
      id={props.id}
      name={props.id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellcheck={false}
      class={props.error ? 'number input-error' : 'number'}
      value={props.value}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.id, props.hint ?? false, props.error)}
      aria-label={props.label}
      onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

export function SubmitButton({ busy, children, disabled }: { busy: boolean; children: ComponentChildren; disabled?: boolean }) {
  const m = useMessages();
  return (
    <button type="submit" disabled={busy || disabled} aria-disabled={busy || disabled ? 'true' : undefined}>
      {busy ? m.t('form.sending') : children}
    </button>
  );
}
