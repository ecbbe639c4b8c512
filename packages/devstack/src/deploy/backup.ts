/**
 * The options of the documented backup and restore commands (README, "Backup and restore"), shared with the
 * test that restores a dump and compares the pages served from it.
 *
 * - custom format: compressed, and pg_restore can pick single tables from it;
 * - spatial_ref_sys data left out: PostGIS owns those rows and recreates them with the extension, and restoring
 *   them would need superuser rights on the table;
 * - restore without owners and grants: the target role owns everything it restores.
 */
export const PG_DUMP_OPTIONS = ['--format=custom', '--exclude-table-data=public.spatial_ref_sys'] as const;
export const PG_RESTORE_OPTIONS = ['--no-owner', '--no-privileges', '--exit-on-error'] as const;
