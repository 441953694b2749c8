/** Kudos and comments on a goal. */
import { addGoalComment, giveKudos, listGoalComments, listGoalKudos } from "../domain/feedback.js";
import { nameComments, nameKudos } from "../domain/feedback-names.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { commentSchema, kudosSchema } from "../contracts/feedback.js";
import { parseBody, parseId } from "./schemas.js";

export const feedbackHandlers = {
  "kudos-list": async ({ services, principal, params }) => {
    const items = await listGoalKudos(services.progress, principal, parseId(params.id, "id"));
    return json(200, { items: await nameKudos(services.directory, principal.tenantId, items) });
  },
  "kudos-create": async ({ services, principal, params, body }) => {
    const { message } = parseBody(kudosSchema, body);
    const result = await giveKudos(services.progress, principal, parseId(params.id, "id"), message);
    const [named] = await nameKudos(services.directory, principal.tenantId, [result.kudos]);
    return json(201, named);
  },
  "comments-list": async ({ services, principal, params }) => {
    const items = await listGoalComments(services.progress, principal, parseId(params.id, "id"));
    return json(200, { items: await nameComments(services.directory, principal.tenantId, items) });
  },
  "comments-create": async ({ services, principal, params, body }) => {
    const { text } = parseBody(commentSchema, body);
    const comment = await addGoalComment(services.progress, principal, parseId(params.id, "id"), text);
    const [named] = await nameComments(services.directory, principal.tenantId, [comment]);
    return json(201, named);
  },
} satisfies RouteHandlers;
