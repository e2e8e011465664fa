import { SHORT_FORM_RULES } from '../parser/agencyNames';
import { Ctx, Query, Resolver } from 'type-graphql';
import { agencyVocabulary } from '../db/queries';
import { AgencyVocabularyType } from '../schema/types';
import type { NianbaoContext } from './context';

/** The agency list in one request (issue 15: the bot's vocabulary at national scale in well under a second). */
@Resolver(() => AgencyVocabularyType)
export class VocabularyResolver {
  @Query(() => AgencyVocabularyType, { description: 'Every agency with its kind, region and short forms, in one payload (always current: written with the agencies).' })
  async agencyVocabulary(@Ctx() ctx: NianbaoContext): Promise<AgencyVocabularyType> {
    const { count, rows } = await agencyVocabulary(ctx.dataSource, SHORT_FORM_RULES);
    return { count, agencies: rows };
  }
}
