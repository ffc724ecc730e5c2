/** /data/figures.csv: every figure with its provenance, one row per figure (columns documented at /data/). */
import type { APIRoute } from 'astro';
import { getArchive } from '@/data/archive';
import { figureDataRows, figuresCsv } from '@/domain/figures-data';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const rows = figureDataRows(archive.stories, archive.citations, (id) => archive.operationById.get(id)?.name);
  return new Response(figuresCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
