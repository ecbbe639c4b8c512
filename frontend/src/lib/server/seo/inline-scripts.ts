import { createHash } from 'node:crypto';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import loadDirective from 'astro/runtime/client/load.prebuilt.js';
import mediaDirective from 'astro/runtime/client/media.prebuilt.js';
import onlyDirective from 'astro/runtime/client/only.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js';

/**
 * Every inline script a tenant page may run, known before any page is rendered. The policy allows exactly
 * these by hash: a script that arrives in a page any other way (injected through content) matches none of
 * them and is blocked, whatever the page contains. Hashes of what a rendered page happens to hold would
 * allow the injected script too.
 */

/** Registers the offline service worker (SiteLayout). */
export const SERVICE_WORKER_SCRIPT =
  "if('serviceWorker'in navigator)addEventListener('load',()=>navigator.serviceWorker.register('/sw.js'));";

/**
 * The small-screen menu (SiteHeader): a native <details>, so it opens without JavaScript; this adds what
 * <details> lacks: `aria-expanded` on its button, closing on Escape (focus back on the button), on a tap
 * outside it and on following one of its links (an in-page anchor would leave it covering the page).
 */
export const MOBILE_MENU_SCRIPT =
  "document.querySelectorAll('details[data-mobile-menu]').forEach(function(d){var s=d.querySelector('summary');if(!s)return;var sync=function(){s.setAttribute('aria-expanded',String(d.open))};sync();d.addEventListener('toggle',sync);document.addEventListener('keydown',function(e){if(e.key==='Escape'&&d.open){d.open=false;s.focus()}});document.addEventListener('pointerdown',function(e){if(d.open&&!d.contains(e.target))d.open=false});d.addEventListener('click',function(e){if(e.target instanceof Element&&e.target.closest('nav a'))d.open=false})});";

/** Queues `spark(...)` calls made before the deferred tracker arrives (Tracker.astro). */
export const TRACKER_STUB_SCRIPT =
  'window.spark=window.spark||function(){(window.spark.q=window.spark.q||[]).push(arguments)};';

/**
 * Astro's island bootstrap, as its renderer writes it: the first island of a page brings its directive's
 * script together with the island element (`<directive>;<island>`), later islands with another directive
 * bring that directive's script alone (astro/dist/runtime/server/scripts.js).
 */
function astroHydrationScripts(): string[] {
  const directives = [idleDirective, loadDirective, mediaDirective, onlyDirective, visibleDirective];
  return [...directives.map((directive) => `${directive};${islandScript}`), ...directives];
}

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

let hashes: string[] | undefined;

export function knownInlineScriptHashes(): readonly string[] {
  hashes ??= [SERVICE_WORKER_SCRIPT, TRACKER_STUB_SCRIPT, MOBILE_MENU_SCRIPT, ...astroHydrationScripts()].map(
    hashOf,
  );
  return hashes;
}

export { hashOf as inlineScriptHash };
