/** Wording for pages not tied to one pack (home, privacy, 404, admin): fits every pack served. */
import { getCollection } from 'astro:content';
import { siteWording, type Wording } from '../lib/roles.ts';

let site: Promise<Wording> | undefined;

export const siteWords = (): Promise<Wording> => (site ??= getCollection('packs').then((packs) => siteWording(packs.map((p) => p.data))));
