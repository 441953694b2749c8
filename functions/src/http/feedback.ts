/** Kudos and comments on a goal. */
import { z } from "zod";
import { addGoalComment, COMMENT_MAX, giveKudos, KUDOS_MESSAGE_MAX, listGoalComments, listGoalKudos } from "../domain/feedback.js";
import { json, type RouteDef } from "./pipeline.js";
import { parseBody, parseId } from "./schemas.js";

const kudosSchema = z.strictObject({ message: z.string().trim().min(1, "Required.").max(KUDOS_MESSAGE_MAX, `At most ${KUDOS_MESSAGE_MAX} characters.`) });
const commentSchema = z.strictObject({ text: z.string().trim().min(1, "Required.").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`) });

export const feedbackRoutes: RouteDef[] = [
  {
    name: "kudos-list",
    methods: ["GET"],
    route: "api/goals/{id}/kudos",
    auth: "user",
    handle: async ({ services, principal, params }) => json(200, { items: await listGoalKudos(services.progress, principal, parseId(params.id, "id")) }),
  },
  {
    name: "kudos-create",
    methods: ["POST"],
    route: "api/goals/{id}/kudos",
    auth: "user",
    handle: async ({ services, principal, params, body }) => {
      const { message } = parseBody(kudosSchema, body);
      const result = await giveKudos(services.progress, principal, parseId(params.id, "id"), message);
      return json(201, result.kudos);
    },
  },
  {
    name: "comments-list",
    methods: ["GET"],
    route: "api/goals/{id}/comments",
    auth: "user",
    handle: async ({ services, principal, params }) => json(200, { items: await listGoalComments(services.progress, principal, parseId(params.id, "id")) }),
  },
  {
    name: "comments-create",
    methods: ["POST"],
    route: "api/goals/{id}/comments",
    auth: "user",
    handle: async ({ services, principal, params, body }) => {
      const { text } = parseBody(commentSchema, body);
      return json(201, await addGoalComment(services.progress, principal, parseId(params.id, "id"), text));
    },
  },
];
