import { useState } from 'preact/hooks';
import type { Outbreak } from '../../model/api-types.ts';
import { describeOutbreak, outbreakFieldFor, OUTBREAK_FIELD_IDS as IDS, readOutbreakForm, type OutbreakFields } from '../../model/outbreak.ts';
import type { Api } from '../api.ts';
import { describedBy, ErrorSummary, errorFor, FieldError, NumberInput, SubmitButton, Success, useForm } from '../forms.tsx';
import { useMessages } from '../i18n.tsx';

/**
 * A home's outbreak: what is declared, a form to declare it (or change the figures), and ending it
 * after a confirmation. While it is open, the stock above is forecast with the surge.
 */
export function OutbreakPanel(props: { api: Api; homeId: string; open: Outbreak | null; today: string; canChange: boolean; onChanged: () => void }) {
  const { api, homeId, open, today } = props;
  const m = useMessages();
  const form = useForm();
  const ending = useForm();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [fields, setFields] = useState<OutbreakFields>({
    residents: open ? String(open.isolatingResidents) : '',
    startedOn: open?.startedOn ?? today,
    expectedEndOn: open?.expectedEndOn ?? '',
    note: open?.note ?? '',
  });
  const set = (key: keyof OutbreakFields) => (value: string) => setFields({ ...fields, [key]: value });
  const path = `/v1/homes/${encodeURIComponent(homeId)}/outbreak`;

  const declare = (event: Event) => {
    event.preventDefault();
    const read = readOutbreakForm(fields, m);
    void form.submit({
      errors: read.errors,
      body: read.body,
      send: () => api.write<Outbreak>('PUT', path, { body: read.body }),
      fieldFor: outbreakFieldFor,
      success: (o) => m.t('outbreak.declared', { outbreak: describeOutbreak(o, today, m) ?? '' }),
      after: props.onChanged,
    });
  };
  const end = (event: Event) => {
    event.preventDefault();
    if (!confirmEnd) {
      setConfirmEnd(true);
      return;
    }
    void ending.submit({
      send: () => api.write<Outbreak>('DELETE', path),
      success: () => m.t('outbreak.ended'),
      after: () => {
        setConfirmEnd(false);
        props.onChanged();
      },
    });
  };

  const error = (id: string) => errorFor(form.errors, id);
  return (
    <section class="panel" aria-labelledby="outbreak-heading" data-testid="outbreak-panel">
      <h2 id="outbreak-heading">{m.t('outbreak.heading')}</h2>
      {open ? (
        <p>
          <strong class="tag tag-outbreak" data-testid="outbreak-open">
            {describeOutbreak(open, today, m)}
          </strong>
          {open.note ? <span class="muted"> ({open.note})</span> : null}
        </p>
      ) : (
        <p>{m.t('outbreak.none')}</p>
      )}
      {props.canChange ? (
        <>
          <form onSubmit={declare} noValidate>
            <ErrorSummary errors={form.errors} />
            <div class="field">
              <label for={IDS.residents}>{m.t('outbreak.residents')}</label>
              <FieldError id={IDS.residents} message={error(IDS.residents)} />
              <NumberInput id={IDS.residents} value={fields.residents} onInput={set('residents')} error={error(IDS.residents)} />
            </div>
            <div class="field">
              <label for={IDS.startedOn}>{m.t('outbreak.startedOn')}</label>
              <FieldError id={IDS.startedOn} message={error(IDS.startedOn)} />
              <input id={IDS.startedOn} type="date" value={fields.startedOn} aria-describedby={describedBy(IDS.startedOn, false, error(IDS.startedOn))} onInput={(e) => set('startedOn')((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for={IDS.expectedEndOn}>{m.t('outbreak.expectedEnd')}</label>
              <FieldError id={IDS.expectedEndOn} message={error(IDS.expectedEndOn)} />
              <input id={IDS.expectedEndOn} type="date" value={fields.expectedEndOn} aria-describedby={describedBy(IDS.expectedEndOn, false, error(IDS.expectedEndOn))} onInput={(e) => set('expectedEndOn')((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for={IDS.note}>{m.t('outbreak.note')}</label>
              <FieldError id={IDS.note} message={error(IDS.note)} />
              <input id={IDS.note} type="text" value={fields.note} aria-describedby={describedBy(IDS.note, false, error(IDS.note))} onInput={(e) => set('note')((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <SubmitButton busy={form.busy}>{open ? m.t('outbreak.change') : m.t('outbreak.declare')}</SubmitButton>
            <Success message={form.success} testId="outbreak-success" />
          </form>
          {open ? (
            <form onSubmit={end}>
              <ErrorSummary errors={ending.errors} />
              {confirmEnd ? <p>{m.t('outbreak.confirmEnd')}</p> : null}
              <SubmitButton busy={ending.busy}>{confirmEnd ? m.t('outbreak.yesEnd') : m.t('outbreak.end')}</SubmitButton>
              <Success message={ending.success} testId="outbreak-ended" />
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
