// The words of the patient's note page, in each language a note can be shared in.
import type { NoteLanguage } from '@unani/contracts';

export interface NoteStrings {
  title: string;
  diagnosis: string;
  unaniName: string;
  medicines: string;
  dietTake: string;
  dietAvoid: string;
  regimen: string;
  advice: string;
  followUp: string;
  practitioner: string;
  issued: string;
  validUntil: string;
  print: string;
  /** The heading of the "seek care now" box of an emergency or urgent note. */
  seekCare: { emergency: string; urgent: string };
  /** The line sent before the link, e.g. on WhatsApp. */
  shareMessage: string;
  /** The locale for dates. */
  locale: string;
}

export const noteStrings: Record<NoteLanguage, NoteStrings> = {
  en: {
    title: 'Your treatment note',
    diagnosis: 'Diagnosis',
    unaniName: 'Unani name',
    medicines: 'Medicines',
    dietTake: 'Foods to take',
    dietAvoid: 'Foods to avoid',
    regimen: 'Regimen',
    advice: 'Advice',
    followUp: 'Follow-up',
    practitioner: 'Practitioner',
    issued: 'Issued',
    validUntil: 'Valid until',
    print: 'Print',
    seekCare: { emergency: 'Seek emergency care now', urgent: 'See a doctor today' },
    shareMessage: 'Your treatment note from the clinic:',
    locale: 'en-GB',
  },
  ur: {
    title: 'آپ کا علاجی نسخہ',
    seekCare: { emergency: 'ابھی ہنگامی طبی امداد حاصل کریں', urgent: 'آج ہی ڈاکٹر کو دکھائیں' },
    diagnosis: 'تشخیص',
    unaniName: 'یونانی نام',
    medicines: 'دوائیں',
    dietTake: 'کیا کھائیں',
    dietAvoid: 'کن چیزوں سے پرہیز کریں',
    regimen: 'تدابیر',
    advice: 'ہدایات',
    followUp: 'دوبارہ معائنہ',
    practitioner: 'معالج',
    issued: 'تاریخِ اجرا',
    validUntil: 'کارآمد تا',
    print: 'پرنٹ کریں',
    shareMessage: 'کلینک کی طرف سے آپ کا علاجی نسخہ:',
    locale: 'ur-PK',
  },
};

/** A date in the note's language, e.g. "5 March 2025". */
export function noteDate(iso: string, strings: NoteStrings): string {
  return new Date(iso).toLocaleDateString(strings.locale, { day: 'numeric', month: 'long', year: 'numeric' });
}
