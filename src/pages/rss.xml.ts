/**
 * The feed: the newest 50 stories in archive order. Undated stories are
 * included (RSS makes pubDate optional) without a pubDate rather than given
 * a date no article states; in archive order they come after the dated ones,
 * and their description says the date is not stated. A stylesheet
 * (public/rss.css) makes the feed readable when opened in a browser.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArchive } from '@/data/archive';
import { feedDescription, feedItemExtras, xhtmlNamespace } from '@/domain/feed-item';
import { storyPath } from '@/domain/paths';

/** How many stories the feed carries. */
const feedSize = 50;

export async function GET(context: APIContext): Promise<Response> {
  const archive = await getArchive();
  const site = context.site ?? new URL(context.url.origin);
  return rss({
    title: 'The Operations Archive',
    description: "News reporting on the FBI's nationwide sweeps against child sex trafficking.",
    site,
    trailingSlash: true,
    stylesheet: '/rss.css',
    xmlns: { h: xhtmlNamespace },
    customData:
      '<h:div class="feed-about"><h:p>This is the archive’s news feed. Copy its address into a feed reader to follow new stories.</h:p>' +
      '<h:p>Newest stories first; stories whose date is not stated come last and say so.</h:p></h:div>',
    items: archive.stories.slice(0, feedSize).map((story) => ({
      title: story.data.title,
      link: storyPath(story),
      description: feedDescription(story),
      ...(story.data.date !== null ? { pubDate: new Date(`${story.data.date}T00:00:00Z`) } : {}),
      categories: [...new Set(story.data.operations.map((mention) => archive.operationById.get(mention.id)?.name ?? mention.text))],
      customData: feedItemExtras(story, new URL(storyPath(story), site).href),
    })),
  });
}
