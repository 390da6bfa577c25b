import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { randomQuery } from './api-public.ts';
import { listQuery } from './api-query.ts';

/*
 * The OpenAPI 3.1 description of the public API, generated from the same zod schemas the routes
 * validate their queries with (listQuery, randomQuery, …), plus schemas of what they answer.
 */

const error = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).meta({
  id: 'Error',
  description:
    'Every error: a stable code and a message naming what was wrong and what is allowed.',
});

const card = z.object({
  width: z.number().int(),
  height: z.number().int(),
  png: z.url(),
  svg: z.url(),
});
const quote = z
  .object({
    id: z
      .string()
      .regex(/^[0-9a-z]{8}$/)
      .describe('8 characters of Crockford base32; resolves forever'),
    source: z.string().describe('the source document’s slug'),
    paragraph: z.string().describe('paragraph ID in the source, e.g. L42'),
    span: z.tuple([z.number().int(), z.number().int()]),
    text: z.string().describe('the words, in the source’s script'),
    textHans: z.string().describe('the words in simplified Chinese'),
    speaker: z.string(),
    role: z.enum(['guest', 'interviewer', 'host']),
    score: z.number(),
    flags: z.array(z.string()),
    permalink: z.url().optional(),
    sourceView: z.url().optional(),
    cards: z
      .record(z.string(), card)
      .optional()
      .describe('per card size; URLs carry the content version'),
  })
  .meta({ id: 'Quote' });
const source = z
  .object({
    slug: z.string(),
    title: z.string(),
    publication: z.string(),
    date: z.string(),
    dateIsEstimate: z.boolean(),
    script: z.enum(['hans', 'hant']),
    kind: z.enum(['article', 'dialogue', 'machine-transcript']),
  })
  .meta({ id: 'Source' });
const dailyQuery = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('a day in Asia/Shanghai; default today; up to 365 days ahead (a preview)'),
  size: z.string().optional(),
  theme: z.string().optional(),
  script: z.enum(['hans', 'hant', 'tw', 'hk']).optional(),
  scale: z.enum(['1', '2', '3']).optional(),
});
const daily = z
  .object({
    date: z.string(),
    how: z.enum(['scheduled', 'auto']),
    published: z
      .boolean()
      .describe('false for a preview: what will go out unless an editor changes it'),
    quote,
    permalink: z.url(),
    card: z.url(),
  })
  .meta({ id: 'DailyQuote' });
const speaker = z.object({
  name: z.string(),
  role: z.enum(['guest', 'interviewer', 'host']),
  title: z.string().nullable(),
  company: z.string().nullable(),
  quotes: z.number().int(),
  sources: z.array(z.string()),
  page: z.url(),
});
const oembedQuery = z.strictObject({
  url: z.url().describe('a quote’s permalink on this site, /q/{id}'),
  maxwidth: z.string().regex(/^\d+$/).optional(),
  maxheight: z.string().regex(/^\d+$/).optional(),
  format: z.literal('json').optional(),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: json(error, 'a parameter is unknown, repeated or out of range'),
  404: json(error, 'nothing with that ID, slug or date'),
};

/** Every public GET route: path, summary, its 200 response and its parameters. */
const ENDPOINTS: {
  path: string;
  summary: string;
  response: ReturnType<typeof json>;
  request?: { query?: z.ZodObject; params?: z.ZodObject };
}[] = [
  {
    path: '/api/quotes',
    summary: 'Quotes: filter, search (simplified and traditional fold), cursor pages',
    response: json(
      z.object({
        total: z.number().int(),
        quotes: z.array(quote),
        nextCursor: z.string().nullable(),
      }),
      'a page of quotes',
    ),
    request: { query: listQuery },
  },
  {
    path: '/api/quotes/{id}',
    summary: 'One quote with its paragraph, context and source',
    response: json(z.object({ quote, source }), 'the quote'),
    request: { params: z.object({ id: z.string() }) },
  },
  {
    path: '/api/quotes/random',
    summary: 'A random publishable quote (same filters as the list)',
    response: json(z.object({ total: z.number().int(), quote }), 'one quote; not cached'),
    request: { query: randomQuery },
  },
  {
    path: '/api/sources',
    summary: 'Every source document',
    response: json(z.object({ sources: z.array(source) }), 'the sources'),
  },
  {
    path: '/api/sources/{slug}',
    summary: 'One source with its paragraphs',
    response: json(z.object({ source }), 'the source'),
    request: { params: z.object({ slug: z.string() }) },
  },
  {
    path: '/api/speakers',
    summary: 'Every speaker with quotes',
    response: json(z.object({ speakers: z.array(speaker) }), 'the speakers'),
  },
  {
    path: '/api/daily',
    summary: 'The daily quote of a day (a preview for future days)',
    response: json(daily, 'the day'),
    request: { query: dailyQuery },
  },
  {
    path: '/oembed',
    summary: 'oEmbed 1.0 for a quote’s permalink (type rich)',
    response: json(
      z.object({ type: z.literal('rich'), html: z.string(), thumbnail_url: z.url() }),
      'the embed',
    ),
    request: { query: oembedQuery },
  },
];

/** The OpenAPI 3.1 document for `origin`. */
export function openApiDocument(origin: string) {
  const api = new OpenAPIHono();
  for (const { path, summary, response, request = {} } of ENDPOINTS)
    api.openAPIRegistry.registerPath({
      method: 'get',
      path,
      summary,
      request,
      responses: { 200: response, ...errors },
    });
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: '语录 Yulu API',
      version: '1',
      description:
        'Attributed quotes from Chinese interviews with AI founders. Public, read-only, CORS-enabled (no credentials); every response has an ETag and a Cache-Control.',
    },
    servers: [{ url: origin }],
  });
}
