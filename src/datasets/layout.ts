/** Where each dataset's raw files live under the datasets folder: the real Kaggle layout (DESIGN §3). */
export const EQUIPMENT_FOLDER = 'Military_Equipment_for_Local_Law_Enforcement';
export const EQUIPMENT_FILE = `${EQUIPMENT_FOLDER}/dod_all_states.csv`;
export const BASES_FILE = 'military_bases/military-bases.csv';
export const HEALTHCARE_FILE = 'healthcare_documentation/Healthcare Documentation Database.csv';
