/** The regions' use cases: create or replace a region, read one, list them. */
import { getRegion, listRegions, putRegion, type PageRequest } from '../data/registry-repository.ts';
import type { Page } from '../data/pagination.ts';
import { notFound } from '../http/problem.ts';
import type { Region, RegionInput } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export const saveRegion = (regionId: string, input: RegionInput, now: Date): Promise<Region> => putRegion(regionId, input, now.toISOString());

export async function readRegion(regionId: string): Promise<Region> {
  const region = await getRegion(regionId);
  if (!region) throw notFound(t('notFound.region', { regionId }));
  return region;
}

export const readRegions = (page: PageRequest): Promise<Page<Region>> => listRegions(page);
