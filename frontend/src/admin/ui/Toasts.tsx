import { useAdminUi } from '../store.js';

/** Errors and confirmations, announced to screen readers; each can be dismissed or fades after 8 s. */
export function Toasts() {
  const toasts = useAdminUi((state) => state.toasts);
  const dismiss = useAdminUi((state) => state.dismiss);
  return (
    <div
      aria-live="polite"
      className="fixed inset-x-2 bottom-2 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          className={`flex max-w-md items-start gap-3 rounded-md px-4 py-3 text-sm shadow-lg ${
            toast.tone === 'error' ? 'bg-red-800 text-white' : 'bg-slate-900 text-white'
          }`}
        >
          <span className="flex-1">{toast.text}</span>
          <button type="button" className="underline" onClick={() => dismiss(toast.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
