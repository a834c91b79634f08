import { HEALTHCARE_FILE } from '../datasets/layout.js';
import type { DemoOptions } from '../datasets/types.js';
import { csvLine, writeDemoFiles } from './files.js';
import { Random } from './random.js';

/** Records of the real Kaggle file (its README); `--scale full` reproduces it. */
export const HEALTHCARE_FULL_ROWS = 3_836;
export const HEALTHCARE_SMALL_ROWS = 600;

const HEADER = ['Serial No', 'description', 'medical_specialty', 'sample_name', 'transcription', 'keywords', 'cleaned_transcription'];

/** [specialty, records in the real file (roughly), topic terms, procedures] */
type Specialty = readonly [string, number, readonly string[], readonly string[]];

const SPECIALTIES: readonly Specialty[] = [
  ['Surgery', 1088, ['incision', 'hemostasis', 'laparoscopic', 'suture', 'anesthesia', 'drain', 'trocar', 'cholecystectomy'], ['Laparoscopic Cholecystectomy', 'Inguinal Hernia Repair', 'Appendectomy', 'Excision of Lipoma']],
  ['Consult - History and Phy.', 516, ['history', 'examination', 'hypertension', 'diabetes', 'review of systems', 'consultation'], ['Consultation - Chest Pain', 'History and Physical - Abdominal Pain']],
  ['Cardiovascular / Pulmonary', 371, ['coronary', 'artery', 'catheterization', 'ventricular', 'ejection fraction', 'stent', 'dyspnea'], ['Cardiac Catheterization', 'Echocardiogram', 'Bronchoscopy']],
  ['Orthopedic', 355, ['fracture', 'arthroscopy', 'knee', 'shoulder', 'tendon', 'ligament', 'cast'], ['Arthroscopic Meniscectomy', 'Total Knee Arthroplasty', 'Carpal Tunnel Release']],
  ['Radiology', 273, ['ct scan', 'mri', 'contrast', 'impression', 'lesion', 'ultrasound', 'findings'], ['MRI Brain', 'CT Abdomen and Pelvis', 'Chest X-ray']],
  ['General Medicine', 259, ['fatigue', 'cough', 'blood pressure', 'medications', 'follow-up', 'vaccination'], ['Annual Physical', 'Follow-up Visit', 'Upper Respiratory Infection']],
  ['Gastroenterology', 224, ['colonoscopy', 'polyp', 'endoscopy', 'reflux', 'biopsy', 'esophagus', 'colon'], ['Colonoscopy', 'EGD with Biopsy', 'Gastroesophageal Reflux']],
  ['Neurology', 223, ['seizure', 'headache', 'neuropathy', 'stroke', 'eeg', 'cranial nerves', 'gait'], ['Neurologic Consultation', 'EEG Report', 'Migraine Evaluation']],
  ['SOAP / Chart / Progress Notes', 166, ['subjective', 'objective', 'assessment', 'plan', 'vital signs', 'progress'], ['Progress Note - Diabetes', 'SOAP Note - Sinusitis']],
  ['Obstetrics / Gynecology', 160, ['pregnancy', 'cesarean', 'uterus', 'gestation', 'delivery', 'pelvic'], ['Cesarean Section', 'Total Abdominal Hysterectomy', 'Normal Delivery']],
  ['Urology', 158, ['prostate', 'bladder', 'cystoscopy', 'kidney stone', 'urinary', 'catheter'], ['Cystoscopy', 'Transurethral Resection of Prostate', 'Vasectomy']],
  ['Discharge Summary', 108, ['admission', 'discharge', 'hospital course', 'diagnosis', 'disposition'], ['Discharge Summary - Pneumonia', 'Discharge Summary - CHF']],
  ['ENT - Otolaryngology', 98, ['tonsillectomy', 'sinus', 'ear', 'tympanic membrane', 'nasal', 'adenoid'], ['Tonsillectomy and Adenoidectomy', 'Septoplasty', 'Myringotomy']],
  ['Neurosurgery', 94, ['laminectomy', 'craniotomy', 'spinal', 'disc', 'fusion', 'dura'], ['Lumbar Laminectomy', 'Anterior Cervical Discectomy and Fusion']],
  ['Hematology - Oncology', 90, ['chemotherapy', 'lymphoma', 'anemia', 'metastatic', 'platelets', 'oncology'], ['Oncology Consultation', 'Chemotherapy Follow-up']],
  ['Ophthalmology', 83, ['cataract', 'intraocular lens', 'retina', 'glaucoma', 'visual acuity', 'cornea'], ['Cataract Extraction', 'Vitrectomy']],
  ['Nephrology', 81, ['renal failure', 'dialysis', 'creatinine', 'proteinuria', 'fistula'], ['Renal Consultation', 'AV Fistula Creation']],
  ['Emergency Room Reports', 75, ['trauma', 'laceration', 'emergency', 'triage', 'chest pain', 'overdose'], ['ER Visit - Laceration', 'ER Visit - Motor Vehicle Accident']],
  ['Pediatrics - Neonatal', 70, ['infant', 'newborn', 'immunizations', 'growth', 'otitis', 'fever'], ['Well Child Check', 'Neonatal Consultation']],
  ['Pain Management', 62, ['epidural', 'injection', 'facet', 'radiculopathy', 'fluoroscopy'], ['Lumbar Epidural Steroid Injection', 'Facet Joint Injection']],
  ['Psychiatry / Psychology', 53, ['depression', 'anxiety', 'mood', 'psychotherapy', 'affect', 'insight'], ['Psychiatric Evaluation', 'Psychological Assessment']],
  ['Office Notes', 51, ['office visit', 'complaint', 'refill', 'counseling'], ['Office Note - Back Pain', 'Office Note - Rash']],
  ['Podiatry', 47, ['bunion', 'hallux', 'plantar', 'toenail', 'heel'], ['Bunionectomy', 'Plantar Fasciitis Evaluation']],
  ['Dermatology', 29, ['rash', 'eczema', 'biopsy', 'melanoma', 'psoriasis'], ['Skin Biopsy', 'Dermatology Consultation']],
  ['Dentistry', 27, ['extraction', 'molar', 'caries', 'gingiva', 'dental'], ['Dental Extraction', 'Dental Restoration']],
  ['Cosmetic / Plastic Surgery', 27, ['abdominoplasty', 'breast', 'liposuction', 'flap', 'graft'], ['Abdominoplasty', 'Reduction Mammaplasty']],
  ['Letters', 23, ['letter', 'referral', 'thank you', 'evaluation'], ['Referral Letter', 'Follow-up Letter']],
  ['Physical Medicine - Rehab', 21, ['rehabilitation', 'physical therapy', 'strength', 'range of motion'], ['Rehabilitation Evaluation', 'Physical Therapy Progress']],
  ['Sleep Medicine', 20, ['sleep apnea', 'polysomnography', 'cpap', 'snoring', 'insomnia'], ['Polysomnogram', 'Sleep Consultation']],
  ['Endocrinology', 19, ['thyroid', 'insulin', 'glucose', 'hba1c', 'adrenal'], ['Thyroid Consultation', 'Diabetes Management']],
  ['Bariatrics', 18, ['gastric bypass', 'obesity', 'bmi', 'lap band', 'weight loss'], ['Laparoscopic Gastric Bypass', 'Bariatric Consultation']],
  ['IME-QME-Work Comp etc.', 16, ['independent medical examination', 'work injury', 'impairment', 'disability'], ['Independent Medical Evaluation']],
  ['Chiropractic', 14, ['spinal adjustment', 'subluxation', 'lumbar', 'cervical'], ['Chiropractic Evaluation']],
  ['Diets and Nutritions', 10, ['diet', 'calories', 'nutrition', 'carbohydrates'], ['Dietary Consultation']],
  ['Rheumatology', 10, ['arthritis', 'lupus', 'joint swelling', 'methotrexate'], ['Rheumatology Consultation']],
  ['Speech - Language', 9, ['speech', 'language', 'articulation', 'swallow'], ['Speech Evaluation']],
  ['Autopsy', 8, ['autopsy', 'cause of death', 'external examination', 'organs'], ['Autopsy Report']],
  ['Lab Medicine - Pathology', 8, ['specimen', 'microscopic', 'pathology', 'frozen section'], ['Pathology Report']],
  ['Allergy / Immunology', 7, ['allergy', 'immunotherapy', 'asthma', 'rhinitis'], ['Allergy Evaluation']],
  ['Hospice - Palliative Care', 6, ['hospice', 'palliative', 'comfort care', 'goals of care'], ['Palliative Care Consultation']],
];

