import { z } from 'zod';

/** Response bodies of the admin session API, shared by the server and the admin app. */

export const SignInSchema = z
  .object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(256) })
  .strict();

export const AdminSiteSchema = z.object({ id: z.string().uuid(), name: z.string(), domain: z.string() });

export const AdminSessionSchema = z.object({
  data: z.object({
    user: z.object({ id: z.string().uuid(), email: z.string().nullable(), is_admin: z.boolean() }),
    /** The sites this user may act on (every site for administrators), by name. */
    sites: z.array(AdminSiteSchema),
  }),
});

export type SignIn = z.infer<typeof SignInSchema>;
export type AdminSite = z.infer<typeof AdminSiteSchema>;
export type AdminSession = z.infer<typeof AdminSessionSchema>;
