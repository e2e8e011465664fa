import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Section } from '../entities';
import { countSections, searchSections, type SectionSearch } from '../db/queries';
import { segmentWords } from '../ingest/segment';
import { ReportType, SearchSectionsArgs, SectionConnection, SectionType } from '../schema/types';
import type { NianbaoContext } from './context';
import { badInput } from './errors';
import { assertYear, given, regionPrefix } from './filters';
import { memo, pageOf, toConnection } from './pagination';

const MAX_SEARCH_LENGTH = 200;
/** Below this many characters a word index is useless (one-character words): match substrings instead. */
const MIN_FULLTEXT_LENGTH = 3;

@Resolver(() => SectionType)
export class SectionResolver {
  @Query(() => SectionConnection, {
    description: 'Chinese full-text search over report sections (words cut by Intl.Segmenter), best match first.',
  })
  async searchSections(
    @Args(() => SearchSectionsArgs) { text, year, regionCode, ...paging }: SearchSectionsArgs,
    @Ctx() ctx: NianbaoContext,
  ): Promise<SectionConnection> {
    const query = text.trim();
    if (!query) throw badInput('text must not be empty');
    if (query.length > MAX_SEARCH_LENGTH) throw badInput(`text is too long (${query.length} characters; at most ${MAX_SEARCH_LENGTH})`);
    assertYear(year);
    const words = segmentWords(query);
    const fullText = query.length >= MIN_FULLTEXT_LENGTH && words.length > 0;
    const where: SectionSearch = {
      ...(fullText ? { words } : { like: query }),
      year: given(year),
      regionPrefix: regionPrefix(regionCode),
    };
    const count = memo(() => countSections(ctx.dataSource, where));
    const page = await pageOf(paging, count);
    const rows = await searchSections(ctx.dataSource, where, { limit: page.fetch, offset: page.offset });
    return toConnection(SectionConnection, rows, page, count);
  }

  @FieldResolver(() => ReportType)
  report(@Root() section: Section, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.report.load(section.reportId);
  }
}