const SECTIONS = ['HISTORY OF PRESENT ILLNESS', 'PAST MEDICAL HISTORY', 'MEDICATIONS', 'ALLERGIES', 'PHYSICAL EXAMINATION', 'FINDINGS', 'ASSESSMENT', 'PLAN'];
const OPENERS = ['The patient is a', 'This is a', 'Patient is a pleasant'];
const SUBJECTS = ['patient', 'examination', 'procedure', 'study', 'history', 'evaluation'];
const VERBS = ['was consistent with', 'showed', 'revealed no evidence of', 'was significant for', 'suggested', 'documented'];
const FILLERS = ['without complication', 'as noted above', 'and was well tolerated', 'with no acute distress', 'on the left side', 'on the right side', 'within normal limits', 'at the time of discharge'];
const MEDICATIONS = ['lisinopril 10 mg daily', 'metformin 500 mg twice daily', 'aspirin 81 mg daily', 'atorvastatin 20 mg at bedtime', 'ibuprofen as needed', 'levothyroxine 50 mcg daily', 'none'];
const STOP_WORDS = new Set(['the', 'a', 'an', 'is', 'was', 'of', 'and', 'with', 'to', 'on', 'at', 'no', 'as', 'for', 'in', 'this', 'be', 'will', 'he', 'she', 'his', 'her', 'patient', 'noted', 'above', 'time', 'side']);

