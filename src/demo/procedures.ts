/**
 * The demo's clinical vocabulary: the 40 specialties of the Kaggle file, and for each what a record of it can be
 * about. Every procedure carries who can have it (sex, age range) and why (its indication), so a generated record
 * never reads "Cesarean Section in a 17-year-old male" or "Total Knee Arthroplasty in a 7-year-old".
 */

/** How a record of the procedure is written: which sections it has (see src/demo/healthcare.ts). */
export type RecordKind = 'clinical' | 'operative' | 'report' | 'autopsy' | 'letter';

export interface Procedure {
  readonly name: string;
  /** Why it is done, as a phrase that follows "for" / "presents with": "symptomatic cholelithiasis". */
  readonly indication: string;
  /** Inclusive age range in years; `newborn` procedures are in days of life instead (1 to 28). */
  readonly ages: readonly [number, number];
  readonly sex?: 'female' | 'male';
  readonly kind: RecordKind;
  readonly newborn?: boolean;
  /** Operative records: the anesthesia given. */
  readonly anesthesia?: string;
  /** What was found, where the indication alone does not say (a screening, a sterilization, a study's result). */
  readonly finding?: string;
  /** Reports: the conclusion, when the study has a specific one. */
  readonly impression?: string;
  /** Operative records done without an incision (a scope, an injection, a catheter): no wound to close. */
  readonly closed?: boolean;
  /** A visit without a complaint (a check-up, a follow-up): no onset of symptoms. */
  readonly routine?: boolean;
}

export interface Specialty {
  readonly name: string;
  /** Records in the real file (roughly): the demo draws specialties with these weights. */
  readonly weight: number;
  /** Topic terms: the record's keywords are drawn from them. */
  readonly terms: readonly string[];
  readonly procedures: readonly Procedure[];
}

type Extra = Partial<Pick<Procedure, 'sex' | 'newborn' | 'anesthesia' | 'finding' | 'impression' | 'routine' | 'closed'>>;
const GENERAL = 'General endotracheal anesthesia';
const LOCAL = 'Local anesthesia with intravenous sedation';
const op = (name: string, indication: string, ages: [number, number], extra: Extra = {}): Procedure => ({ name, indication, ages, kind: 'operative', anesthesia: GENERAL, ...extra });
const visit = (name: string, indication: string, ages: [number, number], extra: Extra = {}): Procedure => ({ name, indication, ages, kind: 'clinical', ...extra });
const report = (name: string, indication: string, ages: [number, number], extra: Extra = {}): Procedure => ({ name, indication, ages, kind: 'report', ...extra });

const S = (name: string, weight: number, terms: string[], procedures: Procedure[]): Specialty => ({ name, weight, terms, procedures });

