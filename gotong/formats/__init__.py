"""Date formats the pages use by default (`FORMAT_MODULE_PATH`): "18 Mar 2022", as Indonesians write a date.

Django's own `id` DATE_FORMAT ("j N Y") prints AP-style abbreviations ("Agu."); only the settings defined here
are overridden, everything else (number separators, input formats) still comes from Django's locale files.
"""
