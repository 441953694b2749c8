/** Kudos and comments on a goal. */
import { z } from "zod";
import { addGoalComment, COMMENT_MAX, giveKudos, KUDOS_MESSAGE_MAX, listGoalComments, listGoalKudos } from "../domain/feedback.js";
import { nameComments, nameKudos } from "../domain/feedback-names.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody, parseId } from "./schemas.js";

const kudosSchema = z.strictObject({ message: z.string().trim().min(1, "Required.").max(KUDOS_MESSAGE_MAX, `At most ${KUDOS_MESSAGE_MAX} characters.`) });
const commentSchema = z.strictObject({ text: z.string().trim().min(1, "Required.").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`) });

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
