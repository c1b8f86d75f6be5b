"""The puskesmas monthly report of a posyandu (or of every posyandu in scope), built from the records.

Each part of a posyandu day (weighing, immunisation, vitamin A and deworming, supplementary feeding, pregnant
women) contributes its own section through `register_section`; the report page, PDF and XLSX only lay them out.

The layout follows the Sistem Informasi Posyandu (SIP) the puskesmas collect each month (Kemenkes/Kemendagri,
Pedoman Umum Pengelolaan Posyandu 2011, lampiran "Format SIP"): Format 2 (register bayi dan balita: penimbangan,
vitamin A, imunisasi), Format 4 (register ibu hamil) and Format 6 (data hasil kegiatan posyandu: SKDN, vitamin A,
PMT, imunisasi, ibu hamil), one row per posyandu and a total.
"""

# Importing a section's module registers it: weighing 10, immunisation 20, vitamin A and deworming 30, PMT 40,
# pregnant women 50.
from gotong.posyandu.monthly import feeding, immunisation, pregnancy, vitamin_a, weighing  # noqa: E402, F401
