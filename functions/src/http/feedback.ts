/** Kudos and comments on a goal, with the names of the people in them. */
import { addNamedComment, giveNamedKudos, listNamedComments, listNamedKudos, type NamedFeedbackDeps } from "../domain/feedback-names.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { commentSchema, kudosSchema } from "../contracts/feedback.js";
import { parseBody, parseId } from "./schemas.js";

const feedbackOf = ({ services }: RouteContext): NamedFeedbackDeps => ({ feedback: services.progress, people: services.directory });

export const feedbackHandlers = {
  "kudos-list": async (ctx) => json(200, { items: await listNamedKudos(feedbackOf(ctx), ctx.principal, parseId(ctx.params.id, "id")) }),
  "kudos-create": async (ctx) => {
    const { message } = parseBody(kudosSchema, ctx.body);
    return json(201, await giveNamedKudos(feedbackOf(ctx), ctx.principal, parseId(ctx.params.id, "id"), message));
  },
  "comments-list": async (ctx) => json(200, { items: await listNamedComments(feedbackOf(ctx), ctx.principal, parseId(ctx.params.id, "id")) }),
  "comments-create": async (ctx) => {
    const { text } = parseBody(commentSchema, ctx.body);
    return json(201, await addNamedComment(feedbackOf(ctx), ctx.principal, parseId(ctx.params.id, "id"), text));
  },
} satisfies RouteHandlers;
