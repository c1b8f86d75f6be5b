"""The puskesmas monthly report of a posyandu (or of every posyandu in scope), built from the records.

Each part of a posyandu day (weighing, immunisation, vitamin A and deworming, supplementary feeding, pregnant
women) contributes its own section through `register_section`; the report page, PDF and XLSX only lay them out.
"""
