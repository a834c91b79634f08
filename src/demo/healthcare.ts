import { HEALTHCARE_FILE } from '../datasets/layout.js';
import type { DemoOptions } from '../datasets/types.js';
import { csvLine, writeDemoFiles } from './files.js';
import { SPECIALTIES, type Procedure, type RecordKind } from './procedures.js';
import { Random } from './random.js';

/** Records of the real Kaggle file (its README); `--scale full` reproduces it. */
export const HEALTHCARE_FULL_ROWS = 3_836;
export const HEALTHCARE_SMALL_ROWS = 600;

const HEADER = ['Serial No', 'description', 'medical_specialty', 'sample_name', 'transcription', 'keywords', 'cleaned_transcription'];

const STOP_WORDS = new Set(['the', 'a', 'an', 'is', 'was', 'of', 'and', 'with', 'to', 'on', 'at', 'no', 'as', 'for', 'in', 'this', 'be', 'will', 'he', 'she', 'his', 'her', 'patient', 'noted', 'above', 'time', 'side']);

/** Who the record is about; every sentence is written for this person. */
export interface Subject {
  readonly age: number;
  readonly sex: 'female' | 'male';
  /** "45-year-old female", "6-day-old male infant". */
  readonly phrase: string;
}

/** A person the procedure fits: its sex if it has one, an age in its range (days of life for newborn ones). */
export function subjectFor(rng: Random, procedure: Procedure): Subject {
  const sex = procedure.sex ?? rng.pick(['female', 'male'] as const);
  const n = rng.int(procedure.ages[0], procedure.ages[1]);
  if (procedure.newborn) return { age: 0, sex, phrase: `${n}-day-old ${sex} infant` };
  return { age: n, sex, phrase: `${n}-year-old ${sex}` };
}

