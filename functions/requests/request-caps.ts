/**
 * A store's request caps: units per bed per week, per SKU. Approving a request above them needs an
 * override reason (transition-request.ts), which is recorded on the request.
 */
import { catalogue, getStore, UnknownStoreError } from '../data/registry-repository.ts';
import { getRequestCaps, putRequestCaps } from '../data/request-repository.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { weeklyCapUnits } from '../domain/request-lifecycle.ts';
import type { Home } from '../schemas/registry.ts';
import type { HomeRequestCaps, RequestCaps, RequestCapsInput } from '../schemas/requests.ts';
import { t } from '../i18n/messages.ts';

export async function readRequestCaps(storeId: string): Promise<RequestCaps> {
  const [store, caps] = await Promise.all([getStore(storeId), getRequestCaps(storeId)]);
  if (!store) throw notFound(t('notFound.store', { storeId }));
  return { storeId, capsPerBedPerWeek: caps?.capsPerBedPerWeek ?? {}, updatedAt: caps?.updatedAt ?? null };
}

/**
 * What a home may ask for in a week, per capped SKU (beds × its store's cap per bed): what the home's
 * request form shows beside each line. A home may not read its store's caps themselves.
 */
export async function readHomeRequestCaps(home: Home): Promise<HomeRequestCaps> {
  const caps = await getRequestCaps(home.storeId);
  const perBed = caps?.capsPerBedPerWeek ?? {};
  const weeklyCaps = Object.fromEntries(Object.entries(perBed).map(([sku, cap]) => [sku, weeklyCapUnits(home.beds, cap)]));
  return { homeId: home.homeId, storeId: home.storeId, beds: home.beds, weeklyCaps };
}

export async function setRequestCaps(storeId: string, input: RequestCapsInput, now: Date): Promise<RequestCaps> {
  const skus = Object.keys(input.capsPerBedPerWeek);
  const items = await catalogue(skus);
  const unknown = skus.filter((sku) => !items.has(sku));
  if (unknown.length > 0) {
    throw badRequest(
      t('request.capsUnknownSkus', { count: unknown.length }),
      unknown.map((sku) => ({ in: 'body' as const, path: `/capsPerBedPerWeek/${sku}`, message: t('notFound.itemField', { sku }) })),
    );
  }
  const caps = { capsPerBedPerWeek: input.capsPerBedPerWeek, updatedAt: now.toISOString() };
  try {
    await putRequestCaps(storeId, caps);
  } catch (error) {
    if (error instanceof UnknownStoreError) throw notFound(t('notFound.store', { storeId }));
    throw error;
  }
  return { storeId, ...caps };
}
