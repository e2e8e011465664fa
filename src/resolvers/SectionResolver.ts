import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Section } from '../entities';
import { segmentWords } from '../ingest/segment';
import { ReportType, SearchSectionsArgs, SectionConnection, SectionType } from '../schema/types';
import type { NianbaoContext } from './context';
import { badInput } from './errors';
import { assertYear, likeEscape, whereRegion } from './filters';
import { pageOf, toConnection } from './pagination';

const MAX_SEARCH_LENGTH = 200;
/** Below this many characters a word index is useless (one-character words): match substrings instead. */
const MIN_FULLTEXT_LENGTH = 3;

@Resolver(() => SectionType)
export class SectionResolver {
  @Query(() => SectionConnection, {
    description: 'Chinese full-text search over report sections (words cut by Intl.Segmenter), best match first.',
  })
  async searchSections(
    @Args(() => SearchSectionsArgs) { text, year, regionCode, first, after }: SearchSectionsArgs,
    @Ctx() ctx: NianbaoContext,
  ): Promise<SectionConnection> {
    const page = pageOf(first, after);
    const query = text.trim();
    if (!query) throw badInput('text must not be empty');
    if (query.length > MAX_SEARCH_LENGTH) throw badInput(`text is too long (${query.length} characters; at most ${MAX_SEARCH_LENGTH})`);
    assertYear(year);
    const qb = ctx.dataSource.getRepository(Section).createQueryBuilder('s').innerJoin('reports', 'r', 'r.id = s.report_id');
    const words = segmentWords(query);
    const fullText = query.length >= MIN_FULLTEXT_LENGTH && words.length > 0;
    if (fullText) {
      // Same expression as the GIN index idx_sections_search, so the index serves it.
      qb.andWhere("to_tsvector('simple', s.search_words) @@ plainto_tsquery('simple', :words)", { words });
    } else {
      qb.andWhere("s.text ILIKE :like ESCAPE '\\'", { like: `%${likeEscape(query)}%` });
    }
    if (year != null) qb.andWhere('r.year = :year', { year });
    whereRegion(qb, 'r.region_code', regionCode);
    const ordered = qb.clone();
    if (fullText) {
      ordered.orderBy("ts_rank(to_tsvector('simple', s.search_words), plainto_tsquery('simple', :words))", 'DESC');
    }
    const rows = await ordered.addOrderBy('r.year', 'DESC').addOrderBy('s.id', 'ASC')
      .offset(page.offset).limit(page.limit + 1).getMany();
    return toConnection(SectionConnection, rows, page, () => qb.getCount());
  }

  @FieldResolver(() => ReportType)
  report(@Root() section: Section, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.report.load(section.reportId);
  }
}
