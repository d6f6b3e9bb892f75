/** POST /api/chat (API.md) and GET /api/chat/:id (the conversation so far). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { LeadFields } from '../domain/lead.schema.js';
import { converse, readConversationAnswer } from '../pipeline/conversations.js';
import { callerOf } from './session.js';
import { problem } from './errors.js';
import { presentPreferred, presentResult, presentUnderstanding } from './present.js';
import { LibraryParkSchema, NearMissSchema, ParkResultSchema, PreferredSchema, VerdictSchema } from './schemas.js';
import { validationHook } from './validation.js';

const EditSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(LeadFields).map(([k, v]) => [k, (v as z.ZodOptional<z.ZodType>).unwrap().nullable().optional()])),
  )
  .meta({ description: '直接修改已理解的字段（界面上的标签）：给值即设置，null 即删除' });

const ChatRequestSchema = z
  .strictObject({
    message: z.string().max(2000, '不能超过 2000 个字符 / at most 2000 characters'),
    conversationId: z.string().min(1).max(64).optional(),
    edit: EditSchema.optional(),
  })
  .refine((b) => b.message.trim() !== '' || b.edit !== undefined, { message: '请输入内容 / message must not be empty', path: ['message'] })
  .meta({ id: 'ChatRequest' });

const ChatResponseSchema = z
  .object({
    conversationId: z.string(),
    intent: z.enum(['newProject', 'refine', 'parkQuestion', 'whyExcluded', 'reset', 'edit', 'library', 'greeting', 'unclear']).meta({
      description:
        'library: a question about the park library; greeting; unclear: nothing read (the reply says 没看懂 and gives an example)',
    }),
    understood: z.record(z.string(), z.unknown()).nullable().meta({ description: 'the Lead parsed from the whole conversation' }),
    understanding: z.record(z.string(), z.unknown()).nullable(),
    verdict: VerdictSchema,
    nearMisses: z.array(NearMissSchema),
    reply: z.string(),
    results: z.array(ParkResultSchema),
    preferred: PreferredSchema.nullable(),
    library: z
      .array(LibraryParkSchema)
      .nullable()
      .meta({ description: 'for a library question: the parks the answer names, without scores (no need was invented)' }),
  })
  .meta({ id: 'ChatResponse' });

const postRoute = createRoute({
  method: 'post',
  path: '/chat',
  tags: ['chat'],
  summary: '对话：用中文描述项目、补充修改、询问园区 / chat',
  request: { body: { required: true, content: { 'application/json': { schema: ChatRequestSchema } } } },
  responses: {
    200: { description: 'the answer', content: { 'application/json': { schema: ChatResponseSchema } } },
    400: problem('invalid request'),
    404: problem('unknown conversation'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/chat/{id}',
  tags: ['chat'],
  summary: '会话记录 / a conversation',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: {
      description: 'the conversation',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            understood: z.record(z.string(), z.unknown()).nullable(),
            messages: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string(), at: z.string() })),
            answer: z
              .object({
                understanding: z.record(z.string(), z.unknown()),
                verdict: VerdictSchema,
                nearMisses: z.array(NearMissSchema),
                results: z.array(ParkResultSchema),
                preferred: PreferredSchema.nullable(),
              })
              .nullable()
              .meta({ description: 'the current lead scored as the chips hold it (what the page shows on reload)' }),
          }),
        },
      },
    },
    404: problem('unknown conversation'),
  },
});

export function chatRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(postRoute, (c) => {
    const out = converse(deps, callerOf(c), c.req.valid('json'));
    const kb = deps.kb();
    return c.json(
      {
        conversationId: out.conversationId,
        intent: out.intent,
        understood: out.understood,
        understanding: out.outcome ? presentUnderstanding(out.outcome, kb.k) : null,
        verdict: out.judged.verdict,
        nearMisses: out.judged.nearMisses,
        reply: out.reply,
        results: (out.outcome?.results ?? []).map(presentResult),
        preferred: presentPreferred(out.preferred),
        library: out.library,
      },
      200,
    );
  });
  app.openapi(getRoute, (c) => {
    const { id } = c.req.valid('param');
    const { conv, answer } = readConversationAnswer(deps, callerOf(c), id);
    const kb = deps.kb();
    return c.json(
      {
        id: conv.id,
        understood: conv.lead,
        messages: conv.messages,
        answer: answer
          ? {
              understanding: presentUnderstanding(answer.outcome, kb.k),
              verdict: answer.judged.verdict,
              nearMisses: answer.judged.nearMisses,
              results: answer.outcome.results.map(presentResult),
              preferred: presentPreferred(answer.preferred),
            }
          : null,
      },
      200,
    );
  });
  return app;
}