export const SPECIALTIES: readonly Specialty[] = [
  S('Surgery', 1088, ['incision', 'hemostasis', 'laparoscopic', 'suture', 'anesthesia', 'drain', 'trocar', 'cholecystectomy'], [
    op('Laparoscopic Cholecystectomy', 'symptomatic cholelithiasis', [20, 85]),
    op('Inguinal Hernia Repair', 'a reducible right inguinal hernia', [18, 88]),
    op('Appendectomy', 'acute appendicitis', [8, 70]),
    op('Excision of Lipoma', 'an enlarging subcutaneous lipoma of the back', [25, 80], { anesthesia: LOCAL }),
  ]),
  S('Consult - History and Phy.', 516, ['history', 'examination', 'hypertension', 'diabetes', 'review of systems', 'consultation'], [
    visit('Consultation - Chest Pain', 'intermittent chest pain', [30, 90]),
    visit('History and Physical - Abdominal Pain', 'abdominal pain', [18, 90]),
  ]),
  S('Cardiovascular / Pulmonary', 371, ['coronary', 'artery', 'catheterization', 'ventricular', 'ejection fraction', 'stent', 'dyspnea'], [
    op('Cardiac Catheterization', 'exertional angina with suspected coronary artery disease', [40, 88], { anesthesia: LOCAL, finding: 'A 70 percent stenosis of the proximal left anterior descending artery.', closed: true }),
    report('Echocardiogram', 'dyspnea on exertion', [30, 90], { finding: 'Left ventricular ejection fraction is 55 percent; no significant valve disease.', impression: 'Normal left ventricular size and function.' }),
    op('Bronchoscopy', 'a persistent right upper lobe opacity', [35, 85], { anesthesia: LOCAL, finding: 'Washings and biopsies were taken from the right upper lobe.', closed: true }),
  ]),
  S('Orthopedic', 355, ['fracture', 'arthroscopy', 'knee', 'shoulder', 'tendon', 'ligament', 'cast'], [
    op('Arthroscopic Meniscectomy', 'a medial meniscus tear of the right knee', [18, 65]),
    op('Total Knee Arthroplasty', 'severe osteoarthritis of the left knee', [50, 88]),
    op('Carpal Tunnel Release', 'carpal tunnel syndrome of the right hand', [30, 80], { anesthesia: LOCAL }),
  ]),
  S('Radiology', 273, ['ct scan', 'mri', 'contrast', 'impression', 'lesion', 'ultrasound', 'findings'], [
    report('MRI Brain', 'headaches', [18, 85]),
    report('CT Abdomen and Pelvis', 'right lower quadrant pain', [18, 90]),
    report('Chest X-ray', 'cough and fever', [5, 90]),
  ]),
  S('General Medicine', 259, ['fatigue', 'cough', 'blood pressure', 'medications', 'follow-up', 'vaccination'], [
    visit('Annual Physical', 'a routine health maintenance visit', [18, 85], { routine: true }),
    visit('Follow-up Visit', 'follow-up of hypertension', [35, 90], { routine: true }),
    visit('Upper Respiratory Infection', 'cough and nasal congestion', [5, 80]),
  ]),
  S('Gastroenterology', 224, ['colonoscopy', 'polyp', 'endoscopy', 'reflux', 'biopsy', 'esophagus', 'colon'], [
    op('Colonoscopy', 'colorectal cancer screening', [45, 80], { anesthesia: 'Monitored anesthesia care', finding: 'A 6 mm sessile polyp in the sigmoid colon was removed with a snare.', closed: true }),
    op('EGD with Biopsy', 'dysphagia', [25, 85], { anesthesia: 'Monitored anesthesia care', finding: 'A mild distal esophageal stricture; biopsies were taken.', closed: true }),
    visit('Gastroesophageal Reflux', 'heartburn after meals', [20, 80]),
  ]),
  S('Neurology', 223, ['seizure', 'headache', 'neuropathy', 'stroke', 'eeg', 'cranial nerves', 'gait'], [
    visit('Neurologic Consultation', 'numbness of both feet', [25, 85]),
    report('EEG Report', 'a new-onset seizure', [5, 80], { finding: 'The background rhythm is symmetric at 9 Hz; no epileptiform discharges are seen.', impression: 'Normal awake and drowsy EEG.' }),
    visit('Migraine Evaluation', 'recurrent headaches', [15, 60]),
  ]),
  S('SOAP / Chart / Progress Notes', 166, ['subjective', 'objective', 'assessment', 'plan', 'vital signs', 'progress'], [
    visit('Progress Note - Diabetes', 'follow-up of type 2 diabetes mellitus', [35, 85], { routine: true }),
    visit('SOAP Note - Sinusitis', 'facial pressure and nasal congestion', [10, 75]),
  ]),
  S('Obstetrics / Gynecology', 160, ['pregnancy', 'cesarean', 'uterus', 'gestation', 'delivery', 'pelvic'], [
    op('Cesarean Section', 'arrest of labor at 39 weeks of gestation', [18, 43], { sex: 'female', anesthesia: 'Spinal anesthesia', finding: 'A viable infant was delivered with Apgar scores of 8 and 9.' }),
    op('Total Abdominal Hysterectomy', 'symptomatic uterine fibroids', [35, 60], { sex: 'female' }),
    visit('Normal Delivery', 'spontaneous labor at term', [18, 42], { sex: 'female' }),
  ]),
  S('Urology', 158, ['prostate', 'bladder', 'cystoscopy', 'kidney stone', 'urinary', 'catheter'], [
    op('Cystoscopy', 'painless gross hematuria', [30, 85], { anesthesia: LOCAL, finding: 'The bladder mucosa was normal, without tumor or stones.', closed: true }),
    op('Transurethral Resection of Prostate', 'benign prostatic hyperplasia with urinary retention', [55, 88], { sex: 'male', anesthesia: 'Spinal anesthesia', closed: true }),
    op('Vasectomy', 'elective sterilization', [28, 55], { sex: 'male', anesthesia: LOCAL, finding: 'Both vasa were identified, divided and cauterized.' }),
  ]),
  S('Discharge Summary', 108, ['admission', 'discharge', 'hospital course', 'diagnosis', 'disposition'], [
    visit('Discharge Summary - Pneumonia', 'community-acquired pneumonia', [20, 95]),
    visit('Discharge Summary - CHF', 'decompensated congestive heart failure', [50, 95]),
  ]),
  S('ENT - Otolaryngology', 98, ['tonsillectomy', 'sinus', 'ear', 'tympanic membrane', 'nasal', 'adenoid'], [
    op('Tonsillectomy and Adenoidectomy', 'recurrent tonsillitis and adenoid hypertrophy', [3, 15]),
    op('Septoplasty', 'nasal obstruction from a deviated septum', [18, 65]),
    op('Myringotomy', 'recurrent otitis media', [1, 8]),
  ]),
  S('Neurosurgery', 94, ['laminectomy', 'craniotomy', 'spinal', 'disc', 'fusion', 'dura'], [
    op('Lumbar Laminectomy', 'lumbar spinal stenosis with neurogenic claudication', [45, 85]),
    op('Anterior Cervical Discectomy and Fusion', 'cervical radiculopathy from a C5-C6 disc herniation', [30, 75]),
  ]),
  S('Hematology - Oncology', 90, ['chemotherapy', 'lymphoma', 'anemia', 'metastatic', 'platelets', 'oncology'], [
    visit('Oncology Consultation', 'newly diagnosed diffuse large B-cell lymphoma', [25, 85]),
    visit('Chemotherapy Follow-up', 'metastatic breast cancer on chemotherapy', [35, 80], { sex: 'female' }),
  ]),
  S('Ophthalmology', 83, ['cataract', 'intraocular lens', 'retina', 'glaucoma', 'visual acuity', 'cornea'], [
    op('Cataract Extraction', 'a visually significant cataract of the right eye', [55, 90], { anesthesia: 'Topical anesthesia with sedation' }),
    op('Vitrectomy', 'a retinal detachment of the left eye', [30, 80]),
  ]),
  S('Nephrology', 81, ['renal failure', 'dialysis', 'creatinine', 'proteinuria', 'fistula'], [
    visit('Renal Consultation', 'stage 4 chronic kidney disease', [40, 90]),
    op('AV Fistula Creation', 'end-stage renal disease needing dialysis access', [30, 85], { anesthesia: 'Regional block with sedation', finding: 'A good thrill was palpable over the fistula at the end of the case.' }),
  ]),
  S('Emergency Room Reports', 75, ['trauma', 'laceration', 'emergency', 'triage', 'chest pain', 'overdose'], [
    visit('ER Visit - Laceration', 'a laceration of the left forearm', [3, 85]),
    visit('ER Visit - Motor Vehicle Accident', 'neck pain after a motor vehicle accident', [16, 85]),
  ]),
  S('Pediatrics - Neonatal', 70, ['infant', 'newborn', 'immunizations', 'growth', 'otitis', 'fever'], [
    visit('Well Child Check', 'a routine well-child visit', [1, 12], { routine: true }),
    visit('Neonatal Consultation', 'neonatal jaundice', [1, 28], { newborn: true }),
  ]),
  S('Pain Management', 62, ['epidural', 'injection', 'facet', 'radiculopathy', 'fluoroscopy'], [
    op('Lumbar Epidural Steroid Injection', 'lumbar radiculopathy', [30, 85], { anesthesia: 'Local anesthesia', finding: 'Epidural spread of contrast was confirmed by fluoroscopy.', closed: true }),
    op('Facet Joint Injection', 'lumbar facet arthropathy', [35, 85], { anesthesia: 'Local anesthesia', finding: 'Needle position was confirmed by fluoroscopy.', closed: true }),
  ]),
  S('Psychiatry / Psychology', 53, ['depression', 'anxiety', 'mood', 'psychotherapy', 'affect', 'insight'], [
    visit('Psychiatric Evaluation', 'depressed mood and poor sleep', [16, 80]),
    visit('Psychological Assessment', 'anxiety affecting school and work', [12, 70]),
  ]),
  S('Office Notes', 51, ['office visit', 'complaint', 'refill', 'counseling'], [
    visit('Office Note - Back Pain', 'low back pain', [20, 80]),
    visit('Office Note - Rash', 'an itchy rash of both arms', [2, 80]),
  ]),
  S('Podiatry', 47, ['bunion', 'hallux', 'plantar', 'toenail', 'heel'], [
    op('Bunionectomy', 'painful hallux valgus of the right foot', [25, 75], { anesthesia: 'Ankle block with sedation' }),
    visit('Plantar Fasciitis Evaluation', 'heel pain on first steps in the morning', [25, 75]),
  ]),
  S('Dermatology', 29, ['rash', 'eczema', 'biopsy', 'melanoma', 'psoriasis'], [
    op('Skin Biopsy', 'a changing pigmented lesion of the back', [20, 85], { anesthesia: 'Local anesthesia', finding: 'A shave biopsy was sent for pathology.' }),
    visit('Dermatology Consultation', 'plaque psoriasis', [10, 80]),
  ]),
  S('Dentistry', 27, ['extraction', 'molar', 'caries', 'gingiva', 'dental'], [
    op('Dental Extraction', 'a nonrestorable lower left molar', [14, 85], { anesthesia: 'Local anesthesia' }),
    op('Dental Restoration', 'dental caries', [6, 80], { anesthesia: 'Local anesthesia', closed: true }),
  ]),
  S('Cosmetic / Plastic Surgery', 27, ['abdominoplasty', 'breast', 'liposuction', 'flap', 'graft'], [
    op('Abdominoplasty', 'abdominal skin laxity after weight loss', [25, 65]),
    op('Reduction Mammaplasty', 'symptomatic macromastia', [18, 65], { sex: 'female' }),
  ]),
  S('Letters', 23, ['letter', 'referral', 'thank you', 'evaluation'], [
    { name: 'Referral Letter', indication: 'knee pain', ages: [18, 85], kind: 'letter' },
    { name: 'Follow-up Letter', indication: 'hypertension', ages: [30, 85], kind: 'letter' },
  ]),
  S('Physical Medicine - Rehab', 21, ['rehabilitation', 'physical therapy', 'strength', 'range of motion'], [
    visit('Rehabilitation Evaluation', 'deconditioning after a hip fracture', [60, 95]),
    visit('Physical Therapy Progress', 'right shoulder pain', [20, 80]),
  ]),
  S('Sleep Medicine', 20, ['sleep apnea', 'polysomnography', 'cpap', 'snoring', 'insomnia'], [
    report('Polysomnogram', 'loud snoring and suspected obstructive sleep apnea', [25, 80], { finding: 'The apnea-hypopnea index is 22 events per hour, with oxygen desaturation to 84 percent.', impression: 'Moderate obstructive sleep apnea.' }),
    visit('Sleep Consultation', 'insomnia', [18, 80]),
  ]),
  S('Endocrinology', 19, ['thyroid', 'insulin', 'glucose', 'hba1c', 'adrenal'], [
    visit('Thyroid Consultation', 'a thyroid nodule', [20, 80]),
    visit('Diabetes Management', 'poorly controlled type 2 diabetes mellitus', [30, 85]),
  ]),
  S('Bariatrics', 18, ['gastric bypass', 'obesity', 'bmi', 'lap band', 'weight loss'], [
    op('Laparoscopic Gastric Bypass', 'morbid obesity', [20, 65]),
    visit('Bariatric Consultation', 'morbid obesity', [20, 65]),
  ]),
  S('IME-QME-Work Comp etc.', 16, ['independent medical examination', 'work injury', 'impairment', 'disability'], [
    visit('Independent Medical Evaluation', 'a work-related low back injury', [20, 66]),
  ]),
  S('Chiropractic', 14, ['spinal adjustment', 'subluxation', 'lumbar', 'cervical'], [visit('Chiropractic Evaluation', 'neck and upper back pain', [18, 80])]),
  S('Diets and Nutritions', 10, ['diet', 'calories', 'nutrition', 'carbohydrates'], [visit('Dietary Consultation', 'obesity and prediabetes', [10, 80])]),
  S('Rheumatology', 10, ['arthritis', 'lupus', 'joint swelling', 'methotrexate'], [visit('Rheumatology Consultation', 'swelling of the small joints of both hands', [25, 80])]),
  S('Speech - Language', 9, ['speech', 'language', 'articulation', 'swallow'], [visit('Speech Evaluation', 'delayed speech and articulation errors', [2, 8])]),
  S('Autopsy', 8, ['autopsy', 'cause of death', 'external examination', 'organs'], [{ name: 'Autopsy Report', indication: 'an unexpected death at home', ages: [20, 90], kind: 'autopsy' }]),
  S('Lab Medicine - Pathology', 8, ['specimen', 'microscopic', 'pathology', 'frozen section'], [report('Pathology Report', 'a sigmoid colon polyp', [40, 85], { finding: 'Sections show a tubular adenoma without high-grade dysplasia; the margins are clear.', impression: 'Tubular adenoma of the sigmoid colon.' })]),
  S('Allergy / Immunology', 7, ['allergy', 'immunotherapy', 'asthma', 'rhinitis'], [visit('Allergy Evaluation', 'seasonal allergic rhinitis', [5, 70])]),
  S('Hospice - Palliative Care', 6, ['hospice', 'palliative', 'comfort care', 'goals of care'], [visit('Palliative Care Consultation', 'metastatic lung cancer', [50, 95])]),
];
