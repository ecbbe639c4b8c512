import { ForbiddenError } from '@directus/errors';
import type { Accountability, HookConfig } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';

/**
 * `/utils/sort/:collection` checks only collection-level update permission and then renumbers the whole table,
 * other tenants' rows included. It cannot respect row permissions, so only admins may use it.
 */
const ADMIN_ONLY = ['/utils/sort'];

const utilityGuardHook: HookConfig = ({ init }) => {
  init('routes.before', ({ app }) => {
    app.use(ADMIN_ONLY, (request: Request, _response: Response, next: NextFunction) => {
      const accountability = (request as Request & { accountability?: Accountability }).accountability;
      if (accountability?.admin) return next();
      next(new ForbiddenError({ reason: 'Reordering a whole collection is reserved to administrators' }));
    });
  });
};

export default utilityGuardHook;
