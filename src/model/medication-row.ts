import type { MedicationRecord } from './medication-record.js';
import type { CalendarDate } from './date.js';
import type { ZkLocale } from './locale.js';
import type { MedicationKind, MedicationSource } from './medication-source.js';
import type { MedicationRowStatus, MedicationStatusGroup } from './medication-status.js';

/** A row of the medication list (`medicationRows` in `./medication.ts`) and what it is made with. */

/** One distinct dosage text with the sources that give it. */
export interface MedicationDosageGroup {
  kinds: MedicationKind[];
  /** Who gives this text: `Medication agreement` (with a start date when two sources of one kind differ). */
  label: string;
  lines: string[];
}

/** One distinct status with the sources that give it. */
export interface MedicationStatusSource {
  kinds: MedicationKind[];
  /** Who gives this status: `Medication agreement` (with the date it was recorded when two sources of one kind differ). */
  label: string;
  status: MedicationRowStatus;
  /** The status in words, in the row's locale. */
  statusText: string;
}

export interface MedicationRow {
  /** Stable and unique within one `medicationRows` result. */
  key: string;
  /** The medication name in full, never abbreviated. */
  name: string;
  /** Strength of the active ingredients (`500 mg`, `100 units/mL`, `400 mg + 80 mg`). */
  strength?: string;
  /** The dosage lines of the primary source (sequence order). Empty when no source gives a dosage. */
  dosageText: string[];
  /** Every distinct dosage text among the sources, with who gives it. */
  dosage: MedicationDosageGroup[];
  /** True when the merged sources give different dosage texts. */
  dosageDiffers: boolean;
  /** The prescriber's decision: the newest medication agreement's status, else the primary source's. */
  status: MedicationRowStatus;
  /** The status in words, in the row's locale. */
  statusText: string;
  /**
   * When the merged sources give different statuses (`statusDiffers`): every distinct status with
   * who gives it, the row's own status first. Empty when they agree.
   */
  statusBySource: readonly MedicationStatusSource[];
  /** True when the merged sources give different statuses. */
  statusDiffers: boolean;
  statusGroup: MedicationStatusGroup;
  /** The kinds of source, in a fixed order (agreement, dispense request, use, request, statement). */
  kinds: MedicationKind[];
  /** The sources in words: `Medication agreement, Medication use` (`(2)` when a kind occurs twice). */
  kindText: string;
  /** The source resources, primary first. */
  sources: MedicationSource[];
  /** The records behind the row, primary first. */
  records: MedicationRecord[];
  /** The resource that speaks for the row (the medication agreement when there is one). */
  resource: MedicationSource;
  /** FHIR date(Time) of the start and end of the period of use, as written. */
  start?: string;
  end?: string;
  /** `01-Jan-2025 to 31-Mar-2025`, `from 01-Jan-2025`, or '' when there is no period; `(not yet started)` after a period that starts after today. */
  periodText: string;
  /** True when no source has started yet: every period of use starts after today. */
  notStarted: boolean;
  prescriber?: string;
  /** The merge code (`system|code`) when the medication is coded. */
  code?: string;
}

export interface MedicationRowOptions {
  locale: ZkLocale;
  /** Today's calendar date (a full date): decides which periods have ended. */
  today: CalendarDate;
}
