/**
 * The feed: the newest 50 stories in archive order. Undated stories are
 * included (RSS makes pubDate optional) without a pubDate rather than given
 * a date no article states; in archive order they come after the dated ones.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArchive } from '@/data/archive';
import { storyPath } from '@/domain/paths';

/** How many stories the feed carries. */
const feedSize = 50;

export async function GET(context: APIContext): Promise<Response> {
  const archive = await getArchive();
  return rss({
    title: 'The Operations Archive',
    description: "News reporting on the FBI's nationwide sweeps against child sex trafficking.",
    site: context.site ?? context.url.origin,
    trailingSlash: true,
    items: archive.stories.slice(0, feedSize).map((story) => ({
      title: story.data.title,
      link: storyPath(story),
      description: story.data.description,
      ...(story.data.date !== null ? { pubDate: new Date(`${story.data.date}T00:00:00Z`) } : {}),
      categories: [...new Set(story.data.operations.map((mention) => archive.operationById.get(mention.id)?.name ?? mention.text))],
    })),
  });
}
