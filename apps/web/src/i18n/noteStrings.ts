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
  /** When the link does not open: headings and what to do. */
  unavailable: {
    expired: string;
    withdrawn: string;
    unknown: string;
    busy: string;
    failed: string;
    expiredText: string;
    withdrawnText: string;
    unknownText: string;
    busyText: string;
    failedText: string;
  };
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
    unavailable: {
      expired: 'This note is no longer available',
      withdrawn: 'This note is no longer available',
      unknown: 'This link is not valid',
      busy: 'Please wait a moment',
      failed: 'The note could not be opened',
      expiredText: 'This note has expired. Please ask your practitioner for a new link.',
      withdrawnText: 'This note has been withdrawn. Please ask your practitioner for a new link.',
      unknownText: 'This link is not valid. Please ask your practitioner for a new one.',
      busyText: 'Too many attempts. Please try again in a minute.',
      failedText: 'We could not load your note just now. Please check the connection and try again in a moment.',
    },
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
    unavailable: {
      expired: 'یہ نسخہ اب دستیاب نہیں',
      withdrawn: 'یہ نسخہ اب دستیاب نہیں',
      unknown: 'یہ لنک درست نہیں',
      busy: 'براہ کرم تھوڑا انتظار کریں',
      failed: 'نسخہ کھل نہیں سکا',
      expiredText: 'اس نسخے کی مدت ختم ہو چکی ہے۔ براہ کرم اپنے معالج سے نیا لنک مانگیں۔',
      withdrawnText: 'یہ نسخہ واپس لے لیا گیا ہے۔ براہ کرم اپنے معالج سے نیا لنک مانگیں۔',
      unknownText: 'یہ لنک درست نہیں۔ براہ کرم اپنے معالج سے نیا لنک مانگیں۔',
      busyText: 'بہت زیادہ کوششیں ہوئیں۔ براہ کرم ایک منٹ بعد دوبارہ کوشش کریں۔',
      failedText: 'ابھی آپ کا نسخہ نہیں کھل سکا۔ براہ کرم انٹرنیٹ کنکشن دیکھ کر تھوڑی دیر بعد دوبارہ کوشش کریں۔',
    },
    locale: 'ur-PK',
  },
};

/** A date in the note's language, e.g. "5 March 2025". */
export function noteDate(iso: string, strings: NoteStrings): string {
  return new Date(iso).toLocaleDateString(strings.locale, { day: 'numeric', month: 'long', year: 'numeric' });
}