function sentence(rng: Random, terms: readonly string[]): string {
  return `The ${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(terms)} ${rng.pick(FILLERS)}.`;
}

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
  const weights = SPECIALTIES.map((s) => s[1]);
  const lines = [csvLine(HEADER, ',')];
  for (let i = 0; i < rows; i++) {
    // The first records visit every specialty once, so a small demo has them all.
    const [specialty, , terms, procedures] = SPECIALTIES[i < SPECIALTIES.length ? i : rng.weightedIndex(weights)] as Specialty;
    const procedure = rng.pick(procedures);
    const age = rng.int(1, 92);
    const sex = rng.pick(['male', 'female']);
    const paragraphs: string[] = [`${rng.pick(OPENERS)} ${age}-year-old ${sex} presenting for ${procedure.toLowerCase()}.`];
    // Lengths are skewed: most notes are a page, some operative reports run much longer.
    const sections = Math.min(SECTIONS.length, 3 + Math.floor(rng.logNormal(0.6, 0.5)));
    for (const title of SECTIONS.slice(0, sections)) {
      const count = Math.max(1, Math.round(rng.logNormal(options.scale === 'full' ? 1.95 : 1.1, 0.6)));
      const body = Array.from({ length: count }, () => sentence(rng, terms));
      if (title === 'MEDICATIONS') body.unshift(`${rng.pick(MEDICATIONS)}, ${rng.pick(MEDICATIONS)}.`);
      if (rng.chance(0.15)) body.push(`The patient states, "${rng.pick(terms)} has been bothering me for ${rng.int(2, 30)} days."`);
      paragraphs.push(`${title}:  ${body.join(' ')}`);
    }
    const transcription = paragraphs.join(rng.chance(0.1) ? '\r\n\r\n' : '\n\n');
    const keywordList = [specialty.toLowerCase(), ...rng.shuffle([...terms]).slice(0, rng.int(3, Math.min(8, terms.length)))];
    const keywords = keywordList.join(', ') + (rng.chance(0.4) ? ', ' : rng.chance(0.2) ? ',' : '');
    const description = `${procedure} in a ${age}-year-old ${sex}${rng.chance(0.3) ? `, ${rng.pick(terms)}` : ''}.`;
    lines.push(csvLine([i, description, ` ${specialty}`, ` ${procedure} `, transcription, rng.chance(0.03) ? '' : keywords, cleanText(transcription)], ','));
  }
  return lines.join('');
}

export async function writeHealthcareDemo(datasetsDir: string, options: DemoOptions): Promise<string[]> {
  return writeDemoFiles(datasetsDir, [{ relative: HEALTHCARE_FILE, content: healthcareDemoCsv(options) }], options.force);
}
