// @ts-check
/**
 * A typedoc plugin for one narrow case of `validation.notDocumented` (typedoc.json).
 *
 * typedoc shows the inferred type of each zod schema of `cx-metrics/models` (`TicketSchema`,
 * `MessageSchema`, …) with every member of its shape, and zod's enum objects (`{ new: "new", … }`).
 * Those members are generated from the shape: their meaning is the model field of the same name,
 * documented once on the model interface (`Ticket`, `Message`, …), which the schema mirrors
 * exactly (test/models/schemas.test-d.ts). This plugin gives each undocumented member inside
 * such a schema's type one line that says so, instead of a warning. Everything else typedoc
 * reports as undocumented still fails `npm run docs`.
 */
import { Comment, Converter, ReflectionKind } from "typedoc";

/** @param {import("typedoc").Reflection} reflection */
function schemaOf(reflection) {
  for (let r = reflection.parent; r !== undefined; r = r.parent) {
    if (r.kindOf(ReflectionKind.Variable)) {
      const sources = /** @type {import("typedoc").DeclarationReflection} */ (r).sources ?? [];
      const inSchemas = sources.length === 0 || sources.some((s) => s.fullFileName.includes("/src/models/schemas/"));
      return r.name.endsWith("Schema") && inSchemas ? r : undefined;
    }
  }
  return undefined;
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (reflection.hasComment()) continue;
      const schema = schemaOf(reflection);
      if (schema === undefined || reflection === schema) continue;
      const model = schema.name.replace(/Schema$/, "");
      reflection.comment = new Comment([
        {
          kind: "text",
          text: `Part of the zod shape of \`${schema.name}\`: the \`${model}\` model's field of the same name, or one of its allowed values.`,
        },
      ]);
    }
  });
}
