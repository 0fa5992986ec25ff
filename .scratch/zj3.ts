import { z } from 'zod/mini';
const p = z.looseObject({ type: z.url(), status: z.int().check(z.minimum(400), z.maximum(599)), errors: z.optional(z.array(z.object({ in: z.enum(['a']) }))) });
console.log(JSON.stringify(z.toJSONSchema(p)));
console.log(JSON.stringify(z.toJSONSchema(z.record(z.string(), z.unknown()))));
console.log(JSON.stringify(z.toJSONSchema(z.literal('ok'))));
const shape = z.strictObject({ a: z.string() });
console.log(Object.keys((shape as any).shape), typeof (shape as any).def);
