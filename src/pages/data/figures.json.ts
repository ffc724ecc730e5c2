/** /data/figures.json: the same rows as /data/figures.csv, as JSON, with the columns' documentation. */
import type { APIRoute } from 'astro';
import { getArchive } from '@/data/archive';
import { figureDataRows, figuresJson } from '@/domain/figures-data';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const rows = figureDataRows(archive.stories, archive.citations, (id) => archive.operationById.get(id)?.name);
  return new Response(figuresJson(rows), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
