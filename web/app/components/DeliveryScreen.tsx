import { useState } from 'preact/hooks';
import type { Delivery, DeliveryManifest, DeliveryPlan, Item, StoreHome } from '../../model/api-types.ts';
import { describeLines } from '../../model/deliveries.ts';
import { readWholeNumber } from '../../model/form-fields.ts';
import { formatDate, formatQuantity } from '../../model/format.ts';
import type { Api } from '../api.ts';
import { errorFor, ErrorSummary, FieldError, Success, SubmitButton, useForm } from '../forms.tsx';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { useMessages } from '../i18n.tsx';
import { Lines, Name, SLOT, Slotted } from './Named.tsx';
import { apiNoteLang, itemName, langOf, nameIn } from '../../model/names.ts';

interface Props {
  api: Api;
  storeId: string;
  items: ReadonlyMap<string, Item>;
  homes: StoreHome[];
  today: string;
  canSchedule: boolean;
  onChanged: () => void;
}

/** Plan the coming days onto the rota, then the driver's manifest for a date: printable, one A4 page per delivery, with dispatch. */
export function DeliveryScreen(props: Props) {
  const [date, setDate] = useState(props.today);
  const m = useMessages();
  const names = new Map(props.homes.map((h) => [h.homeId, nameIn(h, m)]));
  const langs = new Map(props.homes.map((h) => [h.homeId, langOf(h, m)]));
  const base = `/v1/stores/${encodeURIComponent(props.storeId)}`;
  const manifest = useAutoRefresh(() => props.api.get<DeliveryManifest>(`${base}/deliveries?date=${date}`), `${props.storeId}:${date}`);
  const changed = () => {
    manifest.refresh();
    props.onChanged();
  };
  return (
    <>
      {props.canSchedule ? <PlanForm {...props} names={names} langs={langs} onPlanned={(first) => (first ? setDate(first) : null, changed())} /> : null}
      <section class="panel manifest" aria-labelledby="manifest-heading">
        <h2 id="manifest-heading">{m.t('manifest.heading')}</h2>
        <div class="no-print toolbar">
          <div>
            <label for="manifest-date">{m.t('manifest.date')}</label>{' '}
            <input id="manifest-date" type="date" value={date} onInput={(e) => (e.currentTarget as HTMLInputElement).value && setDate((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button type="button" class="secondary" onClick={() => window.print()}>
            {m.t('manifest.print')}
          </button>
        </div>
        {manifest.error ? <p class="warning">{manifest.error}</p> : null}
        {manifest.data ? (
          <>
            <p class="print-only">{m.t('manifest.for', { date: formatDate(date, undefined, m) })}</p>
            <p data-testid="manifest-totals">
              {m.t('manifest.count', { count: manifest.data.items.length, date: formatDate(date, props.today, m) })}
              {manifest.data.totals.length > 0 ? (
                <Slotted text={m.t('manifest.inAll', { lines: SLOT })}>
                  <Lines lines={manifest.data.totals} items={props.items} />
                </Slotted>
              ) : null}
            </p>
            {manifest.data.items.map((d) => (
              <ManifestPage key={d.deliveryId} delivery={d} homeName={names.get(d.homeId) ?? d.homeId} homeLang={langs.get(d.homeId)} {...props} onChanged={changed} />
            ))}
          </>
        ) : null}
      </section>
    </>
  );
}

function PlanForm(props: Props & { names: Map<string, string>; langs: Map<string, 'en' | undefined>; onPlanned: (firstDate: string | null) => void }) {
  const form = useForm();
  const m = useMessages();
  const [from, setFrom] = useState(props.today);
  const [days, setDays] = useState('7');
  const [plan, setPlan] = useState<DeliveryPlan | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const read = readWholeNumber(days, m.t('field.planDays'), m);
    const errors = read.kind !== 'number' || read.value < 1 || read.value > 14 ? [{ fieldId: 'plan-days', message: m.t('plan.daysRange') }] : [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errors.push({ fieldId: 'plan-from', message: m.t('plan.enterFrom') });
    const body = { from, days: read.kind === 'number' ? read.value : 0 };
    void form.submit<DeliveryPlan>({
      ...(errors.length > 0 ? { errors } : {}),
      body,
      send: (key) => props.api.write('POST', `/v1/stores/${encodeURIComponent(props.storeId)}/delivery-plans`, { body, idempotencyKey: key }),
      fieldFor: (pointer) => (pointer === '/from' ? 'plan-from' : pointer === '/days' ? 'plan-days' : null),
      success: (p) =>
        p.unplaced.length > 0
          ? m.t('plan.plannedUnplaced', { count: p.deliveries.length, unplaced: p.unplaced.length })
          : m.t('plan.planned', { count: p.deliveries.length }),
      after: (p) => {
        setPlan(p);
        props.onPlanned([...p.deliveries].sort((a, b) => a.date.localeCompare(b.date))[0]?.date ?? null);
      },
    });
  };
  return (
    <section class="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{m.t('plan.heading')}</h2>
      <p>{m.t('plan.explain')}</p>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="plan-success" />
      <form onSubmit={submit} noValidate class="inline-form">
        <div>
          <label for="plan-from">{m.t('plan.from')}</label>
          <FieldError id="plan-from" message={errorFor(form.errors, 'plan-from')} />
          <input id="plan-from" type="date" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="plan-days">{m.t('plan.days')}</label>
          <FieldError id="plan-days" message={errorFor(form.errors, 'plan-days')} />
          <input id="plan-days" class="number" type="text" inputMode="numeric" value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <SubmitButton busy={form.busy}>{m.t('plan.button')}</SubmitButton>
      </form>
      {plan ? (
        <ul class="plain" data-testid="plan">
          {plan.deliveries.map((d) => (
            <li key={d.deliveryId}>
              <strong>{formatDate(d.date, props.today, m)}</strong>: <Name text={props.names.get(d.homeId) ?? d.homeId} lang={props.langs.get(d.homeId)} />,{' '}
              <Lines lines={d.lines} items={props.items} />
              {d.emergency ? <span class="tag tag-brought-forward"> {m.t('deliveries.broughtForward')}</span> : null}
              {d.reason ? (
                <>
                  {' ('}
                  <span lang={apiNoteLang(m)}>{d.reason}</span>)
                </>
              ) : null}
            </li>
          ))}
          {plan.unplaced.map((u) => (
            <li key={u.requestId}>
              {m.t('plan.notPlaced')} <span lang={apiNoteLang(m)}>{u.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One delivery of the manifest: a page of its own when printed. Dispatch is a conditional write (once): the button waits. */
function ManifestPage(props: Props & { delivery: Delivery; homeName: string; homeLang: 'en' | undefined }) {
  const { delivery } = props;
  const form = useForm();
  const m = useMessages();
  const dispatch = () =>
    form.submit<Delivery>({
      send: () => props.api.write('POST', `/v1/deliveries/${encodeURIComponent(delivery.deliveryId)}/dispatch`),
      success: () => m.t('manifest.dispatched', { home: props.homeName }),
      after: props.onChanged,
    });
  const heading = `delivery-${delivery.deliveryId.slice(0, 8)}`;
  return (
    <article class="manifest-page" aria-labelledby={heading} data-delivery-id={delivery.deliveryId} data-home-id={delivery.homeId}>
      <h3 id={heading}>
        <Name text={props.homeName} lang={props.homeLang} /> <span class={`tag tag-${delivery.status}`}>{m.t(`deliveryStatus.${delivery.status}`)}</span>
        {delivery.emergency ? <span class="tag tag-brought-forward">{m.t('deliveries.broughtForward')}</span> : null}
      </h3>
      {delivery.reason ? <p lang={apiNoteLang(m)}>{delivery.reason}</p> : null}
      <table>
        <caption class="visually-hidden">{m.t('manifest.caption', { home: props.homeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{m.t('manifest.item')}</th>
            <th scope="col">{m.t('manifest.quantity')}</th>
            <th scope="col" class="print-only">{m.t('manifest.checked')}</th>
          </tr>
        </thead>
        <tbody>
          {delivery.lines.map((l) => (
            <tr key={l.sku}>
              <th scope="row" lang={langOf(props.items.get(l.sku), m)}>
                {itemName(props.items, l.sku, m)}
              </th>
              <td>{formatQuantity(l.quantity, m)}</td>
              <td class="print-only">☐</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="print-only">{m.t('manifest.signature')}</p>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="dispatch-success" />
      {delivery.status === 'planned' && props.canSchedule ? (
        <button type="button" class="no-print" disabled={form.busy} onClick={() => void dispatch()}>
          {form.busy ? m.t('manifest.dispatching') : m.t('manifest.dispatch', { home: props.homeName })}
        </button>
      ) : null}
    </article>
  );
}
