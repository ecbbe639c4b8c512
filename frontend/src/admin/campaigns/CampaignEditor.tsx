import { type CampaignOptions, CampaignSavedSchema, type CampaignView } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, spintaxIssues } from '../api/client.js';
import { previewQuery, siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Button, Field, inputClass } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';
import {
  type CampaignForm,
  campaignBody,
  draftOf,
  emptyForm,
  formatCount,
  formFromCampaign,
} from './campaign-form.js';
import { HeadlinePreviewPanel } from './HeadlinePreviewPanel.js';
import { KeyValueEditor } from './KeyValueEditor.js';
import { LibraryFields } from './LibraryFields.js';
import { LocationPicker } from './LocationPicker.js';
import { SpintaxEditor } from './SpintaxEditor.js';

interface Props {
  siteId: string;
  saved: CampaignView | null;
  options: CampaignOptions;
}

/** The campaign form: live headline preview as you type, then create (POST) or save changes (PATCH). */
export function CampaignEditor({ siteId, saved, options }: Props) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const [form, setForm] = useState<CampaignForm>(saved ? formFromCampaign(saved) : emptyForm());
  const [seed, setSeed] = useState(1);
  const change = (patch: Partial<CampaignForm>) => setForm((current) => ({ ...current, ...patch }));
  // Serialised so the debounce settles on content, not on a fresh object every render.
  const draftJson = useDebounced(JSON.stringify(draftOf(form)), 400);
  const hasPatterns = form.patterns.trim() !== '';
  const preview = useQuery({ ...previewQuery(siteId, JSON.parse(draftJson), seed), enabled: hasPatterns });
  const save = useMutation({
    mutationFn: () =>
      saved
        ? api(`/api/campaigns/${saved.id}`, CampaignSavedSchema, {
            method: 'PATCH',
            json: campaignBody(form),
          })
        : api('/api/campaigns', CampaignSavedSchema, {
            method: 'POST',
            json: { site_id: siteId, ...campaignBody(form) },
          }),
    onSuccess: (answer) => {
      if (!saved) {
        window.location.assign(`/admin/campaigns/${answer.data.id}`);
        return;
      }
      toast('success', 'Campaign saved');
      void client.invalidateQueries({ queryKey: siteKey(siteId) });
    },
  });
  const previewIssues = spintaxIssues(preview.error);
  const saveIssues =
    save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? save.error : null;
  const variantsByLine = new Map(
    (preview.isError ? [] : (preview.data?.patterns ?? [])).map((p) => [p.line, formatCount(p.variants)]),
  );
  return (
    <form
      className="grid gap-6 lg:grid-cols-[1fr_22rem]"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="space-y-6">
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
          <Field label="Campaign name" htmlFor="campaign-name">
            <input
              id="campaign-name"
              required
              value={form.name}
              onChange={(event) => change({ name: event.target.value })}
              className={inputClass}
            />
          </Field>
          <Field label="Status" htmlFor="campaign-status">
            <select
              id="campaign-status"
              value={form.status}
              onChange={(event) => change({ status: event.target.value as CampaignForm['status'] })}
              className={inputClass}
            >
              {['draft', 'active', 'paused', 'completed'].map((status) => (
                <option key={status}>{status}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <SpintaxEditor
            value={form.patterns}
            onChange={(patterns) => change({ patterns })}
            issues={previewIssues.length > 0 ? previewIssues : spintaxIssues(save.error)}
            variantsByLine={variantsByLine}
          />
          <KeyValueEditor rows={form.niche} onChange={(niche) => change({ niche })} />
        </div>
        <LocationPicker
          siteId={siteId}
          form={form}
          states={options.states}
          covered={preview.data && !preview.isError ? preview.data.locations : null}
          cities={preview.data && !preview.isError ? preview.data.cities : []}
          onChange={change}
        />
        <LibraryFields form={form} options={options} onChange={change} />
        {saveIssues && spintaxIssues(saveIssues).length === 0 ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {saveIssues.message}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" tone="primary" disabled={save.isPending}>
            {saved ? 'Save changes' : 'Create campaign'}
          </Button>
          <a
            href="/admin/campaigns"
            className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 underline"
          >
            Back to campaigns
          </a>
        </div>
      </div>
      <HeadlinePreviewPanel
        enabled={hasPatterns}
        invalid={previewIssues.length > 0}
        preview={preview.isError ? null : (preview.data ?? null)}
        loading={preview.isFetching}
        problem={preview.isError && previewIssues.length === 0 ? preview.error.message : null}
        onShuffle={() => setSeed((current) => current + 1)}
      />
    </form>
  );
}