/** "a 45-year-old", "an 80-year-old", "an 11-day-old": the article as the number is spoken. */
export function withArticle(phrase: string): string {
  return `${/^(8|11|18|8\d)\D/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Sentences of each section, for the subject: children get no statins, men no pregnancies. */
class Writer {
  readonly he: string;
  readonly his: string;
  constructor(
    private readonly rng: Random,
    private readonly procedure: Procedure,
    private readonly who: Subject,
    /** Extra sentences per section: full-scale records run about as long as the real file's. */
    private readonly detail: number,
  ) {
    this.he = who.sex === 'female' ? 'She' : 'He';
    this.his = who.sex === 'female' ? 'her' : 'his';
  }

  private some(list: readonly string[], extra = this.detail): string[] {
    const n = Math.min(list.length, 1 + this.rng.int(0, extra));
    return this.rng.shuffle([...list]).slice(0, n);
  }

  private get child(): boolean {
    return this.who.age < 18;
  }

  /** How long ago symptoms began: never before birth. */
  private onset(): string {
    const { rng, who } = this;
    if (who.age === 0) return `on day ${rng.int(1, Number.parseInt(who.phrase, 10))} of life`;
    const units = who.age < 2 ? ['days', 'weeks'] : ['days', 'weeks', 'months'];
    return `about ${rng.int(2, 10)} ${rng.pick(units)} ago`;
  }

  history(): string {
    const { rng, who, procedure } = this;
    const young = who.age < 5;
    const onset = this.onset();
    const lines = [
      `${rng.pick(['The patient is', 'This is'])} ${withArticle(who.phrase)} who is seen for ${procedure.indication}.`,
      procedure.routine ? `${this.he} has no new complaints.` : `Symptoms began ${onset}.`,
      ...this.some(
        young
          ? [`${capital(this.his)} parents report no fever.`, `${this.he} is feeding and sleeping well.`, `${this.he} was referred by ${this.his} pediatrician.`]
          : [`${this.he} denies fever or chills.`, `${this.he} has tried over-the-counter remedies without relief.`, 'There has been no recent travel.', `${this.he} was referred by ${this.his} primary care physician.`],
      ),
    ];
    if (who.age >= 12 && !procedure.routine && rng.chance(0.15)) lines.push(`${this.he} states, "It started ${onset.replace(/^about /, '')} and has not gone away."`);
    return lines.join(' ');
  }

  pastHistory(): string {
    if (this.who.age === 0) return `Born at ${this.rng.int(37, 41)} weeks of gestation by ${this.rng.pick(['spontaneous vaginal delivery', 'cesarean section'])}; no complications after birth.`;
    const adult = ['hypertension', 'type 2 diabetes mellitus', 'hyperlipidemia', 'osteoarthritis', 'hypothyroidism', 'gastroesophageal reflux disease'];
    const young = ['mild intermittent asthma', 'seasonal allergies', 'eczema'];
    const pool = this.who.age < 5 ? ['eczema', 'recurrent ear infections'] : this.child ? young : this.who.age < 40 ? [...young, 'migraine headaches'] : adult;
    return this.rng.chance(0.2) ? 'Noncontributory.' : `Significant for ${this.some(pool, 2).join(' and ')}.`;
  }

  /** Whether the medications section listed any: the plan only continues medications that exist. */
  private medicated = false;

  medications(): string {
    const adult = ['lisinopril 10 mg daily', 'metformin 500 mg twice daily', 'aspirin 81 mg daily', 'atorvastatin 20 mg at bedtime', 'levothyroxine 50 mcg daily', 'omeprazole 20 mg daily'];
    const young = ['acetaminophen as needed', 'albuterol inhaler as needed', 'cetirizine 5 mg daily'];
    if (this.who.age === 0 || this.rng.chance(0.15)) return 'None.';
    this.medicated = true;
    return `${capital(this.some(this.child ? young : adult, 2).join(', '))}.`;
  }

  allergies(): string {
    return this.rng.pick(['No known drug allergies.', 'Penicillin, which causes a rash.', 'Sulfa drugs.', 'No known drug allergies.']);
  }

  examination(): string {
    const { rng } = this;
    const pulse = this.who.age === 0 ? rng.int(120, 160) : this.child ? rng.int(80, 120) : rng.int(60, 95);
    const vitals = this.who.age < 3 ? `Heart rate ${pulse}, respirations ${this.who.age === 0 ? rng.int(35, 55) : rng.int(22, 34)}, temperature 98.${rng.int(0, 9)} F.` : `Blood pressure ${this.child ? rng.int(95, 115) : rng.int(110, 150)}/${rng.int(60, 90)}, pulse ${pulse}, temperature 98.${rng.int(0, 9)} F.`;
    return [
      vitals,
      `${this.he} is alert and in no acute distress.`,
      ...this.some([
        'Heart has a regular rate and rhythm without murmur.',
        'Lungs are clear to auscultation bilaterally.',
        'Abdomen is soft and nontender.',
        'Extremities show no edema.',
        'Neurologically intact without focal deficits.',
        'Skin is warm and dry.',
      ]),
    ].join(' ');
  }

  assessment(): string {
    return `${capital(this.procedure.indication)}.`;
  }

  plan(): string {
    return this.some([
      `Follow up in ${this.rng.int(1, 6)} weeks, sooner if symptoms worsen.`,
      'Risks and benefits of treatment were discussed and questions answered.',
      this.medicated ? 'Continue the current medications.' : 'No medication is started today.',
      'Instructions were given in writing.',
    ]).join(' ');
  }

  aftercare(): string {
    return this.some([
      `Follow up in clinic in ${this.rng.int(1, 3)} weeks.`,
      'Acetaminophen as needed for pain.',
      'Resume the usual diet as tolerated.',
      'Call for fever, bleeding or increasing pain.',
    ]).join(' ');
  }

  systems(): string {
    const lines = ['Constitutional: no weight loss.', 'Cardiovascular: no palpitations.', 'Respiratory: no shortness of breath.', 'Gastrointestinal: no nausea or vomiting.', 'Genitourinary: no dysuria.', 'Musculoskeletal: no joint swelling.', 'Neurological: no weakness.', 'Psychiatric: no depression.'];
    return `Otherwise negative except as in the history. ${this.some(lines, this.detail * 2).join(' ')}`;
  }

  social(): string {
    if (this.child) return `Lives at home with ${this.his} parents${this.who.age >= 5 ? ` and attends school` : ''}.`;
    return this.some([
      this.rng.pick(['Never smoker.', 'Former smoker, quit 10 years ago.', 'Smokes half a pack a day.']),
      this.rng.pick(['Drinks alcohol socially.', 'Does not drink alcohol.']),
      this.who.age >= 67 ? 'Retired.' : this.rng.pick(['Works as a teacher.', 'Works in construction.', 'Works in an office.']),
    ]).join(' ');
  }

  operation(): string {
    const { rng, procedure } = this;
    return [
      `The patient was brought to the ${rng.pick(['operating room', 'procedure room'])} and positioned for the procedure.`,
      `After ${procedure.anesthesia?.toLowerCase() ?? 'anesthesia'} was established, the area was prepped and draped in the usual sterile fashion.`,
      `The ${procedure.name.toLowerCase()} was carried out in the standard manner.`,
      ...this.some(
        procedure.closed
          ? ['There were no complications.', 'Vital signs remained stable throughout.', 'All instruments were removed at the end of the procedure.']
          : ['Hemostasis was obtained.', 'The instrument and sponge counts were correct.', 'There were no intraoperative complications.', 'The wound was closed and dressed with a sterile dressing.'],
      ),
      `The patient tolerated the procedure well and went to recovery in stable condition.`,
    ].join(' ');
  }

  findings(): string {
    return this.procedure.finding ?? `Findings confirmed ${this.procedure.indication}.`;
  }

  anesthesia(): string {
    return this.procedure.anesthesia ?? 'Local anesthesia';
  }

  body(): string {
    return `The body is that of a well-developed ${this.who.phrase} appearing the stated age. There are no signs of injury.`;
  }

  letter(): string {
    return [
      `Thank you for asking me to see your patient, ${withArticle(this.who.phrase)}, for ${this.procedure.indication}.`,
      ...this.some([`${this.he} was examined in the office today.`, `I reviewed ${this.his} records and recent tests.`, 'I will keep you informed of further progress.']),
      'Sincerely,',
    ].join(' ');
  }

  technique(): string {
    return this.some(['The study was performed according to the standard protocol.', 'No prior study is available for comparison.']).join(' ');
  }

  reportFindings(): string {
    return this.procedure.finding ?? this.some(['No acute abnormality is seen.', 'There is no mass or fluid collection.', 'The structures examined are within normal limits for age.', 'There are mild degenerative changes.']).join(' ');
  }

  impression(): string {
    return this.procedure.impression ?? this.rng.pick(['No acute findings.', 'No acute findings; clinical correlation is recommended.', 'Mild nonspecific changes; follow-up as clinically indicated.']);
  }

  hospitalCourse(): string {
    return `The patient was admitted for ${this.procedure.indication} and improved with treatment over ${this.rng.int(2, 7)} days.`;
  }
}

type Section = readonly [title: string, write: (w: Writer) => string];

const CLINICAL: readonly Section[] = [
  ['HISTORY OF PRESENT ILLNESS', (w) => w.history()],
  ['PAST MEDICAL HISTORY', (w) => w.pastHistory()],
  ['MEDICATIONS', (w) => w.medications()],
  ['ALLERGIES', (w) => w.allergies()],
  ['SOCIAL HISTORY', (w) => w.social()],
  ['REVIEW OF SYSTEMS', (w) => w.systems()],
  ['PHYSICAL EXAMINATION', (w) => w.examination()],
  ['ASSESSMENT', (w) => w.assessment()],
  ['PLAN', (w) => w.plan()],
];
const OPERATIVE: readonly Section[] = [
  ['PREOPERATIVE DIAGNOSIS', (w) => w.assessment()],
  ['POSTOPERATIVE DIAGNOSIS', (w) => w.assessment()],
  ['ANESTHESIA', (w) => `${w.anesthesia()}.`],
  ['DESCRIPTION OF PROCEDURE', (w) => w.operation()],
  ['FINDINGS', (w) => w.findings()],
  ['DISPOSITION', (w) => w.aftercare()],
];
const REPORT: readonly Section[] = [
  ['INDICATION', (w) => w.assessment()],
  ['TECHNIQUE', (w) => w.technique()],
  ['FINDINGS', (w) => w.reportFindings()],
  ['IMPRESSION', (w) => w.impression()],
];
const AUTOPSY: readonly Section[] = [
  ['EXTERNAL EXAMINATION', (w) => w.body()],
  ['INTERNAL EXAMINATION', (w) => w.reportFindings()],
  ['CAUSE OF DEATH', () => 'Pending toxicology and microscopic examination.'],
];
const LETTER: readonly Section[] = [
  ['RE', (w) => w.assessment()],
  ['LETTER', (w) => w.letter()],
];
const SECTIONS: Readonly<Record<RecordKind, readonly Section[]>> = { clinical: CLINICAL, operative: OPERATIVE, report: REPORT, autopsy: AUTOPSY, letter: LETTER };

/** cleaned_transcription as the Kaggle file has it: lower case, stop words and punctuation removed, one line. */
export function cleanText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .join(' ');
}

/** The Kaggle file: comma CSV whose transcription fields are quoted multi-paragraph text (with quotes inside). */
export function healthcareDemoCsv(options: Pick<DemoOptions, 'scale' | 'seed'>): string {
  const rng = Random.derive(options.seed, 'healthcare');
  const rows = options.scale === 'full' ? HEALTHCARE_FULL_ROWS : HEALTHCARE_SMALL_ROWS;
  const weights = SPECIALTIES.map((s) => s.weight);
  const lines = [csvLine(HEADER, ',')];
  for (let i = 0; i < rows; i++) {
    // The first records visit every specialty once, so a small demo has them all.
    const specialty = SPECIALTIES[i < SPECIALTIES.length ? i : rng.weightedIndex(weights)]!;
    const procedure = rng.pick(specialty.procedures);
    const who = subjectFor(rng, procedure);
    // Lengths are skewed: most notes are a page, some run much longer.
    const detail = Math.round(rng.logNormal(options.scale === 'full' ? 1.6 : 0.4, 0.6));
    const writer = new Writer(rng, procedure, who, detail);
    const paragraphs = SECTIONS[procedure.kind].map(([title, write]) => `${title}:  ${write(writer)}`);
    const transcription = paragraphs.join(rng.chance(0.1) ? '\r\n\r\n' : '\n\n');
    const terms = specialty.terms;
    const keywordList = [specialty.name.toLowerCase(), ...rng.shuffle([...terms]).slice(0, rng.int(3, Math.min(8, terms.length)))];
    const keywords = keywordList.join(', ') + (rng.chance(0.4) ? ', ' : rng.chance(0.2) ? ',' : '');
    const description = `${procedure.name} in ${withArticle(who.phrase)}${rng.chance(0.3) ? `, for ${procedure.indication}` : ''}.`;
    lines.push(csvLine([i, description, ` ${specialty.name}`, ` ${procedure.name} `, transcription, rng.chance(0.03) ? '' : keywords, cleanText(transcription)], ','));
  }
  return lines.join('');
}

export async function writeHealthcareDemo(datasetsDir: string, options: DemoOptions): Promise<string[]> {
  return writeDemoFiles(datasetsDir, [{ relative: HEALTHCARE_FILE, content: healthcareDemoCsv(options) }], options.force);
}
