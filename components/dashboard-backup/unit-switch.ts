/**
 * What `<dashboard-backup>` works on while an operation runs, and the notice shown when the page asks for another
 * unit (or another client or `api-base`) meanwhile.
 *
 * Why the change waits: an import cannot be moved to another unit half-way, and its outcome (a verified import, or
 * one that stopped and must be resumed or rolled back) is about the unit it changed. So the element keeps working
 * on, and showing, the unit the operation started on; once it ends, the admin moves to the new one deliberately,
 * with the outcome read first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardClient } from '../shared/engine.js';
import type { BackupOperation } from '../shared/events.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';

/** The unit an operation works on, and the client it uses, fixed when the operation starts. */
export interface PinnedTarget {
  client: DashboardClient;
  unit: string;
  unitName: string;
}

/** The target the page now asks for, when it differs from the pinned one. */
export interface RequestedSwitch {
  /** The unit's name, or a description when the connection changed. */
  label: string;
}


/** What {@link renderUnitSwitch} shows and calls. */
export interface UnitSwitchView {
  l: Localizer;
  pinned: PinnedTarget;
  requested: RequestedSwitch;
  /** The operation that runs, or null once it ended. */
  operation: BackupOperation | null;
  onSwitch: () => void;
}

/** The notice; while the operation runs it only explains, once it ended it offers the switch. */
export function renderUnitSwitch(v: UnitSwitchView): TemplateResult | typeof nothing {
  const { t } = v.l;
  const about = bdi(v.pinned.unitName);
  const requested = bdi(v.requested.label);
  if (v.operation) {
    return html`<div class="notice" part="notice" role="status" id="unit-switch">
      <p>${t.switchWaits(requested, v.operation, about)}</p>
    </div>`;
  }
  return html`<div class="notice" part="notice" role="status" id="unit-switch">
    <p>${t.switchOffered(about, requested)}</p>
    <div class="actions">
      <button class="button" part="button" type="button" @click=${v.onSwitch}>${t.goTo(requested)}</button>
    </div>
  </div>`;
}
