// Nine records over five specialties with hand-checkable figures (the expected values are worked out in
// the tests that use them).
import type { HealthcareRow } from '../../../src/site/assets/medical.js';

function row(serial: number, specialty: string, length: number, keywords: string, transcription: string): HealthcareRow {
  return {
    'Serial No': serial,
    description: `Description of record ${serial}.`,
    medical_specialty: specialty,
    sample_name: `Sample ${serial}`,
    transcription,
    keywords,
    transcription_length: length,
  };
}

export const SURGERY = 'Surgery';
export const CARDIO = 'Cardiovascular / Pulmonary';
export const ORTHO = 'Orthopedic';
export const NEURO = 'Neurology';
export const DERM = 'Dermatology';

export const FIXTURE_ROWS: HealthcareRow[] = [
  row(10, SURGERY, 100, 'surgery, laparoscopic cholecystectomy, gallbladder, cholecystitis', 'The tourniquet was applied. Patient tolerated the procedure.'),
  row(11, SURGERY, 200, 'surgery, gallbladder, appendectomy, ab, ', 'Appendix removed; the patient is stable.'),
  row(12, SURGERY, 300, 'laparoscopic cholecystectomy, gallbladder', 'History: <script>alert(1)</script> and <img src=x onerror="alert(2)"> pasted from a form.'),
  row(13, CARDIO, 500, 'cardiovascular / pulmonary, chest pain, cardiac catheterization, Gallbladder', 'Chest pain radiating to the arm. The patient denies dyspnea.'),
  row(14, CARDIO, 700, 'cardiovascular, chest pain, an extremely long keyword phrase well over forty characters', 'Echocardiogram (2-D) normal; C++ and a*b\\c are not medical.'),
  row(15, ORTHO, 100, 'orthopedic, knee arthroscopy, chest pain', 'Right knee effusion. The patient walks.'),
  row(16, ORTHO, 150, 'orthopedic, knee arthroscopy, knee arthroscopy', 'Left KNEE pain after a fall.'),
  row(17, NEURO, 1000, 'neurology, pulmonary, headache', "Ménière's disease suspected; the patient reports vertigo."),
  row(18, DERM, 50, 'dermatology, rash', 'Erythematous rash on the forearm.'),
];
