"""Collaboration health: the five stages of collaborative governance (Ansell & Gash 2008) measured from the
records, one function per indicator in the stage modules (`dialogue`, `trust`, `commitment`, `understanding`,
`small_wins`), warnings in `warnings`, the definitions shown to users in `definitions`."""
