/** The progress bar every panel shows while an engine runs: a `progressbar` with the phase and counts in words. */
import { html, type TemplateResult } from 'lit';
import { describeProgress, PHASE_LABELS } from '../shared/messages.js';
import { en as PHASE_TEXT } from '../shared/l10n/en.js';
import type { Phase, Progress } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';

/**
 * Renders the progress of the current phase. `label` names the operation ("Export progress"). A native `<progress>`
 * rather than a styled div: Lit's styleMap writes a `style` attribute on first render, which a strict `style-src`
 * Content-Security-Policy blocks.
 */
export function renderProgress(progress: Progress | undefined, label: string, l?: Localizer): TemplateResult {
  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = describeProgress(progress, l) || (l?.t ?? PHASE_TEXT).starting;
  return html`
    <div class="progress" part="progress">
      <progress
        part="progress-bar"
        aria-label=${label}
        aria-valuetext=${text}
        max="100"
        .value=${percent}
      ></progress>
      <p class="progress-text">${text}</p>
    </div>
  `;
}

/** Returns the sentence to announce for a new progress report, or undefined when only the counts moved. */
export function announcePhase(previous: Progress | undefined, next: Progress, l?: Localizer): string | undefined {
  if (previous?.phase === next.phase) return undefined;
  return `${describeProgress({ ...next, total: 0 }, l)}…`;
}

/** The phases of a long operation as a list: done ones ticked, the current one marked. */
export function renderPhaseList(phases: readonly Phase[], current: Phase | undefined, l?: Localizer): TemplateResult {
  const index = current ? phases.indexOf(current) : 0;
  return html`<ol class="phases">
    ${phases.map(
      (phase, i) =>
        html`<li data-state=${i < index ? 'done' : i === index ? 'current' : 'pending'}>${(l?.t.phases ?? PHASE_LABELS)[phase]}</li>`,
    )}
  </ol>`;
}
