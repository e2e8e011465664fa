import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { AskStatus } from '../contracts';
import type { NianbaoContext } from './context';
import { badInput } from './errors';

@ObjectType('AskCell', { description: 'A cell an answer was read from.' })
export class AskCellType {
  @Field()
  reportId!: string;

  @Field()
  key!: string;
}

/** The contract's AskStatus as a GraphQL enum (same strings, so the answer passes through unchanged). */
export enum AskStatusEnum {
  answered = 'answered',
  asked_back = 'asked_back',
  no_data = 'no_data',
  refused = 'refused',
  unavailable = 'unavailable',
}
registerEnumType(AskStatusEnum, {
  name: 'AskStatus',
  description: 'answered (a value or quote from a report), asked_back (a numbered question back), no_data (no report or cell for it), refused (not understood or not answerable as asked), unavailable (the graph or database is down).',
});

@ObjectType('AskAnswer', { description: 'The bot’s answer to a question in plain Chinese, with what it queried.' })
export class AskAnswerType {
  @Field({ description: 'The answer as the bot says it, with its source line.' })
  text!: string;

  @Field(() => AskStatusEnum, { description: 'How the question ended; act on this, not on the text.' })
  status!: AskStatus;

  @Field(() => String, { nullable: true, description: 'Name of the GraphQL operation the answer came from.' })
  operation!: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Variables of that operation.' })
  variables!: Record<string, unknown> | null;

  @Field(() => [AskCellType])
  cells!: AskCellType[];

  @Field(() => [String], { description: 'Follow-up questions to offer (or the digits of a numbered question).' })
  suggestions!: string[];

  @Field({
    description: 'Send this with the follow-up. Issued by the server: a sessionId it did not issue, or one that expired, starts a new conversation, and this is then a new id.',
  })
  sessionId!: string;
}

/** Questions longer than this are refused before any work (the bot refuses over-long messages the same way). */
const MAX_QUESTION = 500;
const MAX_SESSION_ID = 200;

@Resolver()
export class AskResolver {
  @Query(() => AskAnswerType, {
    description: 'Ask in plain Chinese (白土镇2020年政府采购金额). The sessionId of an answer carries follow-ups (那施集镇呢) and numbered replies.',
  })
  async ask(
    @Ctx() ctx: NianbaoContext,
    @Arg('question') question: string,
    @Arg('sessionId', () => String, { nullable: true }) sessionId?: string | null,
  ): Promise<AskAnswerType> {
    if (!ctx.askService) throw badInput('the question service is not enabled on this server');
    if (question.length > MAX_QUESTION) throw badInput(`question is too long (${question.length} characters; at most ${MAX_QUESTION})`);
    if (sessionId && sessionId.length > MAX_SESSION_ID) throw badInput(`sessionId is too long (at most ${MAX_SESSION_ID} characters)`);
    return ctx.askService.ask(question, sessionId);
  }
}
